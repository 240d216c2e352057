// Where a plan is validated: in the page while its analysis costs a millisecond or two, so an
// edit and its highlight are drawn in the same frame (src/worker/in-page.ts); in the Web Worker
// otherwise, where a long analysis cannot hold up typing or dragging.
import type { PathScope } from '../domain/analyze';
import { objectCount, type Plan } from '../domain/model/plan';

export type Place = 'worker' | 'page';

/**
 * Roughly what one analysis costs: every object is checked, and paths are traced from each
 * cluster in the scope to every object. Measured on generated plans (node, one core): 200
 * objects with one cluster's paths (400) edit in about 3 ms; the same plan with all ten
 * clusters' paths (2,200) takes 18 ms a keystroke and 120 ms at worst, which is the worker's.
 */
export function workOf(plan: Plan, scope: PathScope): number {
  const clusters =
    scope.kind === 'plan' ? plan.clusters.length : scope.kind === 'clusters' ? scope.ids.length : 0;
  return objectCount(plan) * (1 + clusters);
}

/**
 * Tracks how long the page's analyses take: two in a row over `slowMs` send the plan to the
 * worker until another plan is opened. One slow answer is not enough: the first edits after
 * opening run while the engine's code is still being compiled.
 */
export class PageTimer {
  private slowInARow = 0;
  outgrown = false;

  constructor(private readonly slowMs: number) {}

  /** Notes an analysis in the page; true when the plan has just outgrown it. */
  took(ms: number): boolean {
    this.slowInARow = ms > this.slowMs ? this.slowInARow + 1 : 0;
    if (this.slowInARow < 2 || this.outgrown) return false;
    this.outgrown = true;
    return true;
  }

  reset(): void {
    this.slowInARow = 0;
    this.outgrown = false;
  }
}
