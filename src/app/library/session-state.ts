// What the library session keeps between calls: the library, this tab's hold on the open plan,
// and whether edits wait to be written. One object, so the session's modules share it.
import { COLLECTIONS, type Plan } from '../../domain/model/plan';
import { LibraryError, type Library } from '../../store/library/library';
import { useLibraryStatus } from '../../store/library/status';
import type { Held } from './ownership';

export const state: {
  lib: Library | null;
  held: Held | null;
  /** Edits not yet written to the library. */
  dirty: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  retry: ReturnType<typeof setTimeout> | undefined;
  writing: Promise<void>;
} = {
  lib: null,
  held: null,
  dirty: false,
  timer: undefined,
  retry: undefined,
  writing: Promise.resolve(),
};

export const currentId = () => useLibraryStatus.getState().currentId;

export { objectCount } from '../../domain/model/plan';

export function hasObject(plan: Plan, id: string): boolean {
  return COLLECTIONS.some((c) => plan[c].some((o) => o.id === id));
}

export function planName(plan: Plan): string {
  return plan.name?.trim() || 'Untitled plan';
}

export function describeError(e: unknown): string {
  return e instanceof LibraryError ? e.message : `the browser storage failed: ${String(e)}`;
}
