import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validPlanArb } from '../../test-support/arbitraries';
import { COLLECTIONS, type Plan } from '../model/plan';
import { opsBetween, planChange } from './between';
import { applyOps } from './ops';

// Another person's version of the plan: some objects dropped, some changed, some new, the order
// of what is kept unchanged (what a shared document gives back after their edits).
const editedArb = (plan: Plan): fc.Arbitrary<Plan> =>
  fc
    .record({
      other: validPlanArb,
      keep: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
      name: fc.option(fc.string({ maxLength: 6 }), { nil: undefined }),
    })
    .map(({ other, keep, name }) => {
      const next: Record<string, unknown> = { ...plan };
      let i = 0;
      for (const c of COLLECTIONS) {
        const theirs = new Map(other[c].map((o) => [o.id, o]));
        const kept = plan[c]
          .filter(() => keep[i++ % keep.length])
          .map((o) => theirs.get(o.id) ?? o);
        const ids = new Set(kept.map((o) => o.id));
        const added = other[c].filter((o) => !ids.has(o.id) && !plan[c].some((p) => p.id === o.id));
        next[c] = [...added.slice(0, 1), ...kept, ...added.slice(1)];
      }
      if (name === undefined) delete next.name;
      else next.name = name;
      next.layout = other.layout;
      next.flows = other.flows;
      return next as unknown as Plan;
    });

describe('opsBetween', () => {
  it('gives ops that turn the plan into the edited one, when the order of what is kept holds', () => {
    fc.assert(
      fc.property(
        validPlanArb.chain((p) => fc.tuple(fc.constant(p), editedArb(p))),
        ([before, after]) => {
          const ops = opsBetween(before, after);
          if (ops === null) return;
          expect(applyOps(before, ops).plan).toEqual(after);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('says something for most edits, so they reach the worker as edits', () => {
    let said = 0;
    fc.assert(
      fc.property(
        validPlanArb.chain((p) => fc.tuple(fc.constant(p), editedArb(p))),
        ([before, after]) => {
          if (opsBetween(before, after) !== null) said++;
        },
      ),
      { numRuns: 200 },
    );
    expect(said).toBeGreaterThan(100);
  });

  it('is correct or silent on any two plans', () => {
    fc.assert(
      fc.property(validPlanArb, validPlanArb, (before, after) => {
        const ops = opsBetween(before, after);
        if (ops !== null) expect(applyOps(before, ops).plan).toEqual(after);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the objects nobody changed, and says nothing for the same plan', () => {
    fc.assert(
      fc.property(validPlanArb, (plan) => {
        const copy = JSON.parse(JSON.stringify(plan)) as Plan;
        expect(opsBetween(plan, copy)).toEqual([]);
      }),
    );
  });

  it('gives the edited plan with the objects nobody changed as they were', () => {
    fc.assert(
      fc.property(
        validPlanArb.chain((p) => fc.tuple(fc.constant(p), editedArb(p))),
        ([before, edited]) => {
          // As read from a document: every object a new one.
          const after = JSON.parse(JSON.stringify(edited)) as Plan;
          const change = planChange(before, after);
          if (change === null) return;
          expect(change.plan).toEqual(after);
          for (const c of COLLECTIONS) {
            const was = new Map(before[c].map((o) => [o.id, o]));
            for (const o of change.plan[c])
              if (JSON.stringify(was.get(o.id)) === JSON.stringify(o))
                expect(o).toBe(was.get(o.id));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers null when objects swap places, and keeps untouched objects as they were', () => {
    const base = { format: 'cidr-canvas/plan', version: 1 } as unknown as Plan;
    const v = (id: string) => ({ id, name: id, region: 'ap-guangzhou', cidr: '10.0.0.0/16' });
    const empty = Object.fromEntries(COLLECTIONS.map((c) => [c, []]));
    const a = { ...base, ...empty, vpcs: [v('a'), v('b')] } as unknown as Plan;
    const b = { ...a, vpcs: [v('b'), v('a')] } as unknown as Plan;
    expect(opsBetween(a, b)).toBeNull();
    const c = { ...a, vpcs: [v('a'), { ...v('b'), cidr: '10.1.0.0/16' }] } as unknown as Plan;
    const ops = opsBetween(a, c)!;
    expect(ops).toEqual([
      { op: 'update', collection: 'vpcs', id: 'b', set: { cidr: '10.1.0.0/16' } },
    ]);
    // The canvas draws again only what changed: the untouched VPC is the same object.
    expect(applyOps(a, ops).plan.vpcs[0]).toBe(a.vpcs[0]);
  });
});
