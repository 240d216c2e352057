// Opening a library plan in this tab and holding it against other tabs: one tab edits a plan,
// the others read it until they take it over.
import { emptyHistory } from '../../store/history';
import { useAppStore } from '../../store/app-store';
import { LibraryError, newId, type PlanBody, type PlanMeta } from '../../store/library/library';
import { libraryChanged, setLibraryStatus } from '../../store/library/status';
import type { Plan } from '../../domain/model/plan';
import { formatPlanError } from '../../io/errors';
import { parsePlanText } from '../../io/parse';
import { planToJson } from '../../io/serialize';
import { count } from '../../panels/words';
import { withLayout } from '../auto-layout';
import { BOOT_PROGRESS_MIN_OBJECTS, bootProgress } from './boot-progress';
import { claim, takeOver, type HolderEvents } from './ownership';
import { flush } from './session-saving';
import { currentId, objectCount, state } from './session-state';

const holderEvents: HolderEvents = {
  onHandover: () => flush(),
  onLost: () => {
    state.held = null;
    useAppStore.getState().setReadOnly(true);
    setLibraryStatus({ elsewhere: 'lost' });
  },
};

export async function hold(id: string): Promise<void> {
  state.held?.release();
  state.held = await claim(id, holderEvents);
  if (state.held) {
    setLibraryStatus({ elsewhere: null });
    useAppStore.getState().setReadOnly(false);
  } else {
    setLibraryStatus({ elsewhere: 'ask' });
    useAppStore.getState().setReadOnly(true);
  }
}

/** Asks the tab that has the plan to save and let go, then edits the plan as it saved it. */
export async function takeOverPlan(): Promise<void> {
  const id = currentId();
  if (!state.lib || id === null) return;
  state.held = await takeOver(id, holderEvents);
  const found = await state.lib.loadPlan(id);
  if (found) await show(found, false);
  useAppStore.getState().setReadOnly(false);
  setLibraryStatus({ elsewhere: null });
}

export function stayReadOnly(): void {
  setLibraryStatus({ elsewhere: 'read-only' });
}

/** Puts a library plan on the canvas; false (and the body kept for download) when it does not read. */
export async function show(
  found: { meta: PlanMeta; body: PlanBody },
  fresh: boolean,
  follow = false,
): Promise<boolean> {
  const s = useAppStore.getState();
  const r = parsePlanText(found.body.plan);
  if (!r.ok) {
    s.setRecovery({
      raw: found.body.plan,
      reason: `“${found.meta.name}” cannot be read: ${formatPlanError(r.error)}`,
    });
    return false;
  }
  const plan = await withLayout(r.value);
  // Following another tab's edits keeps the source as it was: the canvas does not fit anew.
  const source = follow ? s.planSource : { kind: 'autosave' as const, name: found.meta.name };
  s.openPlan(plan, source, { capture: 'never' });
  // Undo steps belong to the plan they were made on.
  if (fresh) useAppStore.setState({ history: emptyHistory });
  if (follow) return true;
  if (found.body.viewport) s.setViewport(found.body.viewport);
  s.setShowAllPaths(found.body.showAllPaths);
  return true;
}

export async function openById(id: string): Promise<boolean> {
  if (!state.lib) return false;
  const meta = await state.lib.getPlanMeta(id);
  const large = (meta?.objects ?? 0) >= BOOT_PROGRESS_MIN_OBJECTS;
  const say = (what: string) =>
    large && meta
      ? bootProgress(`${what} “${meta.name}” (${count(meta.objects, 'object')})…`)
      : Promise.resolve();
  await say('Reading');
  const found = await state.lib.loadPlan(id);
  await say('Opening');
  if (!found || !(await show(found, true))) return false;
  state.dirty = false;
  setLibraryStatus({ currentId: id, saveError: null });
  await hold(id);
  await state.lib.setSetting('current', id).catch(() => undefined);
  return true;
}

export async function createFrom(plan: Plan, name: string): Promise<PlanMeta> {
  if (!state.lib) throw new LibraryError('unavailable', 'plans cannot be saved in this browser');
  const named = { ...plan, name };
  const meta: PlanMeta = {
    id: newId('plan'),
    name,
    updatedAt: Date.now(),
    objects: objectCount(named),
  };
  await state.lib.savePlan(meta, {
    plan: JSON.stringify(planToJson(named)),
    viewport: null,
    showAllPaths: false,
  });
  libraryChanged();
  return meta;
}
