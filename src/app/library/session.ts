// The plan in this tab as a plan of the library: opened from it at start, written back after
// each change (debounced, off the hot path), handed between tabs, and the actions of the Plans
// and Versions dialogs. localStorage's old autosave is moved in on first run and, while a page
// closes, holds a synchronous copy of the last edits until the library has them.
import { analyzePlan } from '../../domain/analyze';
import { emptyPlan, COLLECTIONS, type Plan } from '../../domain/model/plan';
import { formatPlanError } from '../../io/errors';
import { parsePlanText } from '../../io/parse';
import { planToJson } from '../../io/serialize';
import { useAppStore } from '../../store/app-store';
import { commitPendingFields } from '../../ui/fields';
import { emptyHistory } from '../../store/history';
import {
  Library,
  LibraryError,
  newId,
  type PlanBody,
  type PlanMeta,
  type VersionMeta,
} from '../../store/library/library';
import { libraryChanged, setLibraryStatus, useLibraryStatus } from '../../store/library/status';
import { liveToken } from '../workspace/connection';
import { remoteVersions, type RemoteVersions } from '../workspace/versions';
import { withLayout } from '../auto-layout';
import { AUTOSAVE_FORMAT, AUTOSAVE_KEY, AUTOSAVE_VERSION, loadAutosave } from '../autosave';
import { announceSaved, claim, onSaved, takeOver, type Held, type HolderEvents } from './ownership';
import { count } from '../../panels/words';
import { BOOT_PROGRESS_MIN_OBJECTS, bootProgress } from './boot-progress';
import { findingKeys, summarize } from './versions';

export const LIBRARY_SAVE_DELAY_MS = 300;
/** After a failed save (storage full), the next try. */
export const LIBRARY_RETRY_MS = 5000;

let lib: Library | null = null;
let held: Held | null = null;
let dirty = false;
let timer: ReturnType<typeof setTimeout> | undefined;
let retry: ReturnType<typeof setTimeout> | undefined;
let writing: Promise<void> = Promise.resolve();

export function currentLibrary(): Library | null {
  return lib;
}

const currentId = () => useLibraryStatus.getState().currentId;

function objectCount(plan: Plan): number {
  return COLLECTIONS.reduce((n, c) => n + plan[c].length, 0);
}

function hasObject(plan: Plan, id: string): boolean {
  return COLLECTIONS.some((c) => plan[c].some((o) => o.id === id));
}

function planName(plan: Plan): string {
  return plan.name?.trim() || 'Untitled plan';
}

function describeError(e: unknown): string {
  return e instanceof LibraryError ? e.message : `the browser storage failed: ${String(e)}`;
}

// ---- writing the current plan ----

async function writeCurrent(): Promise<void> {
  const id = currentId();
  const s = useAppStore.getState();
  if (!lib || !held || id === null || s.sharedView || !dirty) return;
  dirty = false;
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
    await lib.savePlan(meta, body);
    clearTimeout(retry);
    retry = undefined;
    setLibraryStatus({ saveError: null, savedAt: now });
    dropJournal(id);
    announceSaved(id);
    libraryChanged();
  } catch (e) {
    // The plan in memory is untouched; it is written on the next change or the next try.
    dirty = true;
    setLibraryStatus({ saveError: describeError(e) });
    clearTimeout(retry);
    retry = setTimeout(() => void flush(), LIBRARY_RETRY_MS);
  }
}

/** Writes pending changes now; resolves when they are written (or have failed). */
export function flush(): Promise<void> {
  commitPendingFields();
  clearTimeout(timer);
  timer = undefined;
  writing = writing.then(writeCurrent);
  return writing;
}

function schedule(): void {
  dirty = true;
  clearTimeout(timer);
  timer = setTimeout(() => {
    // Serializing a large plan takes a while: do it when the browser has a moment.
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o: object) => void })
      .requestIdleCallback;
    if (idle) idle(() => void flush(), { timeout: 1000 });
    else void flush();
  }, LIBRARY_SAVE_DELAY_MS);
}

// ---- the journal: what a closing page had not yet written ----

function writeJournal(): void {
  const id = currentId();
  const s = useAppStore.getState();
  if (!dirty || !held || id === null || s.sharedView) return;
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
async function takeLocalCopy(l: Library, storage: Storage): Promise<string | null> {
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

// ---- holding the plan against other tabs ----

const holderEvents: HolderEvents = {
  onHandover: () => flush(),
  onLost: () => {
    held = null;
    useAppStore.getState().setReadOnly(true);
    setLibraryStatus({ elsewhere: 'lost' });
  },
};

async function hold(id: string): Promise<void> {
  held?.release();
  held = await claim(id, holderEvents);
  if (held) {
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
  if (!lib || id === null) return;
  held = await takeOver(id, holderEvents);
  const found = await lib.loadPlan(id);
  if (found) await show(found, false);
  useAppStore.getState().setReadOnly(false);
  setLibraryStatus({ elsewhere: null });
}

export function stayReadOnly(): void {
  setLibraryStatus({ elsewhere: 'read-only' });
}

// ---- opening plans ----

/** Puts a library plan on the canvas; false (and the body kept for download) when it does not read. */
async function show(
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

async function openById(id: string): Promise<boolean> {
  if (!lib) return false;
  const meta = await lib.getPlanMeta(id);
  const large = (meta?.objects ?? 0) >= BOOT_PROGRESS_MIN_OBJECTS;
  const say = (what: string) =>
    large && meta
      ? bootProgress(`${what} “${meta.name}” (${count(meta.objects, 'object')})…`)
      : Promise.resolve();
  await say('Reading');
  const found = await lib.loadPlan(id);
  await say('Opening');
  if (!found || !(await show(found, true))) return false;
  dirty = false;
  setLibraryStatus({ currentId: id, saveError: null });
  await hold(id);
  await lib.setSetting('current', id).catch(() => undefined);
  return true;
}

async function createFrom(plan: Plan, name: string): Promise<PlanMeta> {
  if (!lib) throw new LibraryError('unavailable', 'plans cannot be saved in this browser');
  const named = { ...plan, name };
  const meta: PlanMeta = {
    id: newId('plan'),
    name,
    updatedAt: Date.now(),
    objects: objectCount(named),
  };
  await lib.savePlan(meta, {
    plan: JSON.stringify(planToJson(named)),
    viewport: null,
    showAllPaths: false,
  });
  libraryChanged();
  return meta;
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
    lib = await Library.open();
  } catch (e) {
    setLibraryStatus({ available: 'no', unavailableReason: describeError(e) });
    return false;
  }
  setLibraryStatus({ available: 'yes' });
  let fromLocal: string | null = null;
  try {
    fromLocal = await takeLocalCopy(lib, storage);
  } catch (e) {
    setLibraryStatus({ saveError: describeError(e) });
  }
  const candidates = [
    fromLocal,
    (await lib.getSetting<string>('current')) ?? null,
    ...(await lib.listPlans()).map((p) => p.id),
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
      if (held) schedule();
    }
  });
  const onHide = () => {
    if (!dirty) return;
    writeJournal();
    void flush();
  };
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') onHide();
  });
  window.addEventListener('pagehide', () => held?.release());
  // A tab that only reads the plan shows what the editing tab saves.
  onSaved(currentId, () => {
    const id = currentId();
    if (held || !lib || id === null) return;
    const before = useAppStore.getState().selection;
    void lib.loadPlan(id).then(async (found) => {
      if (!found || !(await show(found, true, true))) return;
      // Following another tab's edits: keep what this tab was looking at.
      const s = useAppStore.getState();
      s.select(before.filter((x) => hasObject(s.plan, x)));
    });
  });
  return true;
}

// ---- the Plans dialog ----

export async function listPlans(): Promise<PlanMeta[]> {
  return lib ? lib.listPlans() : [];
}

/** Saves the open plan before another replaces it; refuses to go on if it cannot be saved. */
async function saveBeforeLeaving(): Promise<void> {
  await flush();
  const error = useLibraryStatus.getState().saveError;
  if (error && dirty)
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
  if (!lib) return;
  if (id === currentId()) {
    const s = useAppStore.getState();
    if (s.readOnly)
      throw new LibraryError('failed', 'this plan is read-only here: take it over to rename it');
    s.apply([{ op: 'name', name }], { label: 'Rename plan' });
    await flush();
    return;
  }
  await lib.renamePlan(id, name);
  libraryChanged();
}

export async function duplicateLibraryPlan(id: string): Promise<PlanMeta | null> {
  if (!lib) return null;
  if (id === currentId()) await flush();
  const meta = await lib.getPlanMeta(id);
  if (!meta) return null;
  const copy = await lib.duplicatePlan(id, `${meta.name} (copy)`);
  libraryChanged();
  return copy;
}

/** Deletes a plan and its versions; the open plan gives way to the most recent other (or a new one). */
export async function deleteLibraryPlan(id: string): Promise<void> {
  if (!lib) return;
  const current = id === currentId();
  if (current) {
    clearTimeout(timer);
    dirty = false;
    held?.release();
    held = null;
  }
  await lib.deletePlan(id);
  libraryChanged();
  if (!current) return;
  setLibraryStatus({ currentId: null });
  const next = (await lib.listPlans())[0];
  if (next && (await openById(next.id))) return;
  const meta = await createFrom({ ...emptyPlan('Untitled plan'), layout: {} }, 'Untitled plan');
  await openById(meta.id);
}

// ---- the Versions dialog ----

/** On a workspace plan, its versions are the workspace server's, shared with everyone on it. */
function liveVersions(): RemoteVersions | null {
  const live = useAppStore.getState().live;
  const token = liveToken();
  return live && token ? remoteVersions(live.planId, token) : null;
}

export async function listVersions(): Promise<VersionMeta[]> {
  const remote = liveVersions();
  if (remote) return remote.list();
  const id = currentId();
  return lib && id !== null ? lib.listVersions(id) : [];
}

/** Saves the plan as it is now as a named version, with what changed since the last one. */
export async function saveVersion(name: string): Promise<VersionMeta> {
  const remote = liveVersions();
  const id = currentId();
  if (!remote && (!lib || id === null))
    throw new LibraryError('unavailable', 'plans cannot be saved in this browser');
  const s = useAppStore.getState();
  const plan = s.plan;
  // The worker's findings when they describe this revision; otherwise work them out here.
  const findings =
    s.analysis && s.analysis.revision === s.revision
      ? s.analysis.findings
      : analyzePlan(plan).findings;
  const previous = (remote ? await remote.list() : await lib!.listVersions(id!))[0];
  const before = previous
    ? remote
      ? await remote.load(previous.id)
      : await lib!.loadVersion(previous.id)
    : undefined;
  let beforeSnapshot = null;
  if (before) {
    const r = parsePlanText(before.body.plan);
    if (r.ok) beforeSnapshot = { plan: r.value, findingKeys: before.body.findingKeys };
  }
  const body = { plan: JSON.stringify(planToJson(plan)), findingKeys: findingKeys(findings) };
  if (remote) {
    const summary = summarize(beforeSnapshot, plan, findings);
    const saved = await remote.add(
      name.trim() || `Version ${new Date().toLocaleString()}`,
      body,
      summary,
    );
    libraryChanged();
    return saved;
  }
  const meta: VersionMeta = {
    id: newId('ver'),
    planId: id!,
    name: name.trim() || `Version ${new Date().toLocaleString()}`,
    // Strictly after the previous one, so the order holds even within a millisecond.
    createdAt: Math.max(Date.now(), (previous?.createdAt ?? 0) + 1),
    summary: summarize(beforeSnapshot, plan, findings),
  };
  await lib!.addVersion(meta, body);
  libraryChanged();
  return meta;
}

async function versionPlan(id: string): Promise<{ plan: Plan; name: string }> {
  const remote = liveVersions();
  const found = remote ? await remote.load(id) : lib ? await lib.loadVersion(id) : undefined;
  if (!found) throw new LibraryError('failed', 'that version is no longer in the library');
  const r = parsePlanText(found.body.plan);
  if (!r.ok)
    throw new LibraryError(
      'failed',
      `version “${found.meta.name}” cannot be read: ${formatPlanError(r.error)}`,
    );
  return { plan: r.value, name: found.meta.name };
}

/** Puts a version's plan in place of the current one, as one undo step. */
export async function restoreVersion(id: string): Promise<boolean> {
  const { plan, name } = await versionPlan(id);
  const s = useAppStore.getState();
  const withBoxes = await withLayout({ ...plan, name: s.plan.name ?? plan.name });
  return s.apply([{ op: 'replace', plan: withBoxes }], { label: `Restore “${name}”` });
}

export async function compareVersion(id: string): Promise<string> {
  const { plan, name } = await versionPlan(id);
  useAppStore.getState().compareWith(plan, name);
  return name;
}

/** For end-to-end tests: make the next writes fail as a full disk does, or stop failing. */
export function setWriteFault(fault: 'quota' | null): void {
  if (!lib) return;
  lib.beforeWrite =
    fault === 'quota'
      ? () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
      : null;
}

/** For end-to-end tests: the current plan's JSON as the library holds it. */
export async function savedPlanText(): Promise<string | null> {
  const id = currentId();
  const found = lib && id !== null ? await lib.loadPlan(id) : undefined;
  return found?.body.plan ?? null;
}
