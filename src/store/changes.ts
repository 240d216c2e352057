// The stream of plan edits, as ops, for whoever keeps a copy of the plan: the validation
// worker, autosave, the library. Each store has its own (`subscribeChanges` of the plan slice);
// subscribers get every change in order.
import type { PlanOp } from '../domain/ops/ops';

export interface PlanChange {
  readonly revision: number;
  readonly ops: readonly PlanOp[];
}
