// What a change to a plan does, for review: the objects it touches, the findings it introduces and
// resolves, the paths whose verdict moves and the capacity it changes (docs/spec/cli.md, `diff`).
import { analyzePlan, type Analysis, type PathScope } from '../analyze';
import type { ClusterCapacity } from '../capacity/capacity';
import type { Plan } from '../model/plan';
import type { Finding } from '../rules/codes';
import type { PathResult, Verdict } from '../routing/paths';
import { sameJson } from '../model/same-json';
import { findingKey } from './finding-key';
import { diffObjects, type ObjectsDiff } from './objects';

export { findingKey };

export interface PathChange {
  readonly from: string;
  readonly to: string;
  /** null when the path is new. */
  readonly before: Verdict | null;
  /** null when the path is gone. */
  readonly after: Verdict | null;
  readonly reasonBefore: string | null;
  readonly reasonAfter: string | null;
  /** Moved right in direct → snat → unreachable, or new and unreachable. */
  readonly worse: boolean;
}

export interface CapacityChange {
  readonly cluster: string;
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface DiffSummary {
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  readonly errorsIntroduced: number;
  readonly pathsWorse: number;
}

export interface PlanDiff {
  readonly objects: ObjectsDiff;
  readonly findings: {
    readonly introduced: readonly Finding[];
    readonly resolved: readonly Finding[];
  };
  readonly paths: { readonly changed: readonly PathChange[] };
  readonly capacity: { readonly changed: readonly CapacityChange[] };
  readonly summary: DiffSummary;
}

const RANK: Readonly<Record<Verdict, number>> = { direct: 0, snat: 1, unreachable: 2 };

/** Findings of `a` that `b` lacks, counting repeats: two identical findings need two to match. */
function missingFrom(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  const left = new Map<string, number>();
  for (const f of b) {
    const k = findingKey(f);
    left.set(k, (left.get(k) ?? 0) + 1);
  }
  const out: Finding[] = [];
  for (const f of a) {
    const k = findingKey(f);
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else out.push(f);
  }
  return out;
}

/** Findings the new analysis has and the old lacks, and the other way round. */
export function diffFindings(
  before: readonly Finding[],
  after: readonly Finding[],
): PlanDiff['findings'] {
  return { introduced: missingFrom(after, before), resolved: missingFrom(before, after) };
}

export function isWorse(before: Verdict | null, after: Verdict | null): boolean {
  if (after === null) return false;
  if (before === null) return after === 'unreachable';
  return RANK[after] > RANK[before];
}

/** Paths by source, then destination (no key strings to build: there can be a million paths). */
type PathTable = Map<string, Map<string, PathResult>>;

function tableOf(paths: readonly PathResult[]): PathTable {
  const out: PathTable = new Map();
  for (const p of paths) {
    let row = out.get(p.from);
    if (!row) out.set(p.from, (row = new Map<string, PathResult>()));
    if (!row.has(p.to)) row.set(p.to, p);
  }
  return out;
}

/** Paths whose verdict differs, new paths and gone paths: in the new plan's order, then the gone. */
export function diffPaths(
  before: readonly PathResult[],
  after: readonly PathResult[],
): PathChange[] {
  const old = tableOf(before);
  const now = tableOf(after);
  const out: PathChange[] = [];
  const change = (o: PathResult | undefined, n: PathResult | undefined, p: PathResult) => {
    const b = o?.verdict ?? null;
    const a = n?.verdict ?? null;
    out.push({
      from: p.from,
      to: p.to,
      before: b,
      after: a,
      reasonBefore: o?.reason ?? null,
      reasonAfter: n?.reason ?? null,
      worse: isWorse(b, a),
    });
  };
  for (const [from, row] of now) {
    const oldRow = old.get(from);
    for (const [to, n] of row) {
      const o = oldRow?.get(to);
      if (!o || o.verdict !== n.verdict) change(o, n, n);
    }
  }
  for (const [from, row] of old) {
    const newRow = now.get(from);
    for (const [to, o] of row) if (!newRow?.has(to)) change(o, undefined, o);
  }
  return out;
}

const CAPACITY_FIELDS = [
  'podsPerNode',
  'perNodeCidrPrefix',
  'maxNodes',
  'serviceCidr',
  'usableServices',
  'nodeSubnetFreeIps',
  'podSubnetFreeIps',
] as const satisfies readonly (keyof ClusterCapacity)[];

/** Capacity figures that moved, for clusters in both plans (a new cluster is an added object). */
export function diffCapacity(
  before: readonly ClusterCapacity[],
  after: readonly ClusterCapacity[],
): CapacityChange[] {
  const old = new Map(before.map((c) => [c.cluster, c]));
  const out: CapacityChange[] = [];
  for (const n of after) {
    const o = old.get(n.cluster);
    if (!o) continue;
    for (const field of CAPACITY_FIELDS) {
      const b = o[field] ?? null;
      const a = n[field] ?? null;
      if (!sameJson(b, a)) out.push({ cluster: n.cluster, field, before: b, after: a });
    }
  }
  return out;
}

/** The diff of two plans whose analyses are already known (the designer and the bench have them). */
export function diffAnalyzed(
  before: Plan,
  beforeAnalysis: Analysis,
  after: Plan,
  afterAnalysis: Analysis,
): PlanDiff {
  const objects = diffObjects(before, after);
  const introduced = missingFrom(afterAnalysis.findings, beforeAnalysis.findings);
  const resolved = missingFrom(beforeAnalysis.findings, afterAnalysis.findings);
  const paths = diffPaths(beforeAnalysis.paths, afterAnalysis.paths);
  const capacity = diffCapacity(beforeAnalysis.capacity, afterAnalysis.capacity);
  return planDiff(objects, introduced, resolved, paths, capacity);
}

/** The diff from its parts, with the summary counted from them. */
export function planDiff(
  objects: ObjectsDiff,
  introduced: readonly Finding[],
  resolved: readonly Finding[],
  paths: readonly PathChange[],
  capacity: readonly CapacityChange[],
): PlanDiff {
  return {
    objects,
    findings: { introduced, resolved },
    paths: { changed: paths },
    capacity: { changed: capacity },
    summary: {
      added: objects.added.length,
      removed: objects.removed.length,
      changed: objects.changed.length,
      errorsIntroduced: introduced.filter((f) => f.severity === 'error').length,
      pathsWorse: paths.filter((p) => p.worse).length,
    },
  };
}

export function diffPlans(before: Plan, after: Plan, scope?: PathScope): PlanDiff {
  return diffAnalyzed(before, analyzePlan(before, scope), after, analyzePlan(after, scope));
}

/** The CI gate: a change fails review when it brings an error or makes a path worse. */
export function diffFails(d: PlanDiff): boolean {
  return d.summary.errorsIntroduced > 0 || d.summary.pathsWorse > 0;
}
