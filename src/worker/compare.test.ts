import { describe, expect, it } from 'vitest';
import { diffPlans } from '../domain/diff/diff';
import { applyOps, type PlanOp } from '../domain/ops/ops';
import { basePlan } from '../test-support/builders';
import { ValidationEngine } from './engine';
import type { FromWorker } from './protocol';

const overlap: PlanOp = {
  op: 'update',
  collection: 'clusters',
  id: 'cls-1',
  set: { containerCidr: '10.0.128.0/17' },
};
const rename: PlanOp = { op: 'update', collection: 'vpcs', id: 'vpc-a', set: { name: 'renamed' } };

function diffOf(r: FromWorker | undefined) {
  if (r?.type !== 'result') throw new Error(`no result: ${JSON.stringify(r)}`);
  return r.diff;
}

describe('the worker compares the plan with a base, edit by edit', () => {
  it('answers a comparison at once and every edit after it, as a full diff would', () => {
    const e = new ValidationEngine();
    const base = basePlan();
    e.handle([{ type: 'load', revision: 1, plan: base, scope: { kind: 'plan' } }]);
    const first = diffOf(e.handle([{ type: 'compare', id: 7, base }]));
    expect(first?.compare).toBe(7);
    expect(first?.diff.summary).toEqual(diffPlans(base, base).summary);

    const r = e.handle([{ type: 'edit', revision: 2, ops: [overlap, rename] }]);
    const after = applyOps(base, [overlap, rename]).plan;
    const full = diffPlans(base, after);
    const d = diffOf(r)!.diff;
    expect(r?.type === 'result' && r.revision).toBe(2);
    expect(d.objects.changed.map((c) => c.id).sort()).toEqual(['cls-1', 'vpc-a']);
    expect(d.summary).toEqual(full.summary);
    expect(d.paths.changed).toEqual(expect.arrayContaining([...full.paths.changed]));
    expect(d.paths.changed).toHaveLength(full.paths.changed.length);
    expect(d.findings.introduced.map((f) => f.code)).toContain('CLUSTER_CIDR_OVERLAPS_VPC');
  });

  it('compares with the paths of the scope shown, and again when the scope changes', () => {
    const e = new ValidationEngine();
    const base = basePlan();
    e.handle([
      { type: 'load', revision: 1, plan: base, scope: { kind: 'none' } },
      { type: 'compare', id: 1, base },
    ]);
    const none = diffOf(e.handle([{ type: 'edit', revision: 2, ops: [overlap] }]))!.diff;
    expect(none.paths.changed).toEqual([]);
    const all = diffOf(e.handle([{ type: 'scope', scope: { kind: 'plan' } }]))!.diff;
    const full = diffPlans(base, applyOps(base, [overlap]).plan);
    expect(full.paths.changed.length).toBeGreaterThan(0);
    expect(all.paths.changed).toHaveLength(full.paths.changed.length);
  });

  it('compares a newly opened plan whole, and stops when the base is taken away', () => {
    const e = new ValidationEngine();
    const base = basePlan();
    e.handle([
      { type: 'load', revision: 1, plan: base, scope: { kind: 'none' } },
      { type: 'compare', id: 1, base },
    ]);
    const other = applyOps(base, [
      { op: 'remove', collection: 'resources', id: base.resources[0]!.id },
    ]).plan;
    const d = diffOf(
      e.handle([{ type: 'edit', revision: 2, ops: [{ op: 'replace', plan: other }] }]),
    );
    expect(d?.diff.objects.removed.map((o) => o.id)).toEqual([base.resources[0]!.id]);
    expect(diffOf(e.handle([{ type: 'compare', id: 2, base: null }]))).toBeUndefined();
    expect(diffOf(e.handle([{ type: 'edit', revision: 3, ops: [overlap] }]))).toBeUndefined();
  });
});
