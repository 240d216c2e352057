// A minimal stand-in for the compare-on-canvas action being built on the `compare` branch: it
// only records what to compare the current plan with. The integrator replaces it with the real
// action of the same name and signature.
import { create } from 'zustand';
import type { Plan } from '../domain/model/plan';

export interface CompareTarget {
  readonly plan: Plan;
  readonly label: string;
}

export const useCompareTarget = create<{ target: CompareTarget | null }>()(() => ({
  target: null,
}));

export function compareWith(plan: Plan, label: string): void {
  useCompareTarget.setState({ target: { plan, label } });
}
