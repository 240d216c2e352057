// Paths travel between the worker and the designer as what changed. This puts a change onto the
// list it changes, on either side.
import type { PathsDelta } from '../domain/incremental/analyzer';
import type { PathResult } from '../domain/routing/paths';

const keyOf = (p: { from: string; to: string }) => `${p.from}->${p.to}`;

export function applyPathsDelta(previous: readonly PathResult[], delta: PathsDelta): PathResult[] {
  if (delta.kind === 'all') return [...delta.paths];
  if (delta.changed.length === 0 && delta.removed.length === 0 && delta.order === null)
    return [...previous];
  const byKey = new Map<string, PathResult>();
  for (const p of previous) byKey.set(keyOf(p), p);
  for (const k of delta.removed) byKey.delete(k);
  for (const p of delta.changed) byKey.set(keyOf(p), p);
  if (delta.order) return delta.order.map((k) => byKey.get(k)!).filter((p) => p !== undefined);
  // Same order as before: only the changed ones are replaced.
  const seen = new Set<string>();
  const out: PathResult[] = [];
  for (const p of previous) {
    const k = keyOf(p);
    const now = byKey.get(k);
    if (now) {
      out.push(now);
      seen.add(k);
    }
  }
  for (const p of delta.changed) if (!seen.has(keyOf(p))) out.push(p);
  return out;
}
