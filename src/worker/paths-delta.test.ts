import { describe, expect, it } from 'vitest';
import type { PathResult } from '../domain/routing/paths';
import { applyPathsDelta } from './paths-delta';

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
