// docs/spec/rules.md, "GlobalRouter clusters" (the arithmetic) and docs/spec/plan-format.md
// ("capacity" in what validate prints): what each cluster holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cluster, Plan, Resource } from '../model/plan';
import { basePlan, cluster, plan, resource, subnet, vpc } from '../../test-support/builders';
import {
  block4,
  capacityOf,
  expectFinding,
  findingsOf,
  range4,
  single,
} from '../../test-support/rule-checks';

function withCls(fields: Partial<Cluster>, resources?: Resource[]): Plan {
  return basePlan({
    clusters: [
      cluster('cls-1', 'vpc-a', {
        nodeSubnets: ['sn-node'],
        containerCidr: '172.16.0.0/16',
        ...fields,
      }),
    ],
    ...(resources ? { resources } : {}),
  });
}

/** Rounded up to a power of two, written independently of the product. */
function pow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

describe('GlobalRouter capacity', () => {
  it('the base plan: 256 pods per node and 256 services carved from 172.16.0.0/16', () => {
    expect(capacityOf(basePlan(), 'cls-1')).toEqual({
      cluster: 'cls-1',
      podsPerNode: 253,
      perNodeCidrPrefix: 24,
      serviceCidr: '172.16.255.0/24',
      usableServices: 251,
      maxNodes: 255,
      nodeSubnetFreeIps: 253,
    });
  });

  it("the plan format's example: 64 pods, 1024 services in 172.16.0.0/16", () => {
    expect(capacityOf(withCls({ maxPodsPerNode: 64, maxServices: 1024 }), 'cls-1')).toEqual({
      cluster: 'cls-1',
      podsPerNode: 61,
      perNodeCidrPrefix: 26,
      serviceCidr: '172.16.252.0/22',
      usableServices: 1019,
      maxNodes: 1008,
      nodeSubnetFreeIps: 253,
    });
  });

  it('defaults to 256 pods per node and 256 services', () => {
    const c = capacityOf(withCls({}), 'cls-1');
    expect(c.podsPerNode).toBe(253);
    expect(c.perNodeCidrPrefix).toBe(24);
    expect(c.serviceCidr).toBe('172.16.255.0/24');
    expect(c.usableServices).toBe(251);
    expect(c.maxNodes).toBe(255);
  });

  it('an explicit service CIDR: its addresses − 5 services, and the whole container CIDR for nodes', () => {
    const c = capacityOf(
      withCls({ maxPodsPerNode: 256, maxServices: 256, serviceCidr: '192.168.0.0/20' }),
      'cls-1',
    );
    expect(c.serviceCidr).toBe('192.168.0.0/20');
    expect(c.usableServices).toBe(4096 - 5);
    expect(c.maxNodes).toBe(65536 / 256);
  });

  it('an explicit service CIDR smaller than maxServices still counts its own addresses', () => {
    const c = capacityOf(
      withCls({ maxPodsPerNode: 64, maxServices: 1024, serviceCidr: '192.168.0.0/24' }),
      'cls-1',
    );
    expect(c.usableServices).toBe(251);
    expect(c.maxNodes).toBe(1024);
  });

  it('a node block that the carved service range touches holds no node', () => {
    // /24 with 64-address node blocks: the 32 services take half of the last block
    const c = capacityOf(
      withCls({ containerCidr: '172.16.0.0/24', maxPodsPerNode: 64, maxServices: 32 }),
      'cls-1',
    );
    expect(c.maxNodes).toBe(3);
    expect(c.serviceCidr).toBe('172.16.0.224/27');
    expect(c.usableServices).toBe(27);
    const d = capacityOf(
      withCls({ containerCidr: '172.16.0.0/24', maxPodsPerNode: 16, maxServices: 32 }),
      'cls-1',
    );
    expect(d.maxNodes).toBe(14);
  });

  it('maxNodes below 1 is CLUSTER_CIDR_TOO_SMALL', () => {
    const p = withCls({ containerCidr: '172.16.0.0/24', maxPodsPerNode: 256, maxServices: 32 });
    expect(capacityOf(p, 'cls-1').maxNodes).toBe(0);
    expect(findingsOf(p, 'CLUSTER_CIDR_TOO_SMALL')).toHaveLength(1);
  });
});

describe('rounding of non power-of-two values', () => {
  it('pods per node round up: 100 → 128 (a /25 per node, 125 usable), with CLUSTER_POD_NUM_ROUNDED', () => {
    const p = withCls({ maxPodsPerNode: 100, maxServices: 256 });
    const c = capacityOf(p, 'cls-1');
    expect(c.podsPerNode).toBe(125);
    expect(c.perNodeCidrPrefix).toBe(25);
    expect(c.maxNodes).toBe((65536 - 256) / 128);
    expectFinding(single(p, 'CLUSTER_POD_NUM_ROUNDED'), { severity: 'info', objects: ['cls-1'] });
    expect(findingsOf(p, 'CLUSTER_SERVICE_NUM_ROUNDED')).toEqual([]);
  });

  it('pods per node 3 → 4: a /30 per node and 1 usable pod', () => {
    const c = capacityOf(withCls({ maxPodsPerNode: 3, maxServices: 256 }), 'cls-1');
    expect(c.podsPerNode).toBe(1);
    expect(c.perNodeCidrPrefix).toBe(30);
    expect(c.maxNodes).toBe((65536 - 256) / 4);
  });

  it('services round up: 1000 → 1024 carved as 172.16.252.0/22, with CLUSTER_SERVICE_NUM_ROUNDED', () => {
    const p = withCls({ maxPodsPerNode: 64, maxServices: 1000 });
    const c = capacityOf(p, 'cls-1');
    expect(c.serviceCidr).toBe('172.16.252.0/22');
    expect(c.usableServices).toBe(1019);
    expect(c.maxNodes).toBe(1008);
    expectFinding(single(p, 'CLUSTER_SERVICE_NUM_ROUNDED'), {
      severity: 'info',
      objects: ['cls-1'],
    });
    expect(findingsOf(p, 'CLUSTER_POD_NUM_ROUNDED')).toEqual([]);
  });

  it('no rounding finding for powers of two', () => {
    const p = withCls({ maxPodsPerNode: 32, maxServices: 2048 });
    expect(findingsOf(p).filter((f) => f.severity === 'info')).toEqual([]);
  });
});

describe('nodeSubnetFreeIps', () => {
  it('is the usable addresses (all but 3) of the node subnet less the resources placed there', () => {
    const held = [
      resource('db-1', 'sn-db', '10.0.2.10'),
      resource('vm-1', 'sn-node', '10.0.1.10', { kind: 'cvm' }),
      resource('vm-2', 'sn-node', '10.0.1.11', { kind: 'cvm' }),
    ];
    expect(capacityOf(withCls({}, held), 'cls-1').nodeSubnetFreeIps).toBe(253 - 2);
  });

  it('counts a resource placed without an IP too', () => {
    expect(
      capacityOf(withCls({}, [resource('vm-1', 'sn-node', undefined, { kind: 'cvm' })]), 'cls-1')
        .nodeSubnetFreeIps,
    ).toBe(252);
  });

  it('adds up several node subnets, each less its own resources', () => {
    const p = basePlan({
      subnets: [
        subnet('sn-node', 'vpc-a', '10.0.1.0/24'),
        subnet('sn-node2', 'vpc-a', '10.0.3.0/28'),
        subnet('sn-db', 'vpc-a', '10.0.2.0/24'),
      ],
      clusters: [
        cluster('cls-1', 'vpc-a', {
          nodeSubnets: ['sn-node', 'sn-node2'],
          containerCidr: '172.16.0.0/16',
        }),
      ],
      resources: [
        resource('db-1', 'sn-db', '10.0.2.10'),
        resource('vm-1', 'sn-node2', '10.0.3.5', { kind: 'cvm' }),
      ],
    });
    expect(capacityOf(p, 'cls-1').nodeSubnetFreeIps).toBe(253 + 13 - 1);
  });

  it('is 0 without a node subnet', () => {
    const p = basePlan({
      clusters: [cluster('cls-1', 'vpc-a', { containerCidr: '172.16.0.0/16' })],
    });
    expect(capacityOf(p, 'cls-1').nodeSubnetFreeIps).toBe(0);
  });

  it('a global-router cluster has no podSubnetFreeIps', () => {
    expect(capacityOf(basePlan(), 'cls-1')).not.toHaveProperty('podSubnetFreeIps');
  });
});

describe('VPC-CNI capacity', () => {
  const cni = (fields: Partial<Cluster> = {}) =>
    plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16')],
      subnets: [
        subnet('sn-node', 'vpc-a', '10.0.1.0/24'),
        subnet('sn-pod', 'vpc-a', '10.0.64.0/18'),
        subnet('sn-pod2', 'vpc-a', '10.0.128.0/20'),
      ],
      clusters: [
        cluster('cni-1', 'vpc-a', {
          mode: 'vpc-cni',
          nodeSubnets: ['sn-node'],
          podSubnets: ['sn-pod', 'sn-pod2'],
          serviceCidr: '192.168.0.0/20',
          ...fields,
        }),
      ],
      resources: [resource('vm-1', 'sn-node', '10.0.1.10', { kind: 'cvm' })],
    });

  it('has null podsPerNode, perNodeCidrPrefix and maxNodes, and adds podSubnetFreeIps', () => {
    expect(capacityOf(cni(), 'cni-1')).toEqual({
      cluster: 'cni-1',
      podsPerNode: null,
      perNodeCidrPrefix: null,
      serviceCidr: '192.168.0.0/20',
      usableServices: 4096 - 5,
      maxNodes: null,
      nodeSubnetFreeIps: 252,
      podSubnetFreeIps: 16384 - 3 + (4096 - 3),
    });
  });

  it('stays null for maxNodes with a container CIDR too', () => {
    const c = capacityOf(cni({ containerCidr: '172.16.0.0/16' }), 'cni-1');
    expect(c.maxNodes).toBeNull();
    expect(c.podsPerNode).toBeNull();
    expect(c.perNodeCidrPrefix).toBeNull();
  });
});

describe('property: the GlobalRouter arithmetic', () => {
  it('matches the formulas of the spec, computed independently', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 24 }),
        // from 3 and 5 up, so that "− 3" and "− 5" stay meaningful (rounded: at least 4 and 8)
        fc.integer({ min: 3, max: 300 }),
        fc.integer({ min: 5, max: 40000 }),
        fc.option(fc.integer({ min: 12, max: 28 }), { nil: undefined }),
        (prefix, pods, services, svcPrefix) => {
          const P = pow2(pods);
          const S = pow2(services);
          const addresses = 2 ** (32 - prefix);
          // A carved service range must fit inside the container CIDR; past that the spec's
          // formula goes negative and says nothing more than "below 1".
          fc.pre(svcPrefix !== undefined || S <= addresses);
          const containerCidr = prefix === 8 ? '10.0.0.0/8' : block4('10.128.0.0', prefix, 0);
          const serviceCidr =
            svcPrefix === undefined ? undefined : `192.168.0.0/${Math.max(svcPrefix, 16)}`;
          const p = withCls({
            containerCidr,
            maxPodsPerNode: pods,
            maxServices: services,
            ...(serviceCidr ? { serviceCidr } : {}),
          });
          const c = capacityOf(p, 'cls-1');
          expect(c.podsPerNode).toBe(P - 3);
          expect(c.perNodeCidrPrefix).toBe(32 - Math.log2(P));
          if (serviceCidr) {
            const svc = range4(serviceCidr);
            expect(c.serviceCidr).toBe(serviceCidr);
            expect(c.usableServices).toBe(svc.hi - svc.lo + 1 - 5);
            expect(c.maxNodes).toBe(Math.floor(addresses / P));
          } else {
            const container = range4(containerCidr);
            expect(c.maxNodes).toBe(Math.floor((addresses - S) / P));
            expect(c.usableServices).toBe(S - 5);
            const carved = range4(c.serviceCidr!);
            expect(carved.hi).toBe(container.hi);
            expect(carved.hi - carved.lo + 1).toBe(S);
          }
          const tooSmall = findingsOf(p, 'CLUSTER_CIDR_TOO_SMALL').length > 0;
          expect(tooSmall).toBe(c.maxNodes! < 1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
