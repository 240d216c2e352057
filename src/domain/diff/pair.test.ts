// pairByKey against the obvious oracle (a map of one side's keys), and diffPaths against a map of
// each side, on lists that are edits of one another: runs removed and inserted longer and shorter
// than the walk's lookahead, items moved.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PathResult } from '../routing/paths';
import { diffPaths, isWorse } from './diff';
import { pairByKey } from './pair';

/** A list of distinct keys and an edit of it: some removed, some inserted, some moved. */
const editedArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 120 })
  .chain((before) =>
    fc.tuple(
      fc.constant(before),
      fc.array(fc.boolean(), { minLength: before.length, maxLength: before.length }),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 401, max: 600 })), { maxLength: 30 }),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 5 }),
    ),
  )
  .map(([before, kept, inserts, moves]) => {
    const after = before.filter((_, i) => kept[i]);
    for (const [at, k] of inserts)
      if (!after.includes(k)) after.splice(at % (after.length + 1), 0, k);
    for (const [from, to] of moves) {
      if (after.length === 0) break;
      const [x] = after.splice(from % after.length, 1);
      after.splice(to % (after.length + 1), 0, x!);
    }
    return { before: before.map(String), after: after.map(String) };
  });

const same = (a: string, b: string) => a === b;
const key = (x: string) => x;

describe('pairByKey', () => {
  it('pairs exactly the items with equal keys (oracle: a map)', () => {
    fc.assert(
      fc.property(editedArb, ({ before, after }) => {
        const { partnerOfAfter, pairedBefore } = pairByKey(before, after, same, key);
        const where = new Map(before.map((k, i) => [k, i]));
        after.forEach((k, i) => expect(partnerOfAfter[i]).toBe(where.get(k) ?? -1));
        const kept = new Set(after);
        before.forEach((k, i) => expect(pairedBefore[i]).toBe(kept.has(k) ? 1 : 0));
      }),
      { numRuns: 500 },
    );
  });

  it('pairs a list with a copy of itself, and with nothing', () => {
    const xs = ['a', 'b', 'c'];
    expect([...pairByKey(xs, [...xs], same, key).partnerOfAfter]).toEqual([0, 1, 2]);
    expect([...pairByKey(xs, [], same, key).pairedBefore]).toEqual([0, 0, 0]);
    expect([...pairByKey([], xs, same, key).partnerOfAfter]).toEqual([-1, -1, -1]);
  });
});

describe('diffPaths', () => {
  const verdicts = ['direct', 'snat', 'unreachable'] as const;
  const path = (k: string, v: number): PathResult =>
    ({
      from: `src`,
      to: `d${k}`,
      verdict: verdicts[v % 3]!,
      reason: `r${v}`,
    }) as unknown as PathResult;

  it('reports new, gone and re-judged paths, none else (oracle: a map of each side)', () => {
    fc.assert(
      fc.property(
        editedArb,
        fc.array(fc.nat(), { minLength: 700, maxLength: 700 }),
        ({ before, after }, vs) => {
          const b = before.map((k) => path(k, vs[Number(k)]!));
          const a = after.map((k) => path(k, vs[Number(k) + 1]!));
          const oldBy = new Map(b.map((p) => [`${p.from}>${p.to}`, p]));
          const newBy = new Map(a.map((p) => [`${p.from}>${p.to}`, p]));
          const expected = [
            ...a
              .filter((p) => oldBy.get(`${p.from}>${p.to}`)?.verdict !== p.verdict)
              .map((p) => [
                p.from,
                p.to,
                oldBy.get(`${p.from}>${p.to}`)?.verdict ?? null,
                p.verdict,
              ]),
            ...b
              .filter((p) => !newBy.has(`${p.from}>${p.to}`))
              .map((p) => [p.from, p.to, p.verdict, null]),
          ];
          const got = diffPaths(b, a);
          expect(got.map((c) => [c.from, c.to, c.before, c.after])).toEqual(expected);
          for (const c of got) expect(c.worse).toBe(isWorse(c.before, c.after));
        },
      ),
      { numRuns: 300 },
    );
  });
});
