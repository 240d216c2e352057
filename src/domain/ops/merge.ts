// Merging an imported plan into the current one, as ops (one undo step in the designer): an
// object whose id is already in the plan is updated in place (its fields become the imported
// ones; fields the import does not carry, such as node subnets DescribeClusters cannot tell,
// are kept), the rest is inserted; the current layout is
// not touched here (src/io/import/merge.ts places what is new around what is there).
import { COLLECTIONS, type Plan, type PlanObject } from '../model/plan';
import { sameJson } from '../model/same-json';
import type { PlanOp } from './ops';
import { untypedUpdate } from './update';

export interface Merged {
  readonly ops: PlanOp[];
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
}

export function mergeOps(current: Plan, imported: Plan): Merged {
  const ops: PlanOp[] = [];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const collection of COLLECTIONS) {
    const existing = new Map<string, PlanObject>(current[collection].map((o) => [o.id, o]));
    for (const o of imported[collection]) {
      const before = existing.get(o.id);
      if (!before) {
        ops.push({ op: 'insert', collection, object: o });
        added++;
        continue;
      }
      const b = before as unknown as Record<string, unknown>;
      const a = o as unknown as Record<string, unknown>;
      const set: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(a)) if (k !== 'id' && !sameJson(b[k], v)) set[k] = v;
      if (Object.keys(set).length === 0) {
        unchanged++;
        continue;
      }
      // Fields copied from an object of the same collection, unknown ones its author added too.
      ops.push(untypedUpdate(collection, o.id, set));
      updated++;
    }
  }
  return { ops, added, updated, unchanged };
}
