// Who is here, as the awareness protocol carries it: each connection's name, colour, pointer,
// selection, view and review step. Parsed defensively: another client may send anything.
import type { Peer, PeerView } from '../../store/live-slice';

/** Colours that read on the canvas's light background, and apart from the verdict colours. */
const COLOURS = [
  '#7c3aed',
  '#db2777',
  '#0891b2',
  '#c2410c',
  '#4f46e5',
  '#0d9488',
  '#a21caf',
  '#0369a1',
  '#854d0e',
];

export function colourFor(clientId: number): string {
  return COLOURS[Math.abs(clientId) % COLOURS.length]!;
}

/**
 * A colour for this person when someone who came first (a lower client id) wears theirs, so two
 * pointers never look alike while the palette lasts. Every client decides the same way from what
 * everyone announces, so all screens agree; null when the colour is free (or none is left).
 */
export function colourIfTaken(
  me: { id: number; color: string },
  peers: readonly { id: number; color: string }[],
): string | null {
  if (!peers.some((p) => p.color === me.color && p.id < me.id)) return null;
  const worn = new Set(peers.map((p) => p.color));
  return COLOURS.find((c) => !worn.has(c)) ?? null;
}

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function point(v: unknown): { x: number; y: number } | null {
  const p = v as { x?: unknown; y?: unknown } | null;
  return p && num(p.x) && num(p.y) ? { x: p.x, y: p.y } : null;
}

function view(v: unknown): PeerView | null {
  const r = v as Partial<Record<keyof PeerView, unknown>> | null;
  return r && num(r.x) && num(r.y) && num(r.width) && num(r.height) && r.width > 0 && r.height > 0
    ? { x: r.x, y: r.y, width: r.width, height: r.height }
    : null;
}

export function peerFrom(clientId: number, state: Record<string, unknown>): Peer | null {
  const user = state.user as { name?: unknown; color?: unknown } | undefined;
  if (!user || typeof user.name !== 'string') return null;
  const color =
    typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color)
      ? user.color
      : colourFor(clientId);
  const selection = Array.isArray(state.selection)
    ? state.selection.filter((s): s is string => typeof s === 'string').slice(0, 200)
    : [];
  return {
    id: clientId,
    name: user.name.slice(0, 40) || 'Someone',
    color,
    cursor: point(state.cursor),
    selection,
    view: view(state.view),
    reviewStep: num(state.reviewStep) ? Math.max(0, Math.floor(state.reviewStep)) : null,
  };
}

export function peersFrom(
  states: ReadonlyMap<number, Record<string, unknown>>,
  me: number,
): Peer[] {
  const peers: Peer[] = [];
  for (const [id, state] of states) {
    if (id === me) continue;
    const p = peerFrom(id, state);
    if (p) peers.push(p);
  }
  return peers.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
}

/** Avatars shown in the toolbar; past this, the rest are listed behind a "+N" button. */
export const AVATARS_SHOWN = 4;

/**
 * The peers given an avatar, and the rest: the one followed is always shown, so that the toolbar
 * says whom the view follows; with many people the plan's name keeps its room.
 */
export function splitPeers<P extends { readonly id: number }>(
  peers: readonly P[],
  following: number | null,
  shown = AVATARS_SHOWN,
): { shown: readonly P[]; more: readonly P[] } {
  if (peers.length <= shown) return { shown: peers, more: [] };
  const first = peers.slice(0, shown - 1);
  const followed = peers.find((p) => p.id === following);
  if (followed && !first.includes(followed)) first[first.length - 1] = followed;
  const picked = new Set(first);
  return { shown: first, more: peers.filter((p) => !picked.has(p)) };
}
