// "Compare with...": the plan (a file or a saved version) the current plan is compared with, and
// the worker's latest diff against it. Session state: never undone, never saved.
import type { StateCreator } from 'zustand';
import type { PathChange, PlanDiff } from '../domain/diff/diff';
import type { ObjectChange } from '../domain/diff/objects';
import { pathKey } from '../domain/incremental/delta';
import type { Plan } from '../domain/model/plan';
import type { AppState } from './store';

export type DiffMark = 'added' | 'changed';

export interface Comparison {
  /** Tells this comparison's answers from those of an earlier one still on their way. */
  readonly id: number;
  readonly base: Plan;
  /** What the person compares with, in their words: a file name or a version's label. */
  readonly label: string;
  /** Null until the worker has answered. */
  readonly diff: PlanDiff | null;
  /** The plan revision the diff describes. */
  readonly revision: number;
  readonly marks: Readonly<Record<string, DiffMark>>;
  readonly changedById: Readonly<Record<string, ObjectChange>>;
  /** Path changes by `from->to`. */
  readonly pathChanges: Readonly<Record<string, PathChange>>;
  /** A removed object picked in the Changes panel: its ghost is outlined. */
  readonly picked: string | null;
}

export interface CompareSlice {
  compare: Comparison | null;
  /** Compares the plan, live as it is edited, with `basePlan`; `label` names it on screen. */
  compareWith: (basePlan: Plan, label: string) => void;
  clearCompare: () => void;
  /** The worker's answer; one for another comparison or an older revision is dropped. */
  setCompareDiff: (id: number, revision: number, diff: PlanDiff) => void;
  pickRemoved: (id: string | null) => void;
}

let nextId = 0;

/** The canvas node that stands for a removed object. */
export const ghostId = (id: string) => `ghost:${id}`;

export function indexDiff(
  diff: PlanDiff,
): Pick<Comparison, 'marks' | 'changedById' | 'pathChanges'> {
  const marks: Record<string, DiffMark> = {};
  const changedById: Record<string, ObjectChange> = {};
  const pathChanges: Record<string, PathChange> = {};
  for (const o of diff.objects.added) marks[o.id] = 'added';
  for (const c of diff.objects.changed) {
    marks[c.id] = 'changed';
    changedById[c.id] = c;
  }
  for (const p of diff.paths.changed) pathChanges[pathKey(p)] = p;
  return { marks, changedById, pathChanges };
}

export const createCompareSlice: StateCreator<AppState, [], [], CompareSlice> = (set, get) => ({
  compare: null,
  compareWith: (base, label) =>
    set({
      compare: {
        id: ++nextId,
        base,
        label,
        diff: null,
        revision: -1,
        marks: {},
        changedById: {},
        pathChanges: {},
        picked: null,
      },
    }),
  clearCompare: () => set({ compare: null }),
  setCompareDiff: (id, revision, diff) => {
    const c = get().compare;
    if (!c || c.id !== id || revision < c.revision) return;
    set({ compare: { ...c, diff, revision, ...indexDiff(diff) } });
  },
  pickRemoved: (id) => {
    const c = get().compare;
    if (c && c.picked !== id) set({ compare: { ...c, picked: id } });
  },
});
