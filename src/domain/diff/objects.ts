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

interface Located {
  readonly kind: DiffKind;
  readonly object: Fields & { readonly id: string };
}

function byId(plan: Plan): Map<string, Located> {
  const out = new Map<string, Located>();
  for (const c of COLLECTIONS) {
    const kind = KIND_OF_COLLECTION[c];
    for (const o of plan[c] ?? [])
      out.set(o.id, { kind, object: o as unknown as Located['object'] });
  }
  for (const o of plan.reservations ?? [])
    out.set(o.id, { kind: 'reservation', object: o as unknown as Located['object'] });
  for (const o of plan.comments ?? [])
    out.set(o.id, { kind: 'comment', object: o as unknown as Located['object'] });
  return out;
}

/**
 * Objects added (in the new plan's order), removed (in the old plan's order) and changed field by
 * field. An id that changes kind is one object removed and another added.
 */
export function diffObjects(before: Plan, after: Plan): ObjectsDiff {
  const old = byId(before);
  const now = byId(after);
  const added: ObjectRef[] = [];
  const removed: ObjectRef[] = [];
  const changed: ObjectChange[] = [];
  for (const [id, o] of old) {
    const n = now.get(id);
    if (!n || n.kind !== o.kind) removed.push({ id, kind: o.kind });
  }
  for (const [id, n] of now) {
    const o = old.get(id);
    if (!o || o.kind !== n.kind) {
      added.push({ id, kind: n.kind });
      continue;
    }
    if (o.object === n.object) continue;
    const fields = fieldChanges(o.object, n.object);
    if (fields.length > 0) changed.push({ id, kind: n.kind, fields });
  }
  return { added, removed, changed };
}
