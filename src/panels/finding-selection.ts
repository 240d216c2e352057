// What clicking a finding in the problems panel selects.
import type { Plan } from '../domain/model/plan';
import type { Finding } from '../domain/rules/codes';

/**
 * What clicking a finding selects: its objects, except that a finding about a route selects the
 * route's table alone, whose inspector shows the route and the ways to fix it (selecting the
 * cluster too would offer only Delete, for both).
 */
export function selectionFor(plan: Plan, f: Finding): readonly string[] {
  const first = f.objects[0];
  if (first !== undefined && plan.routeTables.some((t) => t.id === first)) return [first];
  return f.objects;
}
