// The Comments panel's grouping, kept apart from React so that it is tested on its own.
import type { PlanComment } from '../../domain/model/plan';

export interface CommentGroup {
  /** Undefined: comments on the plan. */
  readonly object: string | undefined;
  readonly comments: readonly PlanComment[];
}

/** Comments of one state (open or resolved), by object in order of first comment, plan first. */
export function groupComments(all: readonly PlanComment[], resolved: boolean): CommentGroup[] {
  const byObject = new Map<string | undefined, PlanComment[]>();
  byObject.set(undefined, []);
  for (const c of all) {
    if ((c.resolved === true) !== resolved) continue;
    const list = byObject.get(c.object);
    if (list) list.push(c);
    else byObject.set(c.object, [c]);
  }
  return [...byObject]
    .filter(([, l]) => l.length > 0)
    .map(([object, comments]) => ({ object, comments }));
}
