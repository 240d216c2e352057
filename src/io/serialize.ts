// Writing a plan: the format's field order, every list of objects (so the file reads the same
// whether or not a list was empty); `flows`, `reservations`, `comments` and `layout` only when
// the plan has them.
import { COLLECTIONS, type Plan } from '../domain/model/plan';

/** Written after the lists of objects, in this order, only when present. */
const TRAILING = ['flows', 'reservations', 'comments', 'layout'] as const;

export function planToJson(plan: Plan): Record<string, unknown> {
  const out: Record<string, unknown> = { format: plan.format, version: plan.version };
  if (plan.name !== undefined) out.name = plan.name;
  for (const [k, v] of Object.entries(plan)) {
    if (
      !(k in out) &&
      !(COLLECTIONS as readonly string[]).includes(k) &&
      !(TRAILING as readonly string[]).includes(k)
    )
      out[k] = v;
  }
  for (const key of COLLECTIONS) out[key] = plan[key];
  for (const key of TRAILING) if (plan[key] !== undefined) out[key] = plan[key];
  return out;
}

export function serializePlan(plan: Plan, indent = 2): string {
  return `${JSON.stringify(planToJson(plan), null, indent)}\n`;
}
