import { useShallow } from 'zustand/react/shallow';
import type { Plan } from '../domain/model/plan';
import { useAppStore } from './app-store';
import { selectPlanContent } from './selectors';

/** The plan's objects (not their positions), for panels that list or look them up. */
export function usePlanContent(): Plan {
  return useAppStore(useShallow(selectPlanContent));
}
