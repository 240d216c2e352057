// Writing the open plan back to the library after each change (debounced, off the hot path),
// and localStorage's copy: the old autosave moved in on first run, and, while a page closes, a
// synchronous copy of the last edits until the library has them.
import { useAppStore } from '../../store/app-store';
import { commitPendingFields } from '../../ui/fields';
import { newId, type Library, type PlanBody, type PlanMeta } from '../../store/library/library';
import { libraryChanged, setLibraryStatus } from '../../store/library/status';
import { planToJson } from '../../io/serialize';
import { AUTOSAVE_FORMAT, AUTOSAVE_KEY, AUTOSAVE_VERSION, loadAutosave } from '../autosave';
import { announceSaved } from './ownership';
import { currentId, describeError, objectCount, planName, state } from './session-state';

export const LIBRARY_SAVE_DELAY_MS = 300;
/** After a failed save (storage full), the next try. */
export const LIBRARY_RETRY_MS = 5000;

async function writeCurrent(): Promise<void> {
  const id = currentId();
  const s = useAppStore.getState();
  if (!state.lib || !state.held || id === null || s.sharedView || !state.dirty) return;
  state.dirty = false;
  const now = Date.now();
  const meta: PlanMeta = {
    id,
    name: planName(s.plan),
    updatedAt: now,
    objects: objectCount(s.plan),
  };
  const body: Omit<PlanBody, 'id'> = {
    plan: JSON.stringify(planToJson(s.plan)),
    viewport: s.viewport,
    showAllPaths: s.showAllPaths,
  };
  try {
    await state.lib.savePlan(meta, body);
    clearTimeout(state.retry);
    state.retry = undefined;
    setLibraryStatus({ saveError: null, savedAt: now });
    dropJournal(id);
    announceSaved(id);
    libraryChanged();
  } catch (e) {
    // The plan in memory is untouched; it is written on the next change or the next try.
    state.dirty = true;
    setLibraryStatus({ saveError: describeError(e) });
    clearTimeout(state.retry);
    state.retry = setTimeout(() => void flush(), LIBRARY_RETRY_MS);
  }
}

/** Writes pending changes now; resolves when they are written (or have failed). */
export function flush(): Promise<void> {
  commitPendingFields();
  clearTimeout(state.timer);
  state.timer = undefined;
  state.writing = state.writing.then(writeCurrent);
  return state.writing;
}

export function schedule(): void {
  state.dirty = true;
  clearTimeout(state.timer);
  state.timer = setTimeout(() => {
    // Serializing a large plan takes a while: do it when the browser has a moment.
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o: object) => void })
      .requestIdleCallback;
    if (idle) idle(() => void flush(), { timeout: 1000 });
    else void flush();
  }, LIBRARY_SAVE_DELAY_MS);
}

// The journal: what a closing page had not yet written.

export function writeJournal(): void {
  const id = currentId();
  const s = useAppStore.getState();
  if (!state.dirty || !state.held || id === null || s.sharedView) return;
  try {
    localStorage.setItem(
      AUTOSAVE_KEY,
      JSON.stringify({
        format: AUTOSAVE_FORMAT,
        version: AUTOSAVE_VERSION,
        planId: id,
        savedAt: Date.now(),
        plan: planToJson(s.plan),
        viewport: s.viewport,
        showAllPaths: s.showAllPaths,
      }),
    );
  } catch {
    // Too large for localStorage: the library write started alongside is all there is.
  }
}

function dropJournal(id: string): void {
  try {
    const raw = localStorage.getItem(AUTOSAVE_KEY);
    if (raw && (JSON.parse(raw) as { planId?: unknown }).planId === id)
      localStorage.removeItem(AUTOSAVE_KEY);
  } catch {
    // Nothing to drop.
  }
}

/**
 * Moves localStorage's copy into the library: the old autosave of a first run (a new plan), or a
 * closing page's last edits (into their plan). The copy is removed only once the library has it.
 * Returns the plan it went to.
 */
export async function takeLocalCopy(l: Library, storage: Storage): Promise<string | null> {
  const found = loadAutosave(storage);
  if (found.kind === 'none') return null;
  if (found.kind === 'unreadable') {
    try {
      storage.setItem(`${AUTOSAVE_KEY}:unreadable`, found.raw);
      storage.removeItem(AUTOSAVE_KEY);
    } catch {
      // Storage full: the copy stays under the autosave key.
    }
    useAppStore.getState().setRecovery({ raw: found.raw, reason: found.reason });
    return null;
  }
  let planId: string | null = null;
  let savedAt = 0;
  try {
    const doc = JSON.parse(storage.getItem(AUTOSAVE_KEY) ?? '{}') as {
      planId?: unknown;
      savedAt?: unknown;
    };
    if (typeof doc.planId === 'string') planId = doc.planId;
    savedAt = typeof doc.savedAt === 'number' ? doc.savedAt : Date.parse(String(doc.savedAt));
  } catch {
    // loadAutosave read it: this cannot fail.
  }
  const { plan, viewport, showAllPaths } = found.restored;
  const existing = planId ? await l.getPlanMeta(planId) : undefined;
  if (existing && existing.updatedAt > savedAt) {
    storage.removeItem(AUTOSAVE_KEY);
    return existing.id;
  }
  const id = existing?.id ?? newId('plan');
  await l.savePlan(
    { id, name: planName(plan), updatedAt: Date.now(), objects: objectCount(plan) },
    { plan: JSON.stringify(planToJson(plan)), viewport, showAllPaths },
  );
  storage.removeItem(AUTOSAVE_KEY);
  return id;
}
