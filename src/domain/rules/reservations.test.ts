// docs/spec/rules.md, "Reservations": RESERVATION_OVERLAP and RESERVATION_OVERLAP_RESERVATION,
// where each reservation applies (everywhere, or its VPC and the VPCs joined to it), the VPC
// CIDR that holds a whole reservation, and free-range suggestions that keep clear of them.
import { describe, expect, it } from 'vitest';
import { PlanIndex } from '../model/plan-index';
import type { Plan } from '../model/plan';
import { freeContainerCidr, freeSubnetCidr, freeVpcCidr, nextSubnetCidr } from '../allocate';
import { analyzePlan } from '../analyze';
import {
  basePlan,
  ccn,
  ccnIdc,
  cluster,
  idc,
  peering,
  plan,
  type PlanParts,
  reservation,
  subnet,
  vpc,
} from '../../test-support/builders';
import { expectFinding, findingsOf, single } from '../../test-support/rule-checks';

const objectsOf = (p: Plan, code: 'RESERVATION_OVERLAP' | 'RESERVATION_OVERLAP_RESERVATION') =>
  findingsOf(p, code).map((f) => f.objects.join(' '));

describe('RESERVATION_OVERLAP', () => {
  it('a subnet inside a reservation of its VPC', () => {
    const p = basePlan({ reservations: [reservation('rsv-1', '10.0.2.0/23', { vpc: 'vpc-a' })] });
    expectFinding(single(p, 'RESERVATION_OVERLAP'), {
      severity: 'warning',
      objects: ['sn-db', 'rsv-1'],
      ranges: ['10.0.2.0/24', '10.0.2.0/23'],
    });
  });

  it('a VPC CIDR that holds the whole reservation is not flagged; its subnets are', () => {
    const p = basePlan({ reservations: [reservation('rsv-1', '10.0.64.0/18', { vpc: 'vpc-a' })] });
    expect(findingsOf(p, 'RESERVATION_OVERLAP')).toEqual([]);
    const q = basePlan({
      reservations: [reservation('rsv-1', '10.0.0.0/20', { vpc: 'vpc-a' })],
    });
    expect(objectsOf(q, 'RESERVATION_OVERLAP').sort()).toEqual(['sn-db rsv-1', 'sn-node rsv-1']);
  });

  it('a VPC CIDR that only partly holds it, or lies inside it, is flagged', () => {
    const partly = basePlan({ reservations: [reservation('rsv-1', '10.0.0.0/15')] });
    expect(objectsOf(partly, 'RESERVATION_OVERLAP')).toContain('vpc-a rsv-1');
    const secondary = basePlan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16', { secondaryCidrs: ['10.8.0.0/24'] })],
      reservations: [reservation('rsv-1', '10.8.0.0/16')],
    });
    const f = findingsOf(secondary, 'RESERVATION_OVERLAP').find((x) => x.objects[0] === 'vpc-a')!;
    expectFinding(f, {
      severity: 'warning',
      objects: ['vpc-a', 'rsv-1'],
      ranges: ['10.8.0.0/24', '10.8.0.0/16'],
    });
  });

  it('container and service CIDRs, one finding per cluster and reservation', () => {
    const p = basePlan({
      clusters: [
        cluster('cls-1', 'vpc-a', {
          nodeSubnets: ['sn-node'],
          containerCidr: '172.16.0.0/16',
          serviceCidr: '172.17.0.0/20',
        }),
      ],
      reservations: [reservation('rsv-1', '172.16.0.0/15'), reservation('rsv-2', '172.17.0.0/16')],
    });
    const fs = findingsOf(p, 'RESERVATION_OVERLAP');
    expect(fs.map((f) => [f.objects.join(' '), f.ranges[0]])).toEqual([
      ['cls-1 rsv-1', '172.16.0.0/16'],
      ['cls-1 rsv-2', '172.17.0.0/20'],
    ]);
  });

  it('an IDC range, for a reservation of its VPC', () => {
    const p = basePlan({
      idcs: [idc('idc-sh', 'vpc-a', ['192.168.0.0/16'])],
      reservations: [reservation('rsv-1', '192.168.10.0/24', { vpc: 'vpc-a' })],
    });
    expectFinding(single(p, 'RESERVATION_OVERLAP'), {
      severity: 'warning',
      objects: ['idc-sh', 'rsv-1'],
      ranges: ['192.168.0.0/16', '192.168.10.0/24'],
    });
  });

  it('an IDC without a VPC only meets reservations without one', () => {
    const p = basePlan({
      ccns: [ccn('ccn-1', ['vpc-a', 'idc-bj'])],
      idcs: [ccnIdc('idc-bj', ['192.168.0.0/16'])],
      reservations: [reservation('rsv-1', '192.168.10.0/24', { vpc: 'vpc-a' })],
    });
    expect(findingsOf(p, 'RESERVATION_OVERLAP')).toEqual([]);
    const q = { ...p, reservations: [reservation('rsv-1', '192.168.10.0/24')] };
    expect(objectsOf(q, 'RESERVATION_OVERLAP')).toEqual(['idc-bj rsv-1']);
  });

  describe('where a reservation applies', () => {
    const three = (extra: PlanParts = {}): Plan =>
      plan({
        vpcs: [
          vpc('vpc-a', '10.0.0.0/16'),
          vpc('vpc-b', '10.1.0.0/16'),
          vpc('vpc-c', '10.2.0.0/16'),
        ],
        subnets: [
          subnet('sn-a', 'vpc-a', '10.0.1.0/24'),
          subnet('sn-b', 'vpc-b', '10.1.1.0/24'),
          subnet('sn-c', 'vpc-c', '10.2.1.0/24'),
        ],
        // A reservation made in vpc-a of ranges that the other VPCs use.
        reservations: [reservation('rsv-1', '10.0.0.0/14', { vpc: 'vpc-a' })],
        ...extra,
      });

    it('without a VPC: everywhere', () => {
      const p = three({ reservations: [reservation('rsv-1', '10.0.0.0/14')] });
      expect(objectsOf(p, 'RESERVATION_OVERLAP').filter((o) => o.startsWith('sn-'))).toEqual([
        'sn-a rsv-1',
        'sn-b rsv-1',
        'sn-c rsv-1',
      ]);
    });

    it('with a VPC: there only, when nothing joins it', () => {
      expect(objectsOf(three(), 'RESERVATION_OVERLAP')).toEqual(['vpc-a rsv-1', 'sn-a rsv-1']);
    });

    it('and in a VPC peered with it', () => {
      const p = three({ peerings: [peering('pcx-1', 'vpc-a', 'vpc-b')] });
      expect(objectsOf(p, 'RESERVATION_OVERLAP')).toEqual([
        'vpc-a rsv-1',
        'vpc-b rsv-1',
        'sn-a rsv-1',
        'sn-b rsv-1',
      ]);
    });

    it('and in a VPC on a shared CCN, but not across two peerings (not transitive)', () => {
      const p = three({ ccns: [ccn('ccn-1', ['vpc-c', 'vpc-a'])] });
      expect(objectsOf(p, 'RESERVATION_OVERLAP')).toContain('sn-c rsv-1');
      expect(objectsOf(p, 'RESERVATION_OVERLAP')).not.toContain('sn-b rsv-1');
      const chain = three({
        peerings: [peering('pcx-1', 'vpc-a', 'vpc-b'), peering('pcx-2', 'vpc-b', 'vpc-c')],
      });
      expect(objectsOf(chain, 'RESERVATION_OVERLAP')).not.toContain('sn-c rsv-1');
    });
  });
});

describe('RESERVATION_OVERLAP_RESERVATION', () => {
  const two = (a: { vpc?: string }, b: { vpc?: string }, extra: PlanParts = {}) =>
    plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.1.0.0/16'), vpc('vpc-c', '10.2.0.0/16')],
      reservations: [
        reservation('rsv-1', '172.20.0.0/14', a),
        reservation('rsv-2', '172.21.0.0/16', b),
      ],
      ...extra,
    });

  it('names the later reservation first', () => {
    expectFinding(single(two({}, {}), 'RESERVATION_OVERLAP_RESERVATION'), {
      severity: 'warning',
      objects: ['rsv-2', 'rsv-1'],
      ranges: ['172.21.0.0/16', '172.20.0.0/14'],
    });
  });

  it('same VPC, or one without a VPC: they overlap', () => {
    expect(
      objectsOf(two({ vpc: 'vpc-a' }, { vpc: 'vpc-a' }), 'RESERVATION_OVERLAP_RESERVATION'),
    ).toEqual(['rsv-2 rsv-1']);
    expect(objectsOf(two({}, { vpc: 'vpc-b' }), 'RESERVATION_OVERLAP_RESERVATION')).toEqual([
      'rsv-2 rsv-1',
    ]);
  });

  it('VPCs not connected: no finding; joined directly or through a common neighbour: a finding', () => {
    expect(
      findingsOf(two({ vpc: 'vpc-a' }, { vpc: 'vpc-b' }), 'RESERVATION_OVERLAP_RESERVATION'),
    ).toEqual([]);
    const peered = two(
      { vpc: 'vpc-a' },
      { vpc: 'vpc-b' },
      { peerings: [peering('pcx-1', 'vpc-a', 'vpc-b')] },
    );
    expect(objectsOf(peered, 'RESERVATION_OVERLAP_RESERVATION')).toEqual(['rsv-2 rsv-1']);
    // Both apply to vpc-c, which is peered with each.
    const hub = two(
      { vpc: 'vpc-a' },
      { vpc: 'vpc-b' },
      { peerings: [peering('pcx-1', 'vpc-a', 'vpc-c'), peering('pcx-2', 'vpc-c', 'vpc-b')] },
    );
    expect(objectsOf(hub, 'RESERVATION_OVERLAP_RESERVATION')).toEqual(['rsv-2 rsv-1']);
  });

  it('ranges apart: no finding', () => {
    const p = plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16')],
      reservations: [reservation('rsv-1', '172.20.0.0/16'), reservation('rsv-2', '172.21.0.0/16')],
    });
    expect(findingsOf(p, 'RESERVATION_OVERLAP_RESERVATION')).toEqual([]);
  });
});

describe('reservations change no verdict', () => {
  it('paths are the same with and without them', () => {
    const p = basePlan();
    const q = basePlan({
      reservations: [reservation('rsv-1', '10.0.0.0/8'), reservation('rsv-2', '172.16.0.0/12')],
    });
    expect(analyzePlan(q).paths).toEqual(analyzePlan(p).paths);
  });
});

describe('free-range suggestions keep clear of the reservations that apply', () => {
  it('a subnet dropped into a VPC skips a reservation of that VPC', () => {
    const p = basePlan({ reservations: [reservation('rsv-1', '10.0.0.0/20', { vpc: 'vpc-a' })] });
    expect(nextSubnetCidr(new PlanIndex(basePlan()), 'vpc-a')).toBe('10.0.0.0/24');
    expect(nextSubnetCidr(new PlanIndex(p), 'vpc-a')).toBe('10.0.16.0/24');
    expect(freeSubnetCidr(new PlanIndex(p), 'vpc-a', 20)).toBe('10.0.16.0/20');
  });

  it("a reservation of another, unconnected VPC does not count; a peer's does", () => {
    const base: Plan = plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.1.0.0/16')],
      reservations: [reservation('rsv-1', '172.16.0.0/16', { vpc: 'vpc-b' })],
    });
    expect(freeContainerCidr(new PlanIndex(base), 'vpc-a', 16)).toBe('172.16.0.0/16');
    const peered = { ...base, peerings: [peering('pcx-1', 'vpc-a', 'vpc-b')] };
    expect(freeContainerCidr(new PlanIndex(peered), 'vpc-a', 16)).toBe('172.17.0.0/16');
  });

  it('a new VPC skips the plan-wide reservations', () => {
    const p = plan({ reservations: [reservation('rsv-1', '10.0.0.0/12')] });
    expect(freeVpcCidr(new PlanIndex(plan()), 16)).toBe('10.0.0.0/16');
    expect(freeVpcCidr(new PlanIndex(p), 16)).toBe('10.16.0.0/16');
  });

  it("a finding's suggestion avoids them too", () => {
    const p = basePlan({
      clusters: [
        cluster('cls-1', 'vpc-a', { nodeSubnets: ['sn-node'], containerCidr: '10.0.128.0/17' }),
      ],
      reservations: [reservation('rsv-1', '172.16.0.0/14')],
    });
    const f = single(p, 'CLUSTER_CIDR_OVERLAPS_VPC');
    expect(f.suggestion?.value).toBe('172.20.0.0/17');
  });
});
