// Finding room: the first aligned block of a given size inside some ranges that overlaps none of
// the ranges already taken. Used for suggestions in findings and for placing new objects.
import { blockAt, compareCidr, maxPrefix, overlaps, type Cidr } from './cidr';

function big(n: number | bigint): bigint {
  return BigInt(n);
}

/** The first block of `prefix` inside `within` that overlaps nothing in `taken`. */
export function firstFreeBlock(
  within: Cidr,
  prefix: number,
  taken: readonly Cidr[],
): Cidr | undefined {
  if (prefix < within.prefix || prefix > maxPrefix(within.family)) return undefined;
  const step = 1n << BigInt(maxPrefix(within.family) - prefix);
  const busy = taken.filter((t) => overlaps(t, within)).sort(compareCidr);
  let candidate = big(within.lo);
  const end = big(within.hi);
  for (const t of busy) {
    const tlo = big(t.lo);
    const thi = big(t.hi);
    if (candidate + step - 1n < tlo) break;
    if (thi >= candidate) {
      // Jump past this taken block, to the next aligned start.
      candidate = ((thi + 1n + step - 1n) / step) * step;
    }
  }
  if (candidate + step - 1n > end) return undefined;
  return blockAt(within.family, within.family === 4 ? Number(candidate) : candidate, prefix);
}

/** The first free block of `prefix` in the first of `candidates` that has room. */
export function firstFreeBlockIn(
  candidates: readonly Cidr[],
  prefix: number,
  taken: readonly Cidr[],
): Cidr | undefined {
  for (const c of candidates) {
    const b = firstFreeBlock(c, prefix, taken);
    if (b) return b;
  }
  return undefined;
}

/** The largest block (shortest prefix, at least `minPrefix`) free inside `within`. */
export function largestFreeBlock(
  within: Cidr,
  taken: readonly Cidr[],
  minPrefix = within.prefix,
): Cidr | undefined {
  for (let p = Math.max(minPrefix, within.prefix); p <= maxPrefix(within.family); p++) {
    const b = firstFreeBlock(within, p, taken);
    if (b) return b;
  }
  return undefined;
}
