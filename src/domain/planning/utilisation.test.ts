// Utilisation by hand on small plans, and on any valid plan: used never passes usable, a subnet's
// parts add up to its demand, and a cluster's nodes land in its node subnets to the last one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanIndex } from '../model/plan-index';
import { validPlanArb } from '../../test-support/arbitraries';
import { cluster, plan, resource, subnet, vpc } from '../../test-support/builders';
import { AddressMap } from './address-map';
import { collectRanges, scopeSees } from './address-map-ranges';
import { clusterUsage, percent, spread, subnetUsage, vpcUsage } from './utilisation';

const p = plan({
  vpcs: [vpc('vpc-a', '10.0.0.0/16', { secondaryCidrs: ['10.8.0.0/24'] })],
  subnets: [
    subnet('sn-1', 'vpc-a', '10.0.1.0/24'),
    subnet('sn-2', 'vpc-a', '10.0.2.0/26'),
    subnet('sn-pods', 'vpc-a', '10.0.4.0/22'),
    subnet('sn-small', 'vpc-a', '10.8.0.0/28'),
  ],
  clusters: [
    cluster('gr', 'vpc-a', {
      nodeSubnets: ['sn-1', 'sn-2'],
      nodeCount: 5,
      containerCidr: '172.16.0.0/16',
      maxPodsPerNode: 64,
      maxServices: 200,
    }),
    cluster('cni', 'vpc-a', {
      mode: 'vpc-cni',
      nodeSubnets: ['sn-small'],
      podSubnets: ['sn-pods'],
      nodeCount: 20,
      maxPodsPerNode: 60,
      serviceCidr: '192.168.0.0/24',
    }),
  ],
  resources: [resource('db', 'sn-1', '10.0.1.10'), resource('cache', 'sn-small')],
});
const ix = new PlanIndex(p);

describe('utilisation by hand', () => {
  it('spreads nodes evenly, the first subnets taking the remainder', () => {
    expect(spread(5, 2)).toEqual([3, 2]);
    expect(spread(1, 3)).toEqual([1, 0, 0]);
    expect(spread(7, 0)).toEqual([]);
  });

  it('per VPC CIDR: the addresses of its subnets', () => {
    expect(vpcUsage(ix, 'vpc-a')).toEqual([
      { cidr: '10.0.0.0/16', used: 256 + 64 + 1024, usable: 65536 },
      { cidr: '10.8.0.0/24', used: 16, usable: 256 },
    ]);
  });

  it('per subnet: resources, planned nodes and VPC-CNI pod IPs against usable', () => {
    // 3 of gr's 5 nodes and the database; 253 usable in a /24.
    expect(subnetUsage(ix, 'sn-1')).toMatchObject({
      resources: 1,
      nodes: 3,
      pods: 0,
      used: 4,
      usable: 253,
      over: 0,
    });
    expect(subnetUsage(ix, 'sn-2')).toMatchObject({ nodes: 2, used: 2, usable: 61 });
    // 20 nodes × 60 pods = 1200 pod IPs in a /22 (1021 usable): 179 too many.
    expect(subnetUsage(ix, 'sn-pods')).toMatchObject({
      pods: 1200,
      demand: 1200,
      used: 1021,
      usable: 1021,
      over: 179,
    });
    // 20 nodes and a cache in a /28 (13 usable).
    expect(subnetUsage(ix, 'sn-small')).toMatchObject({
      nodes: 20,
      resources: 1,
      used: 13,
      over: 8,
    });
  });

  it('per cluster: nodes against what it holds, services against a named service range', () => {
    // /16 less a 256-address service block, 64 addresses a node: 1020 nodes. The service range
    // is carved from maxServices itself: nothing to compare.
    expect(clusterUsage(ix, 'gr')).toEqual({
      nodes: { used: 5, usable: 1020, over: 0 },
      services: null,
    });
    // VPC-CNI: nodes against the free node-subnet IPs (13 less the cache), services in a /24.
    expect(clusterUsage(ix, 'cni')).toEqual({
      nodes: { used: 12, usable: 12, over: 8 },
      services: { used: 251, usable: 251, over: 5 },
    });
    expect(percent({ used: 5, usable: 1020 })).toBe('0.5');
    expect(percent({ used: 1, usable: 0 })).toBe('');
  });
});

describe('utilisation of any valid plan', () => {
  it('never uses more than is usable, and the parts add up', () => {
    fc.assert(
      fc.property(validPlanArb, (plan) => {
        const ix = new PlanIndex(plan);
        for (const v of plan.vpcs)
          for (const u of vpcUsage(ix, v.id)) expect(u.used).toBeLessThanOrEqual(u.usable);
        const nodesIn = new Map<string, number>();
        for (const s of plan.subnets) {
          const u = subnetUsage(ix, s.id)!;
          expect(u.used).toBeLessThanOrEqual(u.usable);
          // Past 2^53 (a billion nodes of a plan the arbitrary makes up) doubles round: the
          // parts then add up to the demand within a rounding, not to the last unit.
          const same = (a: number, b: number) =>
            b <= Number.MAX_SAFE_INTEGER
              ? expect(a).toBe(b)
              : expect(Math.abs(a - b) / b).toBeLessThan(1e-12);
          same(u.resources + u.nodes + u.pods, u.demand);
          same(u.used + u.over, u.demand);
          nodesIn.set(s.id, u.nodes);
        }
        // Every planned node of a cluster whose node subnets are in its VPC lands in one of them.
        for (const c of plan.clusters) {
          const own = [...new Set(c.nodeSubnets ?? [])].filter(
            (id) => ix.subnet(id)?.vpc === c.vpc,
          );
          const others = plan.clusters.filter(
            (o) =>
              o !== c && o.vpc === c.vpc && (o.nodeSubnets ?? []).some((id) => own.includes(id)),
          );
          const all = [...new Set(c.nodeSubnets ?? [])].filter((id) => ix.subnet(id));
          if (others.length === 0 && own.length > 0 && own.length === all.length)
            expect(own.reduce((s, id) => s + nodesIn.get(id)!, 0)).toBe(c.nodeCount ?? 0);
          const nodes = clusterUsage(ix, c.id)!.nodes;
          expect(nodes.used).toBeLessThanOrEqual(nodes.usable);
          expect(nodes.used + nodes.over!).toBe(c.nodeCount ?? 0);
        }
        // And the address map takes the plan whole.
        const m = new AddressMap(collectRanges(ix), scopeSees(ix));
        for (const r of m.roots) expect(r.used + r.free).toBe(r.hi - r.lo + 1);
      }),
      { numRuns: 200 },
    );
  });
});
