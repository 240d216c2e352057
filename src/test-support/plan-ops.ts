// Random edits of a plan as the designer makes them, for tests that follow a plan through ops.
import fc from 'fast-check';
import { COLLECTIONS, type Collection, type Plan, type PlanObject } from '../domain/model/plan';
import { removeObjects } from '../domain/ops/cascade';
import { applyOps, type PlanOp } from '../domain/ops/ops';
import { untypedUpdate } from '../domain/ops/update';

/** Random edits of a plan: removals, field updates (some to the value already there), inserts. */
/** `prefix` names the objects it inserts: a second round of edits needs a prefix of its own. */
export function opsArb(p: Plan, prefix = 'new'): fc.Arbitrary<PlanOp[]> {
  const all = COLLECTIONS.flatMap((c) => p[c].map((o) => [c, o] as [Collection, PlanObject]));
  const fresh = (n: number) => `${prefix}-${n}`;
  // Each maker returns the ops of one edit, as the designer would make it: a removal takes what
  // refers to the object along (so that the plan stays readable and can be analyzed).
  const opArb: fc.Arbitrary<(plan: Plan, n: number) => PlanOp | PlanOp[] | undefined> = fc.oneof(
    fc.nat().map((i) => (cur: Plan): PlanOp | PlanOp[] | undefined => {
      const items = COLLECTIONS.flatMap((c) => cur[c].map((o) => o.id));
      const id = items[i % Math.max(1, items.length)];
      return id === undefined ? undefined : removeObjects(cur, [id]);
    }),
    fc
      .tuple(fc.nat(), fc.constantFrom('name', 'description', 'cidr', 'nodeCount'), fc.boolean())
      .map(([i, field, same]) => (cur: Plan): PlanOp | PlanOp[] | undefined => {
        const items = COLLECTIONS.flatMap((c) => cur[c].map((o) => [c, o] as const));
        const pick = items[i % Math.max(1, items.length)];
        if (!pick) return undefined;
        const before = (pick[1] as unknown as Record<string, unknown>)[field];
        const fresh = {
          name: `name-${i}`,
          description: `about ${i}`,
          cidr: `10.${i % 256}.0.0/16`,
          nodeCount: 1 + (i % 500),
        }[field];
        const value = same && before !== undefined ? before : fresh;
        // Any field on any object, whether it has it or not: the applier must cope.
        return untypedUpdate(pick[0], pick[1].id, { [field]: value });
      }),
    fc.nat().map((i) => (_cur: Plan, n: number): PlanOp | undefined => {
      const pick = all[i % Math.max(1, all.length)];
      return pick && { op: 'insert', collection: pick[0], object: { ...pick[1], id: fresh(n) } };
    }),
    fc
      .tuple(fc.nat(), fc.constantFrom('name', 'description'))
      .map(([i, field]) => (cur: Plan): PlanOp | PlanOp[] | undefined => {
        const items = COLLECTIONS.flatMap((c) => cur[c].map((o) => [c, o] as const));
        const pick = items[i % Math.max(1, items.length)];
        return (
          pick && { op: 'update', collection: pick[0], id: pick[1].id, set: {}, unset: [field] }
        );
      }),
    // Reservations have no ops of their own yet: edit one (or drop it) by replacing the plan.
    fc
      .tuple(fc.nat(), fc.constantFrom('note', 'cidr', 'drop'))
      .map(([i, what]) => (cur: Plan): PlanOp | PlanOp[] | undefined => {
        const list = cur.reservations ?? [];
        const r = list[i % Math.max(1, list.length)];
        if (!r) return undefined;
        const next =
          what === 'drop'
            ? list.filter((x) => x !== r)
            : list.map((x) =>
                x === r
                  ? { ...x, ...(what === 'note' ? { note: `n${i}` } : { cidr: '10.99.0.0/16' }) }
                  : x,
              );
        return { op: 'replace', plan: { ...cur, reservations: next } };
      }),
    fc.tuple(fc.nat(), fc.integer()).map(([i, x]) => (cur: Plan): PlanOp | PlanOp[] | undefined => {
      const items = COLLECTIONS.flatMap((c) => cur[c].map((o) => o.id));
      const id = items[i % Math.max(1, items.length)];
      return id === undefined ? undefined : { op: 'layout', id, box: { x, y: x } };
    }),
  );
  return fc.array(opArb, { maxLength: 6 }).map((makers) => {
    let cur = p;
    const ops: PlanOp[] = [];
    makers.forEach((make, n) => {
      const made = make(cur, n);
      if (!made) return;
      const list = Array.isArray(made) ? made : [made];
      ops.push(...list);
      cur = applyOps(cur, list).plan;
    });
    return ops;
  });
}
