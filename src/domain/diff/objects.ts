// Which objects a change adds, removes and edits, matched by id. Layout, the plan's name and its
// flows are not objects: a moved box is no change to the network, and flows show in the paths.
import { COLLECTIONS, KIND_OF_COLLECTION, type ObjectKind, type Plan } from '../model/plan';

/** Reservations and comments carry ids too, outside the lists of network objects. */
export type DiffKind = ObjectKind | 'reservation' | 'comment';

export interface ObjectRef {
  readonly id: string;
  readonly kind: DiffKind;
}

/** One field of an object; null stands for a field the object does not have. */
export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface ObjectChange extends ObjectRef {
  readonly fields: readonly FieldChange[];
}

export interface ObjectsDiff {
  readonly added: readonly ObjectRef[];
  readonly removed: readonly ObjectRef[];
  readonly changed: readonly ObjectChange[];
}

type Fields = Readonly<Record<string, unknown>>;

/** Equal as JSON values, whatever the order of keys (two files may write them differently). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    return a.length === bs.length && a.every((x, i) => sameJson(x, bs[i]));
  }
  const ao = a as Fields;
  const bo = b as Fields;
  const keys = Object.keys(ao).filter((k) => ao[k] !== undefined);
  if (keys.length !== Object.keys(bo).filter((k) => bo[k] !== undefined).length) return false;
  return keys.every((k) => k in bo && sameJson(ao[k], bo[k]));
}

/** The fields that differ, in the order the old object writes them, then the new ones. */
export function fieldChanges(before: Fields, after: Fields): FieldChange[] {
  const out: FieldChange[] = [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  keys.delete('id');
  for (const k of keys) {
    const b = before[k] ?? null;
    const a = after[k] ?? null;
    if (!sameJson(b, a)) out.push({ field: k, before: b, after: a });
  }
  return out;
}

type Obj = Fields & { readonly id: string };

/** Every object with an id, list by list, with its kind. */
function* objectsOf(plan: Plan): Generator<readonly [DiffKind, readonly Obj[]]> {
  for (const c of COLLECTIONS) yield [KIND_OF_COLLECTION[c], (plan[c] ?? []) as unknown as Obj[]];
  yield ['reservation', (plan.reservations ?? []) as unknown as Obj[]];
  yield ['comment', (plan.comments ?? []) as unknown as Obj[]];
}

function kindsById(plan: Plan): Map<string, DiffKind> {
  const out = new Map<string, DiffKind>();
  for (const [kind, list] of objectsOf(plan)) for (const o of list) out.set(o.id, kind);
  return out;
}

/**
 * Objects added (in the new plan's order), removed (in the old plan's order) and changed field by
 * field. An id that changes kind is one object removed and another added.
 */
export function diffObjects(before: Plan, after: Plan): ObjectsDiff {
  // Plans that come from one another through ops share the objects an edit did not touch: those
  // are skipped by identity, and no per-object wrapper is made (a 100,000-object plan is the case).
  const oldKind = kindsById(before);
  const newKind = kindsById(after);
  const oldObject = new Map<string, Obj>();
  for (const [, list] of objectsOf(before)) for (const o of list) oldObject.set(o.id, o);
  const added: ObjectRef[] = [];
  const removed: ObjectRef[] = [];
  const changed: ObjectChange[] = [];
  for (const [kind, list] of objectsOf(before))
    for (const o of list) if (newKind.get(o.id) !== kind) removed.push({ id: o.id, kind });
  for (const [kind, list] of objectsOf(after))
    for (const n of list) {
      if (oldKind.get(n.id) !== kind) {
        added.push({ id: n.id, kind });
        continue;
      }
      const o = oldObject.get(n.id)!;
      if (o === n) continue;
      const fields = fieldChanges(o, n);
      if (fields.length > 0) changed.push({ id: n.id, kind, fields });
    }
  return { added, removed, changed };
}
