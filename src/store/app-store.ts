// The designer's one store. It starts empty; the app opens the autosaved or sample plan at boot.
import { emptyPlan } from '../domain/model/plan';
import { createAppStore } from './store';

export const useAppStore = createAppStore(emptyPlan());
