// Finding room: the first aligned block of a given size inside some ranges that overlaps none of
// the ranges already taken. Used for suggestions in findings, for placing new objects and by the
// address planner, which asks many questions of one set of taken ranges: so the taken ranges are
// sorted and merged once (FreeSpace), and each question is a binary search and a short walk.
import { blockAt, maxPrefix, overlaps, type Cidr, type Family } from './cidr';

interface Intervals {
  /** Sorted, disjoint and not adjacent: [lo[i], hi[i]], as bigints so that one walk serves both families. */
  readonly lo: bigint[];
  readonly hi: bigint[];
}

/** The taken ranges of both families, sorted and merged, ready for many questions. */
export class FreeSpace {
  private readonly families: Record<Family, Intervals>;

  constructor(private readonly taken: readonly Cidr[]) {
    this.families = { 4: merge(taken, 4), 6: merge(taken, 6) };
  }

  get size(): number {
    return this.taken.length;
  }

  /**
   * The first block of `prefix` inside `within` that overlaps nothing taken. `reject` hears of
   * the candidates passed over, a run at a time (the search jumps over a taken range at once):
   * the first blocked block and how many blocks of that size in a row are blocked from there.
   */
  first(
    within: Cidr,
    prefix: number,
    reject?: (first: Cidr, count: bigint) => void,
  ): Cidr | undefined {
    const bits = maxPrefix(within.family);
    if (prefix < within.prefix || prefix > bits) return undefined;
    const { lo, hi } = this.families[within.family];
    const step = 1n << BigInt(bits - prefix);
    const end = BigInt(within.hi);
    const at = (x: bigint) => blockAt(within.family, within.family === 4 ? Number(x) : x, prefix);
    let candidate = BigInt(within.lo);
    // The first interval that ends at or after the candidate: hi is sorted, as the intervals are disjoint.
    let i = lowerBound(hi, candidate);
    while (candidate + step - 1n <= end) {
      while (i < hi.length && hi[i]! < candidate) i++;
      if (i >= lo.length || lo[i]! > candidate + step - 1n) {
        return at(candidate);
      }
      // Jump past this taken interval, to the next aligned start.
      const next = ((hi[i]! + 1n + step - 1n) / step) * step;
      if (reject) {
        const stop = next < end + 1n ? next : end + 1n;
        reject(at(candidate), (stop - candidate) / step);
      }
      candidate = next;
    }
    return undefined;
  }

  /** The first free block of `prefix` in the first of `candidates` that has room. */
  firstIn(candidates: readonly Cidr[], prefix: number): Cidr | undefined {
    for (const c of candidates) {
      const b = this.first(c, prefix);
      if (b) return b;
    }
    return undefined;
  }

  /** The largest block (shortest prefix, at least `minPrefix`) free inside `within`. */
  largest(within: Cidr, minPrefix = within.prefix): Cidr | undefined {
    for (let p = Math.max(minPrefix, within.prefix); p <= maxPrefix(within.family); p++) {
      const b = this.first(within, p);
      if (b) return b;
    }
    return undefined;
  }

  /** Whether a block overlaps nothing taken. */
  isFree(c: Cidr): boolean {
    const { lo, hi } = this.families[c.family];
    const i = lowerBound(hi, BigInt(c.lo));
    return i >= lo.length || lo[i]! > BigInt(c.hi);
  }
}

function merge(taken: readonly Cidr[], family: Family): Intervals {
  const list = taken
    .filter((t) => t.family === family)
    .map((t) => [BigInt(t.lo), BigInt(t.hi)] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const lo: bigint[] = [];
  const hi: bigint[] = [];
  for (const [l, h] of list) {
    const last = hi.length - 1;
    if (last >= 0 && l <= hi[last]! + 1n) {
      if (h > hi[last]!) hi[last] = h;
    } else {
      lo.push(l);
      hi.push(h);
    }
  }
  return { lo, hi };
}

/** The first index whose value is at least `x` (values sorted ascending). */
function lowerBound(values: readonly bigint[], x: bigint): number {
  let a = 0;
  let b = values.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (values[m]! < x) a = m + 1;
    else b = m;
  }
  return a;
}

/** The first block of `prefix` inside `within` that overlaps nothing in `taken`. */
export function firstFreeBlock(
  within: Cidr,
  prefix: number,
  taken: readonly Cidr[],
): Cidr | undefined {
  return new FreeSpace(taken.filter((t) => overlaps(t, within))).first(within, prefix);
}

/** The first free block of `prefix` in the first of `candidates` that has room. */
export function firstFreeBlockIn(
  candidates: readonly Cidr[],
  prefix: number,
  taken: readonly Cidr[],
): Cidr | undefined {
  return new FreeSpace(taken).firstIn(candidates, prefix);
}

/** The largest block (shortest prefix, at least `minPrefix`) free inside `within`. */
export function largestFreeBlock(
  within: Cidr,
  taken: readonly Cidr[],
  minPrefix = within.prefix,
): Cidr | undefined {
  return new FreeSpace(taken.filter((t) => overlaps(t, within))).largest(within, minPrefix);
}
