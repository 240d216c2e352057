// The sweep in overlap-index.ts against the obvious O(N²) comparison of every pair, with the
// blocks' first and last addresses computed here with BigInt from the numbers generated.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Spec, blockIn, TEN, v4Block, v6Block } from '../../test-support/blocks';
import { parseCidr, type Cidr } from './cidr';
import { forEachCrossOverlap, overlappingPairs, sortedOrder } from './overlap-index';

/** The pairs `forEachCrossOverlap` visits, as a list. */
function crossOverlaps(left: readonly Cidr[], right: readonly Cidr[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  forEachCrossOverlap(left, right, (a, b) => out.push([a, b]));
  return out;
}

const mixedBlock = fc.oneof(v4Block, v6Block);

/** A list drawn from a small pool, so that duplicates are common; the order is random. */
function listOf(block: fc.Arbitrary<Spec>, maxLength = 24): fc.Arbitrary<Spec[]> {
  return fc
    .tuple(fc.array(block, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { maxLength }))
    .map(([pool, picks]) => picks.map((i) => pool[i % pool.length]!));
}

const lists = {
  v4: listOf(v4Block),
  v6: listOf(v6Block),
  mixed: listOf(mixedBlock),
};

function cidrOfSpec(s: Spec): Cidr {
  const r = parseCidr(s.text);
  if (!r.ok) throw new Error(r.error);
  return r.cidr;
}

function overlapOracle(a: Spec, b: Spec): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

function containsOracle(a: Spec, b: Spec): boolean {
  return a.family === b.family && a.first <= b.first && b.last <= a.last;
}

function sameBlock(a: Spec, b: Spec): boolean {
  return a.family === b.family && a.first === b.first && a.last === b.last;
}

function naivePairs(specs: readonly Spec[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < specs.length; i++) {
    for (let j = i + 1; j < specs.length; j++) {
      if (overlapOracle(specs[i]!, specs[j]!)) out.push(`${i},${j}`);
    }
  }
  return out.sort();
}

function checkPairs(specs: readonly Spec[]): void {
  const pairs = overlappingPairs(specs.map(cidrOfSpec));
  const keys = pairs.map(([a, b]) => `${Math.min(a, b)},${Math.max(a, b)}`).sort();
  // Exactly the overlapping unordered pairs, each once.
  expect(keys).toEqual(naivePairs(specs));
  for (const [outer, inner] of pairs) {
    expect(outer).not.toBe(inner);
    const o = specs[outer]!;
    const i = specs[inner]!;
    expect(containsOracle(o, i)).toBe(true);
    if (sameBlock(o, i)) expect(outer).toBeLessThan(inner);
  }
}

function checkCross(left: readonly Spec[], right: readonly Spec[]): void {
  const got = crossOverlaps(left.map(cidrOfSpec), right.map(cidrOfSpec));
  for (const [a, b] of got) {
    expect(Number.isInteger(a) && a >= 0 && a < left.length).toBe(true);
    expect(Number.isInteger(b) && b >= 0 && b < right.length).toBe(true);
  }
  const expected: string[] = [];
  left.forEach((l, a) =>
    right.forEach((r, b) => {
      if (overlapOracle(l, r)) expected.push(`${a},${b}`);
    }),
  );
  expect(got.map(([a, b]) => `${a},${b}`).sort()).toEqual(expected.sort());
}

function parsed(...texts: string[]): Cidr[] {
  return texts.map((t) => {
    const r = parseCidr(t);
    if (!r.ok) throw new Error(r.error);
    return r.cidr;
  });
}

function sortPairs(pairs: Array<[number, number]>): Array<[number, number]> {
  return [...pairs].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

describe('overlappingPairs', () => {
  it('finds nothing in an empty or a one-block list', () => {
    expect(overlappingPairs([])).toEqual([]);
    expect(overlappingPairs(parsed('10.0.0.0/8'))).toEqual([]);
  });

  it('returns nested blocks as [outer, inner], whatever the input order', () => {
    expect(sortPairs(overlappingPairs(parsed('10.0.0.0/8', '10.1.0.0/16', '10.1.2.0/24')))).toEqual(
      [
        [0, 1],
        [0, 2],
        [1, 2],
      ],
    );
    expect(sortPairs(overlappingPairs(parsed('10.1.2.0/24', '10.1.0.0/16', '10.0.0.0/8')))).toEqual(
      [
        [1, 0],
        [2, 0],
        [2, 1],
      ],
    );
  });

  it('pairs equal blocks with the earlier index as outer', () => {
    expect(
      sortPairs(overlappingPairs(parsed('10.0.0.0/24', '10.0.0.0/24', '10.0.0.0/24'))),
    ).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
  });

  it('leaves disjoint and adjacent blocks alone', () => {
    expect(
      overlappingPairs(parsed('10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/23', '9.0.0.0/8')),
    ).toEqual([]);
  });

  it('keeps closing blocks that ended before a later one starts (the stack pops)', () => {
    // 10.0.0.0/24 holds 10.0.0.0/25; after both end, 10.0.1.0/24 overlaps neither, while
    // 10.0.0.0/16 holds all three.
    const got = overlappingPairs(
      parsed('10.0.0.0/24', '10.0.0.0/25', '10.0.1.0/24', '10.0.0.0/16'),
    );
    expect(sortPairs(got)).toEqual([
      [0, 1],
      [3, 0],
      [3, 1],
      [3, 2],
    ]);
  });

  it('never pairs IPv4 with IPv6, even with the same numbers', () => {
    const got = overlappingPairs(parsed('10.0.0.0/8', '::a00:0/104', '10.0.0.0/16', '::a00:0/112'));
    expect(sortPairs(got)).toEqual([
      [0, 2],
      [1, 3],
    ]);
  });

  it('matches the pairwise oracle on random IPv4 lists (duplicates and nesting)', () => {
    fc.assert(fc.property(lists.v4, checkPairs), { numRuns: 600 });
  });

  it('matches the pairwise oracle on random IPv6 lists', () => {
    fc.assert(fc.property(lists.v6, checkPairs), { numRuns: 500 });
  });

  it('matches the pairwise oracle on random mixed IPv4 + IPv6 lists', () => {
    fc.assert(fc.property(lists.mixed, checkPairs), { numRuns: 600 });
  });

  it('matches the pairwise oracle on long lists in a tiny universe', () => {
    const tiny = fc.oneof(blockIn(4, TEN, 26, 6), blockIn(6, TEN, 122, 6));
    fc.assert(fc.property(fc.array(tiny, { maxLength: 120 }), checkPairs), { numRuns: 60 });
  });

  it('the generated lists do overlap (the oracle is not trivially empty)', () => {
    const samples = fc.sample(lists.mixed, { numRuns: 300, seed: 42 });
    const withPairs = samples.filter((s) => naivePairs(s).length > 0).length;
    const withDuplicates = samples.filter((s) =>
      s.some((a, i) => s.some((b, j) => j > i && sameBlock(a, b))),
    ).length;
    expect(withPairs).toBeGreaterThan(100);
    expect(withDuplicates).toBeGreaterThan(50);
  });
});

describe('crossOverlaps', () => {
  it('reports [left index, right index] for each overlapping pair across the lists', () => {
    const left = parsed('10.0.0.0/16', '192.168.0.0/16', '10.0.0.0/16');
    const right = parsed('10.0.5.0/24', '172.16.0.0/12', '10.0.0.0/8', '::a00:0/104');
    expect(sortPairs(crossOverlaps(left, right))).toEqual([
      [0, 0],
      [0, 2],
      [2, 0],
      [2, 2],
    ]);
    expect(crossOverlaps([], right)).toEqual([]);
    expect(crossOverlaps(left, [])).toEqual([]);
  });

  it('ignores overlaps inside one list', () => {
    const left = parsed('10.0.0.0/8', '10.0.0.0/16');
    const right = parsed('192.168.0.0/16', '192.168.1.0/24');
    expect(crossOverlaps(left, right)).toEqual([]);
  });

  it('matches the pairwise oracle on random lists', () => {
    const pair = fc.oneof(
      fc.tuple(lists.v4, lists.v4),
      fc.tuple(lists.v6, lists.v6),
      fc.tuple(lists.mixed, lists.mixed),
    );
    fc.assert(
      fc.property(pair, ([left, right]) => checkCross(left, right)),
      { numRuns: 600 },
    );
  });
});

describe('sortedOrder', () => {
  // The IPv4 blocks take the packed numeric sort, the IPv6 ones the comparator.
  it.each([
    ['IPv4', lists.v4],
    ['mixed', lists.mixed],
  ] as const)(
    'is a permutation sorted by family, first address, larger block first, then index (%s)',
    (_, list) => {
      fc.assert(
        fc.property(list, (specs) => {
          const order = sortedOrder(specs.map(cidrOfSpec));
          expect([...order].sort((a, b) => a - b)).toEqual(specs.map((_, i) => i));
          for (let k = 1; k < order.length; k++) {
            const [i, j] = [order[k - 1]!, order[k]!];
            const [a, b] = [specs[i]!, specs[j]!];
            const before =
              a.family !== b.family
                ? a.family < b.family
                : a.first !== b.first
                  ? a.first < b.first
                  : a.prefix !== b.prefix
                    ? a.prefix < b.prefix
                    : i < j;
            expect(before).toBe(true);
          }
        }),
        { numRuns: 500 },
      );
    },
  );
});

describe('sortedOrder at the edges of the packed sort', () => {
  it('orders the highest addresses, /0 and /32, and equal blocks by index', () => {
    const texts = [
      '255.255.255.255/32',
      '0.0.0.0/0',
      '255.255.255.254/31',
      '0.0.0.0/32',
      '0.0.0.0/0',
    ];
    expect(sortedOrder(texts.map((t) => cidrOfSpec({ text: t } as Spec)))).toEqual([1, 4, 3, 2, 0]);
  });
});
