// One store, four slices: the plan (document, undoable), the UI (session), the analysis (from
// the worker, never undoable) and a comparison with another plan. Components read it through ./selectors.
import { create } from 'zustand';
import type { Plan } from '../domain/model/plan';
import { createAnalysisSlice, type AnalysisSlice } from './analysis-slice';
import { createCompareSlice, type CompareSlice } from './compare-slice';
import { createLiveSlice, type LiveSlice } from './live-slice';
import { createPlanSlice, type PlanSlice } from './plan-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

export type AppState = PlanSlice & UiSlice & AnalysisSlice & CompareSlice & LiveSlice;

export function createAppStore(initial: Plan) {
  return create<AppState>()((...a) => ({
    ...createPlanSlice(initial)(...a),
    ...createUiSlice(...a),
    ...createAnalysisSlice(...a),
    ...createCompareSlice(...a),
    ...createLiveSlice(...a),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
