// The worker's state, without the worker: a plan kept up to date by ops, analysed on demand.
// Messages that arrive together are applied together and analysed once.
import { analyzePlan, type PathScope } from '../domain/analyze';
import { emptyPlan, type Plan } from '../domain/model/plan';
import { applyOps, isCosmetic } from '../domain/ops/ops';
import type { FromWorker, ToWorker } from './protocol';

export class ValidationEngine {
  private plan: Plan = emptyPlan();
  private revision = -1;
  private scope: PathScope = { kind: 'none' };
  private planDirty = false;
  private scopeDirty = false;

  /** Takes a batch of messages; returns the one message to send back, if any. */
  handle(messages: readonly ToWorker[]): FromWorker | undefined {
    try {
      for (const m of messages) {
        if (m.type === 'load') {
          this.plan = m.plan;
          this.revision = m.revision;
          this.scope = m.scope;
          this.planDirty = true;
        } else if (m.type === 'edit') {
          this.plan = applyOps(this.plan, m.ops).plan;
          this.revision = m.revision;
          if (m.ops.some((op) => !isCosmetic(op))) this.planDirty = true;
        } else {
          this.scope = m.scope;
          this.scopeDirty = true;
        }
      }
      if (!this.planDirty && !this.scopeDirty) return undefined;
      const t0 = performance.now();
      const a = analyzePlan(this.plan, this.scope);
      const full = this.planDirty;
      this.planDirty = false;
      this.scopeDirty = false;
      return {
        type: 'result',
        revision: this.revision,
        ...(full ? { findings: a.findings, capacity: a.capacity } : {}),
        paths: a.paths,
        ms: performance.now() - t0,
      };
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      return {
        type: 'failed',
        revision: this.revision,
        message: err.message,
        ...(err.stack ? { stack: err.stack } : {}),
      };
    }
  }
}
