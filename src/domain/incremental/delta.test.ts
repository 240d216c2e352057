import { describe, expect, it } from 'vitest';
import type { PathResult } from '../routing/paths';
import { applyPathsDelta, mergePathsDeltas, pathKey, samePath, type PathsDelta } from './delta';

const p = (to: string, verdict: PathResult['verdict'] = 'direct'): PathResult => ({
  from: 'c',
  to,
  verdict,
  hops: ['c', to],
  reason: null,
  message: to,
});

describe('applyPathsDelta', () => {
  const before = [p('a'), p('b'), p('c')];
  it('replaces changed paths in place and keeps the order', () => {
    const after = applyPathsDelta(before, {
      kind: 'some',
      changed: [p('b', 'snat')],
      removed: [],
      order: null,
    });
    expect(after.map((x) => `${x.to}:${x.verdict}`)).toEqual(['a:direct', 'b:snat', 'c:direct']);
    expect(after[0]).toBe(before[0]);
  });
  it('drops removed paths, adds new ones, and follows a new order', () => {
    expect(
      applyPathsDelta(before, {
        kind: 'some',
        changed: [p('d')],
        removed: ['c->b'],
        order: null,
      }).map((x) => x.to),
    ).toEqual(['a', 'c', 'd']);
    expect(
      applyPathsDelta(before, {
        kind: 'some',
        changed: [p('d')],
        removed: ['c->a'],
        order: ['c->d', 'c->c', 'c->b'],
      }).map((x) => x.to),
    ).toEqual(['d', 'c', 'b']);
  });
  it('takes a full list as it is', () => {
    expect(applyPathsDelta(before, { kind: 'all', paths: [p('z')] }).map((x) => x.to)).toEqual([
      'z',
    ]);
  });
});

describe('mergePathsDeltas', () => {
  const before = [p('a'), p('b'), p('c')];
  const some = (changed: PathResult[], removed: string[] = []): PathsDelta => ({
    kind: 'some',
    changed,
    removed,
    order: null,
  });

  it('gives what applying both in turn gives (oracle: apply one, then the other)', () => {
    const first = some([p('a', 'snat'), p('b', 'snat')]);
    const second = some([p('b', 'unreachable')], ['c->c']);
    const merged = mergePathsDeltas(first, second);
    expect(applyPathsDelta(before, merged)).toEqual(
      applyPathsDelta(applyPathsDelta(before, first), second),
    );
    expect(merged.kind === 'some' && merged.changed.map(pathKey)).toEqual(['c->a', 'c->b']);
  });

  it('applies a change to a full list, and a later full list replaces everything', () => {
    const all: PathsDelta = { kind: 'all', paths: before };
    const merged = mergePathsDeltas(all, some([p('b', 'snat')]));
    expect(merged.kind === 'all' && merged.paths.map((x) => x.verdict)).toEqual([
      'direct',
      'snat',
      'direct',
    ]);
    expect(mergePathsDeltas(some([p('a')]), { kind: 'all', paths: [p('z')] })).toEqual({
      kind: 'all',
      paths: [p('z')],
    });
  });

  it('samePath compares what a path says, not which object holds it', () => {
    expect(samePath(p('a'), p('a'))).toBe(true);
    expect(samePath(p('a'), p('a', 'snat'))).toBe(false);
    expect(samePath(p('a'), { ...p('a'), hops: ['c', 'x', 'a'] })).toBe(false);
  });
});
