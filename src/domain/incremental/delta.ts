// What travels between the analysis and whoever shows it: the whole analysis once, then what an
// edit changed. This module owns that answer's vocabulary on both sides of the worker: the key
// of a path, when two paths or findings say the same, and how a change is put onto the list it
// changes or joined to the change before it.
import type { ClusterCapacity } from '../capacity/capacity';
import type { Finding } from '../rules/codes';
import type { PathResult } from '../routing/paths';

export type PathsDelta =
  | { readonly kind: 'all'; readonly paths: readonly PathResult[] }
  | {
      readonly kind: 'some';
      readonly changed: readonly PathResult[];
      readonly removed: readonly string[];
      /** The order of every path by key, when objects came or went. */
      readonly order: readonly string[] | null;
    };

export interface AnalysisDelta {
  /** Present when they changed: every finding, in order. */
  readonly findings?: readonly Finding[];
  /** Present when clusters came or went: every cluster's capacity, in plan order. */
  readonly capacity?: readonly ClusterCapacity[];
  /** Otherwise, the clusters whose capacity changed (a reply is cloned across threads). */
  readonly capacityChanged?: readonly ClusterCapacity[];
  readonly paths: PathsDelta;
}

/** A path's identity: one path per source and destination. */
export function pathKey(p: { readonly from: string; readonly to: string }): string {
  return `${p.from}->${p.to}`;
}

/**
 * Whether two paths between the same ends say the same thing. A path filled from a template
 * builds its hops and message on each read: each is read once here.
 */
export function samePath(a: PathResult, b: PathResult): boolean {
  if (a === b) return true;
  if (a.verdict !== b.verdict || a.reason !== b.reason || a.snatTo !== b.snatTo) return false;
  const ah = a.hops;
  const bh = b.hops;
  return ah.length === bh.length && ah.every((h, i) => h === bh[i]) && a.message === b.message;
}

export function sameFinding(a: Finding, b: Finding): boolean {
  return (
    a.code === b.code &&
    a.severity === b.severity &&
    a.message === b.message &&
    a.objects.length === b.objects.length &&
    a.objects.every((o, i) => o === b.objects[i]) &&
    a.ranges.length === b.ranges.length &&
    a.ranges.every((r, i) => r === b.ranges[i]) &&
    a.suggestion?.object === b.suggestion?.object &&
    a.suggestion?.field === b.suggestion?.field &&
    a.suggestion?.value === b.suggestion?.value
  );
}

export function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return a.length === b.length && a.every((f, i) => sameFinding(f, b[i]!));
}

/** The paths after a change, given the paths before it. */
export function applyPathsDelta(previous: readonly PathResult[], delta: PathsDelta): PathResult[] {
  if (delta.kind === 'all') return [...delta.paths];
  if (delta.changed.length === 0 && delta.removed.length === 0 && delta.order === null)
    return [...previous];
  const byKey = new Map<string, PathResult>();
  for (const p of previous) byKey.set(pathKey(p), p);
  for (const k of delta.removed) byKey.delete(k);
  for (const p of delta.changed) byKey.set(pathKey(p), p);
  if (delta.order) return delta.order.map((k) => byKey.get(k)!).filter((p) => p !== undefined);
  // Same order as before: only the changed ones are replaced.
  const seen = new Set<string>();
  const out: PathResult[] = [];
  for (const p of previous) {
    const k = pathKey(p);
    const now = byKey.get(k);
    if (now) {
      out.push(now);
      seen.add(k);
    }
  }
  for (const p of delta.changed) if (!seen.has(pathKey(p))) out.push(p);
  return out;
}

/** Two path changes in a row as one: the later wins. */
export function mergePathsDeltas(a: PathsDelta, b: PathsDelta): PathsDelta {
  if (b.kind === 'all') return b;
  if (a.kind === 'all') return { kind: 'all', paths: applyPathsDelta(a.paths, b) };
  const later = new Set(b.changed.map(pathKey));
  return {
    kind: 'some',
    changed: [...a.changed.filter((p) => !later.has(pathKey(p))), ...b.changed],
    removed: [...a.removed, ...b.removed],
    order: b.order ?? a.order,
  };
}

/** `list` with the capacities in `changed` in place of their clusters' earlier ones. */
export function patchCapacity(
  list: readonly ClusterCapacity[],
  changed: readonly ClusterCapacity[],
): readonly ClusterCapacity[] {
  const by = new Map(changed.map((c) => [c.cluster, c]));
  return list.map((c) => by.get(c.cluster) ?? c);
}

/** Two answers in a row as one: the later wins, and path and capacity changes add up. */
export function mergeAnalysisDeltas(a: AnalysisDelta | undefined, b: AnalysisDelta): AnalysisDelta {
  if (!a) return b;
  const paths = mergePathsDeltas(a.paths, b.paths);
  const findings = b.findings ?? a.findings;
  let capacity = b.capacity;
  let capacityChanged: readonly ClusterCapacity[] | undefined;
  if (!capacity && a.capacity)
    capacity = b.capacityChanged ? patchCapacity(a.capacity, b.capacityChanged) : a.capacity;
  else if (!capacity && (a.capacityChanged || b.capacityChanged)) {
    const later = new Set((b.capacityChanged ?? []).map((c) => c.cluster));
    capacityChanged = [
      ...(a.capacityChanged ?? []).filter((c) => !later.has(c.cluster)),
      ...(b.capacityChanged ?? []),
    ];
  }
  return {
    ...(findings ? { findings } : {}),
    ...(capacity ? { capacity } : {}),
    ...(capacityChanged ? { capacityChanged } : {}),
    paths,
  };
}
