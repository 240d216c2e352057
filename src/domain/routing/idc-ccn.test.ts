// docs/spec/rules.md, "IDCs attached to a CCN": what such an IDC publishes, who learns it, what it
// routes back by default, the overlap rules across the CCN, custom routes to it, and the paths
// from pods to it (direct / snat / unreachable, with reasons and hops).
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../analyze';
import type { Cluster, Idc, Plan } from '../model/plan';
import type { PathResult } from './paths';
import {
  basePlan,
  ccn,
  ccnIdc,
  cluster,
  idc,
  resource,
  subnet,
  table,
  vpc,
} from '../../test-support/builders';
import { expectFinding, findingsOf, single } from '../../test-support/rule-checks';

/**
 * vpc-a (cls-1 with pods 172.16.0.0/16 on sn-node) and vpc-b (db-b in sn-b) on ccn-1, and idc-bj
 * (192.168.0.0/16, no VPC) attached to ccn-1 after them. No custom routes.
 */
function onCcn(
  o: { idc?: Partial<Idc>; cluster?: Partial<Cluster>; attachments?: string[] } = {},
): Plan {
  return basePlan({
    vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.1.0.0/16')],
    subnets: [
      subnet('sn-node', 'vpc-a', '10.0.1.0/24'),
      subnet('sn-db', 'vpc-a', '10.0.2.0/24'),
      subnet('sn-b', 'vpc-b', '10.1.3.0/24'),
    ],
    clusters: [
      cluster('cls-1', 'vpc-a', {
        nodeSubnets: ['sn-node'],
        containerCidr: '172.16.0.0/16',
        ...o.cluster,
      }),
    ],
    resources: [resource('db-1', 'sn-db', '10.0.2.10'), resource('db-b', 'sn-b', '10.1.3.7')],
    ccns: [ccn('ccn-1', o.attachments ?? ['vpc-a', 'vpc-b', 'idc-bj'])],
    idcs: [ccnIdc('idc-bj', ['192.168.0.0/16'], o.idc)],
  });
}

function pathOf(p: Plan, from: string, to: string): PathResult {
  const { paths } = analyzePlan({ ...p, flows: [{ from, to }] });
  expect(paths).toHaveLength(1);
  return paths[0]!;
}

const brief = (r: PathResult) => ({ verdict: r.verdict, reason: r.reason, hops: r.hops });

describe('paths to an IDC on a CCN', () => {
  it('snat without a custom route: the VPC learned the IDC range from the CCN, and the IDC learned the node subnet', () => {
    const r = pathOf(onCcn(), 'cls-1', 'idc-bj');
    expect(brief(r)).toEqual({
      verdict: 'snat',
      reason: null,
      hops: ['cls-1', 'sn-node', 'ccn-1', 'idc-bj'],
    });
    expect(r.message).toContain('CCN ccn-1');
  });

  it('an address in the IDC, ending at the address', () => {
    expect(brief(pathOf(onCcn(), 'cls-1', '192.168.7.7'))).toEqual({
      verdict: 'snat',
      reason: null,
      hops: ['cls-1', 'sn-node', 'ccn-1', 'idc-bj', '192.168.7.7'],
    });
  });

  it('from a resource of the other VPC on the CCN: direct', () => {
    expect(brief(pathOf(onCcn(), 'db-b', 'idc-bj'))).toEqual({
      verdict: 'direct',
      reason: null,
      hops: ['db-b', 'sn-b', 'ccn-1', 'idc-bj'],
    });
  });

  it('NO_ROUTE from a VPC that is not on the CCN', () => {
    const p = onCcn({ attachments: ['vpc-b', 'idc-bj'] });
    const r = pathOf(p, 'cls-1', 'idc-bj');
    expect(r.verdict).toBe('unreachable');
    expect(r.reason).toBe('NO_ROUTE');
  });

  it('pod IPs kept (the IDC in nonMasqueradeCidrs): NO_RETURN_ROUTE unless the container CIDR is published back', () => {
    const nm = { nonMasqueradeCidrs: ['172.16.0.0/16', '10.0.0.0/16', '192.168.0.0/16'] };
    const no = pathOf(onCcn({ cluster: nm }), 'cls-1', 'idc-bj');
    expect(brief(no)).toEqual({
      verdict: 'unreachable',
      reason: 'NO_RETURN_ROUTE',
      hops: ['cls-1', 'sn-node', 'ccn-1', 'idc-bj'],
    });
    expect(no.message).toContain('172.16.0.0/16');
    // The cluster registered on the CCN publishes its container CIDR: the IDC learns it.
    const yes = pathOf(
      onCcn({ cluster: nm, attachments: ['vpc-a', 'vpc-b', 'cls-1', 'idc-bj'] }),
      'cls-1',
      'idc-bj',
    );
    expect(brief(yes)).toEqual({
      verdict: 'direct',
      reason: null,
      hops: ['cls-1', 'sn-node', 'ccn-1', 'idc-bj'],
    });
  });

  it('explicit returnRoutes replace what the IDC learns', () => {
    const r = pathOf(onCcn({ idc: { returnRoutes: ['10.1.0.0/16'] } }), 'cls-1', 'idc-bj');
    expect(r.reason).toBe('NO_RETURN_ROUTE');
    expect(r.message).toContain('routes back only 10.1.0.0/16');
    const ok = pathOf(onCcn({ idc: { returnRoutes: ['10.0.1.0/24'] } }), 'cls-1', 'idc-bj');
    expect(ok.verdict).toBe('snat');
  });

  it('the IDC range disabled on the CCN (an earlier attachment publishes it): CCN_ROUTE_DISABLED', () => {
    const p = onCcn({ idc: { cidrs: ['10.1.3.0/24'] } });
    const r = pathOf(p, 'cls-1', 'idc-bj');
    expect(r.verdict).toBe('unreachable');
    expect(r.reason).toBe('CCN_ROUTE_DISABLED');
  });

  it('an IDC that also links to a VPC: its default return routes are that primary CIDR plus the CCN routes', () => {
    const p = onCcn({ idc: { vpc: 'vpc-b' } });
    // From vpc-b, over the CCN route it learned (no custom route), the node-less resource keeps its address.
    expect(pathOf(p, 'db-b', 'idc-bj').verdict).toBe('direct');
    expect(pathOf(p, 'cls-1', 'idc-bj').verdict).toBe('snat');
  });

  describe('a custom route to the IDC', () => {
    const routed = (target: string, attachments?: string[]) => {
      const p = onCcn({ ...(attachments ? { attachments } : {}) });
      return {
        ...p,
        subnets: p.subnets.map((s) => (s.id === 'sn-node' ? { ...s, routeTable: 'rtb-a' } : s)),
        routeTables: [table('rtb-a', 'vpc-a', [['192.168.0.0/16', target]])],
      } satisfies Plan;
    };

    it('is valid when the VPC shares a CCN with the IDC, and goes through that CCN', () => {
      const p = routed('idc-bj');
      expect(findingsOf(p, 'ROUTE_TARGET_INVALID')).toEqual([]);
      expect(brief(pathOf(p, 'cls-1', 'idc-bj'))).toEqual({
        verdict: 'snat',
        reason: null,
        hops: ['cls-1', 'sn-node', 'ccn-1', 'idc-bj'],
      });
    });

    it('is ROUTE_TARGET_INVALID when the IDC neither links to the VPC nor shares a CCN with it', () => {
      const p = routed('idc-bj', ['vpc-b', 'idc-bj']);
      const f = single(p, 'ROUTE_TARGET_INVALID');
      expect(f.message).toContain('shares no CCN');
      expect(pathOf(p, 'cls-1', 'idc-bj').verdict).toBe('unreachable');
    });

    it('an IDC linked to another VPC and on no shared CCN stays invalid', () => {
      const p = basePlan({
        vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.1.0.0/16')],
        subnets: [
          subnet('sn-node', 'vpc-a', '10.0.1.0/24', { routeTable: 'rtb-a' }),
          subnet('sn-db', 'vpc-a', '10.0.2.0/24'),
        ],
        idcs: [idc('idc-sh', 'vpc-b', ['192.168.0.0/16'])],
        routeTables: [table('rtb-a', 'vpc-a', [['192.168.0.0/16', 'idc-sh']])],
      });
      expect(single(p, 'ROUTE_TARGET_INVALID').message).toContain('another VPC');
    });
  });
});

describe('rules for an IDC on a CCN', () => {
  it('CCN_CIDR_CONFLICT applies to its ranges, the later attachment named first', () => {
    const p = onCcn({ idc: { cidrs: ['10.1.3.0/25'] } });
    expectFinding(single(p, 'CCN_CIDR_CONFLICT'), {
      severity: 'warning',
      objects: ['idc-bj', 'vpc-b', 'ccn-1'],
      ranges: ['10.1.3.0/25', '10.1.3.0/24'],
    });
    // Attached first, the IDC's range wins and the subnet's route is the one disabled.
    const q = onCcn({ idc: { cidrs: ['10.1.3.0/25'] }, attachments: ['idc-bj', 'vpc-a', 'vpc-b'] });
    expect(single(q, 'CCN_CIDR_CONFLICT').objects).toEqual(['vpc-b', 'idc-bj', 'ccn-1']);
  });

  it('IDC_CIDR_OVERLAPS_VPC for every VPC on the same CCN', () => {
    const p = onCcn({ idc: { cidrs: ['10.0.0.0/15'] } });
    const fs = findingsOf(p, 'IDC_CIDR_OVERLAPS_VPC');
    expect(fs.map((f) => f.objects)).toEqual([
      ['idc-bj', 'vpc-a'],
      ['idc-bj', 'vpc-b'],
    ]);
    expect(fs[0]!.message).toContain('over CCN ccn-1');
    expect(fs[0]!.severity).toBe('error');
  });

  it('IDC_CIDR_OVERLAPS_CLUSTER for the clusters of every VPC on the CCN', () => {
    const p = onCcn({ idc: { cidrs: ['172.16.0.0/20'] } });
    expectFinding(single(p, 'IDC_CIDR_OVERLAPS_CLUSTER'), {
      severity: 'warning',
      objects: ['idc-bj', 'cls-1'],
      ranges: ['172.16.0.0/20', '172.16.0.0/16'],
    });
  });

  it('not for a VPC off the CCN', () => {
    const p = onCcn({ idc: { cidrs: ['10.0.0.0/15'] }, attachments: ['vpc-b', 'idc-bj'] });
    expect(findingsOf(p, 'IDC_CIDR_OVERLAPS_VPC').map((f) => f.objects)).toEqual([
      ['idc-bj', 'vpc-b'],
    ]);
  });

  it('one finding per VPC when the IDC both links to it and shares a CCN with it', () => {
    const p = onCcn({ idc: { cidrs: ['10.0.0.0/15'], vpc: 'vpc-a' } });
    expect(findingsOf(p, 'IDC_CIDR_OVERLAPS_VPC').map((f) => f.objects)).toEqual([
      ['idc-bj', 'vpc-a'],
      ['idc-bj', 'vpc-b'],
    ]);
  });

  it('a suggested container CIDR keeps clear of an IDC on the CCN', () => {
    const p = onCcn({
      cluster: { containerCidr: '10.0.128.0/17' },
      idc: { cidrs: ['172.16.0.0/16'] },
    });
    const f = single(p, 'CLUSTER_CIDR_OVERLAPS_VPC');
    expect(f.suggestion?.value).toBe('172.17.0.0/17');
  });
});
