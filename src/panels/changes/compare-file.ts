// "Compare with..." a plan file: read like a file being opened (the same parser and errors), but
// the current plan stays as it is; the file becomes the base the canvas marks changes against.
import { formatPlanError } from '../../io/errors';
import { parsePlanText } from '../../io/parse';
import { useAppStore } from '../../store/app-store';

/** As large as a plan that can be opened (src/app/open-plan.ts). */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

export function compareWithText(text: string, name: string): boolean {
  const s = useAppStore.getState();
  const r = parsePlanText(text);
  if (!r.ok) {
    s.toast(
      `${name} cannot be compared with: ${formatPlanError(r.error)}. Your plan is unchanged.`,
      'error',
    );
    return false;
  }
  s.compareWith(r.value, name);
  s.toast(`Comparing with ${name}`, 'success');
  return true;
}

export async function compareWithFile(file: File): Promise<boolean> {
  if (file.size > MAX_FILE_BYTES) {
    useAppStore
      .getState()
      .toast(
        `${file.name} is ${(file.size / 1048576).toFixed(0)} MB: plans up to ${MAX_FILE_BYTES / 1048576} MB can be compared with. Your plan is unchanged.`,
        'error',
      );
    return false;
  }
  return compareWithText(await file.text(), file.name);
}
