// Undo and redo over ops. Each entry is one user gesture: the ops it applied and the ops that
// undo them. A drag or a typed value arrives as many small changes captured "eventually" into
// one pending entry, closed when the gesture ends.
import type { PlanOp } from '../domain/ops/ops';

/** Whether a change becomes an undo step of its own, joins the gesture in progress, or is never undone. */
export type Capture = 'immediately' | 'eventually' | 'never';

export interface HistoryEntry {
  readonly label: string;
  readonly forward: readonly PlanOp[];
  readonly inverse: readonly PlanOp[];
}

export interface History {
  readonly past: readonly HistoryEntry[];
  readonly future: readonly HistoryEntry[];
  readonly pending: HistoryEntry | null;
}

/** Undo steps kept; older ones are dropped so a long session does not grow without bound. */
export const HISTORY_LIMIT = 200;

export const emptyHistory: History = { past: [], future: [], pending: null };

function bounded(past: readonly HistoryEntry[]): readonly HistoryEntry[] {
  return past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past;
}

export function closeGesture(h: History): History {
  if (!h.pending) return h;
  return { past: bounded([...h.past, h.pending]), future: [], pending: null };
}

export function record(h: History, entry: HistoryEntry, capture: Capture): History {
  if (capture === 'never') return h;
  if (capture === 'immediately') {
    const closed = closeGesture(h);
    return { past: bounded([...closed.past, entry]), future: [], pending: null };
  }
  const p = h.pending;
  return {
    ...h,
    future: [],
    pending: p
      ? {
          label: p.label,
          forward: [...p.forward, ...entry.forward],
          inverse: [...entry.inverse, ...p.inverse],
        }
      : entry,
  };
}

export function canUndo(h: History): boolean {
  return h.pending !== null || h.past.length > 0;
}

export function canRedo(h: History): boolean {
  return h.future.length > 0 && h.pending === null;
}
