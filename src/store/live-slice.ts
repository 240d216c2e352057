// A workspace plan edited together: the connection's state, who else is here, and whom this
// person follows. Filled by the workspace connection (src/app/workspace); read by the toolbar,
// the canvas (cursors, selections, following) and review mode.
import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export type LiveStatus = 'connecting' | 'connected' | 'offline' | 'refused';

export interface PeerView {
  /** The part of the plan on their screen, in canvas coordinates. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Peer {
  /** The connection's id in the shared document (one person in two tabs is two peers). */
  readonly id: number;
  readonly name: string;
  readonly color: string;
  readonly cursor: { readonly x: number; readonly y: number } | null;
  readonly selection: readonly string[];
  readonly view: PeerView | null;
  /** Their review step, when they are presenting. */
  readonly reviewStep: number | null;
}

export interface LiveProblem {
  readonly path: string;
  readonly id?: string;
  readonly message: string;
}

export interface LiveSession {
  readonly planId: string;
  readonly status: LiveStatus;
  /** Why the connection was refused or dropped, in words. */
  readonly message: string | null;
  /** This person's edits not yet acknowledged by the server (kept in the browser meanwhile). */
  readonly unsynced: number;
  readonly me: { readonly id: number; readonly name: string; readonly color: string };
  readonly peers: readonly Peer[];
  readonly following: number | null;
  /** Parts of the shared document that do not read as a plan (left out, shown as errors). */
  readonly problems: readonly LiveProblem[];
  readonly canEdit: boolean;
}

export interface LiveSlice {
  live: LiveSession | null;
  /** This person's pointer on the canvas, in canvas coordinates (null: off the canvas). */
  myCursor: { readonly x: number; readonly y: number } | null;
  /** The part of the plan on this person's screen, for whoever follows them. */
  myView: PeerView | null;
  setLive: (live: LiveSession | null) => void;
  updateLive: (patch: Partial<LiveSession>) => void;
  follow: (peer: number | null) => void;
  setMyCursor: (at: { x: number; y: number } | null) => void;
  setMyView: (view: PeerView) => void;
}

export const createLiveSlice: StateCreator<AppState, [], [], LiveSlice> = (set, get) => ({
  live: null,
  myCursor: null,
  myView: null,
  setLive: (live) => set({ live }),
  updateLive: (patch) => {
    const live = get().live;
    if (!live) return;
    const next = { ...live, ...patch };
    // Whoever is followed may leave: following them ends with them.
    if (next.following !== null && !next.peers.some((p) => p.id === next.following))
      set({ live: { ...next, following: null } });
    else set({ live: next });
  },
  follow: (peer) => {
    const live = get().live;
    if (live) set({ live: { ...live, following: peer } });
  },
  setMyCursor: (at) => set({ myCursor: at }),
  setMyView: (view) => set({ myView: view }),
});
