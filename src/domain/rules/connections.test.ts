// docs/spec/rules.md: the rules between VPCs joined by a peering or a CCN:
// PEERING_CIDR_OVERLAP and CCN_CIDR_CONFLICT ("Address plan") and
// CLUSTER_CIDR_OVERLAPS_CONNECTED ("GlobalRouter clusters").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cluster, Plan, Subnet, Vpc } from '../model/plan';
import { ccn, cluster, peering, plan, subnet, vpc } from '../../test-support/builders';
import {
  expectFinding,
  expectSuggestionFixes,
  findingsOf,
  overlap4,
  single,
} from '../../test-support/rule-checks';

const gr = (
  id: string,
  vpcId: string,
  nodeSubnet: string,
  containerCidr: string,
  extra: Partial<Cluster> = {},
) =>
  cluster(id, vpcId, {
    nodeSubnets: [nodeSubnet],
    containerCidr,
    maxPodsPerNode: 64,
    maxServices: 256,
    ...extra,
  });

describe('PEERING_CIDR_OVERLAP', () => {
  const peered = (a: Vpc, b: Vpc) =>
    plan({ vpcs: [a, b], peerings: [peering('pcx-1', a.id, b.id)] });

  /** Asserts the finding names the peering first, then both VPCs, each VPC's range in object order. */
  const expectPeeringFinding = (p: Plan, byVpc: Record<string, string>) => {
    const f = single(p, 'PEERING_CIDR_OVERLAP');
    expect(f.severity).toBe('error');
    expect(f.objects[0]).toBe('pcx-1');
    expect([...f.objects.slice(1)].sort()).toEqual(Object.keys(byVpc).sort());
    expect(f.ranges).toEqual([byVpc[f.objects[1]!], byVpc[f.objects[2]!]]);
    for (const r of Object.values(byVpc)) expect(f.message).toContain(r);
  };

  it.each([
    ['10.0.0.0/16', '10.0.128.0/17'],
    ['10.0.0.0/16', '10.0.0.0/16'],
    ['10.0.0.0/16', '10.0.0.0/12'],
  ])('reports peered VPCs %s and %s', (a, b) => {
    expectPeeringFinding(peered(vpc('vpc-a', a), vpc('vpc-b', b)), { 'vpc-a': a, 'vpc-b': b });
  });

  it('reports an overlap that involves a secondary CIDR', () => {
    const p = peered(
      vpc('vpc-a', '10.0.0.0/16'),
      vpc('vpc-b', '10.1.0.0/16', { secondaryCidrs: ['10.0.64.0/18'] }),
    );
    expectPeeringFinding(p, { 'vpc-a': '10.0.0.0/16', 'vpc-b': '10.0.64.0/18' });
  });

  it('reports peered VPCs whose IPv6 CIDRs are the same', () => {
    const six = '2402:4e00:1000::/56';
    const p = peered(
      vpc('vpc-a', '10.0.0.0/16', { ipv6Cidr: six }),
      vpc('vpc-b', '10.1.0.0/16', { ipv6Cidr: six }),
    );
    expectPeeringFinding(p, { 'vpc-a': six, 'vpc-b': six });
  });

  it('accepts peered VPCs that touch, and unpeered VPCs that overlap', () => {
    expect(
      findingsOf(
        peered(vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.1.0.0/16')),
        'PEERING_CIDR_OVERLAP',
      ),
    ).toEqual([]);
    const apart = plan({ vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.0.0.0/16')] });
    expect(findingsOf(apart, 'PEERING_CIDR_OVERLAP')).toEqual([]);
  });

  it('is not transitive: A–B and B–C peered, A and C overlapping', () => {
    const p = plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.1.0.0/16'), vpc('vpc-c', '10.0.0.0/16')],
      peerings: [peering('pcx-ab', 'vpc-a', 'vpc-b'), peering('pcx-bc', 'vpc-b', 'vpc-c')],
    });
    expect(findingsOf(p, 'PEERING_CIDR_OVERLAP')).toEqual([]);
  });
});

describe('CCN_CIDR_CONFLICT', () => {
  /** Two VPCs with the same primary CIDR, each with one subnet, attached in the given order. */
  const shared = (
    subnetA: string,
    subnetB: string,
    order: string[] = ['vpc-a', 'vpc-b'],
    planOrder: 'ab' | 'ba' = 'ab',
  ) => {
    const vpcs = [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.0.0.0/16')];
    const subnets = [subnet('sn-a', 'vpc-a', subnetA), subnet('sn-b', 'vpc-b', subnetB)];
    return plan({
      vpcs: planOrder === 'ab' ? vpcs : [...vpcs].reverse(),
      subnets: planOrder === 'ab' ? subnets : [...subnets].reverse(),
      ccns: [ccn('ccn-1', order)],
    });
  };

  it("reports the later attachment's overlapping subnet, the later attachment first", () => {
    const f = single(shared('10.0.1.0/24', '10.0.1.0/25'), 'CCN_CIDR_CONFLICT');
    expectFinding(f, {
      severity: 'warning',
      objects: ['vpc-b', 'vpc-a', 'ccn-1'],
      ranges: ['10.0.1.0/25', '10.0.1.0/24'],
    });
  });

  it('decides "later" by attachment order, not by the order of the plan', () => {
    for (const planOrder of ['ab', 'ba'] as const) {
      const f = single(
        shared('10.0.1.0/24', '10.0.1.0/24', ['vpc-b', 'vpc-a'], planOrder),
        'CCN_CIDR_CONFLICT',
      );
      expectFinding(f, {
        severity: 'warning',
        objects: ['vpc-a', 'vpc-b', 'ccn-1'],
        ranges: ['10.0.1.0/24', '10.0.1.0/24'],
      });
    }
  });

  it('accepts VPCs whose CIDRs overlap on one CCN when their subnets do not', () => {
    expect(findingsOf(shared('10.0.1.0/24', '10.0.2.0/24'), 'CCN_CIDR_CONFLICT')).toEqual([]);
    expect(findingsOf(shared('10.0.1.0/25', '10.0.1.128/25'), 'CCN_CIDR_CONFLICT')).toEqual([]);
  });

  it('does not compare VPCs on different CCNs', () => {
    const p = plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.0.0.0/16')],
      subnets: [subnet('sn-a', 'vpc-a', '10.0.1.0/24'), subnet('sn-b', 'vpc-b', '10.0.1.0/24')],
      ccns: [ccn('ccn-1', ['vpc-a']), ccn('ccn-2', ['vpc-b'])],
    });
    expect(findingsOf(p, 'CCN_CIDR_CONFLICT')).toEqual([]);
  });

  it("does not treat a VPC's own overlapping subnets as a CCN conflict", () => {
    const p = plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.1.0.0/16')],
      subnets: [
        subnet('sn-a', 'vpc-a', '10.0.1.0/24'),
        subnet('sn-a2', 'vpc-a', '10.0.1.0/25'),
        subnet('sn-b', 'vpc-b', '10.1.1.0/24'),
      ],
      ccns: [ccn('ccn-1', ['vpc-a', 'vpc-b'])],
    });
    expect(findingsOf(p, 'CCN_CIDR_CONFLICT')).toEqual([]);
  });

  const registered = (attachments: string[]) =>
    plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.1.0.0/16')],
      subnets: [subnet('sn-a', 'vpc-a', '10.0.1.0/24'), subnet('sn-b', 'vpc-b', '10.1.1.0/24')],
      clusters: [gr('cls-b', 'vpc-b', 'sn-b', '172.16.0.0/16')],
      ccns: [ccn('ccn-1', attachments)],
    });

  it("reports a registered cluster's container CIDR overlapping an earlier attachment's subnet", () => {
    const p = plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.1.0.0/16')],
      subnets: [subnet('sn-a', 'vpc-a', '10.0.1.0/24'), subnet('sn-b', 'vpc-b', '10.1.1.0/24')],
      clusters: [gr('cls-b', 'vpc-b', 'sn-b', '10.0.0.0/20')],
      ccns: [ccn('ccn-1', ['vpc-a', 'cls-b'])],
    });
    const f = single(p, 'CCN_CIDR_CONFLICT');
    expectFinding(f, {
      severity: 'warning',
      objects: ['cls-b', 'vpc-a', 'ccn-1'],
      ranges: ['10.0.0.0/20', '10.0.1.0/24'],
    });
  });

  it("reports a later VPC's subnet overlapping the container CIDR of an earlier registered cluster", () => {
    const p = plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.1.0.0/16')],
      subnets: [subnet('sn-a', 'vpc-a', '10.0.1.0/24'), subnet('sn-b', 'vpc-b', '10.1.1.0/24')],
      clusters: [gr('cls-b', 'vpc-b', 'sn-b', '10.0.0.0/20')],
      ccns: [ccn('ccn-1', ['cls-b', 'vpc-a'])],
    });
    const f = single(p, 'CCN_CIDR_CONFLICT');
    expectFinding(f, {
      severity: 'warning',
      objects: ['vpc-a', 'cls-b', 'ccn-1'],
      ranges: ['10.0.1.0/24', '10.0.0.0/20'],
    });
  });

  it('accepts a registered cluster whose container CIDR overlaps nothing published', () => {
    expect(findingsOf(registered(['vpc-a', 'vpc-b', 'cls-b']), 'CCN_CIDR_CONFLICT')).toEqual([]);
  });

  it('property: the attachments reported as later are exactly those with a subnet overlapping an earlier one', () => {
    const POOL = [
      '10.0.0.0/24',
      '10.0.1.0/24',
      '10.0.0.0/23',
      '10.0.2.0/24',
      '10.0.2.0/25',
      '10.0.3.128/25',
    ];
    const vpcArb = fc.subarray(POOL, { minLength: 1, maxLength: 2 });
    fc.assert(
      fc.property(
        fc.array(vpcArb, { minLength: 2, maxLength: 5 }).chain((subs) =>
          fc
            .shuffledSubarray(
              subs.map((_, i) => i),
              { minLength: subs.length, maxLength: subs.length },
            )
            .map((order) => ({ subs, order })),
        ),
        ({ subs, order }) => {
          const subnets: Subnet[] = [];
          subs.forEach((list, i) =>
            list.forEach((c, j) => subnets.push(subnet(`sn-${i}-${j}`, `vpc-${i}`, c))),
          );
          const p = plan({
            vpcs: subs.map((_, i) => vpc(`vpc-${i}`, '10.0.0.0/16')),
            subnets,
            ccns: [
              ccn(
                'ccn-1',
                order.map((i) => `vpc-${i}`),
              ),
            ],
          });
          const position = (id: string) => order.indexOf(Number(id.slice(4)));
          const hits = (x: number, y: number) =>
            subs[x]!.some((a) => subs[y]!.some((b) => overlap4(a, b)));
          const expectedLater = order
            .filter((v, k) => order.slice(0, k).some((e) => hits(v, e)))
            .map((i) => `vpc-${i}`)
            .sort();
          const got = findingsOf(p, 'CCN_CIDR_CONFLICT');
          expect([...new Set(got.map((f) => f.objects[0]!))].sort()).toEqual(expectedLater);
          for (const f of got) {
            const [later, earlier, c] = f.objects;
            expect(c).toBe('ccn-1');
            expect(position(earlier!)).toBeLessThan(position(later!));
            expect(subs[Number(later!.slice(4))]).toContain(f.ranges[0]);
            expect(subs[Number(earlier!.slice(4))]).toContain(f.ranges[1]);
            expect(overlap4(f.ranges[0]!, f.ranges[1]!)).toBe(true);
            expect(f.severity).toBe('warning');
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('CLUSTER_CIDR_OVERLAPS_CONNECTED', () => {
  /** vpc-a 10.0.0.0/16 with cls-1 (172.16.0.0/16); vpc-b with the given CIDRs and clusters. */
  const pair = (vpcB: Vpc, how: 'peering' | 'ccn' | 'none', clustersB: Cluster[] = []): Plan =>
    plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpcB],
      // vpc-b's node subnet: the first /24 of its primary CIDR
      subnets: [
        subnet('sn-a', 'vpc-a', '10.0.1.0/24'),
        subnet('sn-b', 'vpc-b', vpcB.cidr.replace('/16', '/24')),
      ],
      clusters: [gr('cls-1', 'vpc-a', 'sn-a', '172.16.0.0/16'), ...clustersB],
      peerings: how === 'peering' ? [peering('pcx-1', 'vpc-a', 'vpc-b')] : [],
      ccns: how === 'ccn' ? [ccn('ccn-1', ['vpc-a', 'vpc-b'])] : [],
    });

  it.each(['peering', 'ccn'] as const)(
    'reports a connected VPC (by %s) whose CIDR overlaps the container CIDR',
    (how) => {
      const p = pair(vpc('vpc-b', '172.16.0.0/16'), how);
      const f = single(p, 'CLUSTER_CIDR_OVERLAPS_CONNECTED');
      expectFinding(f, {
        severity: 'warning',
        objects: ['cls-1', 'vpc-b'],
        ranges: ['172.16.0.0/16', '172.16.0.0/16'],
      });
      expect(expectSuggestionFixes(p, f)).toBe(true);
    },
  );

  it("reports an overlap with a connected VPC's secondary CIDR", () => {
    const p = pair(vpc('vpc-b', '10.1.0.0/16', { secondaryCidrs: ['172.16.128.0/17'] }), 'peering');
    const f = single(p, 'CLUSTER_CIDR_OVERLAPS_CONNECTED');
    expectFinding(f, {
      severity: 'warning',
      objects: ['cls-1', 'vpc-b'],
      ranges: ['172.16.0.0/16', '172.16.128.0/17'],
    });
    expectSuggestionFixes(p, f);
  });

  it.each(['peering', 'ccn'] as const)(
    'reports the container CIDRs of clusters in VPCs connected by %s, once, the later cluster first',
    (how) => {
      const p = pair(vpc('vpc-b', '10.1.0.0/16'), how, [
        gr('cls-2', 'vpc-b', 'sn-b', '172.16.0.0/17'),
      ]);
      const f = single(p, 'CLUSTER_CIDR_OVERLAPS_CONNECTED');
      expectFinding(f, {
        severity: 'warning',
        objects: ['cls-2', 'cls-1'],
        ranges: ['172.16.0.0/17', '172.16.0.0/16'],
      });
      expect(expectSuggestionFixes(p, f)).toBe(true);
    },
  );

  it('accepts the same overlaps between unconnected VPCs', () => {
    expect(
      findingsOf(pair(vpc('vpc-b', '172.16.0.0/16'), 'none'), 'CLUSTER_CIDR_OVERLAPS_CONNECTED'),
    ).toEqual([]);
    const sameContainer = pair(vpc('vpc-b', '10.1.0.0/16'), 'none', [
      gr('cls-2', 'vpc-b', 'sn-b', '172.16.0.0/16'),
    ]);
    expect(findingsOf(sameContainer, 'CLUSTER_CIDR_OVERLAPS_CONNECTED')).toEqual([]);
    expect(findingsOf(sameContainer, 'CLUSTER_CIDR_OVERLAPS_CLUSTER')).toEqual([]);
  });

  it('leaves overlaps inside one VPC to the same-VPC rules, even when that VPC is connected', () => {
    const p = plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.1.0.0/16')],
      subnets: [subnet('sn-a', 'vpc-a', '10.0.1.0/24'), subnet('sn-b', 'vpc-b', '10.1.1.0/24')],
      clusters: [
        gr('cls-1', 'vpc-a', 'sn-a', '10.0.128.0/17'),
        gr('cls-2', 'vpc-a', 'sn-a', '172.16.0.0/16'),
        gr('cls-3', 'vpc-a', 'sn-a', '172.16.0.0/17'),
      ],
      peerings: [peering('pcx-1', 'vpc-a', 'vpc-b')],
      ccns: [ccn('ccn-1', ['vpc-a', 'vpc-b'])],
    });
    expect(findingsOf(p, 'CLUSTER_CIDR_OVERLAPS_CONNECTED')).toEqual([]);
    expect(findingsOf(p, 'CLUSTER_CIDR_OVERLAPS_VPC').map((f) => f.objects)).toEqual([
      ['cls-1', 'vpc-a'],
    ]);
    expect(findingsOf(p, 'CLUSTER_CIDR_OVERLAPS_CLUSTER').map((f) => f.objects)).toEqual([
      ['cls-3', 'cls-2'],
    ]);
  });

  it('accepts a connected VPC or cluster that only touches the container CIDR', () => {
    const p = pair(vpc('vpc-b', '172.17.0.0/16'), 'peering', [
      gr('cls-2', 'vpc-b', 'sn-b', '172.18.0.0/16'),
    ]);
    expect(findingsOf(p, 'CLUSTER_CIDR_OVERLAPS_CONNECTED')).toEqual([]);
  });

  it('is not transitive: A–B and B–C peered, a cluster of A overlapping C', () => {
    const p = plan({
      vpcs: [
        vpc('vpc-a', '10.0.0.0/16'),
        vpc('vpc-b', '10.1.0.0/16'),
        vpc('vpc-c', '172.16.0.0/16'),
      ],
      subnets: [subnet('sn-a', 'vpc-a', '10.0.1.0/24')],
      clusters: [gr('cls-1', 'vpc-a', 'sn-a', '172.16.0.0/16')],
      peerings: [peering('pcx-ab', 'vpc-a', 'vpc-b'), peering('pcx-bc', 'vpc-b', 'vpc-c')],
    });
    expect(findingsOf(p, 'CLUSTER_CIDR_OVERLAPS_CONNECTED')).toEqual([]);
  });

  it('does not count a CCN that the cluster is registered to but its VPC is not attached to', () => {
    const p = plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '172.16.0.0/16')],
      subnets: [subnet('sn-a', 'vpc-a', '10.0.1.0/24'), subnet('sn-b', 'vpc-b', '172.16.200.0/24')],
      clusters: [gr('cls-1', 'vpc-a', 'sn-a', '172.16.0.0/16')],
      ccns: [ccn('ccn-1', ['vpc-b', 'cls-1'])],
    });
    expect(findingsOf(p, 'CLUSTER_CIDR_OVERLAPS_CONNECTED')).toEqual([]);
  });
});
