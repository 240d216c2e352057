// The plan and the view, saved to the browser after every change (debounced), so that a reload
// or a crash loses at most the last moment's edit. A saved copy that cannot be read does not stop
// the app: it is kept aside for download and the app starts from the sample.
import { parsePlanValue } from '../io/parse';
import { formatPlanError } from '../io/errors';
import { planToJson } from '../io/serialize';
import type { Plan } from '../domain/model/plan';
import { useAppStore } from '../store/app-store';
import { STATE_STORAGE } from '../store/persistence';
import type { Viewport } from '../store/ui-slice';

export const AUTOSAVE_KEY = 'cidr-canvas:autosave';
export const AUTOSAVE_FORMAT = 'cidr-canvas/autosave';
export const AUTOSAVE_VERSION = 1;
export const AUTOSAVE_DELAY_MS = 300;

export interface Restored {
  readonly plan: Plan;
  readonly viewport: Viewport | null;
  readonly showAllPaths: boolean;
}

export type LoadResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly restored: Restored }
  | { readonly kind: 'unreadable'; readonly raw: string; readonly reason: string };

export function loadAutosave(storage: Storage = localStorage): LoadResult {
  let raw: string | null;
  try {
    raw = storage.getItem(AUTOSAVE_KEY);
  } catch {
    return { kind: 'none' };
  }
  if (raw === null) return { kind: 'none' };
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch {
    return { kind: 'unreadable', raw, reason: 'the saved copy is not JSON' };
  }
  const d = doc as {
    format?: unknown;
    version?: unknown;
    plan?: unknown;
    viewport?: unknown;
    showAllPaths?: unknown;
  };
  if (typeof d !== 'object' || d === null || d.format !== AUTOSAVE_FORMAT)
    return { kind: 'unreadable', raw, reason: 'the saved copy is not a CIDR Canvas autosave' };
  if (typeof d.version !== 'number' || d.version > AUTOSAVE_VERSION)
    return {
      kind: 'unreadable',
      raw,
      reason: `the saved copy was written by a newer CIDR Canvas (version ${String(d.version)})`,
    };
  const parsed = parsePlanValue(d.plan);
  if (!parsed.ok)
    return {
      kind: 'unreadable',
      raw,
      reason: `the saved plan cannot be read: ${formatPlanError(parsed.error)}`,
    };
  const v = d.viewport as Viewport | null | undefined;
  const viewport =
    v && [v.x, v.y, v.zoom].every((n) => typeof n === 'number' && Number.isFinite(n)) && v.zoom > 0
      ? v
      : null;
  return {
    kind: 'ok',
    restored: { plan: parsed.value, viewport, showAllPaths: d.showAllPaths === true },
  };
}

/**
 * What autosave keeps besides the plan: every key STATE_STORAGE marks autosaved and not part of
 * the plan. A key added there is saved without a change here.
 */
const AUTOSAVED_VIEW = (Object.keys(STATE_STORAGE) as (keyof typeof STATE_STORAGE)[]).filter(
  (k) => STATE_STORAGE[k].autosave && !STATE_STORAGE[k].export,
);

export function saveNow(
  storage: Storage = localStorage,
): { ok: true } | { ok: false; message: string } {
  const s = useAppStore.getState();
  if (s.readOnly) return { ok: true };
  const doc = {
    format: AUTOSAVE_FORMAT,
    version: AUTOSAVE_VERSION,
    savedAt: new Date().toISOString(),
    plan: planToJson(s.plan),
    // The view's keys that the store declares autosaved (viewport, showAllPaths).
    ...Object.fromEntries(AUTOSAVED_VIEW.map((k) => [k, s[k]])),
  };
  try {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify(doc));
    return { ok: true };
  } catch (e) {
    const full = e instanceof DOMException && (e.name === 'QuotaExceededError' || e.code === 22);
    return { ok: false, message: full ? 'the browser storage is full' : (e as Error).message };
  }
}

/** Saves after each change, debounced; and at once when the page is hidden or closed. */
export function startAutosave(storage: Storage = localStorage): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let warned = false;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const r = saveNow(storage);
    if (!r.ok && !warned) {
      warned = true;
      useAppStore
        .getState()
        .toast(`Autosave failed: ${r.message}. Export the plan to keep your work.`, 'error');
    } else if (r.ok) warned = false;
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, AUTOSAVE_DELAY_MS);
  };
  const offChanges = useAppStore.getState().subscribeChanges(schedule);
  const offView = useAppStore.subscribe((s, prev) => {
    if (AUTOSAVED_VIEW.some((k) => s[k] !== prev[k])) schedule();
  });
  const onHide = () => {
    if (timer !== undefined) flush();
  };
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onHide);
  return () => {
    offChanges();
    offView();
    window.removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onHide);
    if (timer !== undefined) flush();
  };
}
