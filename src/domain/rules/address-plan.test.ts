// docs/spec/rules.md, "Address plan": VPC CIDRs, subnets and resource IPs (the rules between
// VPCs, PEERING_CIDR_OVERLAP and CCN_CIDR_CONFLICT, are in connections.test.ts).
//
// Where two peers overlap (two subnets, two resources), the spec does not say which is "the
// offending object"; these tests take the one that comes later in the plan, as the CCN rule
// names "the later attachment".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyPlan, type Plan } from '../model/plan';
import { PlanIndex } from '../model/plan-index';
import { basePlan, plan, resource, subnet, vpc } from '../../test-support/builders';
import {
  block4,
  expectFinding,
  expectSuggestionFixes,
  findingsOf,
  ipToNumber,
  overlap4,
  pairKey,
  problemsOf,
  single,
} from '../../test-support/rule-checks';

import { checkVpcAddressPlan } from './address-plan';
import { FindingList } from './findings';

const V6 = '2402:4e00:1000::/56';

describe('the base plan', () => {
  it('has no error or warning finding', () => {
    expect(problemsOf(basePlan())).toEqual([]);
  });
});

describe('VPC_CIDR_RANGE', () => {
  const onlyVpc = (cidr: string, extra = {}) => plan({ vpcs: [vpc('vpc-x', cidr, extra)] });

  it.each([
    ['11.0.0.0/16', 'a public range'],
    ['100.64.0.0/16', 'the carrier-grade NAT range'],
    ['172.32.0.0/16', 'just past 172.16.0.0/12'],
    ['192.169.0.0/16', 'just past 192.168.0.0/16'],
    ['10.0.0.0/8', '10/8 itself: mask shorter than /12'],
    ['10.0.0.0/11', 'mask /11 inside 10/8'],
    ['192.168.0.0/15', 'a /15 around 192.168/16'],
    ['172.0.0.0/11', 'a /11 around 172.16/12'],
  ])('reports primary %s (%s)', (cidr) => {
    const f = single(onlyVpc(cidr), 'VPC_CIDR_RANGE');
    expectFinding(f, { severity: 'error', objects: ['vpc-x'], ranges: [cidr] });
  });

  it.each(['10.0.0.0/29', '172.16.0.0/29', '192.168.0.0/29', '192.168.0.0/30'])(
    'reports a mask longer than /28: %s',
    (cidr) => {
      const f = single(onlyVpc(cidr), 'VPC_CIDR_RANGE');
      expectFinding(f, { severity: 'error', objects: ['vpc-x'], ranges: [cidr] });
    },
  );

  it.each([
    '10.0.0.0/12',
    '10.240.0.0/12',
    '172.16.0.0/12',
    '172.31.255.240/28',
    '192.168.0.0/16',
    '192.168.255.240/28',
    '10.0.0.0/28',
  ])('accepts %s', (cidr) => {
    expect(findingsOf(onlyVpc(cidr), 'VPC_CIDR_RANGE')).toEqual([]);
  });

  it('reports a secondary CIDR outside the allowed ranges, naming it', () => {
    const p = onlyVpc('10.0.0.0/16', { secondaryCidrs: ['10.1.0.0/16', '100.64.0.0/16'] });
    const f = single(p, 'VPC_CIDR_RANGE');
    expectFinding(f, { severity: 'error', objects: ['vpc-x'], ranges: ['100.64.0.0/16'] });
  });

  it('reports a secondary CIDR with a mask outside /12../28', () => {
    const p = onlyVpc('10.0.0.0/16', { secondaryCidrs: ['10.1.0.0/29'] });
    const f = single(p, 'VPC_CIDR_RANGE');
    expectFinding(f, { severity: 'error', objects: ['vpc-x'], ranges: ['10.1.0.0/29'] });
  });

  it.each(['2402:4e00:1000::/48', '2402:4e00:1000::/64', '2402:4e00:1000::/57'])(
    'reports an ipv6Cidr that is not a /56: %s',
    (v6) => {
      const f = single(onlyVpc('10.0.0.0/16', { ipv6Cidr: v6 }), 'VPC_CIDR_RANGE');
      expectFinding(f, { severity: 'error', objects: ['vpc-x'], ranges: [v6] });
    },
  );

  it('accepts an ipv6Cidr that is a /56', () => {
    expect(findingsOf(onlyVpc('10.0.0.0/16', { ipv6Cidr: V6 }), 'VPC_CIDR_RANGE')).toEqual([]);
  });
});

describe('VPC_CIDR_OVERLAP', () => {
  const withSecondaries = (secondaryCidrs: string[]) =>
    plan({ vpcs: [vpc('vpc-x', '10.0.0.0/16', { secondaryCidrs })] });

  it.each([
    [['10.0.128.0/17'], '10.0.128.0/17', '10.0.0.0/16', 'inside the primary'],
    [['10.0.0.0/16'], '10.0.0.0/16', '10.0.0.0/16', 'equal to the primary'],
    [['10.0.0.0/12'], '10.0.0.0/12', '10.0.0.0/16', 'containing the primary'],
    [['10.8.0.0/16', '10.8.16.0/20'], '10.8.16.0/20', '10.8.0.0/16', 'inside another secondary'],
  ])('reports secondaries %j (%s)', (secondaries, offending, other) => {
    const f = single(withSecondaries(secondaries), 'VPC_CIDR_OVERLAP');
    expectFinding(f, { severity: 'error', objects: ['vpc-x'], mentions: [offending, other] });
    expect(f.ranges).toContain(offending);
  });

  it('accepts secondaries that touch the primary and each other without overlapping', () => {
    // 9.255.0.0/16 ends right below the primary (and is out of range: a VPC_CIDR_RANGE, not an overlap).
    const p = withSecondaries(['10.1.0.0/16', '10.2.0.0/16', '9.255.0.0/16']);
    expect(findingsOf(p, 'VPC_CIDR_OVERLAP')).toEqual([]);
  });

  it('does not compare the CIDRs of two different VPCs', () => {
    const p = plan({
      vpcs: [
        vpc('vpc-x', '10.0.0.0/16'),
        vpc('vpc-y', '10.0.0.0/16', { secondaryCidrs: ['10.1.0.0/16'] }),
      ],
    });
    expect(findingsOf(p, 'VPC_CIDR_OVERLAP')).toEqual([]);
  });
});

describe('SUBNET_OUTSIDE_VPC', () => {
  it('reports a subnet outside the VPC, with a suggestion that fixes it', () => {
    const p = basePlan({
      subnets: [
        subnet('sn-node', 'vpc-a', '10.0.1.0/24'),
        subnet('sn-db', 'vpc-a', '10.0.2.0/24'),
        subnet('sn-far', 'vpc-a', '10.1.0.0/24'),
      ],
    });
    const f = single(p, 'SUBNET_OUTSIDE_VPC');
    expectFinding(f, {
      severity: 'error',
      objects: ['sn-far', 'vpc-a'],
      mentions: ['10.1.0.0/24', '10.0.0.0/16'],
    });
    expect(f.ranges[0]).toBe('10.1.0.0/24');
    expectSuggestionFixes(p, f);
  });

  it('reports a subnet larger than its VPC (it contains the VPC but is not inside it)', () => {
    const p = basePlan({
      subnets: [
        subnet('sn-node', 'vpc-a', '10.0.1.0/24'),
        subnet('sn-db', 'vpc-a', '10.0.2.0/24'),
        subnet('sn-big', 'vpc-a', '10.0.0.0/15'),
      ],
    });
    const f = single(p, 'SUBNET_OUTSIDE_VPC');
    expectFinding(f, {
      severity: 'error',
      objects: ['sn-big', 'vpc-a'],
      mentions: ['10.0.0.0/15', '10.0.0.0/16'],
    });
  });

  it('accepts a subnet inside a secondary CIDR, one equal to the VPC, and one at its last block', () => {
    const p = plan({
      vpcs: [
        vpc('vpc-a', '10.0.0.0/16', { secondaryCidrs: ['10.8.0.0/16'] }),
        vpc('vpc-b', '10.2.0.0/24'),
      ],
      subnets: [
        subnet('sn-sec', 'vpc-a', '10.8.3.0/24'),
        subnet('sn-last', 'vpc-a', '10.0.255.0/24'),
        subnet('sn-all', 'vpc-b', '10.2.0.0/24'),
      ],
    });
    expect(findingsOf(p, 'SUBNET_OUTSIDE_VPC')).toEqual([]);
  });

  it('reports a subnet that spans the primary and an adjacent secondary CIDR (inside neither)', () => {
    const p = plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/17', { secondaryCidrs: ['10.0.128.0/17'] })],
      subnets: [subnet('sn-a', 'vpc-a', '10.0.0.0/16')],
    });
    const f = single(p, 'SUBNET_OUTSIDE_VPC');
    expectFinding(f, {
      severity: 'error',
      objects: ['sn-a', 'vpc-a'],
      mentions: ['10.0.0.0/16', '10.0.0.0/17'],
    });
  });

  it('reports a subnet ipv6Cidr outside the VPC ipv6Cidr', () => {
    const p = plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16', { ipv6Cidr: V6 })],
      subnets: [subnet('sn-a', 'vpc-a', '10.0.1.0/24', { ipv6Cidr: '2402:4e00:2000:1::/64' })],
    });
    const f = single(p, 'SUBNET_OUTSIDE_VPC');
    expectFinding(f, {
      severity: 'error',
      objects: ['sn-a', 'vpc-a'],
      mentions: ['2402:4e00:2000:1::/64', V6],
    });
    expect(f.ranges[0]).toBe('2402:4e00:2000:1::/64');
  });

  it('reports a subnet ipv6Cidr when the VPC has no IPv6 range', () => {
    const p = plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16')],
      subnets: [subnet('sn-a', 'vpc-a', '10.0.1.0/24', { ipv6Cidr: '2402:4e00:1000:1::/64' })],
    });
    const f = single(p, 'SUBNET_OUTSIDE_VPC');
    expectFinding(f, {
      severity: 'error',
      objects: ['sn-a', 'vpc-a'],
      mentions: ['2402:4e00:1000:1::/64'],
    });
  });

  it('accepts a subnet ipv6Cidr inside the VPC ipv6Cidr, including its last /64', () => {
    const p = plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16', { ipv6Cidr: V6 })],
      subnets: [
        subnet('sn-a', 'vpc-a', '10.0.1.0/24', { ipv6Cidr: '2402:4e00:1000:1::/64' }),
        subnet('sn-b', 'vpc-a', '10.0.2.0/24', { ipv6Cidr: '2402:4e00:1000:ff::/64' }),
      ],
    });
    expect(findingsOf(p, 'SUBNET_OUTSIDE_VPC')).toEqual([]);
  });
});

describe('SUBNET_MASK_RANGE', () => {
  const one = (cidr: string, extra = {}) =>
    plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16', { ipv6Cidr: V6 })],
      subnets: [subnet('sn-a', 'vpc-a', cidr, extra)],
    });

  it.each(['10.0.1.0/30', '10.0.1.0/31', '10.0.1.0/32'])('reports %s (longer than /29)', (cidr) => {
    const f = single(one(cidr), 'SUBNET_MASK_RANGE');
    expectFinding(f, { severity: 'error', objects: ['sn-a'], ranges: [cidr] });
  });

  it.each(['10.0.1.0/29', '10.0.1.0/24', '10.0.0.0/16'])('accepts %s', (cidr) => {
    expect(findingsOf(one(cidr), 'SUBNET_MASK_RANGE')).toEqual([]);
  });

  it.each(['2402:4e00:1000:10::/60', '2402:4e00:1000:1::/80', '2402:4e00:1000:1::/65'])(
    'reports an ipv6Cidr %s that is not a /64',
    (v6) => {
      const f = single(one('10.0.1.0/24', { ipv6Cidr: v6 }), 'SUBNET_MASK_RANGE');
      expectFinding(f, { severity: 'error', objects: ['sn-a'], ranges: [v6] });
    },
  );

  it('accepts an ipv6Cidr that is a /64', () => {
    const p = one('10.0.1.0/24', { ipv6Cidr: '2402:4e00:1000:1::/64' });
    expect(findingsOf(p, 'SUBNET_MASK_RANGE')).toEqual([]);
  });
});

describe('SUBNET_OVERLAP', () => {
  const twoSubnets = (a: string, b: string, ea = {}, eb = {}) =>
    plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16', { ipv6Cidr: V6 })],
      subnets: [subnet('sn-a', 'vpc-a', a, ea), subnet('sn-b', 'vpc-a', b, eb)],
    });

  it.each([
    ['10.0.1.0/24', '10.0.1.128/25', 'the later one inside the earlier'],
    ['10.0.1.128/25', '10.0.1.0/24', 'the later one containing the earlier'],
    ['10.0.1.0/24', '10.0.1.0/24', 'equal'],
  ])('reports %s and %s (%s), with a suggestion that fixes it', (a, b) => {
    const p = twoSubnets(a, b);
    const f = single(p, 'SUBNET_OVERLAP');
    expectFinding(f, {
      severity: 'error',
      objects: ['sn-b', 'sn-a'],
      ranges: [b, a],
      mentions: [a, b],
    });
    expectSuggestionFixes(p, f);
  });

  it('orders a subnet whose id repeats an earlier object (an invalid plan) by that id', () => {
    // Reading refuses such a plan, so it is built by hand. The index keeps an id's first object:
    // the subnet named like the VPC takes the VPC's position, before every subnet, though it is
    // listed last.
    const p: Plan = {
      ...emptyPlan(),
      vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.1.0.0/16')],
      subnets: [subnet('sn-a', 'vpc-a', '10.0.1.0/24'), subnet('vpc-b', 'vpc-a', '10.0.1.0/25')],
    };
    const out = new FindingList();
    checkVpcAddressPlan(new PlanIndex(p), p.vpcs[0]!, out);
    const overlaps = out.items.filter((f) => f.code === 'SUBNET_OVERLAP');
    expect(overlaps.map((f) => f.objects)).toEqual([['sn-a', 'vpc-b']]);
  });

  it('accepts subnets that touch without overlapping', () => {
    expect(findingsOf(twoSubnets('10.0.1.0/25', '10.0.1.128/25'), 'SUBNET_OVERLAP')).toEqual([]);
    expect(findingsOf(twoSubnets('10.0.0.0/24', '10.0.1.0/24'), 'SUBNET_OVERLAP')).toEqual([]);
  });

  it('does not compare subnets of different VPCs', () => {
    const p = plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.0.0.0/16')],
      subnets: [subnet('sn-a', 'vpc-a', '10.0.1.0/24'), subnet('sn-b', 'vpc-b', '10.0.1.0/24')],
    });
    expect(findingsOf(p, 'SUBNET_OVERLAP')).toEqual([]);
  });

  it('reports two subnets whose IPv6 ranges overlap though their IPv4 ranges do not', () => {
    const six = '2402:4e00:1000:1::/64';
    const p = twoSubnets('10.0.1.0/24', '10.0.2.0/24', { ipv6Cidr: six }, { ipv6Cidr: six });
    const f = single(p, 'SUBNET_OVERLAP');
    expectFinding(f, { severity: 'error', objects: ['sn-b', 'sn-a'], ranges: [six, six] });
  });

  it('accepts distinct IPv6 ranges, and never compares an IPv4 range with an IPv6 one', () => {
    const p = twoSubnets(
      '10.0.1.0/24',
      '10.0.2.0/24',
      { ipv6Cidr: '2402:4e00:1000:1::/64' },
      { ipv6Cidr: '2402:4e00:1000:2::/64' },
    );
    expect(findingsOf(p, 'SUBNET_OVERLAP')).toEqual([]);
  });

  it('property: the findings are exactly the overlapping pairs, the later subnet first', () => {
    const subnetArb = fc
      .integer({ min: 18, max: 29 })
      .chain((prefix) =>
        fc
          .integer({ min: 0, max: 2 ** (prefix - 16) - 1 })
          .map((i) => block4('10.0.0.0', prefix, i)),
      );
    fc.assert(
      fc.property(fc.array(subnetArb, { minLength: 2, maxLength: 8 }), (cidrs) => {
        const p = plan({
          vpcs: [vpc('vpc-a', '10.0.0.0/16')],
          subnets: cidrs.map((c, i) => subnet(`sn-${i}`, 'vpc-a', c)),
        });
        const expected: string[] = [];
        for (let i = 0; i < cidrs.length; i++)
          for (let j = i + 1; j < cidrs.length; j++)
            if (overlap4(cidrs[i]!, cidrs[j]!)) expected.push(pairKey(`sn-${i}`, `sn-${j}`));
        const got = findingsOf(p, 'SUBNET_OVERLAP');
        expect(got.map((f) => pairKey(f.objects[0]!, f.objects[1]!)).sort()).toEqual(
          expected.sort(),
        );
        for (const f of got) {
          const later = Number(f.objects[0]!.slice(3));
          const earlier = Number(f.objects[1]!.slice(3));
          expect(later).toBeGreaterThan(earlier);
          expect(f.ranges).toEqual([cidrs[later], cidrs[earlier]]);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('RESOURCE_IP_OUTSIDE_SUBNET', () => {
  it('reports an IP outside the resource subnet, even when it is in another subnet of the VPC', () => {
    for (const ip of ['10.0.3.10', '10.0.1.10', '192.168.0.10']) {
      const p = basePlan({ resources: [resource('db-1', 'sn-db', ip)] });
      const f = single(p, 'RESOURCE_IP_OUTSIDE_SUBNET');
      expectFinding(f, {
        severity: 'error',
        objects: ['db-1', 'sn-db'],
        mentions: [ip, '10.0.2.0/24'],
      });
      expect(f.ranges[0]).toBe(ip);
    }
  });

  it('accepts an IP inside the subnet, at either end of the usable addresses, or no IP at all', () => {
    const p = basePlan({
      resources: [
        resource('db-1', 'sn-db', '10.0.2.2'),
        resource('db-2', 'sn-db', '10.0.2.254'),
        resource('db-3', 'sn-db'),
      ],
    });
    expect(findingsOf(p, 'RESOURCE_IP_OUTSIDE_SUBNET')).toEqual([]);
  });

  it('checks an IPv6 address against the subnet ipv6Cidr', () => {
    const p = (ip: string, withV6 = true) =>
      plan({
        vpcs: [vpc('vpc-a', '10.0.0.0/16', { ipv6Cidr: V6 })],
        subnets: [
          subnet(
            'sn-a',
            'vpc-a',
            '10.0.1.0/24',
            withV6 ? { ipv6Cidr: '2402:4e00:1000:1::/64' } : {},
          ),
        ],
        resources: [resource('r-1', 'sn-a', ip)],
      });
    expect(findingsOf(p('2402:4e00:1000:1::10'), 'RESOURCE_IP_OUTSIDE_SUBNET')).toEqual([]);
    const outside = single(p('2402:4e00:1000:2::10'), 'RESOURCE_IP_OUTSIDE_SUBNET');
    expectFinding(outside, {
      severity: 'error',
      objects: ['r-1', 'sn-a'],
      mentions: ['2402:4e00:1000:2::10', '2402:4e00:1000:1::/64'],
    });
    const noV6 = single(p('2402:4e00:1000:1::10', false), 'RESOURCE_IP_OUTSIDE_SUBNET');
    expectFinding(noV6, {
      severity: 'error',
      objects: ['r-1', 'sn-a'],
      mentions: ['2402:4e00:1000:1::10'],
    });
  });
});

describe('RESOURCE_IP_RESERVED', () => {
  it.each(['10.0.2.0', '10.0.2.1', '10.0.2.255'])('reports %s in 10.0.2.0/24', (ip) => {
    const f = single(
      basePlan({ resources: [resource('db-1', 'sn-db', ip)] }),
      'RESOURCE_IP_RESERVED',
    );
    expectFinding(f, {
      severity: 'error',
      objects: ['db-1', 'sn-db'],
      mentions: [ip, '10.0.2.0/24'],
    });
    expect(f.ranges[0]).toBe(ip);
  });

  it.each([
    ['10.0.3.8', true],
    ['10.0.3.9', true],
    ['10.0.3.15', true],
    ['10.0.3.10', false],
    ['10.0.3.14', false],
  ])('in the /29 10.0.3.8/29, %s reserved: %s', (ip, reserved) => {
    const p = basePlan({
      subnets: [subnet('sn-node', 'vpc-a', '10.0.1.0/24'), subnet('sn-db', 'vpc-a', '10.0.3.8/29')],
      resources: [resource('db-1', 'sn-db', ip)],
    });
    expect(findingsOf(p, 'RESOURCE_IP_RESERVED')).toHaveLength(reserved ? 1 : 0);
    expect(findingsOf(p, 'RESOURCE_IP_OUTSIDE_SUBNET')).toEqual([]);
  });

  it('does not treat the ends of an IPv6 subnet as reserved (the rule is IPv4)', () => {
    const p = plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16', { ipv6Cidr: V6 })],
      subnets: [subnet('sn-a', 'vpc-a', '10.0.1.0/24', { ipv6Cidr: '2402:4e00:1000:1::/64' })],
      resources: [
        resource('r-1', 'sn-a', '2402:4e00:1000:1::'),
        resource('r-2', 'sn-a', '2402:4e00:1000:1::1'),
        resource('r-3', 'sn-a', '2402:4e00:1000:1:ffff:ffff:ffff:ffff'),
      ],
    });
    expect(findingsOf(p, 'RESOURCE_IP_RESERVED')).toEqual([]);
  });

  it('property: an address of a /24 is reserved exactly when it is .0, .1 or .255', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), (last) => {
        const ip = `10.0.2.${last}`;
        const p = basePlan({ resources: [resource('db-1', 'sn-db', ip)] });
        const reserved = last === 0 || last === 1 || last === 255;
        expect(findingsOf(p, 'RESOURCE_IP_RESERVED').map((f) => f.objects)).toEqual(
          reserved ? [['db-1', 'sn-db']] : [],
        );
        expect(ipToNumber(ip) % 256).toBe(last);
      }),
      { numRuns: 100 },
    );
  });
});

describe('RESOURCE_IP_DUPLICATE', () => {
  it('reports two resources with the same IP in one subnet, the later first', () => {
    const p = basePlan({
      resources: [resource('db-1', 'sn-db', '10.0.2.10'), resource('db-2', 'sn-db', '10.0.2.10')],
    });
    const f = single(p, 'RESOURCE_IP_DUPLICATE');
    expectFinding(f, { severity: 'error', objects: ['db-2', 'db-1'], mentions: ['10.0.2.10'] });
  });

  it('reports the same IP in two subnets of the same VPC', () => {
    const p = basePlan({
      subnets: [
        subnet('sn-node', 'vpc-a', '10.0.1.0/24'),
        subnet('sn-db', 'vpc-a', '10.0.2.0/24'),
        subnet('sn-db2', 'vpc-a', '10.0.2.0/25'),
      ],
      resources: [resource('db-1', 'sn-db', '10.0.2.10'), resource('db-2', 'sn-db2', '10.0.2.10')],
    });
    const f = single(p, 'RESOURCE_IP_DUPLICATE');
    expectFinding(f, { severity: 'error', objects: ['db-2', 'db-1'], mentions: ['10.0.2.10'] });
  });

  it('reports a duplicated IPv6 address', () => {
    const p = plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16', { ipv6Cidr: V6 })],
      subnets: [subnet('sn-a', 'vpc-a', '10.0.1.0/24', { ipv6Cidr: '2402:4e00:1000:1::/64' })],
      resources: [
        resource('r-1', 'sn-a', '2402:4e00:1000:1::10'),
        resource('r-2', 'sn-a', '2402:4e00:1000:1::10'),
      ],
    });
    const f = single(p, 'RESOURCE_IP_DUPLICATE');
    expectFinding(f, {
      severity: 'error',
      objects: ['r-2', 'r-1'],
      mentions: ['2402:4e00:1000:1::10'],
    });
  });

  it('accepts the same IP in two different VPCs, different IPs, and resources without an IP', () => {
    const p = plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.0.0.0/16')],
      subnets: [subnet('sn-a', 'vpc-a', '10.0.2.0/24'), subnet('sn-b', 'vpc-b', '10.0.2.0/24')],
      clusters: [],
      resources: [
        resource('db-1', 'sn-a', '10.0.2.10'),
        resource('db-2', 'sn-b', '10.0.2.10'),
        resource('db-3', 'sn-a', '10.0.2.11'),
        resource('db-4', 'sn-a'),
        resource('db-5', 'sn-a'),
      ],
    });
    expect(findingsOf(p, 'RESOURCE_IP_DUPLICATE')).toEqual([]);
  });
});
