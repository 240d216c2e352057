// The address map's data: the plan's IPv4 ranges nested into lanes, their conflicts, the free
// space of each root range (computed in address-map-free.ts), and a query for what to draw in an
// address window at a given resolution.
//
// CIDR blocks are laminar (two blocks are nested or disjoint), so one sweep over the ranges
// sorted by first address (larger block first) with a stack of open blocks gives each range its
// ancestors: its depth is the lane it is drawn in, the ranges of one lane are disjoint and sorted,
// and every overlap is a range and one of its ancestors. The query walks one lane from a binary
// search and folds the ranges narrower than a pixel into one segment a pixel (another binary
// search), so it costs about the window's width in pixels, however many ranges there are.
import { MAP_KINDS, type MapKind, type RangeEntry } from './address-map-ranges';
import {
  freeSpace,
  largestBlockIn,
  type FreeBlock,
  type Gaps,
  type MapRoot,
} from './address-map-free';

/** A run of one lane to draw: one range, or several narrower than a pixel folded into one. */
export interface Segment {
  readonly lo: number;
  readonly hi: number;
  /** Index into `ranges` of the first range of the segment. */
  readonly first: number;
  readonly count: number;
  readonly conflict: boolean;
}

/** A run of free space to draw, with the largest aligned block inside it. */
export interface FreeSegment {
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
  readonly best: FreeBlock;
}

const KIND_ORDER = new Map(MAP_KINDS.map((k, i) => [k, i]));

/** Map order: first address, then the larger block, then VPC ranges above what they hold. */
export function compareEntries(a: RangeEntry, b: RangeEntry): number {
  if (a.lo !== b.lo) return a.lo - b.lo;
  if (a.prefix !== b.prefix) return a.prefix - b.prefix;
  return KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)!;
}

/** Whether two VPC scopes see each other: a shared VPC, or one connected to the other. */
export type Sees = (a: RangeEntry, b: RangeEntry) => boolean;

/**
 * Whether `inner`, inside (or equal to) `outer`, overlaps it by mistake. Not a conflict: a route
 * destination (it points at someone's range), a subnet in its own VPC's CIDR, a cluster's service
 * CIDR in its container CIDR, two ranges of one owner, two reservations, and ranges that no VPC
 * sees together (two unconnected VPCs may reuse a block).
 */
export function conflicts(outer: RangeEntry, inner: RangeEntry, sees: Sees): boolean {
  if (outer.kind === 'route' || inner.kind === 'route') return false;
  if (outer.owner === inner.owner) return false;
  if (outer.kind === 'reservation' && inner.kind === 'reservation') return false;
  if (
    (outer.kind === 'vpc' || outer.kind === 'vpc-secondary') &&
    (inner.kind === 'subnet' || inner.kind === 'pod-subnet') &&
    inner.vpc === outer.owner
  )
    return false;
  return sees(outer, inner);
}

/** The first index in `a` (sorted ascending) whose value is at least `x`. */
function lowerBound(a: Float64Array, x: number, from = 0, to = a.length): number {
  let l = from;
  let r = to;
  while (l < r) {
    const m = (l + r) >> 1;
    if (a[m]! < x) l = m + 1;
    else r = m;
  }
  return l;
}

interface Lane {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  /** Index into `ranges`. */
  readonly index: Int32Array;
  /** conflictsBefore[i]: conflicted ranges among the first i of the lane. */
  readonly conflictsBefore: Int32Array;
}

export class AddressMap {
  /** Every range in map order. */
  readonly ranges: readonly RangeEntry[];
  /** Lane of each range: how many ranges hold it (an identical range earlier in the order counts). */
  readonly depth: Int32Array;
  /** 1 where a range overlaps one it should not (see `conflicts`). */
  readonly conflict: Uint8Array;
  readonly roots: readonly MapRoot[];
  readonly conflictCount: number;
  private readonly lanes: Lane[];
  private readonly gaps: Gaps;

  constructor(entries: readonly RangeEntry[], sees: Sees = () => true) {
    const sorted = [...entries].sort(compareEntries);
    const depth = new Int32Array(sorted.length);
    const conflict = new Uint8Array(sorted.length);
    const stack: number[] = [];
    for (let i = 0; i < sorted.length; i++) {
      const r = sorted[i]!;
      while (stack.length > 0 && sorted[stack[stack.length - 1]!]!.hi < r.lo) stack.pop();
      depth[i] = stack.length;
      for (const a of stack)
        if (conflicts(sorted[a]!, r, sees)) {
          conflict[a] = 1;
          conflict[i] = 1;
        }
      stack.push(i);
    }
    let conflictCount = 0;
    for (const c of conflict) conflictCount += c;
    this.ranges = sorted;
    this.depth = depth;
    this.conflict = conflict;
    this.conflictCount = conflictCount;
    this.lanes = buildLanes(depth, sorted, conflict);
    const { roots, gaps } = freeSpace(sorted);
    this.roots = roots;
    this.gaps = gaps;
  }

  get laneCount(): number {
    return this.lanes.length;
  }

  /**
   * What lane `depth` draws between addresses lo and hi when one pixel holds `perPixel`
   * addresses: ranges at least a pixel wide one by one, narrower ones folded a pixel at a time.
   */
  segments(depth: number, lo: number, hi: number, perPixel: number): Segment[] {
    const lane = this.lanes[depth];
    const out: Segment[] = [];
    if (!lane) return out;
    const n = lane.lo.length;
    let i = lowerBound(lane.hi, lo);
    while (i < n && lane.lo[i]! <= hi) {
      const width = lane.hi[i]! - lane.lo[i]! + 1;
      if (width >= perPixel) {
        out.push({
          lo: lane.lo[i]!,
          hi: lane.hi[i]!,
          first: lane.index[i]!,
          count: 1,
          conflict: lane.conflictsBefore[i + 1]! > lane.conflictsBefore[i]!,
        });
        i++;
        continue;
      }
      // Fold every range that starts within a pixel of this one, but stop before a wide one.
      const stop = Math.min(lane.lo[i]! + perPixel, hi + 1);
      let j = Math.max(i + 1, lowerBound(lane.lo, stop, i + 1));
      while (j - 1 > i && lane.hi[j - 1]! - lane.lo[j - 1]! + 1 >= perPixel) j--;
      out.push({
        lo: lane.lo[i]!,
        hi: lane.hi[j - 1]!,
        first: lane.index[i]!,
        count: j - i,
        conflict: lane.conflictsBefore[j]! > lane.conflictsBefore[i]!,
      });
      i = j;
    }
    return out;
  }

  /** The free space to draw between lo and hi, folded like `segments`. */
  freeSegments(lo: number, hi: number, perPixel: number): FreeSegment[] {
    const g = this.gaps;
    const out: FreeSegment[] = [];
    const n = g.lo.length;
    let i = lowerBound(g.hi, lo);
    while (i < n && g.lo[i]! <= hi) {
      let j = i + 1;
      if (g.hi[i]! - g.lo[i]! + 1 < perPixel) {
        j = Math.max(i + 1, lowerBound(g.lo, Math.min(g.lo[i]! + perPixel, hi + 1), i + 1));
      }
      let k = i;
      for (let m = i + 1; m < j && m < i + 64; m++) if (g.best[m]! > g.best[k]!) k = m;
      out.push({
        lo: g.lo[i]!,
        hi: g.hi[j - 1]!,
        count: j - i,
        best: largestBlockIn(g.lo[k]!, g.hi[k]!),
      });
      i = j;
    }
    return out;
  }

  /** The range of lane `depth` that holds `addr`, as an index into `ranges`, or -1. */
  rangeAt(depth: number, addr: number): number {
    const lane = this.lanes[depth];
    if (!lane) return -1;
    const i = lowerBound(lane.hi, addr);
    return i < lane.lo.length && lane.lo[i]! <= addr ? lane.index[i]! : -1;
  }

  /** The range of lane `depth` nearest to `addr` within `slack` addresses, or -1. */
  rangeNear(depth: number, addr: number, slack: number): number {
    const hit = this.rangeAt(depth, addr);
    if (hit >= 0 || slack <= 0) return hit;
    const lane = this.lanes[depth];
    if (!lane) return -1;
    const i = lowerBound(lane.hi, addr);
    let best = -1;
    let bestDist = slack + 1;
    for (const k of [i - 1, i]) {
      if (k < 0 || k >= lane.lo.length) continue;
      const d = addr < lane.lo[k]! ? lane.lo[k]! - addr : addr - lane.hi[k]!;
      if (d < bestDist) {
        bestDist = d;
        best = lane.index[k]!;
      }
    }
    return best;
  }

  /** The free gap holding `addr` with its largest block, or undefined. */
  freeAt(addr: number): { lo: number; hi: number; best: FreeBlock } | undefined {
    const g = this.gaps;
    const i = lowerBound(g.hi, addr);
    if (i >= g.lo.length || g.lo[i]! > addr) return undefined;
    return { lo: g.lo[i]!, hi: g.hi[i]!, best: largestBlockIn(g.lo[i]!, g.hi[i]!) };
  }

  /** The root a range or address sits in. */
  rootOf(addr: number): MapRoot | undefined {
    return this.roots.find((r) => r.lo <= addr && addr <= r.hi);
  }
}

function buildLanes(
  depth: Int32Array,
  ranges: readonly RangeEntry[],
  conflict: Uint8Array,
): Lane[] {
  const counts: number[] = [];
  for (const d of depth) counts[d] = (counts[d] ?? 0) + 1;
  const lanes = counts.map((n) => ({
    lo: new Float64Array(n),
    hi: new Float64Array(n),
    index: new Int32Array(n),
    conflictsBefore: new Int32Array(n + 1),
  }));
  const fill = new Int32Array(counts.length);
  for (let i = 0; i < ranges.length; i++) {
    const d = depth[i]!;
    const lane = lanes[d]!;
    const k = fill[d]!++;
    lane.lo[k] = ranges[i]!.lo;
    lane.hi[k] = ranges[i]!.hi;
    lane.index[k] = i;
    lane.conflictsBefore[k + 1] = lane.conflictsBefore[k]! + conflict[i]!;
  }
  return lanes;
}

export type { MapKind };
