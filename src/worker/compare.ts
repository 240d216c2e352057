// The worker's side of "Compare with...": the base plan analysed once (with the paths of the
// scope the designer shows), and a live diff of the current plan against it that each batch of
// edits moves on, so that the designer never waits for a diff.
import type { PathScope } from '../domain/analyze';
import type { PlanDiff } from '../domain/diff/diff';
import { LiveDiff } from '../domain/diff/live';
import { IncrementalAnalyzer } from '../domain/incremental/analyzer';
import type { AnalysisDelta } from '../domain/incremental/delta';
import type { Plan } from '../domain/model/plan';
import type { PlanOp } from '../domain/ops/ops';

export class Comparison {
  private readonly baseAnalyzer = new IncrementalAnalyzer();
  private readonly live: LiveDiff;
  /** The whole plan must be compared again (a plan was opened, or the comparison started). */
  private stale = true;
  private rescoped = false;
  private last: PlanDiff | null = null;
  private moved = false;

  constructor(
    readonly id: number,
    base: Plan,
    scope: PathScope,
  ) {
    this.baseAnalyzer.load(base, scope);
    this.live = new LiveDiff(base, this.baseAnalyzer.snapshot());
  }

  /** Edits the current plan's analyzer just applied, with what they did to its analysis. */
  edited(current: IncrementalAnalyzer, ops: readonly PlanOp[], delta: AnalysisDelta): void {
    if (this.stale) return;
    if (ops.some((o) => o.op === 'replace')) {
      this.stale = true;
      return;
    }
    this.last = this.live.update(current.currentPlan, ops, delta);
    this.moved = true;
  }

  /** The current plan was loaded whole. */
  loaded(): void {
    this.stale = true;
  }

  scoped(scope: PathScope): void {
    this.baseAnalyzer.setScope(scope);
    this.rescoped = true;
  }

  /** The diff to send with this batch's answer, if it may have moved. */
  take(current: IncrementalAnalyzer): PlanDiff | undefined {
    if (this.stale) {
      this.last = this.live.reset(current.currentPlan, current.snapshot());
      this.stale = false;
      this.rescoped = false;
      this.moved = true;
    } else if (this.rescoped) {
      this.last = this.live.rescope(this.baseAnalyzer.snapshot().paths, current.snapshot().paths);
      this.rescoped = false;
      this.moved = true;
    }
    if (!this.moved) return undefined;
    this.moved = false;
    return this.last ?? undefined;
  }
}
