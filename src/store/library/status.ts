// What the library of plans is doing, for the banners and dialogs: a store of its own, since
// none of it is the plan, the view or undoable.
import { create } from 'zustand';

export interface LibraryStatus {
  /** 'no': this browser has no usable IndexedDB (a private window); the plan is edited unsaved. */
  readonly available: 'checking' | 'yes' | 'no';
  readonly unavailableReason: string | null;
  /** The library plan open in this tab. */
  readonly currentId: string | null;
  /** The last save failed (storage full, …): the plan in memory is intact and saving retries. */
  readonly saveError: string | null;
  readonly savedAt: number | null;
  /**
   * Another tab has this plan open: 'ask' until the user picks read-only or take over,
   * 'read-only' after; 'lost' when another tab took it over from this one.
   */
  readonly elsewhere: 'ask' | 'read-only' | 'lost' | null;
  /** Bumped whenever plans or versions are written, so open lists read them again. */
  readonly changes: number;
}

export const useLibraryStatus = create<LibraryStatus>()(() => ({
  available: 'checking',
  unavailableReason: null,
  currentId: null,
  saveError: null,
  savedAt: null,
  elsewhere: null,
  changes: 0,
}));

export function setLibraryStatus(patch: Partial<LibraryStatus>): void {
  useLibraryStatus.setState(patch);
}

export function libraryChanged(): void {
  useLibraryStatus.setState((s) => ({ changes: s.changes + 1 }));
}
