// Objects by id for the plan index, one map per kind, and each id's plan position worked out
// only when asked. A map of every id's position beside the kind maps was 100,000 more writes per
// analysis at 100k objects (and, growing by rehashing, a fifth of what the index allocated),
// though positions are asked for rarely: which of two overlapping subnets is the later one, and
// where an edit inserts an object. One map of all ids instead of a map per kind is slower where
// it matters: a lookup in a map of 100,000 keys takes twice as long as in one of 20,000
// (measured), and the paths look subnets and resources up millions of times.
import { COLLECTIONS, OBJECT_KINDS } from './kinds';
import type { ObjectKind, Plan, PlanObject } from './plan';

/** Each kind's list number: its collection's place in `COLLECTIONS`. */
export const KIND_AT: Readonly<Record<ObjectKind, number>> = Object.fromEntries(
  OBJECT_KINDS.map((k, i) => [k, i]),
) as Record<ObjectKind, number>;

export class Positions {
  /** Per list number: the object of each id (the first of that id in the plan). */
  private readonly maps: Map<string, PlanObject>[] = [];
  /** Where each list starts among the plan positions. */
  private readonly starts: number[] = [];
  /** The lists as built, by list number. */
  private readonly lists: (readonly PlanObject[])[] = [];
  /** Per list number, made when first asked: each id's place in the list as built. */
  private readonly places: (Map<string, number> | undefined)[] = [];
  /** The plan position of each object an edit inserted. */
  private readonly inserted = new Map<string, number>();

  constructor(plan: Plan) {
    let start = 0;
    for (const key of COLLECTIONS) {
      const list = plan[key] as readonly PlanObject[];
      const m = new Map<string, PlanObject>();
      for (let i = 0; i < list.length; i++) m.set(list[i]!.id, list[i]!);
      // A repeated id within the list (an invalid plan): set again from the end, the first wins.
      if (m.size !== list.length)
        for (let i = list.length - 1; i >= 0; i--) m.set(list[i]!.id, list[i]!);
      this.maps.push(m);
      this.starts.push(start);
      this.lists.push(list);
      this.places.push(undefined);
      start += list.length;
    }
    // An id in two lists (an invalid plan) belongs to the earlier one. Each pair of lists is
    // compared by looking the smaller one's ids up in the larger: at 100k, about 30,000 lookups
    // that mostly miss, against the 100,000 writes of a map of every id.
    const maps = this.maps;
    for (let b = 1; b < maps.length; b++)
      for (let a = 0; a < b; a++) {
        const ma = maps[a]!;
        const mb = maps[b]!;
        if (ma.size <= mb.size) {
          for (const id of ma.keys()) if (mb.has(id)) mb.delete(id);
        } else for (const id of mb.keys()) if (ma.has(id)) mb.delete(id);
      }
  }

  /** The object of list number `k` (`KIND_AT`) with that id. */
  get(k: number, id: string): PlanObject | undefined {
    return this.maps[k]!.get(id);
  }

  /** The list number of the object of that id, trying lists in `order`. */
  kindAt(id: string, order: readonly number[]): number | undefined {
    for (const k of order) if (this.maps[k]!.has(id)) return k;
    return undefined;
  }

  /** The id's plan position, or undefined when no object has it. */
  order(id: string): number | undefined {
    const maps = this.maps;
    for (let k = 0; k < maps.length; k++) {
      if (!maps[k]!.has(id)) continue;
      const at = this.inserted.get(id);
      if (at !== undefined) return at;
      const i = this.placesOf(k).get(id);
      return i === undefined ? undefined : this.starts[k]! + i;
    }
    return undefined;
  }

  /** An object put in by an edit: inserted at plan position `order`, or replacing one. */
  put(k: number, object: PlanObject, order?: number): void {
    this.maps[k]!.set(object.id, object);
    if (order !== undefined) this.inserted.set(object.id, order);
  }

  remove(k: number, id: string): void {
    this.maps[k]!.delete(id);
    this.inserted.delete(id);
  }

  private placesOf(k: number): Map<string, number> {
    let m = this.places[k];
    if (m === undefined) {
      const list = this.lists[k]!;
      m = new Map();
      for (let i = list.length - 1; i >= 0; i--) m.set(list[i]!.id, i);
      this.places[k] = m;
    }
    return m;
  }
}
