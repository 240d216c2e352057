import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../domain/analyze';
import { applyOps, type PlanOp } from '../domain/ops/ops';
import { basePlan } from '../test-support/builders';
import { ValidationEngine } from './engine';

const overlap: PlanOp = {
  op: 'update',
  collection: 'clusters',
  id: 'cls-1',
  set: { containerCidr: '10.0.128.0/17' },
};

describe('ValidationEngine', () => {
  it('keeps its own copy of the plan up to date from edits, and says what a full analysis says', () => {
    const e = new ValidationEngine();
    const p = basePlan();
    e.handle([{ type: 'load', revision: 1, plan: p, scope: { kind: 'plan' } }]);
    const r = e.handle([{ type: 'edit', revision: 2, ops: [overlap] }]);
    expect(r?.type).toBe('result');
    if (r?.type !== 'result') return;
    const expected = analyzePlan(applyOps(p, [overlap]).plan);
    expect(r.revision).toBe(2);
    expect(r.findings).toEqual(expected.findings);
    // An edit is answered with the paths that changed; together with the first answer they are the full list.
    expect(r.paths.kind).toBe('some');
    expect(r.findings!.map((f) => f.code)).toContain('CLUSTER_CIDR_OVERLAPS_VPC');
  });

  it('analyses a burst of edits once, tagged with the last revision', () => {
    const e = new ValidationEngine();
    const r = e.handle([
      { type: 'load', revision: 1, plan: basePlan(), scope: { kind: 'none' } },
      { type: 'edit', revision: 2, ops: [overlap] },
      {
        type: 'edit',
        revision: 3,
        ops: [
          {
            op: 'update',
            collection: 'clusters',
            id: 'cls-1',
            set: { containerCidr: '172.20.0.0/16' },
          },
        ],
      },
    ]);
    expect(r?.type === 'result' && r.revision).toBe(3);
    expect(r?.type === 'result' && r.findings?.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('answers a layout-only edit with nothing, and a path-scope change with paths only', () => {
    const e = new ValidationEngine();
    e.handle([{ type: 'load', revision: 1, plan: basePlan(), scope: { kind: 'none' } }]);
    expect(
      e.handle([
        { type: 'edit', revision: 2, ops: [{ op: 'layout', id: 'vpc-a', box: { x: 1, y: 1 } }] },
      ]),
    ).toBeUndefined();
    const r = e.handle([{ type: 'scope', scope: { kind: 'clusters', ids: ['cls-1'] } }]);
    expect(r?.type).toBe('result');
    if (r?.type !== 'result') return;
    expect(r.findings).toBeUndefined();
    expect(r.paths.kind === 'all' && r.paths.paths.map((p) => p.to)).toEqual(['db-1', 'internet']);
  });

  it('reports a failure with its message instead of throwing', () => {
    const e = new ValidationEngine();
    expect(e.handle([{ type: 'edit', revision: 1, ops: [] }])).toMatchObject({
      type: 'failed',
      message: 'an edit arrived before any plan',
    });
    e.handle([{ type: 'load', revision: 2, plan: basePlan(), scope: { kind: 'none' } }]);
    const r = e.handle([
      { type: 'edit', revision: 5, ops: [{ op: 'remove', collection: 'vpcs', id: 'ghost' }] },
    ]);
    expect(r).toMatchObject({
      type: 'failed',
      message: expect.stringContaining('ghost') as unknown,
    });
  });
});
