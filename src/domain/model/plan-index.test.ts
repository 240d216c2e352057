// The index keeps the first object of an id (an invalid plan can repeat one, across kinds or
// within one), and answers by id without an entry object stored per object.
import { describe, expect, it } from 'vitest';
import { emptyPlan, type Plan } from './plan';
import { PlanIndex } from './plan-index';

function plan(): Plan {
  return {
    ...emptyPlan(),
    vpcs: [
      { id: 'vpc-a', cidr: '10.0.0.0/16' },
      { id: 'dup', cidr: '10.1.0.0/16' },
      { id: 'vpc-a', cidr: '10.2.0.0/16', name: 'second a' },
    ],
    subnets: [
      { id: 'sub-1', vpc: 'vpc-a', cidr: '10.0.1.0/24' },
      { id: 'dup', vpc: 'vpc-a', cidr: '10.0.2.0/24' },
      { id: 'sub-2', vpc: 'vpc-a', cidr: '10.0.3.0/24' },
    ],
  };
}

describe('PlanIndex by id', () => {
  it('keeps the first object of a repeated id, with its kind and position', () => {
    const p = plan();
    const ix = new PlanIndex(p);
    expect(ix.vpc('vpc-a')).toBe(p.vpcs[0]);
    expect(ix.vpc('dup')).toBe(p.vpcs[1]);
    expect(ix.subnet('dup')).toBeUndefined();
    expect(ix.kindOf('dup')).toBe('vpc');
    expect(ix.byId.get('dup')).toEqual({ kind: 'vpc', object: p.vpcs[1], order: 1 });
    expect(ix.byId.get('vpc-a')?.order).toBe(0);
    expect(ix.order('sub-2')).toBe(5);
    expect(ix.order('sub-1')).toBe(3);
    expect(ix.object('sub-1')).toBe(p.subnets[0]);
    expect(ix.byId.has('nothing')).toBe(false);
    expect(ix.byId.get('nothing')).toBeUndefined();
    expect(ix.kindOf('nothing')).toBeUndefined();
  });

  it('follows an edit: an inserted object between its neighbours, a removed one gone', () => {
    const p0 = plan();
    // Ids unique here: an insert's position comes from its neighbours' ids.
    const p: Plan = { ...p0, vpcs: [p0.vpcs[0]!], subnets: [p0.subnets[0]!, p0.subnets[2]!] };
    const ix = new PlanIndex(p);
    const added = { id: 'sub-new', vpc: 'vpc-a', cidr: '10.0.4.0/24' };
    const next: Plan = { ...p, subnets: [p.subnets[0]!, added, p.subnets[1]!] };
    ix.update(next, [{ collection: 'subnets', after: added }]);
    expect(ix.kindOf('sub-new')).toBe('subnet');
    expect(ix.order('sub-new')).toBeGreaterThan(ix.order('sub-1'));
    expect(ix.order('sub-new')).toBeLessThan(ix.order('sub-2'));
    expect(ix.subnetsOf('vpc-a').map((s) => s.id)).toEqual(['sub-1', 'sub-new', 'sub-2']);
    const gone: Plan = { ...next, subnets: next.subnets.filter((s) => s.id !== 'sub-1') };
    ix.update(gone, [{ collection: 'subnets', before: p.subnets[0]! }]);
    expect(ix.byId.has('sub-1')).toBe(false);
    expect(ix.subnet('sub-1')).toBeUndefined();
    expect(ix.subnetsOf('vpc-a').map((s) => s.id)).toEqual(['sub-new', 'sub-2']);
  });

  it('keeps a replaced object at its position, and an id of two lists with the earlier one', () => {
    const p = plan();
    const ix = new PlanIndex(p);
    const renamed = { ...p.subnets[2]!, name: 'renamed' };
    const next: Plan = { ...p, subnets: [p.subnets[0]!, p.subnets[1]!, renamed] };
    ix.update(next, [{ collection: 'subnets', before: p.subnets[2]!, after: renamed }]);
    expect(ix.subnet('sub-2')).toBe(renamed);
    expect(ix.order('sub-2')).toBe(5);
    expect(ix.byId.get('sub-2')).toEqual({ kind: 'subnet', object: renamed, order: 5 });
    // The later 'dup' (a subnet) was never indexed; the VPC of that id still answers.
    expect(ix.kindOf('dup')).toBe('vpc');
    expect(ix.order('dup')).toBe(1);
    const gone: Plan = { ...next, subnets: [next.subnets[0]!, renamed] };
    ix.update(gone, [{ collection: 'subnets', before: p.subnets[1]! }]);
    expect(ix.vpc('dup')).toBe(p.vpcs[1]);
    expect(ix.order('dup')).toBe(1);
    expect(ix.subnetsOf('vpc-a').map((s) => s.id)).toEqual(['sub-1', 'sub-2']);
  });

  it('gives the first object of each id the position a walk of the lists gives it', () => {
    const p = plan();
    const ix = new PlanIndex(p);
    const seen = new Set<string>();
    let at = 0;
    for (const list of [p.vpcs, p.subnets]) {
      for (const o of list) {
        if (!seen.has(o.id)) expect(ix.order(o.id)).toBe(at);
        seen.add(o.id);
        at++;
      }
    }
  });
});
