// What the validation worker last said about the plan. Derived data: never undone, never saved.
import type { StateCreator } from 'zustand';
import type { ClusterCapacity } from '../domain/capacity/capacity';
import type { Finding } from '../domain/rules/codes';
import type { PathResult } from '../domain/routing/paths';
import type { AppState } from './store';

export type ObjectStatus = 'error' | 'warning' | 'ok';

export interface AnalysisView {
  /** The plan revision these results describe. */
  readonly revision: number;
  readonly findings: readonly Finding[];
  readonly capacity: readonly ClusterCapacity[];
  readonly paths: readonly PathResult[];
  readonly status: Readonly<Record<string, 'error' | 'warning'>>;
  readonly findingsByObject: Readonly<Record<string, readonly number[]>>;
  readonly capacityByCluster: Readonly<Record<string, ClusterCapacity>>;
  /** Milliseconds the worker spent on it. */
  readonly ms: number;
}

export interface ValidationState {
  readonly state: 'starting' | 'running' | 'idle' | 'paused';
  readonly message?: string;
  /** Plan revisions sent to the worker and not yet answered. */
  readonly behind: number;
}

export interface CrashReport {
  readonly revision: number;
  readonly message: string;
  readonly stack?: string;
}

export interface AnalysisSlice {
  analysis: AnalysisView | null;
  validation: ValidationState;
  /** The last time the core failed on this plan: what a user can send us. */
  crashReport: CrashReport | null;
  setCrashReport: (r: CrashReport | null) => void;
  /**
   * The worker's results, and with them the validation state when it changes too: one store
   * update, so that the status never says "Validated" before the panels show what was validated.
   */
  setAnalysis: (
    result: {
      revision: number;
      findings: readonly Finding[];
      capacity: readonly ClusterCapacity[];
      paths: readonly PathResult[];
      ms: number;
    },
    validation?: ValidationState,
  ) => void;
  setValidation: (v: ValidationState) => void;
}

export function indexFindings(
  findings: readonly Finding[],
): Pick<AnalysisView, 'status' | 'findingsByObject'> {
  const status: Record<string, 'error' | 'warning'> = {};
  const byObject: Record<string, number[]> = {};
  findings.forEach((f, i) => {
    for (const id of f.objects) {
      (byObject[id] ??= []).push(i);
      if (f.severity === 'error') status[id] = 'error';
      else if (f.severity === 'warning' && status[id] !== 'error') status[id] = 'warning';
    }
  });
  return { status, findingsByObject: byObject };
}

function sameValidation(a: ValidationState, b: ValidationState): boolean {
  return a.state === b.state && a.behind === b.behind && a.message === b.message;
}

export const createAnalysisSlice: StateCreator<AppState, [], [], AnalysisSlice> = (set, get) => ({
  analysis: null,
  validation: { state: 'starting', behind: 0 },
  crashReport: null,
  setCrashReport: (r) => set({ crashReport: r }),
  setAnalysis: (r, validation) => {
    const prev = get().analysis;
    // Findings arrive again with every result; keep the derived maps when they did not change.
    const same = prev !== null && prev.findings === r.findings;
    const capacityByCluster: Record<string, ClusterCapacity> = {};
    for (const c of r.capacity) capacityByCluster[c.cluster] = c;
    set({
      analysis: {
        revision: r.revision,
        findings: r.findings,
        capacity: r.capacity,
        paths: r.paths,
        ms: r.ms,
        capacityByCluster,
        ...(same
          ? { status: prev.status, findingsByObject: prev.findingsByObject }
          : indexFindings(r.findings)),
      },
      ...(validation && !sameValidation(get().validation, validation) ? { validation } : {}),
    });
  },
  setValidation: (v) => {
    if (!sameValidation(get().validation, v)) set({ validation: v });
  },
});
