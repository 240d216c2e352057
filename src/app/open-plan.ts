// Opening a plan from text (a file, a drop, a link): it replaces the current plan only if it
// reads; otherwise the current plan stays exactly as it was and the error says where and what.
import { completeLayout, hasCompleteLayout } from '../domain/layout/grid-layout';
import type { Plan } from '../domain/model/plan';
import { formatPlanError } from '../io/errors';
import { parsePlanText } from '../io/parse';
import { useAppStore } from '../store/app-store';
import type { PlanSourceKind } from '../store/plan-slice';

export function withLayout(plan: Plan): Plan {
  return hasCompleteLayout(plan) ? plan : { ...plan, layout: completeLayout(plan) };
}

export function openPlanText(
  text: string,
  source: { kind: PlanSourceKind; name?: string },
): boolean {
  const s = useAppStore.getState();
  const r = parsePlanText(text);
  if (!r.ok) {
    s.toast(
      `${source.name ?? 'The plan'} cannot be opened: ${formatPlanError(r.error)}. Your current plan is unchanged.`,
      'error',
    );
    return false;
  }
  s.openPlan(withLayout(r.value), source);
  s.toast(`Opened ${source.name ?? r.value.name ?? 'plan'}`, 'success');
  return true;
}

export async function openPlanFile(file: File): Promise<boolean> {
  if (file.size > 50 * 1024 * 1024) {
    useAppStore
      .getState()
      .toast(
        `${file.name} is ${(file.size / 1048576).toFixed(0)} MB: plans up to 50 MB can be opened. Your current plan is unchanged.`,
        'error',
      );
    return false;
  }
  const text = await file.text();
  return openPlanText(text, { kind: 'file', name: file.name });
}
