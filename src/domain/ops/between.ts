// The ops that turn one plan into another: how a plan read anew from a shared document (someone
// else's edit) enters the designer as an edit instead of a new plan, so the worker re-checks
// only what changed and the canvas keeps every object nobody touched. Null when the difference
// is one the ops cannot say (objects reordered, the description changed): then the caller
// replaces the plan, as before. The plan comes with the ops, built in the same pass (applying
// the ops one by one would copy a list per op).
import { COLLECTIONS, type Plan, type PlanObject } from '../model/plan';
import { sameJson } from '../model/same-json';
import type { PlanOp } from './ops';
import { untypedUpdate } from './update';

type Item = { readonly id: string };

/**
 * The ids both lists hold must keep their order: then removing the missing ones and inserting
 * the new ones at their final index, lowest first, gives `after`'s order. Undefined when they
 * do not, or when a list holds an id twice.
 */
function listOps<T extends Item>(
  before: readonly T[],
  after: readonly T[],
  remove: (id: string) => PlanOp,
  insert: (item: T, index: number) => PlanOp,
  change: (was: T, now: T) => PlanOp | undefined,
): { ops: PlanOp[]; list: readonly T[] } | undefined {
  const inPlace = changedInPlace(before, after, change);
  if (inPlace) return inPlace;
  const was = new Map(before.map((o) => [o.id, o]));
  const now = new Set(after.map((o) => o.id));
  if (was.size !== before.length || now.size !== after.length) return undefined;
  const ops: PlanOp[] = [];
  const kept: string[] = [];
  for (const o of before) {
    if (now.has(o.id)) kept.push(o.id);
    else ops.push(remove(o.id));
  }
  let k = 0;
  const inserts: PlanOp[] = [];
  // `after`, holding the object it had wherever nothing changed.
  const list: T[] = [];
  for (let index = 0; index < after.length; index++) {
    const o = after[index]!;
    const old = was.get(o.id);
    if (!old) {
      inserts.push(insert(o, index));
      list.push(o);
      continue;
    }
    if (kept[k++] !== o.id) return undefined;
    const op = change(old, o);
    if (op) ops.push(op);
    list.push(op ? o : old);
  }
  const all = [...ops, ...inserts];
  return { ops: all, list: all.length === 0 ? before : list };
}

/**
 * The usual remote edit: the same ids in the same places, some objects changed. Walked side by
 * side, an object read from the document as kept (the same object) costs nothing; on a plan of
 * 100,000 objects the general walk's maps cost more than the read. Undefined when ids moved.
 * (A plan's ids are unique, so a duplicate cannot hide here.)
 */
function changedInPlace<T extends Item>(
  before: readonly T[],
  after: readonly T[],
  change: (was: T, now: T) => PlanOp | undefined,
): { ops: PlanOp[]; list: readonly T[] } | undefined {
  if (before.length !== after.length) return undefined;
  for (let i = 0; i < before.length; i++) if (before[i]!.id !== after[i]!.id) return undefined;
  const ops: PlanOp[] = [];
  let list: T[] | undefined;
  for (let i = 0; i < after.length; i++) {
    const was = before[i]!;
    const now = after[i]!;
    if (was === now) continue;
    const op = change(was, now);
    if (!op) continue;
    ops.push(op);
    (list ??= [...before])[i] = now;
  }
  return { ops, list: list ?? before };
}

function objectChange(collection: (typeof COLLECTIONS)[number], was: PlanObject, now: PlanObject) {
  const b = was as unknown as Record<string, unknown>;
  const a = now as unknown as Record<string, unknown>;
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  for (const [k, v] of Object.entries(a)) if (k !== 'id' && !sameJson(b[k], v)) set[k] = v;
  for (const k of Object.keys(b)) if (!(k in a)) unset.push(k);
  if (Object.keys(set).length === 0 && unset.length === 0) return undefined;
  // Fields compared at run time: the one documented cast, in untypedUpdate.
  return untypedUpdate(collection, now.id, set, unset.length > 0 ? unset : undefined);
}

function noteOps(
  kind: 'reservation' | 'comment',
  before: readonly Item[] | undefined,
  after: readonly Item[] | undefined,
): { ops: PlanOp[]; list: readonly Item[] | undefined } | undefined {
  // An empty list and no list differ in the file, and only "no list" comes back from deleting
  // the last item (dropEmpty).
  if (before === undefined && after !== undefined && after.length === 0) return undefined;
  if (before !== undefined && before.length === 0 && after === undefined) return undefined;
  const r = listOps(
    before ?? [],
    after ?? [],
    (id) => ({ op: kind, id, value: null }),
    (item, index) => ({ op: kind, id: item.id, value: item, index }) as PlanOp,
    (was, now) =>
      sameJson(was, now) ? undefined : ({ op: kind, id: now.id, value: now } as PlanOp),
  );
  if (!r) return undefined;
  const { ops } = r;
  if (after === undefined && ops.length > 0) {
    const last = ops[ops.length - 1] as Extract<PlanOp, { op: 'reservation' | 'comment' }>;
    ops[ops.length - 1] = { ...last, dropEmpty: true };
  }
  return { ops, list: after === undefined ? undefined : ops.length === 0 ? before : r.list };
}

export function opsBetween(before: Plan, after: Plan): PlanOp[] | null {
  return planChange(before, after)?.ops ?? null;
}

/** The ops from `before` to `after`, and `after` holding `before`'s objects where they did not change. */
export function planChange(before: Plan, after: Plan): { ops: PlanOp[]; plan: Plan } | null {
  if (before.format !== after.format || before.version !== after.version) return null;
  if (before.description !== after.description) return null;
  const ops: PlanOp[] = [];
  const plan: Record<string, unknown> = { ...after };
  for (const collection of COLLECTIONS) {
    const r = listOps<PlanObject>(
      before[collection],
      after[collection],
      (id) => ({ op: 'remove', collection, id }),
      (object, index) => ({ op: 'insert', collection, object, index }),
      (was, now) => objectChange(collection, was, now),
    );
    if (!r) return null;
    ops.push(...r.ops);
    plan[collection] = r.list;
  }
  for (const [kind, key] of [
    ['reservation', 'reservations'],
    ['comment', 'comments'],
  ] as const) {
    const r = noteOps(kind, before[key], after[key]);
    if (!r) return null;
    ops.push(...r.ops);
    if (r.list !== undefined) plan[key] = r.list;
  }
  if (!sameJson(before.flows, after.flows)) ops.push({ op: 'flows', flows: after.flows ?? null });
  else if (after.flows !== undefined) plan.flows = before.flows;
  if (before.name !== after.name) ops.push({ op: 'name', name: after.name ?? null });
  const layoutOps = layoutBetween(before.layout, after.layout);
  if (!layoutOps) return null;
  ops.push(...layoutOps);
  if (layoutOps.length === 0 && after.layout !== undefined) plan.layout = before.layout;
  return { ops, plan: plan as unknown as Plan };
}

function isEmpty(layout: Plan['layout']): boolean {
  if (layout === undefined) return false;
  for (const _ in layout) return false;
  return true;
}

function layoutBetween(before: Plan['layout'], after: Plan['layout']): PlanOp[] | undefined {
  // Compared box by box, not as one JSON text: a plan of 100,000 objects has as many boxes.
  if (before === after || (isEmpty(before) && isEmpty(after))) return [];
  if (after === undefined && isEmpty(before)) return undefined;
  // The layout op drops a layout it empties, so "an empty layout" cannot be said.
  if (isEmpty(after)) return undefined;
  const ops: PlanOp[] = [];
  for (const id of Object.keys(before ?? {}))
    if (!after || !(id in after)) ops.push({ op: 'layout', id, box: null });
  for (const [id, box] of Object.entries(after ?? {}))
    if (!sameJson(before?.[id], box)) ops.push({ op: 'layout', id, box });
  return ops;
}
