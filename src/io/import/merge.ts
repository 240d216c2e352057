// An import merged into the current plan as one list of ops (one undo step): objects by id
// (src/domain/ops/merge.ts), then boxes for what is new, placed around what the user placed.
import type { Plan } from '../../domain/model/plan';
import { mergeOps } from '../../domain/ops/merge';
import { applyOps, type PlanOp } from '../../domain/ops/ops';
import { layoutImported } from './layout';

export interface MergeResult {
  readonly ops: PlanOp[];
  readonly plan: Plan;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
}

export function mergeImported(current: Plan, imported: Plan): MergeResult {
  const m = mergeOps(current, imported);
  const objects = applyOps(current, m.ops).plan;
  const before = current.layout ?? {};
  const layout = layoutImported(objects);
  const layoutOps: PlanOp[] = [];
  for (const [id, box] of Object.entries(layout)) {
    const old = before[id];
    if (!old || old.width !== box.width || old.height !== box.height)
      layoutOps.push({ op: 'layout', id, box });
  }
  const ops = [...m.ops, ...layoutOps];
  return {
    ops,
    plan: applyOps(current, ops).plan,
    added: m.added,
    updated: m.updated,
    unchanged: m.unchanged,
  };
}
