// Editing commands shared by the toolbar, the keyboard and the canvas: module-level functions
// over the store, so that they can be called from anywhere, tests included.
import { label } from '../domain/model/defaults';
import { COLLECTIONS } from '../domain/model/plan';
import { planIndexOf } from '../domain/model/plan-index';
import { removeObjects } from '../domain/ops/cascade';
import { pasteSnippet, snippetOf, type Snippet } from '../domain/ops/duplicate';
import { createReservation, deleteReservation, updateReservation } from '../domain/ops/notes';
import type { Reservation } from '../domain/model/plan';
import { sizeExistingCluster } from '../domain/planning/size-cluster';
import { joinOps, splitOps } from '../domain/planning/split';
import type { ClusterNeeds } from '../domain/planning/suggest';
import type { AppStore } from './store';

/**
 * What each store copied, and how many times it was pasted (each paste lands a step further).
 * Kept by store, not in a module variable: two stores (a test's, a second designer) would share it.
 */
const clipboards = new WeakMap<AppStore, { readonly snippet: Snippet; pastes: number }>();

export function deleteSelection(store: AppStore): void {
  const s = store.getState();
  const ids = s.selection.filter((id) => id !== 'internet');
  if (ids.length === 0 || s.readOnly) return;
  const ops = removeObjects(s.plan, ids);
  const removed = ops.filter((o) => o.op === 'remove').length;
  if (s.apply(ops, { label: 'Delete' })) {
    s.select([]);
    const ix = planIndexOf(s.plan);
    const names = ids.map((id) => label(ix.byId.get(id)?.object, id));
    s.toast(
      `Deleted ${names.join(', ')}${removed > ids.length ? ` and ${removed - ids.length} objects inside` : ''} · undo with Ctrl+Z`,
      'info',
    );
    dismissWhenBack(store, ids, names);
  }
}

/**
 * Takes the "Deleted …" toast away once undo brings the objects back: it would otherwise name,
 * as deleted, objects that are on the canvas again.
 */
function dismissWhenBack(store: AppStore, ids: readonly string[], names: readonly string[]): void {
  const toastId = store.getState().toasts.at(-1)?.id;
  if (toastId === undefined) return;
  const unsubscribe = store.subscribe((st, prev) => {
    if (!st.toasts.some((t) => t.id === toastId)) {
      unsubscribe();
      return;
    }
    // Moves change only the layout: the objects are looked for on edits, not on every frame.
    if (COLLECTIONS.every((c) => st.plan[c] === prev.plan[c])) return;
    const wanted = new Set(ids);
    if (!COLLECTIONS.some((c) => st.plan[c].some((o) => wanted.has(o.id)))) return;
    unsubscribe();
    st.dismissToast(toastId);
    st.toast(`Restored ${names.join(', ')}`, 'info');
  });
}

export function copySelection(store: AppStore): boolean {
  const s = store.getState();
  if (s.selection.length === 0) return false;
  const snippet = snippetOf(s.plan, s.selection);
  clipboards.set(store, { snippet, pastes: 0 });
  s.toast(
    `Copied ${snippet.objects.length} object${snippet.objects.length === 1 ? '' : 's'}`,
    'info',
  );
  return true;
}

export function paste(store: AppStore): void {
  const s = store.getState();
  const clipboard = clipboards.get(store);
  if (!clipboard || s.readOnly) return;
  clipboard.pastes++;
  insertSnippet(store, clipboard.snippet, 40 * clipboard.pastes, 'Paste');
}

export function duplicateSelection(store: AppStore): void {
  const s = store.getState();
  if (s.selection.length === 0 || s.readOnly) return;
  insertSnippet(store, snippetOf(s.plan, s.selection), 40, 'Duplicate');
}

function insertSnippet(store: AppStore, snippet: Snippet, offset: number, what: string): void {
  const s = store.getState();
  const r = pasteSnippet(s.plan, snippet, offset);
  if (r.ops.length === 0) {
    s.toast(
      `${what}: nothing could be placed (the VPC or subnet it belongs to is gone, or no range is free)`,
      'error',
    );
    return;
  }
  if (s.apply(r.ops, { label: what })) {
    const top = r.ids.filter((id) => !r.ids.some((p) => p !== id && isInside(store, id, p)));
    s.select(top.length > 0 ? top : r.ids);
    if (r.skipped > 0)
      s.toast(
        `${what}: ${r.skipped} object${r.skipped === 1 ? '' : 's'} could not be placed`,
        'error',
      );
  }
}

function isInside(store: AppStore, id: string, parent: string): boolean {
  const p = store.getState().plan;
  const o = [...p.subnets, ...p.clusters, ...p.natGateways, ...p.routeTables].find(
    (x) => x.id === id,
  ) as { vpc?: string } | undefined;
  if (o?.vpc === parent) return true;
  const r = p.resources.find((x) => x.id === id);
  return (
    r !== undefined &&
    (r.subnet === parent || p.subnets.find((s) => s.id === r.subnet)?.vpc === parent)
  );
}

// The address planner's edits: each is one undo step. They return what went wrong, in words
// for the place it was asked, or undefined once applied.

export function addReservation(
  store: AppStore,
  fields: Omit<Reservation, 'id'>,
): { id: string } | { error: string } {
  const s = store.getState();
  const made = createReservation(s.plan, fields);
  return s.apply(made.ops, { label: 'Add reservation' })
    ? { id: made.id }
    : { error: 'The plan is read-only' };
}

/** A field of a reservation as typed: joins the typing gesture, closed when the field is left. */
export function editReservation(
  store: AppStore,
  id: string,
  set: Partial<Omit<Reservation, 'id'>>,
): void {
  const s = store.getState();
  s.apply(updateReservation(s.plan, id, set), { capture: 'eventually', label: 'Edit reservation' });
}

export function removeReservation(store: AppStore, id: string): void {
  const s = store.getState();
  s.apply(deleteReservation(s.plan, id), { label: 'Remove reservation' });
}

export function splitFreeBlock(
  store: AppStore,
  vpcId: string,
  block: string,
  prefix: number,
  count: number,
  zones: readonly string[],
): string | undefined {
  const s = store.getState();
  const r = splitOps(s.plan, planIndexOf(s.plan), vpcId, block, prefix, count, zones);
  if (!r.ok) return r.reason;
  // The VPC stays selected: its inspector is where the next split or join is asked.
  return s.apply(r.ops, { label: `Split ${block}` }) ? undefined : 'The plan is read-only';
}

export function joinSubnets(store: AppStore, ids: readonly string[]): string | undefined {
  const s = store.getState();
  const r = joinOps(s.plan, planIndexOf(s.plan), ids);
  if (!r.ok) return r.reason;
  return s.apply(r.ops, { label: 'Join subnets' }) ? undefined : 'The plan is read-only';
}

export function applyClusterSizing(
  store: AppStore,
  clusterId: string,
  needs: ClusterNeeds,
): string | undefined {
  const s = store.getState();
  const r = sizeExistingCluster(s.plan, planIndexOf(s.plan), clusterId, needs);
  if (!r.ok) return r.reason;
  return s.apply(r.ops, { label: 'Size cluster' }) ? undefined : 'The plan is read-only';
}
