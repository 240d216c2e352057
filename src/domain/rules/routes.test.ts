// docs/spec/rules.md, "Routes": route targets, custom routes that collide with the VPC or a
// container network, and IDC ranges that collide with them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cluster, Plan } from '../model/plan';
import type { PlanParts } from '../../test-support/builders';
import {
  basePlan,
  ccn,
  cluster,
  idc,
  nat,
  peering,
  resource,
  subnet,
  table,
  vpc,
} from '../../test-support/builders';
import {
  expectFinding,
  expectSuggestionFixes,
  findingsOf,
  inside4,
  ipToNumber,
  numberToIp,
  problemsOf,
  single,
} from '../../test-support/rule-checks';

const V6 = '2402:4e00:1000::/56';

/**
 * The base plan (VPC prod 10.0.0.0/16, cls-1 with container 172.16.0.0/16) plus a second VPC
 * vpc-b 10.1.0.0/16, NAT gateways in both, a CVM in each, and route table rtb-a of vpc-a,
 * used by the node subnet, holding the given routes.
 */
function routed(
  routes: Array<[string, string]>,
  parts: PlanParts = {},
  cls: Partial<Cluster> = {},
): Plan {
  return basePlan({
    vpcs: [
      vpc('vpc-a', '10.0.0.0/16', { name: 'prod', ipv6Cidr: V6 }),
      vpc('vpc-b', '10.1.0.0/16'),
    ],
    subnets: [
      subnet('sn-node', 'vpc-a', '10.0.1.0/24', { routeTable: 'rtb-a' }),
      subnet('sn-db', 'vpc-a', '10.0.2.0/24'),
      subnet('sn-b', 'vpc-b', '10.1.1.0/24'),
    ],
    clusters: [
      cluster('cls-1', 'vpc-a', {
        nodeSubnets: ['sn-node'],
        containerCidr: '172.16.0.0/16',
        maxPodsPerNode: 256,
        maxServices: 256,
        ...cls,
      }),
    ],
    resources: [
      resource('db-1', 'sn-db', '10.0.2.10'),
      resource('vm-a', 'sn-db', '10.0.2.20', { kind: 'cvm' }),
      resource('vm-b', 'sn-b', '10.1.1.20', { kind: 'cvm' }),
    ],
    natGateways: [nat('nat-a', 'vpc-a'), nat('nat-b', 'vpc-b')],
    routeTables: [table('rtb-a', 'vpc-a', routes)],
    ...parts,
  });
}

describe('a routed plan that conflicts with nothing', () => {
  it('has no error or warning finding', () => {
    const p = routed([
      ['0.0.0.0/0', 'nat-a'],
      ['10.8.0.0/16', 'vm-a'],
    ]);
    expect(problemsOf(p)).toEqual([]);
  });
});

describe('ROUTE_TARGET_INVALID', () => {
  const extras: PlanParts = {
    peerings: [peering('pcx-ab', 'vpc-a', 'vpc-b'), peering('pcx-bc', 'vpc-b', 'vpc-c')],
    ccns: [ccn('ccn-a', ['vpc-a', 'vpc-b']), ccn('ccn-b', ['vpc-b', 'cls-1'])],
    idcs: [idc('idc-a', 'vpc-a', ['192.168.0.0/16']), idc('idc-b', 'vpc-b', ['192.168.0.0/16'])],
  };
  const withC = (routes: Array<[string, string]>) => {
    const p = routed(routes, extras);
    return {
      ...p,
      vpcs: [...p.vpcs, vpc('vpc-c', '10.2.0.0/16')],
    };
  };

  it.each([
    ['nat-b', 'a NAT gateway of another VPC'],
    ['pcx-bc', 'a peering that does not join this VPC'],
    [
      'ccn-b',
      'a CCN that only a cluster of this VPC is registered to (it does not attach the VPC)',
    ],
    ['idc-b', 'an IDC linked to another VPC'],
    ['vm-b', 'a CVM in another VPC'],
    ['db-1', 'a resource that is not a CVM'],
    ['sn-db', 'a subnet'],
    ['cls-1', 'a cluster'],
    ['vpc-b', 'a VPC'],
    ['rtb-a', 'a route table'],
  ])('reports target %s (%s)', (target) => {
    const f = single(withC([['10.9.0.0/16', target]]), 'ROUTE_TARGET_INVALID');
    expectFinding(f, { severity: 'error', objects: ['rtb-a'], mentions: ['10.9.0.0/16'] });
  });

  it.each([
    ['nat-a', 'a NAT gateway of this VPC'],
    ['pcx-ab', 'a peering that joins this VPC'],
    ['ccn-a', 'a CCN this VPC is attached to'],
    ['idc-a', 'an IDC linked to this VPC'],
    ['vm-a', 'a CVM in this VPC'],
  ])('accepts target %s (%s)', (target) => {
    expect(findingsOf(withC([['10.9.0.0/16', target]]), 'ROUTE_TARGET_INVALID')).toEqual([]);
  });

  it('reports each invalid route of a table, and only those', () => {
    const got = findingsOf(
      withC([
        ['10.9.0.0/16', 'nat-b'],
        ['10.10.0.0/16', 'nat-a'],
        ['10.11.0.0/16', 'db-1'],
      ]),
      'ROUTE_TARGET_INVALID',
    );
    expect(got).toHaveLength(2);
    expect(got.filter((f) => f.message.includes('10.9.0.0/16'))).toHaveLength(1);
    expect(got.filter((f) => f.message.includes('10.11.0.0/16'))).toHaveLength(1);
  });
});

describe('ROUTE_INSIDE_VPC', () => {
  it.each([
    ['10.0.3.0/24', '10.0.0.0/16', 'inside the primary'],
    ['10.0.0.0/16', '10.0.0.0/16', 'equal to the primary (the Local route wins)'],
    ['2402:4e00:1000:1::/64', V6, 'inside the IPv6 CIDR'],
  ])('reports %s (%s)', (dest, vpcCidr) => {
    const f = single(routed([[dest, 'nat-a']]), 'ROUTE_INSIDE_VPC');
    expectFinding(f, { severity: 'error', objects: ['rtb-a', 'vpc-a'], ranges: [dest, vpcCidr] });
  });

  it('reports a destination inside a secondary CIDR', () => {
    const p = routed([['10.8.1.0/24', 'nat-a']]);
    const q = {
      ...p,
      vpcs: p.vpcs.map((v) => (v.id === 'vpc-a' ? { ...v, secondaryCidrs: ['10.8.0.0/16'] } : v)),
    };
    const f = single(q, 'ROUTE_INSIDE_VPC');
    expectFinding(f, {
      severity: 'error',
      objects: ['rtb-a', 'vpc-a'],
      ranges: ['10.8.1.0/24', '10.8.0.0/16'],
    });
  });

  it.each([
    ['10.1.0.0/16', 'touching the VPC'],
    ['10.0.0.0/8', 'containing the VPC'],
    ['0.0.0.0/0', 'the default route'],
    ['::/0', 'the IPv6 default route'],
    ['2402:4e00:2000::/64', 'an IPv6 range outside the VPC'],
  ])('accepts %s (%s)', (dest) => {
    expect(findingsOf(routed([[dest, 'nat-a']]), 'ROUTE_INSIDE_VPC')).toEqual([]);
  });
});

describe('ROUTE_INSIDE_CLUSTER_CIDR', () => {
  it.each([
    ['172.16.5.0/24', 'inside'],
    ['172.16.0.0/16', 'equal'],
  ])('reports %s (%s the container CIDR) as an error', (dest) => {
    const f = single(routed([[dest, 'nat-a']]), 'ROUTE_INSIDE_CLUSTER_CIDR');
    expectFinding(f, {
      severity: 'error',
      objects: ['rtb-a', 'cls-1'],
      ranges: [dest, '172.16.0.0/16'],
    });
  });

  it('is a warning when the cluster has ignoreRouteConflict', () => {
    const p = routed([['172.16.5.0/24', 'nat-a']], {}, { ignoreRouteConflict: true });
    const f = single(p, 'ROUTE_INSIDE_CLUSTER_CIDR');
    expectFinding(f, {
      severity: 'warning',
      objects: ['rtb-a', 'cls-1'],
      ranges: ['172.16.5.0/24', '172.16.0.0/16'],
    });
  });

  it('stays an error when ignoreRouteConflict is explicitly false', () => {
    const p = routed([['172.16.5.0/24', 'nat-a']], {}, { ignoreRouteConflict: false });
    expect(single(p, 'ROUTE_INSIDE_CLUSTER_CIDR').severity).toBe('error');
  });

  it.each([
    ['172.17.0.0/16', 'touching'],
    ['172.16.0.0/12', 'strictly containing (that is ROUTE_SHADOWED_BY_CLUSTER)'],
  ])('does not report %s (%s)', (dest) => {
    expect(findingsOf(routed([[dest, 'nat-a']]), 'ROUTE_INSIDE_CLUSTER_CIDR')).toEqual([]);
  });

  it('does not report a route into a cluster of another VPC', () => {
    const p = routed([['172.20.0.0/24', 'nat-a']], {
      clusters: [
        cluster('cls-1', 'vpc-a', { nodeSubnets: ['sn-node'], containerCidr: '172.16.0.0/16' }),
        cluster('cls-b', 'vpc-b', { nodeSubnets: ['sn-b'], containerCidr: '172.20.0.0/16' }),
      ],
    });
    expect(findingsOf(p, 'ROUTE_INSIDE_CLUSTER_CIDR')).toEqual([]);
  });
});

describe('ROUTE_SHADOWED_BY_CLUSTER', () => {
  it.each(['172.16.0.0/12', '172.16.0.0/15', '128.0.0.0/1'])(
    'reports %s, which strictly contains the container CIDR',
    (dest) => {
      const f = single(routed([[dest, 'nat-a']]), 'ROUTE_SHADOWED_BY_CLUSTER');
      expectFinding(f, {
        severity: 'warning',
        objects: ['rtb-a', 'cls-1'],
        ranges: [dest, '172.16.0.0/16'],
      });
    },
  );

  it('stays a warning with ignoreRouteConflict', () => {
    const p = routed([['172.16.0.0/12', 'nat-a']], {}, { ignoreRouteConflict: true });
    expect(single(p, 'ROUTE_SHADOWED_BY_CLUSTER').severity).toBe('warning');
  });

  it.each([
    ['0.0.0.0/0', 'the default route'],
    ['::/0', 'the IPv6 default route'],
    ['172.16.0.0/16', 'equal (that is ROUTE_INSIDE_CLUSTER_CIDR)'],
    ['172.16.5.0/24', 'inside'],
    ['172.17.0.0/16', 'touching'],
  ])('does not report %s (%s)', (dest) => {
    expect(findingsOf(routed([[dest, 'nat-a']]), 'ROUTE_SHADOWED_BY_CLUSTER')).toEqual([]);
  });

  it('does not report a cluster of another VPC', () => {
    const p = routed([['172.20.0.0/14', 'nat-a']], {
      clusters: [
        cluster('cls-1', 'vpc-a', { nodeSubnets: ['sn-node'], containerCidr: '172.16.0.0/16' }),
        cluster('cls-b', 'vpc-b', { nodeSubnets: ['sn-b'], containerCidr: '172.20.0.0/16' }),
      ],
    });
    expect(findingsOf(p, 'ROUTE_SHADOWED_BY_CLUSTER')).toEqual([]);
  });

  it('does not report a vpc-cni cluster, which has no container CIDR', () => {
    const p = routed(
      [['172.16.0.0/12', 'nat-a']],
      {},
      {
        mode: 'vpc-cni',
        containerCidr: undefined,
        serviceCidr: '192.168.0.0/20',
        podSubnets: ['sn-db'],
      },
    );
    expect(findingsOf(p, 'ROUTE_SHADOWED_BY_CLUSTER')).toEqual([]);
    expect(findingsOf(p, 'ROUTE_INSIDE_CLUSTER_CIDR')).toEqual([]);
  });

  it('property: each route gets exactly the findings its destination calls for', () => {
    const VPC = '10.0.0.0/16';
    const CONTAINER = '172.16.0.0/16';
    const destArb = fc
      .record({
        base: fc.oneof(
          fc.constantFrom(
            '10.0.0.0',
            '172.16.0.0',
            '172.16.128.0',
            '10.0.255.0',
            '0.0.0.0',
            '172.17.0.0',
          ),
          fc.integer({ min: 0, max: 2 ** 32 - 1 }).map(numberToIp),
        ),
        prefix: fc.integer({ min: 0, max: 32 }),
      })
      .map(({ base, prefix }) => {
        const size = 2 ** (32 - prefix);
        return `${numberToIp(Math.floor(ipToNumber(base) / size) * size)}/${prefix}`;
      });
    fc.assert(
      fc.property(fc.array(destArb, { minLength: 1, maxLength: 6 }), (dests) => {
        const p = routed(dests.map((d) => [d, 'nat-a']));
        const expected: string[] = [];
        for (const d of dests) {
          if (inside4(d, VPC)) expected.push(`ROUTE_INSIDE_VPC ${d}`);
          if (inside4(d, CONTAINER)) expected.push(`ROUTE_INSIDE_CLUSTER_CIDR ${d}`);
          else if (inside4(CONTAINER, d) && !d.endsWith('/0'))
            expected.push(`ROUTE_SHADOWED_BY_CLUSTER ${d}`);
        }
        const got = findingsOf(p)
          .filter((f) => f.code.startsWith('ROUTE_'))
          .map((f) => `${f.code} ${f.ranges[0]}`);
        expect(got.sort()).toEqual(expected.sort());
      }),
      { numRuns: 300 },
    );
  });
});

describe('IDC_CIDR_OVERLAPS_VPC', () => {
  const withIdc = (cidrs: string[], vpcId = 'vpc-a') =>
    routed([], { idcs: [idc('idc-1', vpcId, cidrs)] });

  it.each([
    ['10.0.128.0/17', '10.0.0.0/16', 'inside the VPC'],
    ['10.0.0.0/8', '10.0.0.0/16', 'containing the VPC'],
    ['2402:4e00:1000:10::/60', V6, "inside the VPC's IPv6 CIDR"],
  ])('reports IDC range %s (%s)', (cidr, vpcCidr) => {
    const f = single(withIdc(['192.168.0.0/16', cidr]), 'IDC_CIDR_OVERLAPS_VPC');
    expectFinding(f, { severity: 'error', objects: ['idc-1', 'vpc-a'], ranges: [cidr, vpcCidr] });
  });

  it('reports an overlap with a secondary CIDR of the VPC', () => {
    const p = withIdc(['10.8.0.0/24']);
    const q = {
      ...p,
      vpcs: p.vpcs.map((v) => (v.id === 'vpc-a' ? { ...v, secondaryCidrs: ['10.8.0.0/16'] } : v)),
    };
    const f = single(q, 'IDC_CIDR_OVERLAPS_VPC');
    expectFinding(f, {
      severity: 'error',
      objects: ['idc-1', 'vpc-a'],
      ranges: ['10.8.0.0/24', '10.8.0.0/16'],
    });
  });

  it('accepts IDC ranges that touch the VPC, and an IDC overlapping a VPC it does not link to', () => {
    expect(
      findingsOf(
        withIdc(['10.1.0.0/16', '192.168.0.0/16', '2402:4e00:1000:100::/56']),
        'IDC_CIDR_OVERLAPS_VPC',
      ),
    ).toEqual([]);
    expect(findingsOf(withIdc(['10.0.0.0/16'], 'vpc-b'), 'IDC_CIDR_OVERLAPS_VPC')).toEqual([]);
  });
});

describe('IDC_CIDR_OVERLAPS_CLUSTER', () => {
  const withIdc = (cidrs: string[], vpcId = 'vpc-a') =>
    routed([], { idcs: [idc('idc-1', vpcId, cidrs)] });

  it.each(['172.16.0.0/12', '172.16.0.0/16', '172.16.8.0/24'])(
    'reports IDC range %s overlapping container 172.16.0.0/16',
    (cidr) => {
      const f = single(withIdc(['192.168.0.0/16', cidr]), 'IDC_CIDR_OVERLAPS_CLUSTER');
      expectFinding(f, {
        severity: 'warning',
        objects: ['idc-1', 'cls-1'],
        ranges: [cidr, '172.16.0.0/16'],
      });
    },
  );

  it('accepts a touching range, and an IDC linked to another VPC', () => {
    expect(findingsOf(withIdc(['172.17.0.0/16']), 'IDC_CIDR_OVERLAPS_CLUSTER')).toEqual([]);
    expect(findingsOf(withIdc(['172.16.0.0/16'], 'vpc-b'), 'IDC_CIDR_OVERLAPS_CLUSTER')).toEqual(
      [],
    );
  });
});

describe('suggestions on route findings', () => {
  it('when a route finding carries a suggestion, applying it removes the finding', () => {
    const p = routed([
      ['10.0.3.0/24', 'nat-a'],
      ['172.16.5.0/24', 'nat-a'],
      ['172.16.0.0/12', 'nat-a'],
      ['10.9.0.0/16', 'nat-b'],
    ]);
    const fs = findingsOf(p).filter((f) => f.code.startsWith('ROUTE_'));
    expect(fs.length).toBeGreaterThanOrEqual(4);
    for (const f of fs) expectSuggestionFixes(p, f);
  });
});
