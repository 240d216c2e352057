// Finding room, against brute force: enumerate every aligned block of the size asked for inside
// a small universe, in order, and take the first that overlaps nothing taken.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Spec, bitsOf, spec, blockIn } from '../../test-support/blocks';
import { blockAt, formatCidr, parseCidr, parseIp, type Cidr } from './cidr';
import { FreeSpace, firstFreeBlock, firstFreeBlockIn, largestFreeBlock } from './free-blocks';

interface Found {
  readonly family: 4 | 6;
  readonly prefix: number;
  readonly first: bigint;
}

function cidrOfSpec(s: Spec): Cidr {
  const r = parseCidr(s.text);
  if (!r.ok) throw new Error(r.error);
  return r.cidr;
}

function parsed(text: string): Cidr {
  const r = text.includes('/') ? parseCidr(text) : parseIp(text);
  if (!r.ok) throw new Error(r.error);
  return r.cidr;
}

function overlapOracle(a: Spec, lo: bigint, hi: bigint, family: 4 | 6): boolean {
  return a.family === family && a.first <= hi && lo <= a.last;
}

/** Every aligned block of `prefix` inside `within`, in order; the first one nothing overlaps. */
function bruteFirst(within: Spec, prefix: number, taken: readonly Spec[]): Found | undefined {
  const bits = bitsOf(within.family);
  if (prefix < within.prefix || prefix > bits) return undefined;
  const step = 1n << BigInt(bits - prefix);
  for (let lo = within.first; lo + step - 1n <= within.last; lo += step) {
    const hi = lo + step - 1n;
    if (!taken.some((t) => overlapOracle(t, lo, hi, within.family))) {
      return { family: within.family, prefix, first: lo };
    }
  }
  return undefined;
}

function bruteLargest(within: Spec, taken: readonly Spec[], minPrefix: number): Found | undefined {
  for (let p = Math.max(minPrefix, within.prefix); p <= bitsOf(within.family); p++) {
    const b = bruteFirst(within, p, taken);
    if (b) return b;
  }
  return undefined;
}

function expectFound(got: Cidr | undefined, want: Found | undefined): void {
  if (want === undefined) {
    expect(got).toBeUndefined();
    return;
  }
  expect(got).toBeDefined();
  if (got === undefined) return;
  const host = BigInt(bitsOf(want.family) - want.prefix);
  expect({
    family: got.family,
    prefix: got.prefix,
    lo: BigInt(got.lo),
    hi: BigInt(got.hi),
    loType: typeof got.lo,
  }).toEqual({
    family: want.family,
    prefix: want.prefix,
    lo: want.first,
    hi: want.first + (1n << host) - 1n,
    loType: want.family === 4 ? 'number' : 'bigint',
  });
}

/** The invariants, checked directly on a result (independently of the brute force's answer). */
function expectValidFree(got: Cidr, within: Spec, prefix: number, taken: readonly Spec[]): void {
  const bits = bitsOf(within.family);
  const step = 1n << BigInt(bits - prefix);
  const lo = BigInt(got.lo);
  const hi = BigInt(got.hi);
  expect(got.family).toBe(within.family);
  expect(got.prefix).toBe(prefix);
  expect(lo % step).toBe(0n); // aligned
  expect(hi - lo + 1n).toBe(step);
  expect(within.first <= lo && hi <= within.last).toBe(true); // inside
  expect(taken.filter((t) => overlapOracle(t, lo, hi, within.family))).toEqual([]); // free
  // ... and the first: every earlier aligned block inside `within` is busy.
  for (let c = within.first; c < lo; c += step) {
    expect(taken.some((t) => overlapOracle(t, c, c + step - 1n, within.family))).toBe(true);
  }
}

// Universes of 2^12 addresses, near 0, in the middle, and at the top of each address space
// (where the next aligned start overflows the space). The IPv6 universe at ::a00:0 has the same
// numbers as 10.0.0.0/20, so an IPv4 block taken there must not block IPv6 room, and vice versa.
const UNIVERSES: ReadonlyArray<readonly [4 | 6, bigint]> = [
  [4, 0x0a000000n],
  [4, 0n],
  [4, 0xfffff000n],
  [6, 0x0a000000n],
  [6, 0x20010db8n << 96n],
  [6, (1n << 128n) - 0x1000n],
];

interface Scenario {
  readonly within: Spec;
  readonly candidates: Spec[];
  readonly prefix: number;
  readonly minPrefix: number;
  readonly taken: Spec[];
}

/** Blocks of 1 to 8 addresses starting at a multiple of 2^j inside the universe. */
function alignedTiny(family: 4 | 6, base: bigint, universeBits: number): fc.Arbitrary<Spec> {
  const mask = (1n << BigInt(universeBits)) - 1n;
  return fc
    .tuple(
      fc.integer({ min: 0, max: universeBits }),
      fc.bigInt({ min: 0n, max: mask }),
      fc.integer({ min: 0, max: 3 }),
    )
    .map(([j, k, d]) => spec(family, base + ((k << BigInt(j)) & mask), bitsOf(family) - d));
}

/** `within` (and the candidates) inside the universe; taken blocks mostly around it. */
function scenario(universeBits: number, withinDepth: number): fc.Arbitrary<Scenario> {
  return fc.constantFrom(...UNIVERSES).chain(([family, base]) => {
    const bits = bitsOf(family);
    const uPrefix = bits - universeBits;
    const inUniverse = blockIn(family, base, uPrefix, withinDepth);
    const other: 4 | 6 = family === 4 ? 6 : 4;
    const takenBlock = fc.oneof(
      { weight: 6, arbitrary: blockIn(family, base, uPrefix, universeBits) },
      { weight: 2, arbitrary: blockIn(family, base, uPrefix - 1, 6) }, // big ones, maybe around
      { weight: 1, arbitrary: blockIn(family, 0n, 0, bits) },
      { weight: 1, arbitrary: blockIn(other, base, bitsOf(other) - universeBits, universeBits) },
      // Tiny blocks (mostly single addresses) at strongly aligned points: they sit exactly on the
      // first address of candidate blocks.
      { weight: 3, arbitrary: alignedTiny(family, base, universeBits) },
    );
    return fc.record({
      within: inUniverse,
      candidates: fc.array(inUniverse, { maxLength: 4 }),
      prefix: fc.integer({ min: uPrefix - 2, max: bits + 1 }),
      minPrefix: fc.integer({ min: 0, max: bits + 1 }),
      taken: fc.array(takenBlock, { maxLength: 10 }),
    });
  });
}

describe('firstFreeBlock', () => {
  it('finds the first aligned free block on examples', () => {
    const vpc = parsed('10.0.0.0/16');
    const taken = ['10.0.0.0/24', '10.0.1.0/25', '10.0.3.0/24'].map(parsed);
    const first = (p: number, t: Cidr[] = taken): string | undefined => {
      const b = firstFreeBlock(vpc, p, t);
      return b && formatCidr(b);
    };
    expect(first(24)).toBe('10.0.2.0/24');
    expect(first(25)).toBe('10.0.1.128/25');
    expect(first(23)).toBe('10.0.4.0/23');
    expect(first(22)).toBe('10.0.4.0/22');
    expect(first(16)).toBeUndefined();
    expect(first(16, [])).toBe('10.0.0.0/16');
    expect(first(15)).toBeUndefined(); // larger than the range
    expect(first(33)).toBeUndefined();
    expect(first(24, [parsed('10.0.0.0/8')])).toBeUndefined(); // the whole range is taken
    expect(first(24, [parsed('::a00:0/104')])).toBe('10.0.0.0/24'); // IPv6 takes no IPv4 room
    expect(first(32, [parsed('10.0.0.0/17'), parsed('10.0.128.0/17')])).toBeUndefined();
    // A single address on the first address of a candidate block makes it busy.
    expect(first(24, [parsed('10.0.0.0/32')])).toBe('10.0.1.0/24');
    expect(first(24, [parsed('10.0.0.0/24'), parsed('10.0.1.0/32')])).toBe('10.0.2.0/24');
    expect(first(16, [parsed('10.0.0.0/32')])).toBeUndefined();
  });

  it('stops at the top of the address space', () => {
    const top = parsed('255.255.255.0/24');
    const f = (p: number, t: string[]): string | undefined => {
      const b = firstFreeBlock(top, p, t.map(parsed));
      return b && formatCidr(b);
    };
    expect(f(25, ['255.255.255.0/25'])).toBe('255.255.255.128/25');
    expect(f(25, ['255.255.255.128/25'])).toBe('255.255.255.0/25');
    expect(f(25, ['255.255.255.0/25', '255.255.255.128/25'])).toBeUndefined();
    expect(f(24, ['255.255.255.255'])).toBeUndefined();
    expect(f(32, ['255.255.255.0/25', '255.255.255.128/26', '255.255.255.192/27'])).toBe(
      '255.255.255.224/32',
    );
    const all6 = parsed('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ff00/120');
    const g = (p: number, t: string[]): string | undefined => {
      const b = firstFreeBlock(all6, p, t.map(parsed));
      return b && formatCidr(b);
    };
    expect(g(121, ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ff00/121'])).toBe(
      'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ff80/121',
    );
    expect(g(120, ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'])).toBeUndefined();
  });

  it('works on large IPv6 ranges', () => {
    const f = (within: string, p: number, t: string[]): string | undefined => {
      const b = firstFreeBlock(parsed(within), p, t.map(parsed));
      return b && formatCidr(b);
    };
    expect(f('::/0', 64, ['::/1'])).toBe('8000::/64');
    expect(f('2001:db8::/32', 48, ['2001:db8::/48', '2001:db8:1::/48'])).toBe('2001:db8:2::/48');
    expect(f('2402:4e00:1000::/56', 64, ['2402:4e00:1000::/57'])).toBe('2402:4e00:1000:80::/64');
    expect(f('2001:db8::/32', 33, ['2001:db8::/33', '2001:db8:8000::/33'])).toBeUndefined();
    expect(f('::/0', 128, ['::/0'])).toBeUndefined();
  });

  it('matches brute force over every aligned candidate in a 2^12-address universe', () => {
    let found = 0;
    let none = 0;
    fc.assert(
      fc.property(scenario(12, 8), ({ within, prefix, taken }) => {
        const got = firstFreeBlock(cidrOfSpec(within), prefix, taken.map(cidrOfSpec));
        const want = bruteFirst(within, prefix, taken);
        expectFound(got, want);
        if (got) {
          found++;
          expectValidFree(got, within, prefix, taken);
        } else if (prefix >= within.prefix && prefix <= bitsOf(within.family)) {
          none++;
        }
      }),
      { numRuns: 1000 },
    );
    // Both outcomes must have been exercised, or the property says little.
    expect(found).toBeGreaterThan(200);
    expect(none).toBeGreaterThan(50);
  });
});

describe('firstFreeBlockIn', () => {
  it('uses the first candidate with room', () => {
    const taken = ['10.0.0.0/16', '172.16.0.0/12'].map(parsed);
    const candidates = ['10.0.0.0/16', '172.16.0.0/12', '192.168.0.0/16', '10.1.0.0/16'].map(
      parsed,
    );
    const b = firstFreeBlockIn(candidates, 20, taken);
    expect(b && formatCidr(b)).toBe('192.168.0.0/20');
    expect(firstFreeBlockIn([], 20, taken)).toBeUndefined();
    expect(firstFreeBlockIn(candidates.slice(0, 2), 20, taken)).toBeUndefined();
    // A candidate too small for the prefix is skipped, not an error.
    const c = firstFreeBlockIn([parsed('10.9.0.0/24'), parsed('10.8.0.0/16')], 20, []);
    expect(c && formatCidr(c)).toBe('10.8.0.0/20');
  });

  it('matches brute force over the candidates in order', () => {
    fc.assert(
      fc.property(scenario(12, 8), ({ candidates, prefix, taken }) => {
        const got = firstFreeBlockIn(candidates.map(cidrOfSpec), prefix, taken.map(cidrOfSpec));
        let want: Found | undefined;
        for (const c of candidates) {
          want = bruteFirst(c, prefix, taken);
          if (want) break;
        }
        expectFound(got, want);
      }),
      { numRuns: 500 },
    );
  });
});

describe('largestFreeBlock', () => {
  it('finds the largest free block on examples', () => {
    const vpc = parsed('10.0.0.0/16');
    const l = (t: string[], min?: number): string | undefined => {
      const b = largestFreeBlock(vpc, t.map(parsed), min);
      return b && formatCidr(b);
    };
    expect(l([])).toBe('10.0.0.0/16');
    expect(l(['10.0.0.0/24'])).toBe('10.0.128.0/17');
    expect(l(['10.0.0.0/17', '10.0.192.0/18'])).toBe('10.0.128.0/18');
    expect(l(['10.0.0.0/16'])).toBeUndefined();
    expect(l(['10.0.0.0/8'])).toBeUndefined();
    expect(l([], 20)).toBe('10.0.0.0/20');
    expect(l([], 8)).toBe('10.0.0.0/16'); // never larger than the range itself
    expect(l(['10.0.0.0/17', '10.0.128.0/18', '10.0.192.0/19', '10.0.224.0/20'], 18)).toBe(
      '10.0.240.0/20',
    );
    expect(l([], 33)).toBeUndefined();
    const b = largestFreeBlock(parsed('2001:db8::/32'), [parsed('2001:db8::/33')]);
    expect(b && formatCidr(b)).toBe('2001:db8:8000::/33');
  });

  it('matches brute force over every prefix and aligned candidate in a 2^8-address universe', () => {
    let found = 0;
    let none = 0;
    fc.assert(
      fc.property(scenario(8, 6), fc.boolean(), ({ within, minPrefix, taken }, useMin) => {
        const cidrs = taken.map(cidrOfSpec);
        const got = useMin
          ? largestFreeBlock(cidrOfSpec(within), cidrs, minPrefix)
          : largestFreeBlock(cidrOfSpec(within), cidrs);
        const want = bruteLargest(within, taken, useMin ? minPrefix : within.prefix);
        expectFound(got, want);
        if (got) {
          found++;
          expectValidFree(got, within, got.prefix, taken);
        } else {
          none++;
        }
      }),
      { numRuns: 500 },
    );
    expect(found).toBeGreaterThan(100);
    expect(none).toBeGreaterThan(10);
  });
});

describe('FreeSpace', () => {
  it('answers many questions about one set of taken ranges as brute force does', () => {
    fc.assert(
      fc.property(
        scenario(12, 8),
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 6 }),
        ({ within, taken }, extra) => {
          const space = new FreeSpace(taken.map(cidrOfSpec));
          for (const d of extra) {
            const prefix = Math.min(bitsOf(within.family), within.prefix + d);
            const rejected: Cidr[] = [];
            const got = space.first(cidrOfSpec(within), prefix, (first, count) => {
              for (let k = 0n; k < count; k++)
                rejected.push(
                  blockAt(
                    within.family,
                    BigInt(first.lo) + k * (BigInt(first.hi) - BigInt(first.lo) + 1n),
                    prefix,
                  ),
                );
            });
            expectFound(got, bruteFirst(within, prefix, taken));
            // What it passed over is blocked, in order, and before what it found.
            let previous = -1n;
            for (const r of rejected) {
              const lo = BigInt(r.lo);
              expect(r.prefix).toBe(prefix);
              expect(lo > previous).toBe(true);
              previous = lo;
              expect(taken.some((t) => overlapOracle(t, lo, BigInt(r.hi), within.family))).toBe(
                true,
              );
              expect(space.isFree(r)).toBe(false);
            }
            if (got) {
              expect(BigInt(got.lo) > previous).toBe(true);
              expect(space.isFree(got)).toBe(true);
            }
            // Every candidate before the answer (all of them when none is free) was passed over.
            if (prefix >= within.prefix) {
              const step = 1n << BigInt(bitsOf(within.family) - prefix);
              const before = got
                ? (BigInt(got.lo) - within.first) / step
                : (within.last - within.first + 1n) / step;
              expect(BigInt(rejected.length)).toBe(before);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  }, 60_000);
});
