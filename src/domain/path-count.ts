// Counting paths before asking for them: the designer uses it to keep "show all paths" within
// what a worker can hold, without loading the core on the main thread.
import type { PathScope } from './analyze';
import type { Plan } from './model/plan';

/** How many paths `scope` asks for, counted without evaluating them. */
export function pathCount(plan: Plan, scope: PathScope): number {
  if (scope.kind === 'none') return 0;
  const from =
    scope.kind === 'clusters'
      ? plan.clusters.filter((c) => scope.ids.includes(c.id)).length
      : plan.clusters.length;
  if (plan.flows) {
    if (scope.kind === 'plan') return plan.flows.length;
    const ids = new Set(scope.ids);
    return plan.flows.filter((f) => ids.has(f.from)).length;
  }
  const per = plan.resources.length + plan.clusters.length - 1 + plan.idcs.length + 1;
  return from * per;
}
