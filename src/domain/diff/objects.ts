// Which objects a change adds, removes and edits, matched by id. Layout, the plan's name and its
// flows are not objects: a moved box is no change to the network, and flows show in the paths.
import { COLLECTIONS, KIND_OF_COLLECTION, type ObjectKind, type Plan } from '../model/plan';
import { sameJson } from '../model/same-json';
import { pairByKey } from './pair';

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
function listsOf(plan: Plan): (readonly [DiffKind, readonly Obj[]])[] {
  return [
    ...COLLECTIONS.map(
      (c) => [KIND_OF_COLLECTION[c], (plan[c] ?? []) as unknown as readonly Obj[]] as const,
    ),
    ['reservation', (plan.reservations ?? []) as unknown as readonly Obj[]],
    ['comment', (plan.comments ?? []) as unknown as readonly Obj[]],
  ];
}

const sameId = (a: Obj, b: Obj) => a.id === b.id;
const idOf = (o: Obj) => o.id;

/**
 * Objects added (in the new plan's order), removed (in the old plan's order) and changed field by
 * field, matched by id within each kind. An id that changes kind is one object removed and another
 * added.
 */
export function diffObjects(before: Plan, after: Plan): ObjectsDiff {
  const added: ObjectRef[] = [];
  const removed: ObjectRef[] = [];
  const changed: ObjectChange[] = [];
  const oldLists = listsOf(before);
  const newLists = listsOf(after);
  for (let l = 0; l < oldLists.length; l++) {
    const [kind, olds] = oldLists[l]!;
    const news = newLists[l]![1];
    const { partnerOfAfter, pairedBefore } = pairByKey(olds, news, sameId, idOf);
    for (let b = 0; b < olds.length; b++)
      if (!pairedBefore[b]) removed.push({ id: olds[b]!.id, kind });
    for (let a = 0; a < news.length; a++) {
      const n = news[a]!;
      const p = partnerOfAfter[a]!;
      if (p < 0) {
        added.push({ id: n.id, kind });
        continue;
      }
      // Plans that come from one another through ops share the objects an edit did not touch;
      // two files' objects are mostly equal: both are settled without building the field list.
      const o = olds[p]!;
      if (o === n || sameJson(o, n)) continue;
      const fields = fieldChanges(o, n);
      if (fields.length > 0) changed.push({ id: n.id, kind, fields });
    }
  }
  return { added, removed, changed };
}
