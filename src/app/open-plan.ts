// Opening a plan from text (a file, a drop, a link): it replaces the current plan only if it
// reads; otherwise the current plan stays exactly as it was and the error says where and what.
import type { Plan } from '../domain/model/plan';
import { formatPlanError } from '../io/errors';
import { parsePlanText } from '../io/parse';
import { useAppStore } from '../store/app-store';
import type { PlanSourceKind } from '../store/plan-slice';
import { withLayout } from './auto-layout';

/** Plans larger than this are refused before they are read. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export async function openPlan(
  plan: Plan,
  source: { kind: PlanSourceKind; name?: string },
): Promise<void> {
  useAppStore.getState().openPlan(await withLayout(plan), source);
}

export async function openPlanText(
  text: string,
  source: { kind: PlanSourceKind; name?: string },
): Promise<boolean> {
  const s = useAppStore.getState();
  const r = parsePlanText(text);
  if (!r.ok) {
    s.toast(
      `${source.name ?? 'The plan'} cannot be opened: ${formatPlanError(r.error)}. Your current plan is unchanged.`,
      'error',
    );
    return false;
  }
  await openPlan(r.value, source);
  s.toast(`Opened ${source.name ?? r.value.name ?? 'plan'}`, 'success');
  return true;
}

export async function openPlanFile(file: File): Promise<boolean> {
  if (file.size > MAX_FILE_BYTES) {
    useAppStore
      .getState()
      .toast(
        `${file.name} is ${(file.size / 1048576).toFixed(0)} MB: plans up to ${MAX_FILE_BYTES / 1048576} MB can be opened. Your current plan is unchanged.`,
        'error',
      );
    return false;
  }
  return openPlanText(await file.text(), { kind: 'file', name: file.name });
}
