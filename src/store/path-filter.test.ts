import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PathResult, Verdict } from '../domain/routing/paths';
import {
  NO_PATH_FILTER,
  selectShownPaths,
  shownPaths,
  targetKinds,
  type PathFilter,
  type TargetKind,
} from './path-filter';

const plan = {
  resources: [{ id: 'r1' }, { id: 'r2' }],
  clusters: [{ id: 'c1' }, { id: 'c2' }],
  idcs: [{ id: 'i1' }],
} as unknown as Parameters<typeof targetKinds>[0];
const kindOf = targetKinds(plan);

const path = (to: string, verdict: Verdict, from = 'c1'): PathResult => ({
  from,
  to,
  verdict,
  hops: [from, to],
  reason: verdict === 'unreachable' ? 'NO_ROUTE' : null,
  message: '',
});

const arbPath = fc
  .record({
    to: fc.constantFrom('r1', 'r2', 'c2', 'i1', 'internet'),
    verdict: fc.constantFrom<Verdict>('direct', 'snat', 'unreachable'),
    from: fc.constantFrom('c1', 'c2'),
  })
  .map((r) => path(r.to, r.verdict, r.from));
const arbFilter: fc.Arbitrary<PathFilter> = fc.record({
  verdicts: fc.subarray<Verdict>(['direct', 'snat', 'unreachable']),
  target: fc.constantFrom<TargetKind | 'all'>('all', 'resource', 'cluster', 'idc', 'internet'),
});
const RANK = { unreachable: 0, snat: 1, direct: 2 };

describe('shownPaths', () => {
  it('lists unreachable, then SNAT, then direct, each in the order the worker gave', () => {
    const paths = [
      path('r1', 'direct'),
      path('r2', 'snat'),
      path('internet', 'unreachable'),
      path('i1', 'snat'),
      path('c2', 'unreachable'),
    ];
    const r = shownPaths(paths, { verdicts: [], target: 'all' }, kindOf, Infinity);
    expect(r.list.map((p) => p.to)).toEqual(['internet', 'c2', 'r2', 'i1', 'r1']);
    expect(r.counts).toEqual({ direct: 1, snat: 2, unreachable: 2 });
  });

  it('keeps only the chosen verdicts and target kind, and draws the head of the list', () => {
    const paths = [path('r1', 'direct'), path('r2', 'unreachable'), path('i1', 'unreachable')];
    const r = shownPaths(paths, { verdicts: ['unreachable'], target: 'resource' }, kindOf, 50);
    expect(r.list).toEqual([paths[1]]);
    // The chips count within the target filter, the kinds within the verdict filter.
    expect(r.counts).toEqual({ direct: 1, snat: 0, unreachable: 1 });
    expect(r.kindCounts).toEqual({ resource: 1, cluster: 0, idc: 1, internet: 0 });
    const capped = shownPaths(paths, { verdicts: [], target: 'all' }, kindOf, 2);
    expect(capped.drawn.map((p) => p.to)).toEqual(['r2', 'i1']);
  });

  it('agrees with filter-then-stable-sort for any paths, filter and limit', () => {
    fc.assert(
      fc.property(
        fc.array(arbPath, { maxLength: 40 }),
        arbFilter,
        fc.nat(45),
        (paths, filter, limit) => {
          const keep = (p: PathResult) =>
            (filter.verdicts.length === 0 || filter.verdicts.includes(p.verdict)) &&
            (filter.target === 'all' || kindOf(p.to) === filter.target);
          const expected = paths
            .map((p, i) => ({ p, i }))
            .filter(({ p }) => keep(p))
            .sort((a, b) => RANK[a.p.verdict] - RANK[b.p.verdict] || a.i - b.i)
            .map(({ p }) => p);
          const r = shownPaths(paths, filter, kindOf, limit);
          expect(r.list).toEqual(expected);
          expect(r.drawn).toEqual(expected.slice(0, limit));
          for (const v of ['direct', 'snat', 'unreachable'] as const)
            expect(r.counts[v]).toBe(
              paths.filter(
                (p) =>
                  p.verdict === v && (filter.target === 'all' || kindOf(p.to) === filter.target),
              ).length,
            );
        },
      ),
    );
  });
});

describe('selectShownPaths', () => {
  const state = (clusters: readonly { id: string }[], paths: readonly PathResult[]) =>
    ({
      analysis: { paths },
      plan: { ...plan, clusters },
      pathFilter: NO_PATH_FILTER,
      pathDrawLimit: 50,
      review: null,
    }) as unknown as Parameters<typeof selectShownPaths>[0];

  it('is the same object after an edit that leaves what it shows as it was, and new when that changes', () => {
    const paths = [path('r1', 'direct'), path('i1', 'unreachable')];
    const first = selectShownPaths(state(plan.clusters, paths));
    // A cluster edited (new cluster objects), the paths not yet answered: nothing shown changed.
    const edited = selectShownPaths(state([{ id: 'c1' }, { id: 'c2' }], paths));
    expect(edited).toBe(first);
    expect(edited.list.map((p) => p.to)).toEqual(['i1', 'r1']);
    // The answer: a verdict flipped.
    const answered = selectShownPaths(
      state([{ id: 'c1' }, { id: 'c2' }], [path('r1', 'unreachable'), paths[1]!]),
    );
    expect(answered).not.toBe(first);
    expect(answered.counts.unreachable).toBe(2);
    // A cluster gone: the path to it is no longer of a known kind, so the counts move.
    const fewer = selectShownPaths(state([{ id: 'c1' }], [path('c2', 'direct')]));
    const again = selectShownPaths(state([{ id: 'c1' }, { id: 'c2' }], fewer.list));
    expect(again).not.toBe(fewer);
    expect(again.kindCounts.cluster).toBe(1);
  });
});
