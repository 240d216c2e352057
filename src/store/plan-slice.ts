// The document: the plan, its revision and its undo history. Every write goes through `apply`
// with ops, and says whether undo captures it.
import type { StateCreator } from 'zustand';
import { objectCount, type Plan } from '../domain/model/plan';
import { planChange } from '../domain/ops/between';
import { applyOps, type PlanOp } from '../domain/ops/ops';
import { withoutOverwritten } from '../domain/ops/overwritten';
import type { PlanChange } from './changes';
import {
  canRedo,
  canUndo,
  closeGesture,
  emptyHistory,
  record,
  type Capture,
  type History,
} from './history';
import type { AppState } from './store';

export type PlanSourceKind =
  'sample' | 'autosave' | 'file' | 'new' | 'link' | 'template' | 'workspace';

/** Where this person's own edits go besides the store: the shared document of a workspace plan. */
export type LiveSink = (ops: readonly PlanOp[]) => void;

export interface PlanSlice {
  plan: Plan;
  revision: number;
  history: History;
  planSource: { readonly kind: PlanSourceKind; readonly name?: string };
  /** Applies ops; returns false (and changes nothing) when they do not fit the plan. */
  apply: (ops: readonly PlanOp[], options?: { capture?: Capture; label?: string }) => boolean;
  /** Ends the gesture in progress (a drag, typing in a field): it becomes one undo step. */
  commitGesture: () => void;
  /** Undoes the gesture in progress, leaving no undo step behind. */
  cancelGesture: () => void;
  undo: () => void;
  redo: () => void;
  /** Someone else's edit, read from the shared document: shown and validated, never undone here. */
  receivePlan: (plan: Plan) => void;
  liveSink: LiveSink | null;
  /** Every change of this store's plan, as ops, in order: for the worker, autosave and storage. */
  subscribeChanges: (listener: (change: PlanChange) => void) => () => void;
  setLiveSink: (sink: LiveSink | null) => void;
  openPlan: (
    plan: Plan,
    source: { kind: PlanSourceKind; name?: string },
    options?: { capture?: Capture },
  ) => void;
}

export const createPlanSlice =
  (initial: Plan): StateCreator<AppState, [], [], PlanSlice> =>
  (set, get) => {
    // Per store, like the store itself: two stores (a test, a second designer) never hear each other.
    const listeners = new Set<(change: PlanChange) => void>();
    const emitPlanChange = (change: PlanChange) => {
      for (const l of listeners) l(change);
    };
    const commit = (ops: readonly PlanOp[], plan: Plan, history: History) => {
      const revision = get().revision + 1;
      set({ plan, history, revision });
      get().liveSink?.(ops);
      emitPlanChange({ revision, ops });
    };
    // On a shared plan someone else may have deleted what a step would change back: that step
    // is dropped, said, and the rest of the history stays.
    const tryApply = (ops: readonly PlanOp[]) => {
      try {
        return applyOps(get().plan, ops);
      } catch {
        get().toast('That step no longer fits the plan (someone changed what it touched)', 'error');
        return null;
      }
    };
    return {
      plan: initial,
      revision: 0,
      history: emptyHistory,
      planSource: { kind: 'sample' },
      liveSink: null,
      subscribeChanges: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      setLiveSink: (sink) => set({ liveSink: sink }),
      receivePlan: (plan) => {
        // As the ops that make the difference, so the worker re-checks only what changed and
        // the canvas keeps every object nobody touched; as a new plan when the ops cannot say
        // it, or when they would be more work than reading the plan anew.
        const current = get().plan;
        const change = planChange(current, plan);
        if (change !== null && change.ops.length === 0) return;
        const revision = get().revision + 1;
        if (change && change.ops.length * 8 <= objectCount(current) + 64) {
          set({ plan: change.plan, revision });
          emitPlanChange({ revision, ops: change.ops });
          return;
        }
        // Still the untouched objects as they were, when the ops could say it.
        const next = change?.plan ?? plan;
        set({ plan: next, revision });
        emitPlanChange({ revision, ops: [{ op: 'replace', plan: next }] });
      },
      apply: (ops, options = {}) => {
        if (ops.length === 0) return true;
        if (get().readOnly) return false;
        let applied;
        try {
          applied = applyOps(get().plan, ops);
        } catch (e) {
          console.error('An edit did not fit the plan and was not applied:', e);
          return false;
        }
        const history = record(
          get().history,
          { label: options.label ?? 'Edit', forward: ops, inverse: applied.inverse },
          options.capture ?? 'immediately',
        );
        commit(ops, applied.plan, history);
        return true;
      },
      commitGesture: () => {
        const h = get().history;
        if (h.pending) set({ history: closeGesture(h) });
      },
      cancelGesture: () => {
        const h = get().history;
        if (!h.pending) return;
        const applied = applyOps(get().plan, h.pending.inverse);
        commit(h.pending.inverse, applied.plan, { ...h, pending: null });
      },
      undo: () => {
        const h = closeGesture(get().history);
        const entry = h.past[h.past.length - 1];
        if (!entry || !canUndo(h) || get().readOnly) return;
        // What someone else changed since stays theirs (in a workspace plan).
        const ops = withoutOverwritten(get().plan, entry.forward, entry.inverse);
        if (ops.length === 0 && entry.inverse.length > 0)
          get().toast(`${entry.label}: someone else has changed it since, and their change stays`);
        const applied = tryApply(ops);
        if (!applied) {
          set({ history: { past: h.past.slice(0, -1), future: h.future, pending: null } });
          return;
        }
        commit(ops, applied.plan, {
          past: h.past.slice(0, -1),
          future: [entry, ...h.future],
          pending: null,
        });
      },
      redo: () => {
        const h = get().history;
        const entry = h.future[0];
        if (!entry || !canRedo(h) || get().readOnly) return;
        const ops = withoutOverwritten(get().plan, entry.inverse, entry.forward);
        const applied = tryApply(ops);
        if (!applied) {
          set({ history: { ...h, future: h.future.slice(1) } });
          return;
        }
        commit(ops, applied.plan, {
          past: [...h.past, entry],
          future: h.future.slice(1),
          pending: null,
        });
      },
      openPlan: (plan, source, options = {}) => {
        const ops: PlanOp[] = [{ op: 'replace', plan }];
        const history = record(
          closeGesture(get().history),
          { label: 'Open plan', forward: ops, inverse: [{ op: 'replace', plan: get().plan }] },
          options.capture ?? 'immediately',
        );
        set({ planSource: source, selection: [] });
        commit(ops, plan, history);
      },
    };
  };
