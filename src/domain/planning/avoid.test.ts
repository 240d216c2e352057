// planning/avoid.ts is the one list of what a new cluster's range avoids: the address planner
// and allocate.ts (a dropped cluster, a finding's fix) must not drift apart again. Route
// destinations of the VPC's tables are on it (docs/spec/cli.md, `suggest`), a default route not.
import { describe, expect, it } from 'vitest';
import { freeContainerCidr } from '../allocate';
import { PlanIndex } from '../model/plan-index';
import { plan, table, vpc } from '../../test-support/builders';
import { generatePlan } from '../../../bench/generate';
import { cidrsToAvoid, rangesToAvoid } from './avoid';
import { AddressPlanner } from './suggest';

describe('what a new container CIDR avoids', () => {
  const routed = plan({
    vpcs: [vpc('vpc-a', '10.0.0.0/16')],
    routeTables: [
      table('rtb-1', 'vpc-a', [
        ['172.16.0.0/16', 'pcx-1'],
        ['0.0.0.0/0', 'nat-1'],
      ]),
    ],
  });

  it('lists a route destination of the VPC with its table, and no default route', () => {
    expect(rangesToAvoid(new PlanIndex(routed), 'vpc-a').map((r) => r.what)).toEqual([
      'VPC vpc-a',
      'route to 172.16.0.0/16 in route table rtb-1',
    ]);
  });

  it('allocate.ts and the address planner skip it alike', () => {
    const ix = new PlanIndex(routed);
    expect(
      freeContainerCidr(new PlanIndex(plan({ vpcs: [vpc('vpc-a', '10.0.0.0/16')] })), 'vpc-a', 16),
    ).toBe('172.16.0.0/16');
    expect(freeContainerCidr(ix, 'vpc-a', 16)).toBe('172.17.0.0/16');
    const s = new AddressPlanner(ix).suggestCluster('vpc-a', { nodes: 1000 });
    expect(s.ok && s.containerCidr).toBe('172.17.0.0/16');
  });

  it('cidrsToAvoid is the same blocks in the same order, without the sentences', () => {
    const big = generatePlan(2_000, 7);
    const ix = new PlanIndex(big);
    for (const v of big.vpcs) {
      const except = ix.clustersOf(v.id)[0]?.id;
      const full = rangesToAvoid(ix, v.id, except);
      expect(full.length).toBeGreaterThan(0);
      expect(cidrsToAvoid(ix, v.id, except)).toEqual(full.map((r) => r.cidr));
    }
  });
});
