// The shared document against the plain plan: applying the designer's ops to the document and
// to the plan must give the same plan (the ops are the oracle), two people's concurrent edits
// must converge, and no document, however written, may be unreadable.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COLLECTIONS, type Collection, type Plan } from '../domain/model/plan';
import { applyOps, type PlanOp } from '../domain/ops/ops';
import { parsePlanValue } from '../io/parse';
import { planToJson } from '../io/serialize';
import { validPlanArb } from '../test-support/arbitraries';
import { applyOpsToDoc, docToPlanJson, planToDoc } from './plan-doc';
import { readDocPlan } from './read-plan';

const sample = (() => {
  const r = parsePlanValue({
    format: 'cidr-canvas/plan',
    version: 1,
    name: 'two vpcs',
    vpcs: [
      { id: 'vpc-a', name: 'a', cidr: '10.0.0.0/16' },
      { id: 'vpc-b', name: 'b', cidr: '10.1.0.0/16' },
    ],
    subnets: [{ id: 'sn-a', vpc: 'vpc-a', cidr: '10.0.1.0/24', zone: 'ap-guangzhou-3' }],
    layout: { 'vpc-a': { x: 0, y: 0, width: 400, height: 300 } },
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
})();

/** Ops a person could make on `plan`, chosen by fast-check. */
function opsArb(plan: Plan): fc.Arbitrary<PlanOp[]> {
  const objects = COLLECTIONS.flatMap((c) => plan[c].map((o) => ({ c, id: o.id })));
  const op: fc.Arbitrary<PlanOp>[] = [
    fc.string({ maxLength: 8 }).map((name) => ({ op: 'name', name })),
    fc.constant({ op: 'name', name: null }),
    fc
      .record({ id: fc.constantFrom('vpc-x', 'internet'), x: fc.integer(), y: fc.integer() })
      .map(({ id, x, y }) => ({ op: 'layout', id, box: { x, y } })),
    fc.constant({ op: 'flows', flows: [] }),
    fc.string({ maxLength: 6 }).map((text) => ({
      op: 'comment',
      id: 'cm-1',
      value: { id: 'cm-1', author: 'ana', text, createdAt: '2026-12-01' },
    })),
  ];
  if (objects.length > 0) {
    const pick = fc.constantFrom(...objects);
    op.push(
      pick.map(({ c, id }) => ({ op: 'remove', collection: c, id })),
      fc.tuple(pick, fc.string({ maxLength: 6 })).map(([{ c, id }, name]) => ({
        op: 'update',
        collection: c,
        id,
        set: { name },
        unset: ['description'],
      })),
    );
  }
  return fc.array(fc.oneof(...op), { maxLength: 6 }).map((ops) => validSequence(plan, ops));
}

/** Drops ops that would not apply after the ones before them (removing twice, and so on). */
function validSequence(plan: Plan, ops: PlanOp[]): PlanOp[] {
  const kept: PlanOp[] = [];
  let current = plan;
  for (const op of ops) {
    try {
      current = applyOps(current, [op]).plan;
      kept.push(op);
    } catch {
      // not applicable here
    }
  }
  return kept;
}

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('plan as a shared document', () => {
  it('reads back every plan it was given', () => {
    fc.assert(
      fc.property(validPlanArb, (plan) => {
        const read = readDocPlan(planToDoc(plan));
        expect(read.problems).toEqual([]);
        expect(asJson(planToJson(read.plan))).toEqual(asJson(planToJson(plan)));
      }),
      { numRuns: 150 },
    );
  });

  it('applies the designer ops as the plan does (the ops are the oracle), undo included', () => {
    fc.assert(
      fc.property(
        validPlanArb.chain((plan) => fc.tuple(fc.constant(plan), opsArb(plan))),
        ([plan, ops]) => {
          const doc = planToDoc(plan);
          const applied = applyOps(plan, ops);
          applyOpsToDoc(doc, ops);
          expect(asJson(docToPlanJson(doc))).toEqual(asJson(planToJson(applied.plan)));
          applyOpsToDoc(doc, applied.inverse);
          const undone = applyOps(applied.plan, applied.inverse).plan;
          expect(asJson(docToPlanJson(doc))).toEqual(asJson(planToJson(undone)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('merges two people editing at once to the same document on both sides', () => {
    fc.assert(
      fc.property(
        validPlanArb.chain((plan) => fc.tuple(fc.constant(plan), opsArb(plan), opsArb(plan))),
        ([plan, mine, theirs]) => {
          const a = planToDoc(plan);
          const b = new Y.Doc();
          Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
          applyOpsToDoc(a, mine);
          applyOpsToDoc(b, theirs);
          Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
          Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
          expect(docToPlanJson(a)).toEqual(docToPlanJson(b));
          // Whatever the merge, every reader gets a plan.
          expect(readDocPlan(a).plan.format).toBe('cidr-canvas/plan');
        },
      ),
      { numRuns: 100 },
    );
  });

  it('keeps both edits when two people change different fields of one object', () => {
    const a = planToDoc(sample);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    applyOpsToDoc(a, [{ op: 'update', collection: 'vpcs', id: 'vpc-a', set: { name: 'apps' } }]);
    applyOpsToDoc(b, [
      { op: 'update', collection: 'vpcs', id: 'vpc-a', set: { cidr: '10.8.0.0/16' } },
    ]);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const vpc = readDocPlan(a).plan.vpcs[0]!;
    expect([vpc.name, vpc.cidr]).toEqual(['apps', '10.8.0.0/16']);
  });
});

describe('reading a document anyone may have written', () => {
  it('leaves out a subnet whose VPC another person deleted at the same time, and says so', () => {
    const a = planToDoc(sample);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    applyOpsToDoc(a, [
      { op: 'remove', collection: 'subnets', id: 'sn-a' },
      { op: 'remove', collection: 'vpcs', id: 'vpc-a' },
    ]);
    applyOpsToDoc(b, [
      {
        op: 'insert',
        collection: 'subnets',
        object: { id: 'sn-new', vpc: 'vpc-a', cidr: '10.0.9.0/24', zone: 'ap-guangzhou-3' },
      },
    ]);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const read = readDocPlan(a);
    expect(read.plan.vpcs.map((v) => v.id)).toEqual(['vpc-b']);
    expect(read.plan.subnets).toEqual([]);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toMatchObject({ id: 'sn-new', path: '$.subnets[0].vpc' });
  });

  it('leaves out what a hostile client wrote and reads the rest', () => {
    const doc = planToDoc(sample);
    doc.transact(() => {
      doc.getMap('meta').set('name', 42);
      const bad = new Y.Map<unknown>();
      bad.set('id', 'vpc-evil');
      bad.set('cidr', { $gt: 1 });
      doc.getMap<Y.Map<unknown>>('vpcs').set('vpc-evil', bad);
      doc.getMap<unknown>('subnets').set('not-a-map', 'text');
      doc.getMap<unknown>('layout').set('vpc-b', 'here');
    });
    const read = readDocPlan(doc);
    expect(read.plan.vpcs.map((v) => v.id)).toEqual(['vpc-a', 'vpc-b']);
    expect(read.plan.subnets.map((s) => s.id)).toEqual(['sn-a']);
    expect(read.plan.name).toBeUndefined();
    expect(read.problems.map((p) => p.path).sort()).toEqual(
      ['$.layout["vpc-b"]', '$.name', '$.subnets[1]', '$.vpcs[2].cidr'].sort(),
    );
  });

  it('reads without changing the document: a bad flow is left out, and stays there', () => {
    const doc = planToDoc(sample);
    doc.getMap('meta').set('flows', [{ from: 'nowhere', to: 'vpc-a' }]);
    const first = readDocPlan(doc);
    expect(first.problems.map((p) => p.path)).toEqual(['$.flows[0].from']);
    expect(readDocPlan(doc)).toEqual(first);
    expect(doc.getMap('meta').get('flows')).toHaveLength(1);
  });

  it('reads any random document as a plan without throwing', () => {
    const keys = ['meta', 'layout', ...COLLECTIONS.map((c: Collection) => c)];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...keys), fc.string({ maxLength: 6 }), fc.jsonValue()), {
          maxLength: 8,
        }),
        (writes) => {
          const doc = planToDoc(sample);
          for (const [map, key, value] of writes) doc.getMap<unknown>(map).set(key, value);
          const read = readDocPlan(doc);
          expect(read.plan.format).toBe('cidr-canvas/plan');
          expect(parsePlanValue(planToJson(read.plan)).ok).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
