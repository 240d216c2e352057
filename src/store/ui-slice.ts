// What the person at the screen is doing: never part of the plan, never undone.
import type { StateCreator } from 'zustand';
import type { AppState } from './store';
import { NO_PATH_FILTER, PATH_DRAW_STEP, type PathFilter } from './path-filter';

export interface Toast {
  readonly id: number;
  readonly kind: 'info' | 'error' | 'success';
  readonly message: string;
}

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export interface UiSlice {
  selection: readonly string[];
  hoveredFinding: number | null;
  hoveredPath: string | null;
  showAllPaths: boolean;
  /** Which paths the paths panel lists and the canvas draws. */
  pathFilter: PathFilter;
  /** How many of the filtered paths the canvas draws. */
  pathDrawLimit: number;
  toasts: readonly Toast[];
  helpOpen: boolean;
  /** The command bar that finds objects (Ctrl+K or /). */
  commandOpen: boolean;
  /** Objects the canvas should centre on; the nonce makes a repeated request count. */
  focusRequest: { readonly ids: readonly string[]; readonly nonce: number } | null;
  viewport: Viewport | null;
  readOnly: boolean;
  /** A saved plan that could not be read at start: offered for download, never silently dropped. */
  recovery: { readonly raw: string; readonly reason: string } | null;
  /** Review mode for meetings: read-only, larger type, a walkthrough one step at a time. */
  review: {
    readonly step: number;
    readonly wasReadOnly: boolean;
    readonly hadAllPaths: boolean;
  } | null;
  /** A plan opened from a share link, read-only until the user edits a copy. */
  sharedView: boolean;
  select: (ids: readonly string[]) => void;
  hoverFinding: (index: number | null) => void;
  hoverPath: (key: string | null) => void;
  setShowAllPaths: (on: boolean) => void;
  setPathFilter: (f: PathFilter) => void;
  /** Draws `more` more paths, or all of them with Infinity. */
  drawMorePaths: (more: number) => void;
  toast: (message: string, kind?: Toast['kind']) => void;
  dismissToast: (id: number) => void;
  setHelpOpen: (open: boolean) => void;
  setCommandOpen: (open: boolean) => void;
  focus: (ids: readonly string[]) => void;
  setViewport: (v: Viewport) => void;
  setReadOnly: (on: boolean) => void;
  setRecovery: (r: { raw: string; reason: string } | null) => void;
  startReview: () => void;
  endReview: () => void;
  setReviewStep: (step: number) => void;
  setSharedView: (on: boolean) => void;
}

let toastId = 0;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  selection: [],
  hoveredFinding: null,
  hoveredPath: null,
  showAllPaths: false,
  pathFilter: NO_PATH_FILTER,
  pathDrawLimit: PATH_DRAW_STEP,
  toasts: [],
  helpOpen: false,
  commandOpen: false,
  focusRequest: null,
  viewport: null,
  readOnly: false,
  recovery: null,
  review: null,
  sharedView: false,
  select: (ids) => {
    const cur = get().selection;
    if (cur.length === ids.length && cur.every((x, i) => x === ids[i])) return;
    set({ selection: [...ids] });
  },
  hoverFinding: (index) => set({ hoveredFinding: index }),
  hoverPath: (key) => set({ hoveredPath: key }),
  setShowAllPaths: (on) => set({ showAllPaths: on }),
  // A new filter is a new question: its answer starts at the first lines again.
  setPathFilter: (f) => set({ pathFilter: f, pathDrawLimit: PATH_DRAW_STEP }),
  drawMorePaths: (more) => set({ pathDrawLimit: get().pathDrawLimit + more }),
  toast: (message, kind = 'info') => {
    const id = ++toastId;
    set({ toasts: [...get().toasts.slice(-3), { id, kind, message }] });
  },
  dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
  setHelpOpen: (open) => set({ helpOpen: open }),
  setCommandOpen: (open) => set({ commandOpen: open }),
  focus: (ids) =>
    set({ focusRequest: { ids: [...ids], nonce: (get().focusRequest?.nonce ?? 0) + 1 } }),
  setViewport: (v) => set({ viewport: v }),
  setReadOnly: (on) => set({ readOnly: on }),
  setRecovery: (r) => set({ recovery: r }),
  startReview: () => {
    const s = get();
    if (s.review) return;
    set({
      review: { step: 0, wasReadOnly: s.readOnly, hadAllPaths: s.showAllPaths },
      readOnly: true,
      showAllPaths: true,
      helpOpen: false,
    });
  },
  endReview: () => {
    const r = get().review;
    if (!r) return;
    set({
      review: null,
      readOnly: r.wasReadOnly,
      showAllPaths: r.hadAllPaths,
      hoveredFinding: null,
      hoveredPath: null,
    });
  },
  setReviewStep: (step) => {
    const r = get().review;
    if (r) set({ review: { ...r, step } });
  },
  setSharedView: (on) => set({ sharedView: on, readOnly: on }),
});
