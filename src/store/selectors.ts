// Module-level selectors: components subscribe to the smallest value they need.
import type { PathScope } from '../domain/analyze';
import { label } from '../domain/model/defaults';
import { COLLECTIONS } from '../domain/model/plan';
import { pathCount } from '../domain/path-count';
import type { Finding } from '../domain/rules/codes';
import { canRedo, canUndo } from './history';
import type { ObjectStatus } from './analysis-slice';
import type { AppState } from './store';

export const selectPlan = (s: AppState) => s.plan;
export const selectSelection = (s: AppState) => s.selection;
export const selectApply = (s: AppState) => s.apply;
export const selectCanUndo = (s: AppState) => canUndo(s.history);
export const selectCanRedo = (s: AppState) => canRedo(s.history);
export const selectFindings = (s: AppState): readonly Finding[] =>
  s.analysis?.findings ?? NO_FINDINGS;
export const selectPaths = (s: AppState) => s.analysis?.paths ?? NO_PATHS;
export const selectReadOnly = (s: AppState) => s.readOnly;

export const selectShowAllPaths = (s: AppState) => s.showAllPaths;
export const selectReviewing = (s: AppState) => s.review !== null;
export const selectComparing = (s: AppState) => s.compare !== null;
/** What the plan is compared with, while it is. */
export const selectCompareLabel = (s: AppState) => s.compare?.label;
export const selectComparePicked = (s: AppState) => s.compare?.picked ?? null;

export const selectAnyClusterSelected = (s: Pick<AppState, 'selection' | 'plan'>) =>
  s.selection.some((id) => s.plan.clusters.some((c) => c.id === id));

// The empty answers are constants: a selector that returns a new empty value on each call makes
// every subscriber render again on every store change, and React warns of an endless loop.
type Analysis = NonNullable<AppState['analysis']>;
const NO_FINDINGS: readonly Finding[] = [];
const NO_PATHS: Analysis['paths'] = [];
const NO_CAPACITY: Analysis['capacity'] = [];
const NO_STATUS: Analysis['status'] = {};
const NO_INDEXES: readonly number[] = [];
const NO_MARKS: NonNullable<AppState['compare']>['marks'] = {};

export const selectCapacity = (s: AppState) => s.analysis?.capacity ?? NO_CAPACITY;
export const selectStatus = (s: AppState) => s.analysis?.status ?? NO_STATUS;
export const selectCompareMarks = (s: AppState) => s.compare?.marks ?? NO_MARKS;

/** Where in the findings list the findings that name this object are. */
export const findingIndexesOf =
  (id: string) =>
  (s: AppState): readonly number[] =>
    s.analysis?.findingsByObject[id] ?? NO_INDEXES;

export const statusOf =
  (id: string) =>
  (s: AppState): ObjectStatus =>
    s.analysis?.status[id] ?? 'ok';

export const findingCountOf =
  (id: string) =>
  (s: AppState): number =>
    s.analysis?.findingsByObject[id]?.length ?? 0;

/** Whether the finding under the pointer names this object. */
export const highlightedBy =
  (id: string) =>
  (s: AppState): boolean => {
    if (s.hoveredFinding === null) return false;
    return s.analysis?.findings[s.hoveredFinding]?.objects.includes(id) ?? false;
  };

export const capacityOf = (id: string) => (s: AppState) => s.analysis?.capacityByCluster[id];

/**
 * Above this many paths "show all" falls back to the selected clusters: every cluster of a plan
 * with ten thousand objects to every destination is millions of paths, more than a worker holds.
 */
export const MAX_ALL_PATHS = 100_000;

export function allPathsTooMany(plan: AppState['plan']): boolean {
  return pathCount(plan, { kind: 'plan' }) > MAX_ALL_PATHS;
}

/** The clusters whose paths are shown: all of them on request, else the selected ones. */
export function pathScopeOf(s: Pick<AppState, 'showAllPaths' | 'selection' | 'plan'>): PathScope {
  if (s.showAllPaths && !allPathsTooMany(s.plan)) return { kind: 'plan' };
  const clusters = new Set(s.plan.clusters.map((c) => c.id));
  const ids = s.selection.filter((id) => clusters.has(id));
  return ids.length > 0 ? { kind: 'clusters', ids } : { kind: 'none' };
}

export function scopeKey(scope: PathScope): string {
  return scope.kind === 'clusters' ? `clusters:${[...scope.ids].sort().join(',')}` : scope.kind;
}

/**
 * The plan without its layout: the same object for as long as only positions change, so that
 * panels do not re-render on every frame of a drag. Use it with `useShallow`.
 */
export const selectPlanContent = (s: AppState): Omit<AppState['plan'], 'layout'> => {
  const { layout: _layout, ...content } = s.plan;
  return content;
};

/** What people read for each plan id: the object's name, else its id. */
export type Names = ReadonlyMap<string, string>;

let namesFor:
  { readonly plan: unknown; readonly key: readonly unknown[]; readonly names: Names } | undefined;

/**
 * Names by id, the same map for as long as no name changes (moving an object or editing its CIDR
 * does not), so that every path edge and row can look names up without re-rendering on each
 * frame of a drag or each edit of a field.
 */
export const selectNames = (s: Pick<AppState, 'plan'>): Names => {
  // Every path edge and row asks on every store write: the same plan answers at once.
  if (namesFor?.plan === s.plan) return namesFor.names;
  const key = COLLECTIONS.map((c) => s.plan[c]);
  if (namesFor && sameNames(namesFor, key)) {
    namesFor = { plan: s.plan, key, names: namesFor.names };
    return namesFor.names;
  }
  const names = new Map<string, string>();
  for (const c of COLLECTIONS) for (const o of s.plan[c]) names.set(o.id, label(o));
  namesFor = { plan: s.plan, key, names };
  return names;
};

/** Whether the collections in `key` name the same ids the same way as the map already does. */
function sameNames(
  prev: { readonly key: readonly unknown[]; readonly names: Names },
  key: readonly (readonly { id: string }[])[],
): boolean {
  let count = 0;
  for (let i = 0; i < key.length; i++) {
    const list = key[i]!;
    count += list.length;
    // A collection that is the same array names what it named before.
    if (list === prev.key[i]) continue;
    for (const o of list) if (prev.names.get(o.id) !== label(o)) return false;
  }
  // Every id is in the map with its name: the same ids unless one was removed (or is twice).
  return count === prev.names.size;
}

/**
 * A plan id as people read it: its object's name; anything else (an address, a CIDR, an id the
 * plan does not hold) as it is.
 */
export function nameOf(names: Names, idOrText: string): string {
  return names.get(idOrText) ?? (idOrText === 'internet' ? 'Internet' : idOrText);
}

const NO_COMMENTS: NonNullable<AppState['plan']['comments']> = [];

export const selectComments = (s: Pick<AppState, 'plan'>) => s.plan.comments ?? NO_COMMENTS;

export const selectOpenCommentTotal = (s: Pick<AppState, 'plan'>) =>
  selectComments(s).filter((c) => !c.resolved).length;

let openCountsFor:
  | { readonly key: AppState['plan']['comments']; readonly counts: ReadonlyMap<string, number> }
  | undefined;

/**
 * Open comments per object id, computed once per change of the comment list: every node on the
 * canvas asks for its own count on each store change, which must cost a lookup, not a scan.
 */
export function openCommentCounts(s: Pick<AppState, 'plan'>): ReadonlyMap<string, number> {
  const key = s.plan.comments;
  if (openCountsFor && openCountsFor.key === key) return openCountsFor.counts;
  const counts = new Map<string, number>();
  for (const c of key ?? [])
    if (!c.resolved && c.object !== undefined)
      counts.set(c.object, (counts.get(c.object) ?? 0) + 1);
  openCountsFor = { key, counts };
  return counts;
}

export const openCommentCountOf =
  (id: string) =>
  (s: Pick<AppState, 'plan'>): number =>
    openCommentCounts(s).get(id) ?? 0;
