// The Plans dialog's actions: list, open, create, rename, duplicate and delete library plans.
// The open plan is saved before another takes its place, or the action stops.
import { emptyPlan } from '../../domain/model/plan';
import { useAppStore } from '../../store/app-store';
import { LibraryError, type PlanMeta } from '../../store/library/library';
import { libraryChanged, setLibraryStatus, useLibraryStatus } from '../../store/library/status';
import { createFrom, openById } from './session-opening';
import { flush } from './session-saving';
import { currentId, state } from './session-state';

export async function listPlans(): Promise<PlanMeta[]> {
  return state.lib ? state.lib.listPlans() : [];
}

/** Saves the open plan before another replaces it; refuses to go on if it cannot be saved. */
async function saveBeforeLeaving(): Promise<void> {
  await flush();
  const error = useLibraryStatus.getState().saveError;
  if (error && state.dirty)
    throw new LibraryError(
      'quota',
      `the open plan is not saved (${error}): export it or make room first, so it is not lost`,
    );
}

export async function openLibraryPlan(id: string): Promise<boolean> {
  if (id === currentId()) return true;
  await saveBeforeLeaving();
  return openById(id);
}

export async function createLibraryPlan(name: string): Promise<void> {
  await saveBeforeLeaving();
  const meta = await createFrom({ ...emptyPlan(name), layout: {} }, name);
  await openById(meta.id);
}

export async function renameLibraryPlan(id: string, name: string): Promise<void> {
  if (!state.lib) return;
  if (id === currentId()) {
    const s = useAppStore.getState();
    if (s.readOnly)
      throw new LibraryError('failed', 'this plan is read-only here: take it over to rename it');
    s.apply([{ op: 'name', name }], { label: 'Rename plan' });
    await flush();
    return;
  }
  await state.lib.renamePlan(id, name);
  libraryChanged();
}

export async function duplicateLibraryPlan(id: string): Promise<PlanMeta | null> {
  if (!state.lib) return null;
  if (id === currentId()) await flush();
  const meta = await state.lib.getPlanMeta(id);
  if (!meta) return null;
  const copy = await state.lib.duplicatePlan(id, `${meta.name} (copy)`);
  libraryChanged();
  return copy;
}

/** Deletes a plan and its versions; the open plan gives way to the most recent other (or a new one). */
export async function deleteLibraryPlan(id: string): Promise<void> {
  if (!state.lib) return;
  const current = id === currentId();
  if (current) {
    clearTimeout(state.timer);
    state.dirty = false;
    state.held?.release();
    state.held = null;
  }
  await state.lib.deletePlan(id);
  libraryChanged();
  if (!current) return;
  setLibraryStatus({ currentId: null });
  const next = (await state.lib.listPlans())[0];
  if (next && (await openById(next.id))) return;
  const meta = await createFrom({ ...emptyPlan('Untitled plan'), layout: {} }, 'Untitled plan');
  await openById(meta.id);
}
