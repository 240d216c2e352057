import { describe, expect, it } from 'vitest';
import { diffPlans } from '../domain/diff/diff';
import { applyOps } from '../domain/ops/ops';
import { basePlan } from '../test-support/builders';
import { createAppStore } from './store';

describe('compare slice', () => {
  it('keeps the newest answer of the comparison in force and drops the rest', () => {
    const base = basePlan();
    const after = applyOps(base, [
      { op: 'update', collection: 'vpcs', id: 'vpc-a', set: { cidr: '10.1.0.0/16' } },
      { op: 'remove', collection: 'resources', id: 'db-1' },
    ]).plan;
    const store = createAppStore(after);
    const s = () => store.getState();
    s().compareWith(base, 'base.plan.json');
    const first = s().compare!;
    expect(first).toMatchObject({ label: 'base.plan.json', diff: null });
    const d = diffPlans(base, after);
    s().setCompareDiff(first.id, 3, d);
    expect(s().compare!.marks).toEqual({ 'vpc-a': 'changed' });
    expect(s().compare!.changedById['vpc-a']!.fields).toEqual([
      { field: 'cidr', before: '10.0.0.0/16', after: '10.1.0.0/16' },
    ]);
    // An older revision's answer, and an answer for an earlier comparison, arrive late.
    s().setCompareDiff(first.id, 2, diffPlans(base, base));
    expect(s().compare!.revision).toBe(3);
    s().compareWith(base, 'again');
    s().setCompareDiff(first.id, 4, d);
    expect(s().compare!.diff).toBeNull();
    s().clearCompare();
    expect(s().compare).toBeNull();
    s().setCompareDiff(first.id, 5, d);
    expect(s().compare).toBeNull();
  });
});
