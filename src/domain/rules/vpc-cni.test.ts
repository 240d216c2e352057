// docs/spec/rules.md, "VPC-CNI clusters": pods take IPs from podSubnets; both rule sets apply
// to a cluster that sets both containerCidr and podSubnets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cluster, Plan, Resource, Subnet } from '../model/plan';
import { cluster, plan, resource, subnet, vpc } from '../../test-support/builders';
import {
  expectFinding,
  expectSuggestionFixes,
  findingsOf,
  problemsOf,
  single,
} from '../../test-support/rule-checks';

const ZONE = 'ap-guangzhou-3';
const ZONE4 = 'ap-guangzhou-4';

/**
 * VPC prod 10.0.0.0/16 with node subnet 10.0.1.0/24, pod subnet 10.0.64.0/18 and data subnet
 * 10.0.2.0/24 (all in one zone), a vpc-cni cluster cni-1 and a database in the data subnet.
 */
function cniPlan(
  fields: Partial<Cluster> = {},
  more: { subnets?: Subnet[]; clusters?: Cluster[]; resources?: Resource[] } = {},
): Plan {
  return plan({
    vpcs: [vpc('vpc-a', '10.0.0.0/16', { name: 'prod' }), vpc('vpc-b', '10.1.0.0/16')],
    subnets: [
      subnet('sn-node', 'vpc-a', '10.0.1.0/24', { zone: ZONE }),
      subnet('sn-db', 'vpc-a', '10.0.2.0/24', { zone: ZONE }),
      subnet('sn-pod', 'vpc-a', '10.0.64.0/18', { zone: ZONE }),
      subnet('sn-b', 'vpc-b', '10.1.64.0/18', { zone: ZONE }),
      ...(more.subnets ?? []),
    ],
    clusters: [
      cluster('cni-1', 'vpc-a', {
        mode: 'vpc-cni',
        nodeSubnets: ['sn-node'],
        podSubnets: ['sn-pod'],
        serviceCidr: '192.168.0.0/20',
        ...fields,
      }),
      ...(more.clusters ?? []),
    ],
    resources: [resource('db-1', 'sn-db', '10.0.2.10'), ...(more.resources ?? [])],
  });
}

describe('a vpc-cni plan that conflicts with nothing', () => {
  it('has no error or warning finding, and no container-CIDR finding', () => {
    expect(problemsOf(cniPlan())).toEqual([]);
    expect(findingsOf(cniPlan(), 'CLUSTER_CIDR_MISSING')).toEqual([]);
  });
});

describe('SERVICE_CIDR_MISSING', () => {
  it('reports a vpc-cni cluster without serviceCidr, with a suggestion that fixes it', () => {
    const p = cniPlan({ serviceCidr: undefined });
    const f = single(p, 'SERVICE_CIDR_MISSING');
    expectFinding(f, { severity: 'error', objects: ['cni-1'] });
    expect(expectSuggestionFixes(p, f)).toBe(true);
    expect(f.suggestion?.field).toBe('serviceCidr');
  });

  it('is not reported for a global-router cluster without serviceCidr (it is carved)', () => {
    const p = cniPlan({
      mode: 'global-router',
      containerCidr: '172.16.0.0/16',
      serviceCidr: undefined,
    });
    expect(findingsOf(p, 'SERVICE_CIDR_MISSING')).toEqual([]);
  });
});

describe("the service CIDR rules on a vpc-cni cluster's (required) service CIDR", () => {
  it('reports a service CIDR that is not private, or overlaps the VPC', () => {
    expectFinding(single(cniPlan({ serviceCidr: '100.64.0.0/20' }), 'SERVICE_CIDR_RANGE'), {
      severity: 'error',
      objects: ['cni-1'],
      ranges: ['100.64.0.0/20'],
    });
    expectFinding(single(cniPlan({ serviceCidr: '10.0.240.0/20' }), 'SERVICE_CIDR_OVERLAPS_VPC'), {
      severity: 'error',
      objects: ['cni-1', 'vpc-a'],
      ranges: ['10.0.240.0/20', '10.0.0.0/16'],
    });
  });
});

describe('POD_SUBNET_MISSING', () => {
  it('reports a vpc-cni cluster with no pod subnet, absent or empty', () => {
    for (const p of [cniPlan({ podSubnets: undefined }), cniPlan({ podSubnets: [] })]) {
      expectFinding(single(p, 'POD_SUBNET_MISSING'), { severity: 'error', objects: ['cni-1'] });
    }
  });

  it('is not reported for a global-router cluster, which has no pod subnets', () => {
    const p = cniPlan({
      mode: 'global-router',
      containerCidr: '172.16.0.0/16',
      podSubnets: undefined,
    });
    expect(findingsOf(p, 'POD_SUBNET_MISSING')).toEqual([]);
  });
});

describe('POD_SUBNET_OTHER_VPC', () => {
  it('reports a pod subnet of another VPC', () => {
    const f = single(cniPlan({ podSubnets: ['sn-pod', 'sn-b'] }), 'POD_SUBNET_OTHER_VPC');
    expectFinding(f, { severity: 'error', objects: ['cni-1', 'sn-b'], mentions: [] });
    expect(f.ranges).toContain('10.1.64.0/18');
  });

  it("names the subnet's range in the message (the range the finding carries)", () => {
    const f = single(cniPlan({ podSubnets: ['sn-pod', 'sn-b'] }), 'POD_SUBNET_OTHER_VPC');
    expect(f.message).toContain('10.1.64.0/18');
  });

  it('accepts pod subnets of its own VPC', () => {
    const p = cniPlan(
      { podSubnets: ['sn-pod', 'sn-pod2'] },
      { subnets: [subnet('sn-pod2', 'vpc-a', '10.0.128.0/18', { zone: ZONE })] },
    );
    expect(findingsOf(p, 'POD_SUBNET_OTHER_VPC')).toEqual([]);
  });

  it('applies to a global-router cluster that also sets podSubnets (both rule sets)', () => {
    const p = cniPlan({
      mode: 'global-router',
      containerCidr: '172.16.0.0/16',
      podSubnets: ['sn-b'],
    });
    expect(single(p, 'POD_SUBNET_OTHER_VPC').objects).toEqual(['cni-1', 'sn-b']);
  });
});

describe('POD_SUBNET_SHARED', () => {
  it('reports a pod subnet that is also its own node subnet', () => {
    const f = single(cniPlan({ nodeSubnets: ['sn-node', 'sn-pod'] }), 'POD_SUBNET_SHARED');
    expectFinding(f, {
      severity: 'error',
      objects: ['cni-1', 'sn-pod'],
      mentions: ['10.0.64.0/18'],
    });
  });

  it("reports a pod subnet that is another cluster's node subnet", () => {
    const p = cniPlan(
      {},
      {
        clusters: [
          cluster('cls-2', 'vpc-a', { nodeSubnets: ['sn-pod'], containerCidr: '172.16.0.0/16' }),
        ],
      },
    );
    const f = single(p, 'POD_SUBNET_SHARED');
    expectFinding(f, {
      severity: 'error',
      objects: ['cni-1', 'sn-pod'],
      mentions: ['10.0.64.0/18'],
    });
  });

  it("reports a pod subnet that is another cluster's pod subnet, for each of the two clusters", () => {
    const p = cniPlan(
      {},
      {
        subnets: [subnet('sn-node2', 'vpc-a', '10.0.3.0/24', { zone: ZONE })],
        clusters: [
          cluster('cni-2', 'vpc-a', {
            mode: 'vpc-cni',
            nodeSubnets: ['sn-node2'],
            podSubnets: ['sn-pod'],
            serviceCidr: '192.168.16.0/20',
          }),
        ],
      },
    );
    const got = findingsOf(p, 'POD_SUBNET_SHARED');
    expect(got.map((f) => f.objects).sort()).toEqual([
      ['cni-1', 'sn-pod'],
      ['cni-2', 'sn-pod'],
    ]);
    for (const f of got)
      expectFinding(f, { severity: 'error', objects: f.objects, mentions: ['10.0.64.0/18'] });
  });

  it('reports a pod subnet that holds a resource, with or without an IP', () => {
    for (const r of [resource('db-2', 'sn-pod', '10.0.64.10'), resource('db-2', 'sn-pod')]) {
      const f = single(cniPlan({}, { resources: [r] }), 'POD_SUBNET_SHARED');
      expectFinding(f, {
        severity: 'error',
        objects: ['cni-1', 'sn-pod'],
        mentions: ['10.0.64.0/18'],
      });
    }
  });

  it('accepts a pod subnet used by nothing else, even next to used subnets', () => {
    const p = cniPlan({}, { resources: [resource('db-2', 'sn-db', '10.0.2.11')] });
    expect(findingsOf(p, 'POD_SUBNET_SHARED')).toEqual([]);
  });

  it('property: a (cluster, pod subnet) pair is reported exactly when the subnet is shared', () => {
    const SUBNETS = ['s0', 's1', 's2', 's3', 's4'];
    const clusterArb = fc.record({
      nodes: fc.subarray(SUBNETS, { minLength: 1 }),
      pods: fc.subarray(SUBNETS, { minLength: 1 }),
    });
    fc.assert(
      fc.property(
        fc.array(clusterArb, { minLength: 1, maxLength: 4 }),
        fc.subarray(SUBNETS),
        (clusters, withResource) => {
          const p = plan({
            vpcs: [vpc('vpc-a', '10.0.0.0/16')],
            subnets: SUBNETS.map((id, i) => subnet(id, 'vpc-a', `10.0.${i}.0/24`)),
            clusters: clusters.map((c, i) =>
              cluster(`c${i}`, 'vpc-a', {
                mode: 'vpc-cni',
                nodeSubnets: c.nodes,
                podSubnets: c.pods,
                serviceCidr: `192.168.${i * 16}.0/20`,
              }),
            ),
            resources: withResource.map((s, i) => resource(`r${i}`, s)),
          });
          const expected: string[] = [];
          clusters.forEach((c, i) => {
            for (const s of c.pods) {
              const node = clusters.some((o) => o.nodes.includes(s));
              const otherPod = clusters.some((o, j) => j !== i && o.pods.includes(s));
              if (node || otherPod || withResource.includes(s)) expected.push(`c${i}|${s}`);
            }
          });
          const got = findingsOf(p, 'POD_SUBNET_SHARED').map(
            (f) => `${f.objects[0]}|${f.objects[1]}`,
          );
          expect(got.sort()).toEqual(expected.sort());
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('POD_SUBNET_ZONE_MISMATCH', () => {
  it('reports a node subnet whose zone no pod subnet is in', () => {
    const p = cniPlan(
      { nodeSubnets: ['sn-node', 'sn-node4'] },
      { subnets: [subnet('sn-node4', 'vpc-a', '10.0.4.0/24', { zone: ZONE4 })] },
    );
    const f = single(p, 'POD_SUBNET_ZONE_MISMATCH');
    expectFinding(f, { severity: 'warning', objects: ['cni-1', 'sn-node4'], mentions: [ZONE4] });
    expect(f.ranges).toContain('10.0.4.0/24');
  });

  it("names the node subnet's range in the message (the range the finding carries)", () => {
    const p = cniPlan(
      { nodeSubnets: ['sn-node', 'sn-node4'] },
      { subnets: [subnet('sn-node4', 'vpc-a', '10.0.4.0/24', { zone: ZONE4 })] },
    );
    expect(single(p, 'POD_SUBNET_ZONE_MISMATCH').message).toContain('10.0.4.0/24');
  });

  it('accepts node subnets whose zones each have a pod subnet', () => {
    const p = cniPlan(
      { nodeSubnets: ['sn-node', 'sn-node4'], podSubnets: ['sn-pod', 'sn-pod4'] },
      {
        subnets: [
          subnet('sn-node4', 'vpc-a', '10.0.4.0/24', { zone: ZONE4 }),
          subnet('sn-pod4', 'vpc-a', '10.0.128.0/18', { zone: ZONE4 }),
        ],
      },
    );
    expect(findingsOf(p, 'POD_SUBNET_ZONE_MISMATCH')).toEqual([]);
  });

  it('is not checked when a pod subnet or the node subnet has no zone', () => {
    const noPodZone = cniPlan(
      { nodeSubnets: ['sn-node4'], podSubnets: ['sn-pod', 'sn-pod-nz'] },
      {
        subnets: [
          subnet('sn-node4', 'vpc-a', '10.0.4.0/24', { zone: ZONE4 }),
          subnet('sn-pod-nz', 'vpc-a', '10.0.128.0/18'),
        ],
      },
    );
    expect(findingsOf(noPodZone, 'POD_SUBNET_ZONE_MISMATCH')).toEqual([]);
    const noNodeZone = cniPlan(
      { nodeSubnets: ['sn-node-nz'] },
      { subnets: [subnet('sn-node-nz', 'vpc-a', '10.0.4.0/24')] },
    );
    expect(findingsOf(noNodeZone, 'POD_SUBNET_ZONE_MISMATCH')).toEqual([]);
  });
});

describe('both rule sets for a vpc-cni cluster that also sets containerCidr', () => {
  it('checks the container CIDR against the VPC and against other clusters', () => {
    const p = cniPlan({ containerCidr: '10.0.128.0/17' });
    expectFinding(single(p, 'CLUSTER_CIDR_OVERLAPS_VPC'), {
      severity: 'error',
      objects: ['cni-1', 'vpc-a'],
      ranges: ['10.0.128.0/17', '10.0.0.0/16'],
    });
    const q = cniPlan(
      { containerCidr: '172.16.0.0/16' },
      {
        subnets: [subnet('sn-node2', 'vpc-a', '10.0.3.0/24', { zone: ZONE })],
        clusters: [
          cluster('cls-2', 'vpc-a', { nodeSubnets: ['sn-node2'], containerCidr: '172.16.0.0/16' }),
        ],
      },
    );
    expect(single(q, 'CLUSTER_CIDR_OVERLAPS_CLUSTER').objects).toEqual(['cls-2', 'cni-1']);
  });
});
