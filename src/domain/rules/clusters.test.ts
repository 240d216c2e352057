// docs/spec/rules.md, "GlobalRouter clusters": container and service ranges, node subnets and
// whether the planned nodes fit. (Container CIDRs against connected VPCs are in
// connections.test.ts; the capacity numbers themselves in capacity/capacity.test.ts.)
//
// For two clusters whose ranges overlap, the spec does not say which is "the offending
// object"; these tests take the one later in the plan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cluster, Plan } from '../model/plan';
import { basePlan, cluster, plan, resource, subnet, vpc } from '../../test-support/builders';
import {
  block4,
  expectFinding,
  expectSuggestionFixes,
  findingsOf,
  overlap4,
  pairKey,
  problemsOf,
  single,
} from '../../test-support/rule-checks';

/** The base plan with cls-1 built from these fields alone (vpc-a, node subnet sn-node by default). */
function withCls(fields: Partial<Cluster>, extraClusters: Cluster[] = []): Plan {
  return basePlan({
    clusters: [
      cluster('cls-1', 'vpc-a', { nodeSubnets: ['sn-node'], ...fields }),
      ...extraClusters,
    ],
  });
}

const GR = { containerCidr: '172.16.0.0/16', maxPodsPerNode: 256, maxServices: 256 } as const;

describe('CLUSTER_CIDR_MISSING', () => {
  it('reports a global-router cluster without containerCidr, with a suggestion that fixes it', () => {
    for (const p of [withCls({}), withCls({ mode: 'global-router' })]) {
      const f = single(p, 'CLUSTER_CIDR_MISSING');
      expectFinding(f, { severity: 'error', objects: ['cls-1'] });
      expect(expectSuggestionFixes(p, f)).toBe(true);
      expect(f.suggestion?.field).toBe('containerCidr');
    }
  });

  it('is not reported for a vpc-cni cluster, nor for one that has a container CIDR', () => {
    const cni = withCls({ mode: 'vpc-cni', serviceCidr: '192.168.0.0/20' });
    expect(findingsOf(cni, 'CLUSTER_CIDR_MISSING')).toEqual([]);
    expect(findingsOf(withCls(GR), 'CLUSTER_CIDR_MISSING')).toEqual([]);
  });
});

describe('CLUSTER_CIDR_RANGE', () => {
  it.each([
    '11.0.0.0/16',
    '100.64.0.0/16',
    '172.32.0.0/16',
    '172.0.0.0/11',
    '192.169.0.0/16',
    '8.0.0.0/6',
  ])('reports container CIDR %s, with a suggestion that fixes it', (cidr) => {
    const p = withCls({ ...GR, containerCidr: cidr });
    const f = single(p, 'CLUSTER_CIDR_RANGE');
    expectFinding(f, { severity: 'error', objects: ['cls-1'], ranges: [cidr] });
    expectSuggestionFixes(p, f);
  });

  it.each([
    '10.255.0.0/16',
    '172.31.0.0/16',
    '172.16.0.0/12',
    '192.168.0.0/16',
    '192.168.255.0/24',
  ])('accepts container CIDR %s', (cidr) => {
    expect(findingsOf(withCls({ ...GR, containerCidr: cidr }), 'CLUSTER_CIDR_RANGE')).toEqual([]);
  });
});

describe('CLUSTER_POD_NUM_RANGE and CLUSTER_POD_NUM_ROUNDED', () => {
  it.each([1, 2, 257, 300, 512])('reports maxPodsPerNode %i (rounded outside 4..256)', (n) => {
    const f = single(withCls({ ...GR, maxPodsPerNode: n }), 'CLUSTER_POD_NUM_RANGE');
    expectFinding(f, { severity: 'error', objects: ['cls-1'] });
  });

  it.each([3, 4, 5, 64, 129, 256])('accepts maxPodsPerNode %i (rounded inside 4..256)', (n) => {
    expect(findingsOf(withCls({ ...GR, maxPodsPerNode: n }), 'CLUSTER_POD_NUM_RANGE')).toEqual([]);
  });

  it.each([3, 5, 100, 129, 257])('reports maxPodsPerNode %i as rounded (info)', (n) => {
    const f = single(withCls({ ...GR, maxPodsPerNode: n }), 'CLUSTER_POD_NUM_ROUNDED');
    expectFinding(f, { severity: 'info', objects: ['cls-1'] });
  });

  it.each([4, 8, 64, 256])('does not report the power of two %i as rounded', (n) => {
    expect(findingsOf(withCls({ ...GR, maxPodsPerNode: n }), 'CLUSTER_POD_NUM_ROUNDED')).toEqual(
      [],
    );
  });
});

describe('pod and service counts of a global-router cluster that has no container CIDR yet', () => {
  it('still reports maxPodsPerNode and maxServices outside their ranges', () => {
    const p = withCls({ maxPodsPerNode: 1000, maxServices: 16 });
    expect(findingsOf(p, 'CLUSTER_CIDR_MISSING')).toHaveLength(1);
    expectFinding(single(p, 'CLUSTER_POD_NUM_RANGE'), { severity: 'error', objects: ['cls-1'] });
    expectFinding(single(p, 'CLUSTER_SERVICE_NUM_RANGE'), {
      severity: 'error',
      objects: ['cls-1'],
    });
  });

  it('does not apply them to a vpc-cni cluster (the fields are global-router ones)', () => {
    const p = withCls({
      mode: 'vpc-cni',
      podSubnets: ['sn-db'],
      serviceCidr: '192.168.0.0/20',
      maxPodsPerNode: 1000,
      maxServices: 16,
    });
    expect(findingsOf(p, 'CLUSTER_POD_NUM_RANGE')).toEqual([]);
    expect(findingsOf(p, 'CLUSTER_SERVICE_NUM_RANGE')).toEqual([]);
  });
});

describe('CLUSTER_SERVICE_NUM_RANGE and CLUSTER_SERVICE_NUM_ROUNDED', () => {
  it.each([1, 16, 32769, 40000])('reports maxServices %i (rounded outside 32..32768)', (n) => {
    const f = single(
      withCls({ ...GR, containerCidr: '172.16.0.0/12', maxServices: n }),
      'CLUSTER_SERVICE_NUM_RANGE',
    );
    expectFinding(f, { severity: 'error', objects: ['cls-1'] });
  });

  it.each([17, 31, 32, 1000, 20000, 32768])(
    'accepts maxServices %i (rounded inside 32..32768)',
    (n) => {
      const p = withCls({ ...GR, containerCidr: '172.16.0.0/12', maxServices: n });
      expect(findingsOf(p, 'CLUSTER_SERVICE_NUM_RANGE')).toEqual([]);
    },
  );

  it.each([17, 100, 1000, 20000])('reports maxServices %i as rounded (info)', (n) => {
    const f = single(
      withCls({ ...GR, containerCidr: '172.16.0.0/12', maxServices: n }),
      'CLUSTER_SERVICE_NUM_ROUNDED',
    );
    expectFinding(f, { severity: 'info', objects: ['cls-1'] });
  });

  it.each([32, 1024, 32768])('does not report the power of two %i as rounded', (n) => {
    const p = withCls({ ...GR, containerCidr: '172.16.0.0/12', maxServices: n });
    expect(findingsOf(p, 'CLUSTER_SERVICE_NUM_ROUNDED')).toEqual([]);
  });
});

describe('CLUSTER_CIDR_TOO_SMALL', () => {
  it('reports a /24 that the carved service range leaves no node in, with a suggestion that fixes it', () => {
    const p = withCls({ ...GR, containerCidr: '172.16.0.0/24' });
    const f = single(p, 'CLUSTER_CIDR_TOO_SMALL');
    expectFinding(f, { severity: 'error', objects: ['cls-1'], ranges: ['172.16.0.0/24'] });
    expect(expectSuggestionFixes(p, f)).toBe(true);
  });

  it('reports a node block that the service range only touches (256 pods, 32 services in a /24)', () => {
    const p = withCls({ ...GR, containerCidr: '172.16.0.0/24', maxServices: 32 });
    const f = single(p, 'CLUSTER_CIDR_TOO_SMALL');
    expectFinding(f, { severity: 'error', objects: ['cls-1'], ranges: ['172.16.0.0/24'] });
    expectSuggestionFixes(p, f);
  });

  it('uses the rounded numbers: 200 pods and 20 services in a /24 leave no node', () => {
    const p = withCls({
      ...GR,
      containerCidr: '172.16.0.0/24',
      maxPodsPerNode: 200,
      maxServices: 20,
    });
    expect(findingsOf(p, 'CLUSTER_CIDR_TOO_SMALL')).toHaveLength(1);
  });

  it('accepts one node: a /23 with 256 pods and 256 carved services', () => {
    const p = withCls({ ...GR, containerCidr: '172.16.0.0/23' });
    expect(findingsOf(p, 'CLUSTER_CIDR_TOO_SMALL')).toEqual([]);
  });

  it('accepts a /24 with 64 pods and 32 services (three node blocks untouched)', () => {
    const p = withCls({
      ...GR,
      containerCidr: '172.16.0.0/24',
      maxPodsPerNode: 64,
      maxServices: 32,
    });
    expect(findingsOf(p, 'CLUSTER_CIDR_TOO_SMALL')).toEqual([]);
  });

  it('with an explicit service CIDR, a /24 holds one node of 256 pods; a /25 holds none', () => {
    const ok = withCls({ ...GR, containerCidr: '172.16.0.0/24', serviceCidr: '192.168.0.0/20' });
    expect(findingsOf(ok, 'CLUSTER_CIDR_TOO_SMALL')).toEqual([]);
    const small = withCls({ ...GR, containerCidr: '172.16.0.0/25', serviceCidr: '192.168.0.0/20' });
    const f = single(small, 'CLUSTER_CIDR_TOO_SMALL');
    expectFinding(f, { severity: 'error', objects: ['cls-1'], ranges: ['172.16.0.0/25'] });
    expectSuggestionFixes(small, f);
  });
});

describe('CLUSTER_CIDR_OVERLAPS_VPC', () => {
  it.each([
    ['10.0.128.0/17', 'inside the VPC'],
    ['10.0.0.0/16', 'equal to the VPC'],
  ])('reports container CIDR %s (%s), with a suggestion that fixes it', (cidr) => {
    const p = withCls({ ...GR, containerCidr: cidr });
    const f = single(p, 'CLUSTER_CIDR_OVERLAPS_VPC');
    expectFinding(f, {
      severity: 'error',
      objects: ['cls-1', 'vpc-a'],
      ranges: [cidr, '10.0.0.0/16'],
    });
    expect(expectSuggestionFixes(p, f)).toBe(true);
  });

  it('reports a container CIDR containing the VPC (no other free /8 exists, so a fix is optional)', () => {
    const p = withCls({ ...GR, containerCidr: '10.0.0.0/8' });
    const f = single(p, 'CLUSTER_CIDR_OVERLAPS_VPC');
    expectFinding(f, {
      severity: 'error',
      objects: ['cls-1', 'vpc-a'],
      ranges: ['10.0.0.0/8', '10.0.0.0/16'],
    });
    expectSuggestionFixes(p, f);
  });

  it('reports an overlap with a secondary CIDR of the VPC', () => {
    const p = basePlan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16', { secondaryCidrs: ['10.8.0.0/16'] })],
      clusters: [
        cluster('cls-1', 'vpc-a', {
          nodeSubnets: ['sn-node'],
          ...GR,
          containerCidr: '10.8.0.0/14',
        }),
      ],
    });
    const f = single(p, 'CLUSTER_CIDR_OVERLAPS_VPC');
    expectFinding(f, {
      severity: 'error',
      objects: ['cls-1', 'vpc-a'],
      ranges: ['10.8.0.0/14', '10.8.0.0/16'],
    });
    expectSuggestionFixes(p, f);
  });

  it('accepts a container CIDR that touches the VPC without overlapping it', () => {
    expect(
      findingsOf(withCls({ ...GR, containerCidr: '10.1.0.0/16' }), 'CLUSTER_CIDR_OVERLAPS_VPC'),
    ).toEqual([]);
  });

  it('does not compare a container CIDR with another, unconnected VPC', () => {
    const p = basePlan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '172.16.0.0/16')],
    });
    expect(findingsOf(p, 'CLUSTER_CIDR_OVERLAPS_VPC')).toEqual([]);
  });
});

describe('CLUSTER_CIDR_OVERLAPS_CLUSTER', () => {
  const two = (a: string, b: string, vpcB = 'vpc-a') =>
    basePlan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.1.0.0/16')],
      subnets: [
        subnet('sn-node', 'vpc-a', '10.0.1.0/24'),
        subnet('sn-db', 'vpc-a', '10.0.2.0/24'),
        subnet('sn-node2', vpcB, vpcB === 'vpc-a' ? '10.0.3.0/24' : '10.1.3.0/24'),
      ],
      clusters: [
        cluster('cls-1', 'vpc-a', { nodeSubnets: ['sn-node'], ...GR, containerCidr: a }),
        cluster('cls-2', vpcB, { nodeSubnets: ['sn-node2'], ...GR, containerCidr: b }),
      ],
    });

  it.each([
    ['172.16.0.0/16', '172.16.128.0/17'],
    ['172.16.128.0/17', '172.16.0.0/16'],
    ['172.16.0.0/16', '172.16.0.0/16'],
  ])(
    'reports %s and %s in one VPC, the later cluster first, with a suggestion that fixes it',
    (a, b) => {
      const p = two(a, b);
      const f = single(p, 'CLUSTER_CIDR_OVERLAPS_CLUSTER');
      expectFinding(f, { severity: 'error', objects: ['cls-2', 'cls-1'], ranges: [b, a] });
      expect(expectSuggestionFixes(p, f)).toBe(true);
    },
  );

  it('accepts container CIDRs that touch without overlapping', () => {
    expect(
      findingsOf(two('172.16.0.0/16', '172.17.0.0/16'), 'CLUSTER_CIDR_OVERLAPS_CLUSTER'),
    ).toEqual([]);
  });

  it('does not compare clusters of different VPCs', () => {
    expect(
      findingsOf(two('172.16.0.0/16', '172.16.0.0/16', 'vpc-b'), 'CLUSTER_CIDR_OVERLAPS_CLUSTER'),
    ).toEqual([]);
  });

  it('property: the findings are exactly the overlapping pairs of one VPC', () => {
    const containerArb = fc
      .integer({ min: 12, max: 20 })
      .chain((prefix) =>
        fc
          .integer({ min: 0, max: 2 ** (prefix - 12) - 1 })
          .map((i) => block4('172.16.0.0', prefix, i)),
      );
    fc.assert(
      fc.property(fc.array(containerArb, { minLength: 2, maxLength: 7 }), (cidrs) => {
        const p = basePlan({
          clusters: cidrs.map((c, i) =>
            cluster(`cls-${i}`, 'vpc-a', {
              nodeSubnets: ['sn-node'],
              maxPodsPerNode: 64,
              maxServices: 32,
              containerCidr: c,
            }),
          ),
        });
        const expected: string[] = [];
        for (let i = 0; i < cidrs.length; i++)
          for (let j = i + 1; j < cidrs.length; j++)
            if (overlap4(cidrs[i]!, cidrs[j]!)) expected.push(pairKey(`cls-${i}`, `cls-${j}`));
        const got = findingsOf(p, 'CLUSTER_CIDR_OVERLAPS_CLUSTER');
        expect(got.map((f) => pairKey(f.objects[0]!, f.objects[1]!)).sort()).toEqual(
          expected.sort(),
        );
        for (const f of got) {
          const later = Number(f.objects[0]!.slice(4));
          const earlier = Number(f.objects[1]!.slice(4));
          expect(later).toBeGreaterThan(earlier);
          expect(f.ranges).toEqual([cidrs[later], cidrs[earlier]]);
          expect(f.severity).toBe('error');
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('SERVICE_CIDR_RANGE', () => {
  it.each(['100.64.0.0/20', '11.0.0.0/20', '172.32.0.0/20'])(
    'reports service CIDR %s, with a suggestion that fixes it',
    (svc) => {
      const p = withCls({ ...GR, serviceCidr: svc });
      const f = single(p, 'SERVICE_CIDR_RANGE');
      expectFinding(f, { severity: 'error', objects: ['cls-1'], ranges: [svc] });
      expect(expectSuggestionFixes(p, f)).toBe(true);
    },
  );

  it.each(['192.168.0.0/20', '10.255.240.0/20', '172.31.240.0/20'])(
    'accepts service CIDR %s',
    (svc) => {
      expect(findingsOf(withCls({ ...GR, serviceCidr: svc }), 'SERVICE_CIDR_RANGE')).toEqual([]);
    },
  );
});

describe('SERVICE_CIDR_OVERLAPS_CONTAINER', () => {
  it.each(['172.16.240.0/20', '172.16.0.0/16', '172.16.0.0/12'])(
    'reports service CIDR %s against container 172.16.0.0/16, naming both, with a fix',
    (svc) => {
      const p = withCls({ ...GR, serviceCidr: svc });
      const f = single(p, 'SERVICE_CIDR_OVERLAPS_CONTAINER');
      expectFinding(f, { severity: 'error', objects: ['cls-1'], mentions: [svc, '172.16.0.0/16'] });
      expect(f.ranges[0]).toBe(svc);
      expect(expectSuggestionFixes(p, f)).toBe(true);
    },
  );

  it('accepts a service CIDR right after the container CIDR, and the carved default', () => {
    expect(
      findingsOf(
        withCls({ ...GR, serviceCidr: '172.17.0.0/20' }),
        'SERVICE_CIDR_OVERLAPS_CONTAINER',
      ),
    ).toEqual([]);
    expect(findingsOf(withCls(GR), 'SERVICE_CIDR_OVERLAPS_CONTAINER')).toEqual([]);
  });
});

describe('SERVICE_CIDR_OVERLAPS_VPC', () => {
  it('reports a service CIDR inside the VPC, with a suggestion that fixes it', () => {
    const p = withCls({ ...GR, serviceCidr: '10.0.240.0/20' });
    const f = single(p, 'SERVICE_CIDR_OVERLAPS_VPC');
    expectFinding(f, {
      severity: 'error',
      objects: ['cls-1', 'vpc-a'],
      ranges: ['10.0.240.0/20', '10.0.0.0/16'],
    });
    expect(expectSuggestionFixes(p, f)).toBe(true);
  });

  it('reports a service CIDR overlapping a secondary CIDR of the VPC', () => {
    const p = basePlan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16', { secondaryCidrs: ['10.8.0.0/16'] })],
      clusters: [
        cluster('cls-1', 'vpc-a', { nodeSubnets: ['sn-node'], ...GR, serviceCidr: '10.8.0.0/20' }),
      ],
    });
    const f = single(p, 'SERVICE_CIDR_OVERLAPS_VPC');
    expectFinding(f, {
      severity: 'error',
      objects: ['cls-1', 'vpc-a'],
      ranges: ['10.8.0.0/20', '10.8.0.0/16'],
    });
  });

  it('accepts a service CIDR that touches the VPC', () => {
    expect(
      findingsOf(withCls({ ...GR, serviceCidr: '10.1.0.0/20' }), 'SERVICE_CIDR_OVERLAPS_VPC'),
    ).toEqual([]);
  });
});

describe('SERVICE_CIDR_OVERLAPS_CLUSTER', () => {
  const other = (fields: Partial<Cluster>) =>
    cluster('cls-2', 'vpc-a', {
      nodeSubnets: ['sn-node'],
      maxPodsPerNode: 256,
      maxServices: 256,
      ...fields,
    });

  it("reports a service CIDR inside another cluster's container CIDR, with a fix", () => {
    const p = withCls(GR, [
      other({ containerCidr: '172.17.0.0/16', serviceCidr: '172.16.0.0/20' }),
    ]);
    const f = single(p, 'SERVICE_CIDR_OVERLAPS_CLUSTER');
    expectFinding(f, {
      severity: 'error',
      objects: ['cls-2', 'cls-1'],
      ranges: ['172.16.0.0/20', '172.16.0.0/16'],
    });
    expect(expectSuggestionFixes(p, f)).toBe(true);
  });

  it("reports a service CIDR that an earlier cluster's container CIDR overlaps (offender first)", () => {
    const p = withCls({ ...GR, serviceCidr: '172.17.0.0/20' }, [
      other({ containerCidr: '172.17.0.0/16' }),
    ]);
    const f = single(p, 'SERVICE_CIDR_OVERLAPS_CLUSTER');
    expectFinding(f, {
      severity: 'error',
      objects: ['cls-1', 'cls-2'],
      ranges: ['172.17.0.0/20', '172.17.0.0/16'],
    });
    expectSuggestionFixes(p, f);
  });

  it("reports two clusters' explicit service CIDRs that overlap, and only between the two", () => {
    const p = withCls({ ...GR, serviceCidr: '192.168.0.0/20' }, [
      other({ containerCidr: '172.17.0.0/16', serviceCidr: '192.168.8.0/21' }),
    ]);
    const got = findingsOf(p, 'SERVICE_CIDR_OVERLAPS_CLUSTER');
    expect(got.length).toBeGreaterThanOrEqual(1);
    for (const f of got) {
      expect([...f.objects].sort()).toEqual(['cls-1', 'cls-2']);
      expect(f.severity).toBe('error');
      expect(f.message).toContain('192.168.0.0/20');
      expect(f.message).toContain('192.168.8.0/21');
    }
  });

  it('accepts service and container CIDRs that touch, and clusters of other VPCs', () => {
    const touching = withCls({ ...GR, serviceCidr: '192.168.0.0/20' }, [
      other({ containerCidr: '172.17.0.0/16', serviceCidr: '192.168.16.0/20' }),
    ]);
    expect(findingsOf(touching, 'SERVICE_CIDR_OVERLAPS_CLUSTER')).toEqual([]);
    const apart = basePlan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.1.0.0/16')],
      subnets: [
        subnet('sn-node', 'vpc-a', '10.0.1.0/24'),
        subnet('sn-db', 'vpc-a', '10.0.2.0/24'),
        subnet('sn-b', 'vpc-b', '10.1.1.0/24'),
      ],
      clusters: [
        cluster('cls-1', 'vpc-a', {
          nodeSubnets: ['sn-node'],
          ...GR,
          serviceCidr: '192.168.0.0/20',
        }),
        cluster('cls-2', 'vpc-b', { nodeSubnets: ['sn-b'], ...GR, serviceCidr: '192.168.0.0/20' }),
      ],
    });
    expect(findingsOf(apart, 'SERVICE_CIDR_OVERLAPS_CLUSTER')).toEqual([]);
  });
});

describe('NODE_SUBNET_OTHER_VPC', () => {
  const p = (nodeSubnets: string[]) =>
    basePlan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.1.0.0/16')],
      subnets: [
        subnet('sn-node', 'vpc-a', '10.0.1.0/24'),
        subnet('sn-db', 'vpc-a', '10.0.2.0/24'),
        subnet('sn-b', 'vpc-b', '10.1.1.0/24'),
      ],
      clusters: [cluster('cls-1', 'vpc-a', { ...GR, nodeSubnets })],
    });

  it('reports a node subnet of another VPC', () => {
    const f = single(p(['sn-node', 'sn-b']), 'NODE_SUBNET_OTHER_VPC');
    expectFinding(f, { severity: 'error', objects: ['cls-1', 'sn-b'], mentions: [] });
    expect(f.ranges).toContain('10.1.1.0/24');
  });

  it("names the subnet's range in the message (the range the finding carries)", () => {
    expect(single(p(['sn-node', 'sn-b']), 'NODE_SUBNET_OTHER_VPC').message).toContain(
      '10.1.1.0/24',
    );
  });

  it('accepts node subnets of its own VPC', () => {
    expect(findingsOf(p(['sn-node', 'sn-db']), 'NODE_SUBNET_OTHER_VPC')).toEqual([]);
  });
});

describe('NODE_SUBNET_MISSING', () => {
  it('reports a cluster with no node subnet, absent or empty, in either mode', () => {
    const absent = basePlan({ clusters: [cluster('cls-1', 'vpc-a', GR)] });
    const empty = withCls({ ...GR, nodeSubnets: [] });
    const cni = basePlan({
      clusters: [
        cluster('cls-1', 'vpc-a', {
          mode: 'vpc-cni',
          serviceCidr: '192.168.0.0/20',
          podSubnets: ['sn-db'],
        }),
      ],
      resources: [],
    });
    for (const q of [absent, empty, cni]) {
      expectFinding(single(q, 'NODE_SUBNET_MISSING'), { severity: 'error', objects: ['cls-1'] });
    }
  });

  it('is not reported when the cluster has a node subnet', () => {
    expect(findingsOf(withCls(GR), 'NODE_SUBNET_MISSING')).toEqual([]);
  });
});

describe('NODE_COUNT_EXCEEDS_CAPACITY', () => {
  // 172.16.0.0/24 with 64 pods per node and 32 carved services holds 3 nodes; the /24 node subnet has 253 free IPs.
  const small = { containerCidr: '172.16.0.0/24', maxPodsPerNode: 64, maxServices: 32 };

  it('reports more nodes than the container CIDR holds', () => {
    const f = single(withCls({ ...small, nodeCount: 4 }), 'NODE_COUNT_EXCEEDS_CAPACITY');
    expectFinding(f, { severity: 'warning', objects: ['cls-1'] });
  });

  it('accepts exactly as many nodes as the container CIDR holds', () => {
    expect(findingsOf(withCls({ ...small, nodeCount: 3 }), 'NODE_COUNT_EXCEEDS_CAPACITY')).toEqual(
      [],
    );
  });

  const tinyNodes = (resources: ReturnType<typeof resource>[], nodeCount: number) =>
    basePlan({
      subnets: [subnet('sn-node', 'vpc-a', '10.0.1.0/28'), subnet('sn-db', 'vpc-a', '10.0.2.0/24')],
      clusters: [cluster('cls-1', 'vpc-a', { nodeSubnets: ['sn-node'], ...GR, nodeCount })],
      resources: [resource('db-1', 'sn-db', '10.0.2.10'), ...resources],
    });

  it('reports more nodes than the node subnet has usable addresses (a /28 has 13)', () => {
    expectFinding(single(tinyNodes([], 14), 'NODE_COUNT_EXCEEDS_CAPACITY'), {
      severity: 'warning',
      objects: ['cls-1'],
    });
    expect(findingsOf(tinyNodes([], 13), 'NODE_COUNT_EXCEEDS_CAPACITY')).toEqual([]);
  });

  it('counts the resources placed in the node subnet, and only those', () => {
    const held = [resource('vm-1', 'sn-node', '10.0.1.5', { kind: 'cvm' })];
    expect(findingsOf(tinyNodes(held, 13), 'NODE_COUNT_EXCEEDS_CAPACITY')).toHaveLength(1);
    expect(findingsOf(tinyNodes(held, 12), 'NODE_COUNT_EXCEEDS_CAPACITY')).toEqual([]);
    const elsewhere = [
      resource('db-2', 'sn-db', '10.0.2.11'),
      resource('db-3', 'sn-db', '10.0.2.12'),
    ];
    expect(findingsOf(tinyNodes(elsewhere, 13), 'NODE_COUNT_EXCEEDS_CAPACITY')).toEqual([]);
  });

  it('adds up the free IPs of several node subnets', () => {
    const p = (nodeCount: number) =>
      basePlan({
        subnets: [
          subnet('sn-node', 'vpc-a', '10.0.1.0/28'),
          subnet('sn-node2', 'vpc-a', '10.0.1.16/28'),
          subnet('sn-db', 'vpc-a', '10.0.2.0/24'),
        ],
        clusters: [
          cluster('cls-1', 'vpc-a', { nodeSubnets: ['sn-node', 'sn-node2'], ...GR, nodeCount }),
        ],
      });
    expect(findingsOf(p(26), 'NODE_COUNT_EXCEEDS_CAPACITY')).toEqual([]);
    expect(findingsOf(p(27), 'NODE_COUNT_EXCEEDS_CAPACITY')).toHaveLength(1);
  });

  it('is not reported without a nodeCount', () => {
    expect(findingsOf(withCls(small), 'NODE_COUNT_EXCEEDS_CAPACITY')).toEqual([]);
  });
});

describe('a cluster plan that conflicts with nothing', () => {
  it('has no error or warning finding', () => {
    const p = withCls({
      ...GR,
      maxPodsPerNode: 64,
      maxServices: 1024,
      serviceCidr: '192.168.0.0/20',
      nodeCount: 20,
    });
    expect(problemsOf(p)).toEqual([]);
    expect(problemsOf(plan({ vpcs: [vpc('vpc-a', '10.0.0.0/16')] }))).toEqual([]);
  });
});
