// The free space of the address map: the root ranges everything is drawn in (the private ranges,
// and a /8 for what lies outside them), what each has taken and free, its largest free blocks,
// and the gaps between taken space that the map draws as free segments.
import { formatV4 } from '../ip/cidr';
import type { RangeEntry } from './address-map-ranges';

export interface FreeBlock {
  readonly cidr: string;
  readonly lo: number;
  readonly hi: number;
  readonly prefix: number;
  readonly size: number;
}

export interface MapRoot {
  readonly cidr: string;
  readonly lo: number;
  readonly hi: number;
  readonly prefix: number;
  readonly private: boolean;
  /** Addresses covered by some range other than a route destination (a route claims nothing). */
  readonly used: number;
  readonly free: number;
  /** The largest aligned free blocks, largest first (one per free gap), at most `TOP_FREE`. */
  readonly largestFree: readonly FreeBlock[];
}

const TOP_FREE = 5;
const PRIVATE = [
  [0x0a000000, 8],
  [0xac100000, 12],
  [0xc0a80000, 16],
] as const;

export interface Gaps {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  /** Size of the largest block of each gap, for the biggest one of a folded run. */
  readonly best: Float64Array;
}

function cidrText(lo: number, prefix: number): string {
  return `${formatV4(lo)}/${prefix}`;
}

/** The largest aligned block inside [lo, hi]. */
export function largestBlockIn(lo: number, hi: number): FreeBlock {
  for (let p = 0; p <= 32; p++) {
    const size = 2 ** (32 - p);
    const start = Math.ceil(lo / size) * size;
    if (start + size - 1 <= hi)
      return { cidr: cidrText(start, p), lo: start, hi: start + size - 1, prefix: p, size };
  }
  /* c8 ignore next */
  throw new Error('an empty interval has no block');
}

interface RootBox {
  lo: number;
  hi: number;
  prefix: number;
  private: boolean;
}

/**
 * The root ranges: the three private ranges, and for ranges outside them the /8 that holds each
 * (or the range itself when larger), merged where they nest.
 */
export function rootRanges(
  ranges: readonly { lo: number; hi: number; prefix: number }[],
): RootBox[] {
  const roots: RootBox[] = PRIVATE.map(([lo, p]) => ({
    lo,
    hi: lo + 2 ** (32 - p) - 1,
    prefix: p,
    private: true,
  }));
  const extra = new Map<number, RootBox>();
  for (const r of ranges) {
    // Inside a private range, or over one (a /7 route): drawn there, clipped, not a root of its own.
    if (roots.some((x) => x.lo <= r.hi && r.lo <= x.hi)) continue;
    const p = Math.min(8, r.prefix);
    const size = 2 ** (32 - p);
    const lo = Math.floor(r.lo / size) * size;
    const prev = extra.get(lo);
    if (!prev || prev.prefix > p)
      extra.set(lo, { lo, hi: lo + size - 1, prefix: p, private: false });
  }
  const list = [...extra.values()].sort((a, b) => a.lo - b.lo || a.prefix - b.prefix);
  const kept: RootBox[] = [];
  for (const r of list) {
    const last = kept[kept.length - 1];
    if (last && r.lo <= last.hi) continue; // nested in the previous (blocks are laminar)
    kept.push(r);
  }
  return [...roots, ...kept];
}

export function freeSpace(ranges: readonly RangeEntry[]): { roots: MapRoot[]; gaps: Gaps } {
  // Taken space: the union of every range but route destinations, merged (ranges are sorted).
  const takenLo: number[] = [];
  const takenHi: number[] = [];
  for (const r of ranges) {
    if (r.kind === 'route') continue;
    const last = takenHi.length - 1;
    if (last >= 0 && r.lo <= takenHi[last]! + 1) {
      if (r.hi > takenHi[last]!) takenHi[last] = r.hi;
    } else {
      takenLo.push(r.lo);
      takenHi.push(r.hi);
    }
  }
  const boxes = rootRanges(ranges).sort((a, b) => a.lo - b.lo);
  const gapLo: number[] = [];
  const gapHi: number[] = [];
  const gapBest: number[] = [];
  const roots: MapRoot[] = [];
  let t = 0;
  for (const box of boxes) {
    while (t < takenHi.length && takenHi[t]! < box.lo) t++;
    let at = box.lo;
    let used = 0;
    const rootGaps: Array<[number, number]> = [];
    for (let k = t; k < takenLo.length && takenLo[k]! <= box.hi; k++) {
      const lo = Math.max(takenLo[k]!, box.lo);
      const hi = Math.min(takenHi[k]!, box.hi);
      if (lo > at) rootGaps.push([at, lo - 1]);
      used += hi - lo + 1;
      at = hi + 1;
    }
    if (at <= box.hi) rootGaps.push([at, box.hi]);
    const blocks: FreeBlock[] = [];
    for (const [lo, hi] of rootGaps) {
      const best = largestBlockIn(lo, hi);
      gapLo.push(lo);
      gapHi.push(hi);
      gapBest.push(best.size);
      blocks.push(best);
    }
    blocks.sort((a, b) => b.size - a.size || a.lo - b.lo);
    const size = box.hi - box.lo + 1;
    roots.push({
      cidr: cidrText(box.lo, box.prefix),
      lo: box.lo,
      hi: box.hi,
      prefix: box.prefix,
      private: box.private,
      used,
      free: size - used,
      largestFree: blocks.slice(0, TOP_FREE),
    });
  }
  // Root order for people: the private ranges as listed, then the others by address.
  roots.sort((a, b) => Number(b.private) - Number(a.private) || a.lo - b.lo);
  return {
    roots,
    gaps: {
      lo: Float64Array.from(gapLo),
      hi: Float64Array.from(gapHi),
      best: Float64Array.from(gapBest),
    },
  };
}
