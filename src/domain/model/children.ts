// Lists of an index's children by parent id (a VPC's subnets, a subnet's resources), each in
// plan order: appended in order by a full build, put in place by an edit.
import type { PlanObject } from './plan';

const NONE: readonly never[] = [];

/** Lists of children, each kept in plan order. */
export class Children<T extends PlanObject> {
  private readonly lists = new Map<string, T[]>();

  constructor(private readonly orderOf: (id: string) => number) {}

  get(parent: string): readonly T[] {
    return this.lists.get(parent) ?? NONE;
  }

  /** Appends during a full build, where objects come in plan order. */
  push(parent: string, child: T): void {
    const list = this.lists.get(parent);
    if (list) list.push(child);
    else this.lists.set(parent, [child]);
  }

  insert(parent: string, child: T): void {
    const list = this.lists.get(parent);
    if (!list) {
      this.lists.set(parent, [child]);
      return;
    }
    const o = this.orderOf(child.id);
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.orderOf(list[mid]!.id) < o) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, child);
  }

  remove(parent: string, id: string): void {
    const list = this.lists.get(parent);
    if (!list) return;
    const i = list.findIndex((c) => c.id === id);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.lists.delete(parent);
  }

  replace(parent: string, child: T): void {
    const list = this.lists.get(parent);
    const i = list ? list.findIndex((c) => c.id === child.id) : -1;
    if (list && i >= 0) list[i] = child;
    else this.insert(parent, child);
  }
}
