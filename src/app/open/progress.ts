// The plan file being opened, if any: which stage it is at, for the progress dialog and the
// toolbar's status. Its own small store: opening never touches the plan until it is ready.
import { create } from 'zustand';
import type { Stage } from './stage-names';

export interface OpenTask {
  readonly id: number;
  readonly name: string;
  readonly stage: Stage;
  /** The stages this file goes through (laying out only when it has no layout of its own). */
  readonly stages: readonly Stage[];
  readonly startedAt: number;
}

export const useOpenProgress = create<{ task: OpenTask | null }>(() => ({ task: null }));
