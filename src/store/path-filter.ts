// Which paths the paths panel lists and the canvas draws: one filter for both, so that what the
// list says and what the lines show never disagree. Worst first: a meeting asks about the
// packets that do not arrive before the ones that do.
import type { Plan } from '../domain/model/plan';
import type { PathResult, Verdict } from '../domain/routing/paths';
import type { AppState } from './store';

export type TargetKind = 'resource' | 'cluster' | 'idc' | 'internet';

export const TARGET_KINDS: readonly TargetKind[] = ['resource', 'cluster', 'idc', 'internet'];
export const VERDICTS: readonly Verdict[] = ['unreachable', 'snat', 'direct'];

export interface PathFilter {
  /** The verdicts shown; none chosen shows them all. */
  readonly verdicts: readonly Verdict[];
  readonly target: TargetKind | 'all';
}

export const NO_PATH_FILTER: PathFilter = { verdicts: [], target: 'all' };

/** Lines drawn at first, and how many more each "show more" adds: past this the canvas is ink. */
export const PATH_DRAW_STEP = 50;

const ORDER: Readonly<Record<Verdict, number>> = { unreachable: 0, snat: 1, direct: 2 };

export type KindOf = (id: string) => TargetKind | undefined;

export function targetKinds(plan: Pick<Plan, 'resources' | 'clusters' | 'idcs'>): KindOf {
  const kinds = new Map<string, TargetKind>();
  for (const r of plan.resources) kinds.set(r.id, 'resource');
  for (const c of plan.clusters) kinds.set(c.id, 'cluster');
  for (const d of plan.idcs) kinds.set(d.id, 'idc');
  return (id) => kinds.get(id) ?? (id === 'internet' ? 'internet' : undefined);
}

export interface ShownPaths {
  /** Every path that passes the filter, unreachable first, then SNAT, then direct. */
  readonly list: readonly PathResult[];
  /** Per verdict, the paths that pass the target filter: what each verdict chip would show. */
  readonly counts: Readonly<Record<Verdict, number>>;
  /** Per target kind, the paths that pass the verdict filter. */
  readonly kindCounts: Readonly<Record<TargetKind, number>>;
  /** The head of `list` that the canvas draws. */
  readonly drawn: readonly PathResult[];
}

/** Filters and orders paths; the sort is stable, so the worker's order holds within a verdict. */
export function shownPaths(
  paths: readonly PathResult[],
  filter: PathFilter,
  kindOf: KindOf,
  limit: number,
): ShownPaths {
  const counts = { direct: 0, snat: 0, unreachable: 0 };
  const kindCounts = { resource: 0, cluster: 0, idc: 0, internet: 0 };
  const verdictOk = (p: PathResult) =>
    filter.verdicts.length === 0 || filter.verdicts.includes(p.verdict);
  const buckets: PathResult[][] = [[], [], []];
  for (const p of paths) {
    const kind = kindOf(p.to);
    const targetOk = filter.target === 'all' || kind === filter.target;
    if (targetOk) counts[p.verdict]++;
    if (verdictOk(p) && kind) kindCounts[kind]++;
    if (targetOk && verdictOk(p)) buckets[ORDER[p.verdict]]!.push(p);
  }
  const list = buckets.flat();
  return { list, counts, kindCounts, drawn: list.length > limit ? list.slice(0, limit) : list };
}

let memo:
  | {
      readonly paths: readonly PathResult[];
      readonly filter: PathFilter;
      readonly limit: number;
      readonly resources: unknown;
      readonly clusters: unknown;
      readonly idcs: unknown;
      readonly result: ShownPaths;
    }
  | undefined;

const NO_PATHS: readonly PathResult[] = [];

/**
 * The paths to list and draw, the same object until the paths, the filter, the limit or the
 * objects they end at change: the canvas and the panel both read it on every store change.
 * Review mode shows the meeting everything, whatever the filter was.
 */
export function selectShownPaths(
  s: Pick<AppState, 'analysis' | 'plan' | 'pathFilter' | 'pathDrawLimit' | 'review'>,
): ShownPaths {
  const paths = s.analysis?.paths ?? NO_PATHS;
  const filter = s.review ? NO_PATH_FILTER : s.pathFilter;
  const limit = s.review ? Infinity : s.pathDrawLimit;
  const { resources, clusters, idcs } = s.plan;
  if (
    memo &&
    memo.paths === paths &&
    memo.filter === filter &&
    memo.limit === limit &&
    memo.resources === resources &&
    memo.clusters === clusters &&
    memo.idcs === idcs
  )
    return memo.result;
  const fresh = shownPaths(paths, filter, targetKinds(s.plan), limit);
  // An edit of a cluster's CIDR hands over new clusters but, until its result, the same paths:
  // the same answer stays the same object, so the canvas and the panel skip it.
  const result = memo && sameShown(memo.result, fresh) ? memo.result : fresh;
  memo = { paths, filter, limit, resources, clusters, idcs, result };
  return result;
}

const sameList = <T>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function sameShown(a: ShownPaths, b: ShownPaths): boolean {
  return (
    sameList(a.list, b.list) &&
    sameList(a.drawn, b.drawn) &&
    VERDICTS.every((v) => a.counts[v] === b.counts[v]) &&
    TARGET_KINDS.every((k) => a.kindCounts[k] === b.kindCounts[k])
  );
}
