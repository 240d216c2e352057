// The stream of plan edits, as ops, for whoever keeps a copy of the plan: the validation
// worker, autosave and, later, co-editors. Subscribers get every change in order.
import type { PlanOp } from '../domain/ops/ops';

export interface PlanChange {
  readonly revision: number;
  readonly ops: readonly PlanOp[];
}

type Listener = (change: PlanChange) => void;
const listeners = new Set<Listener>();

export function subscribePlanChanges(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitPlanChange(change: PlanChange): void {
  for (const l of listeners) l(change);
}
