// RangeIndex against plain filtering of its entries, with first and last addresses computed here
// with BigInt from the numbers generated.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Spec, bitsOf, spec, blockIn, TEN, v4Block, v6Block } from '../../test-support/blocks';
import { parseCidr, parseIp, type Cidr } from './cidr';
import { RangeIndex } from './range-index';

type Query = { pick: number } | { widen: number; by: number } | { fresh: Spec };

/**
 * Entries drawn from a small pool (duplicates are common) and queries: pool blocks, blocks
 * around a pool block (so that entries fall inside the query), or fresh blocks.
 */
function scenario(block: fc.Arbitrary<Spec>): fc.Arbitrary<{ entries: Spec[]; queries: Spec[] }> {
  const query: fc.Arbitrary<Query> = fc.oneof(
    fc.record({ pick: fc.nat() }),
    fc.record({ widen: fc.nat(), by: fc.integer({ min: 1, max: 8 }) }),
    fc.record({ fresh: block }),
  );
  return fc
    .tuple(
      fc.array(block, { minLength: 1, maxLength: 12 }),
      fc.array(fc.nat(), { maxLength: 24 }),
      fc.array(query, { minLength: 1, maxLength: 12 }),
    )
    .map(([pool, picks, qs]) => ({
      entries: picks.map((i) => pool[i % pool.length]!),
      queries: qs.map((q) => {
        if ('fresh' in q) return q.fresh;
        if ('pick' in q) return pool[q.pick % pool.length]!;
        const s = pool[q.widen % pool.length]!;
        return spec(s.family, s.first, Math.max(0, s.prefix - q.by));
      }),
    }));
}

const scenarios = {
  v4: scenario(v4Block),
  v6: scenario(v6Block),
  mixed: scenario(fc.oneof(v4Block, v6Block)),
};

function cidrOfSpec(s: Spec): Cidr {
  const r = parseCidr(s.text);
  if (!r.ok) throw new Error(r.error);
  return r.cidr;
}

function containsOracle(a: Spec, b: Spec): boolean {
  return a.family === b.family && a.first <= b.first && b.last <= a.last;
}

function overlapOracle(a: Spec, b: Spec): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

function numeric(a: number[]): number[] {
  return [...a].sort((x, y) => x - y);
}

function check({ entries, queries }: { entries: Spec[]; queries: Spec[] }): void {
  const cidrs = entries.map(cidrOfSpec);
  const index = new RangeIndex(cidrs.map((c, i): [Cidr, number] => [c, i]));
  expect(index.size).toBe(entries.length);
  for (const q of queries) {
    const qc = cidrOfSpec(q);

    const containing = [...index.containing(qc)];
    // Each yielded entry carries its own block.
    for (const e of containing) expect(e.cidr).toEqual(cidrs[e.value]);
    const expectedContaining = entries.flatMap((s, i) => (containsOracle(s, q) ? [i] : []));
    expect(numeric(containing.map((e) => e.value))).toEqual(expectedContaining);
    // Most specific first: each entry lies inside the next one.
    for (let k = 1; k < containing.length; k++) {
      const inner = entries[containing[k - 1]!.value]!;
      const outer = entries[containing[k]!.value]!;
      expect(containsOracle(outer, inner)).toBe(true);
    }

    const deepest = index.deepest(qc);
    if (expectedContaining.length === 0) {
      expect(deepest).toBeUndefined();
    } else {
      expect(deepest).toBeDefined();
      const maxPrefix = Math.max(...expectedContaining.map((i) => entries[i]!.prefix));
      expect(deepest?.cidr.prefix).toBe(maxPrefix);
      expect(expectedContaining).toContain(deepest?.value);
    }

    // A filtered search: the most specific containing entry whose value is odd.
    const odd = expectedContaining.filter((i) => i % 2 === 1);
    const deepestOdd = index.deepestValue(qc, (v) => v % 2 === 1);
    if (odd.length === 0) expect(deepestOdd).toBeUndefined();
    else {
      expect(odd).toContain(deepestOdd);
      expect(entries[deepestOdd!]!.prefix).toBe(Math.max(...odd.map((i) => entries[i]!.prefix)));
    }
    expect(index.deepestValue(qc)).toBe(deepest?.value);

    // Entries equal to the query (several texts of one block), each weighed by its index + 1.
    expect(index.sumEqual(qc, (v) => v + 1)).toBe(
      expectedContaining
        .filter((i) => entries[i]!.prefix === q.prefix)
        .reduce((sum, i) => sum + i + 1, 0),
    );

    expect(index.hasInside(qc)).toBe(
      entries.some((s) => containsOracle(q, s) && s.prefix > q.prefix),
    );

    const overlapping = [...index.overlapping(qc)];
    for (const e of overlapping) expect(e.cidr).toEqual(cidrs[e.value]);
    const expectedOverlapping = entries.flatMap((s, i) => (overlapOracle(s, q) ? [i] : []));
    // Each overlapping entry exactly once.
    expect(numeric(overlapping.map((e) => e.value))).toEqual(expectedOverlapping);
  }
}

function parsed(text: string): Cidr {
  const r = text.includes('/') ? parseCidr(text) : parseIp(text);
  if (!r.ok) throw new Error(r.error);
  return r.cidr;
}

function indexOf(texts: string[]): RangeIndex<string> {
  return new RangeIndex(texts.map((t): [Cidr, string] => [parsed(t), t]));
}

describe('RangeIndex', () => {
  it('answers nothing when empty', () => {
    const index = indexOf([]);
    expect(index.size).toBe(0);
    expect([...index.containing(parsed('10.0.0.0/8'))]).toEqual([]);
    expect(index.deepest(parsed('10.0.0.1'))).toBeUndefined();
    expect([...index.overlapping(parsed('::/0'))]).toEqual([]);
  });

  it('lists the blocks containing a query, most specific first', () => {
    const index = indexOf(['10.0.0.0/8', '10.1.0.0/16', '10.1.2.0/24', '10.2.0.0/16', '0.0.0.0/0']);
    const values = (t: string): string[] => [...index.containing(parsed(t))].map((e) => e.value);
    expect(values('10.1.2.3')).toEqual(['10.1.2.0/24', '10.1.0.0/16', '10.0.0.0/8', '0.0.0.0/0']);
    expect(values('10.1.3.0/24')).toEqual(['10.1.0.0/16', '10.0.0.0/8', '0.0.0.0/0']);
    expect(values('10.1.0.0/16')).toEqual(['10.1.0.0/16', '10.0.0.0/8', '0.0.0.0/0']);
    expect(values('10.0.0.0/7')).toEqual(['0.0.0.0/0']);
    expect(values('11.0.0.1')).toEqual(['0.0.0.0/0']);
    expect(values('2001:db8::1')).toEqual([]);
    expect(index.deepest(parsed('10.2.3.4'))?.value).toBe('10.2.0.0/16');
  });

  it('finds a container across a sibling that ends before the query', () => {
    // The floor of 10.1.128.0/24 is 10.1.0.0/17, which does not contain it; its parent does.
    const index = indexOf(['10.0.0.0/8', '10.1.0.0/17', '10.1.0.0/24', '10.1.127.0/24']);
    expect(index.deepest(parsed('10.1.128.0/24'))?.value).toBe('10.0.0.0/8');
  });

  it('lists the blocks overlapping a query: those containing it and those inside it', () => {
    const index = indexOf([
      '10.0.0.0/8',
      '10.1.0.0/16',
      '10.1.2.0/24',
      '10.2.0.0/16',
      '10.1.0.0/16',
    ]);
    const values = (t: string): string[] =>
      [...index.overlapping(parsed(t))].map((e) => e.value).sort();
    expect(values('10.1.0.0/20')).toEqual([
      '10.0.0.0/8',
      '10.1.0.0/16',
      '10.1.0.0/16',
      '10.1.2.0/24',
    ]);
    expect(values('10.0.0.0/14')).toEqual([
      '10.0.0.0/8',
      '10.1.0.0/16',
      '10.1.0.0/16',
      '10.1.2.0/24',
      '10.2.0.0/16',
    ]);
    expect(values('11.0.0.0/8')).toEqual([]);
  });

  it('keeps IPv4 and IPv6 apart, even with the same numbers', () => {
    const index = indexOf(['10.0.0.0/8', '::a00:0/104', '2001:db8::/32']);
    const values = (t: string): string[] =>
      [...index.overlapping(parsed(t))].map((e) => e.value).sort();
    expect(values('10.0.0.1')).toEqual(['10.0.0.0/8']);
    expect(values('::a00:1')).toEqual(['::a00:0/104']);
    expect(values('0.0.0.0/0')).toEqual(['10.0.0.0/8']);
    expect(values('::/0')).toEqual(['2001:db8::/32', '::a00:0/104']);
  });

  it('matches filtering on random IPv4 entries and queries', () => {
    fc.assert(fc.property(scenarios.v4, check), { numRuns: 500 });
  });

  it('matches filtering on random IPv6 entries and queries', () => {
    fc.assert(fc.property(scenarios.v6, check), { numRuns: 400 });
  });

  it('matches filtering on random mixed IPv4 + IPv6 entries and queries', () => {
    fc.assert(fc.property(scenarios.mixed, check), { numRuns: 500 });
  });

  it('matches filtering on many entries in a tiny universe, with single-address queries', () => {
    const tiny = fc.oneof(blockIn(4, TEN, 26, 6), blockIn(6, TEN, 122, 6));
    const single = fc
      .oneof(blockIn(4, TEN, 26, 0), blockIn(6, TEN, 122, 0))
      .map((s) => spec(s.family, s.first, bitsOf(s.family)));
    const arb = fc.record({
      entries: fc.array(tiny, { maxLength: 100 }),
      queries: fc.array(fc.oneof(tiny, single), { minLength: 1, maxLength: 20 }),
    });
    fc.assert(fc.property(arb, check), { numRuns: 100 });
  });

  it('the generated scenarios do have containing and overlapping answers', () => {
    const samples = fc.sample(scenarios.mixed, { numRuns: 300, seed: 7 });
    const queriesWith = (f: (a: Spec, b: Spec) => boolean): number =>
      samples.reduce(
        (n, { entries, queries }) => n + queries.filter((q) => entries.some((e) => f(e, q))).length,
        0,
      );
    const totalQueries = samples.reduce((n, s) => n + s.queries.length, 0);
    expect(queriesWith(containsOracle)).toBeGreaterThan(totalQueries / 5);
    expect(queriesWith(overlapOracle) - queriesWith(containsOracle)).toBeGreaterThan(
      totalQueries / 20,
    );
  });
});
