// The plan in this tab as a plan of the library: opened from it at start, written back after
// each change (./session-saving.ts), held against other tabs (./session-opening.ts), and the
// actions of the Plans and Versions dialogs (./session-plans.ts, ./session-versions.ts).
import type { Plan } from '../../domain/model/plan';
import { useAppStore } from '../../store/app-store';
import { Library } from '../../store/library/library';
import { setLibraryStatus } from '../../store/library/status';
import { onSaved } from './ownership';
import { createFrom, openById, show } from './session-opening';
import { flush, schedule, takeLocalCopy, writeJournal } from './session-saving';
import { currentId, describeError, hasObject, planName, state } from './session-state';

export { LIBRARY_RETRY_MS, LIBRARY_SAVE_DELAY_MS, flush } from './session-saving';
export { stayReadOnly, takeOverPlan } from './session-opening';
export {
  createLibraryPlan,
  deleteLibraryPlan,
  duplicateLibraryPlan,
  listPlans,
  openLibraryPlan,
  renameLibraryPlan,
} from './session-plans';
export { compareVersion, listVersions, restoreVersion, saveVersion } from './session-versions';

export function currentLibrary(): Library | null {
  return state.lib;
}

/**
 * Opens the library and the plan last worked on (moving localStorage's autosave in first).
 * False when this browser has no usable IndexedDB: the caller keeps the old autosave going.
 */
export async function startLibrary(options: {
  sample: () => Promise<Plan>;
  storage?: Storage;
}): Promise<boolean> {
  const storage = options.storage ?? localStorage;
  try {
    state.lib = await Library.open();
  } catch (e) {
    setLibraryStatus({ available: 'no', unavailableReason: describeError(e) });
    return false;
  }
  setLibraryStatus({ available: 'yes' });
  let fromLocal: string | null = null;
  try {
    fromLocal = await takeLocalCopy(state.lib, storage);
  } catch (e) {
    setLibraryStatus({ saveError: describeError(e) });
  }
  const candidates = [
    fromLocal,
    (await state.lib.getSetting<string>('current')) ?? null,
    ...(await state.lib.listPlans()).map((p) => p.id),
  ].filter((x): x is string => x !== null);
  let opened = false;
  for (const id of new Set(candidates)) {
    if (await openById(id)) {
      opened = true;
      break;
    }
    // A plan that does not read is kept (its copy is offered); the next one opens instead.
    if (useAppStore.getState().recovery) break;
  }
  if (!opened) {
    const sample = await options.sample();
    const meta = await createFrom(sample, planName(sample)).catch(() => null);
    if (!meta || !(await openById(meta.id))) {
      useAppStore.getState().openPlan(sample, { kind: 'sample' }, { capture: 'never' });
    }
    const first = useAppStore.getState().plan.clusters[0];
    if (first) useAppStore.getState().select([first.id]);
  }
  useAppStore.getState().subscribeChanges(schedule);
  useAppStore.subscribe((s, prev) => {
    if (s.viewport !== prev.viewport || s.showAllPaths !== prev.showAllPaths) {
      if (state.held) schedule();
    }
  });
  const onHide = () => {
    if (!state.dirty) return;
    writeJournal();
    void flush();
  };
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') onHide();
  });
  window.addEventListener('pagehide', () => state.held?.release());
  // A tab that only reads the plan shows what the editing tab saves.
  onSaved(currentId, () => {
    const id = currentId();
    if (state.held || !state.lib || id === null) return;
    const before = useAppStore.getState().selection;
    void state.lib.loadPlan(id).then(async (found) => {
      if (!found || !(await show(found, true, true))) return;
      // Following another tab's edits: keep what this tab was looking at.
      const s = useAppStore.getState();
      s.select(before.filter((x) => hasObject(s.plan, x)));
    });
  });
  return true;
}

/** For end-to-end tests: make the next writes fail as a full disk does, or stop failing. */
export function setWriteFault(fault: 'quota' | null): void {
  if (!state.lib) return;
  state.lib.beforeWrite =
    fault === 'quota'
      ? () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
      : null;
}

/** For end-to-end tests: the current plan's JSON as the library holds it. */
export async function savedPlanText(): Promise<string | null> {
  const id = currentId();
  const found = state.lib && id !== null ? await state.lib.loadPlan(id) : undefined;
  return found?.body.plan ?? null;
}
