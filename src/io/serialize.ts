// Writing a plan: the format's field order, every list (so the file reads the same whether or
// not a list was empty), `flows` and `layout` only when the plan has them.
import { COLLECTIONS, type Plan } from '../domain/model/plan';

export function planToJson(plan: Plan): Record<string, unknown> {
  const out: Record<string, unknown> = { format: plan.format, version: plan.version };
  if (plan.name !== undefined) out.name = plan.name;
  for (const [k, v] of Object.entries(plan)) {
    if (
      !(k in out) &&
      !(COLLECTIONS as readonly string[]).includes(k) &&
      k !== 'flows' &&
      k !== 'layout'
    )
      out[k] = v;
  }
  for (const key of COLLECTIONS) out[key] = plan[key];
  if (plan.flows !== undefined) out.flows = plan.flows;
  if (plan.layout !== undefined) out.layout = plan.layout;
  return out;
}

export function serializePlan(plan: Plan, indent = 2): string {
  return `${JSON.stringify(planToJson(plan), null, indent)}\n`;
}
