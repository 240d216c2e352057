// The reader that reads again only what changed must give exactly what reading the whole
// document gives (readDocPlan, the oracle), after anyone's edits, merges and hostile writes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COLLECTIONS } from '../domain/model/plan';
import { validPlanArb } from '../test-support/arbitraries';
import { opsArb } from '../test-support/plan-ops';
import { DocReader } from './doc-reader';
import { applyOpsToDoc, planToDoc } from './plan-doc';
import { readDocPlan } from './read-plan';

/** A write of any JSON at any key of the document's maps, or into one of its objects. */
const writeArb = fc.tuple(
  fc.constantFrom('meta', 'layout', 'object', ...COLLECTIONS),
  fc.string({ maxLength: 6 }),
  fc.nat(),
  fc.jsonValue({ maxDepth: 3 }),
);

function write(doc: Y.Doc, [map, key, pick, value]: [string, string, number, unknown]) {
  if (map !== 'object') {
    doc.getMap<unknown>(map).set(key, value);
    return;
  }
  // A field of an object someone has: the object's own map changes, nothing else.
  const maps = COLLECTIONS.flatMap((c) => [...doc.getMap<unknown>(c).values()]).filter(
    (m): m is Y.Map<unknown> => m instanceof Y.Map,
  );
  maps[pick % Math.max(1, maps.length)]?.set(key === '' ? 'name' : key, value);
}

describe('reading a shared document again after a change', () => {
  it('gives what reading the whole document gives, after every edit, merge and bad write', () => {
    fc.assert(
      fc.property(
        validPlanArb.chain((plan) =>
          fc.tuple(
            fc.constant(plan),
            opsArb(plan, 'mine'),
            opsArb(plan, 'theirs'),
            fc.array(writeArb, { maxLength: 4 }),
          ),
        ),
        ([plan, mine, theirs, writes]) => {
          const doc = planToDoc(plan);
          const reader = new DocReader(doc);
          const same = () => expect(reader.read()).toEqual(readDocPlan(doc));
          same();
          const other = new Y.Doc();
          Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
          applyOpsToDoc(other, theirs);
          for (const op of mine) {
            applyOpsToDoc(doc, [op]);
            same();
          }
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
          same();
          for (const w of writes) {
            write(doc, w);
            same();
          }
          // Someone removes what was written: the reader is back on the document's objects.
          doc.transact(() => {
            for (const [map, key] of writes) if (map !== 'object') doc.getMap(map).delete(key);
          });
          same();
          reader.dispose();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps the objects nobody changed: the same objects, not copies', () => {
    const plan = fc.sample(
      validPlanArb.filter((p) => p.subnets.length >= 2 && p.vpcs.length >= 1),
      { numRuns: 1, seed: 7 },
    )[0]!;
    const doc = planToDoc(plan);
    const reader = new DocReader(doc);
    const before = reader.read().plan;
    const [changed, kept] = before.subnets;
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    applyOpsToDoc(other, [
      { op: 'update', collection: 'subnets', id: changed!.id, set: { name: 'renamed' } },
    ]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    const after = reader.read().plan;
    expect(after.subnets[0]).toEqual({ ...changed, name: 'renamed' });
    expect(after.subnets[1]).toBe(kept);
    expect(after.vpcs[0]).toBe(before.vpcs[0]);
    expect(after).toEqual(readDocPlan(doc).plan);
  });
});
