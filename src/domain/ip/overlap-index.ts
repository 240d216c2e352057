// CIDR blocks either nest or are disjoint. Sorted by first address (larger block first), the
// blocks still open at any point form a chain, each inside the one below it; so one sweep with a
// stack finds every overlapping pair in O(N log N + K) instead of comparing all N² pairs.
import { compareCidr, type Cidr } from './cidr';

/** Up to this many IPv4 blocks, each one's sort key and index fit in one exact double. */
const PACKED_LIMIT = 2 ** 15;

/**
 * Indices of `cidrs` in sweep order: by family, first address, then larger block first; equal
 * blocks in index order (the order of a stable sort with `compareCidr`).
 */
export function sortedOrder(cidrs: readonly Cidr[]): number[] {
  const n = cidrs.length;
  const v4: number[] = [];
  const v6: number[] = [];
  for (let i = 0; i < n; i++) (cidrs[i]!.family === 4 ? v4 : v6).push(i);
  let order: number[];
  if (v4.length <= PACKED_LIMIT) {
    // First address (32 bits), prefix (6) and position among the IPv4 blocks (15): 53 bits,
    // sorted by the engine's numeric sort with no comparator to call, in the same order as
    // compareCidr, then index.
    const m = v4.length;
    const keys = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      const c = cidrs[v4[j]!]!;
      keys[j] = ((c.lo as number) * 64 + c.prefix) * PACKED_LIMIT + j;
    }
    keys.sort();
    // Small integers pushed one by one: an array of them stays one the engine indexes fastest.
    order = [];
    for (let j = 0; j < m; j++) order.push(v4[(keys[j]! % PACKED_LIMIT) | 0]!);
  } else {
    order = v4;
    order.sort((a, b) => compareCidr(cidrs[a]!, cidrs[b]!) || a - b);
  }
  if (v6.length > 0) {
    v6.sort((a, b) => compareCidr(cidrs[a]!, cidrs[b]!) || a - b);
    for (const i of v6) order.push(i);
  }
  return order;
}

/**
 * Calls `visit(outer, inner)` for every pair of overlapping blocks, as indices into `cidrs`
 * (outer contains inner; for equal blocks, the earlier index is outer), each unordered pair once,
 * in sweep order. Nothing is built per pair: at 10k ranges there are 44,000 pairs, and making
 * each an array took five times as long as finding them.
 */
export function forEachOverlap(
  cidrs: readonly Cidr[],
  visit: (outer: number, inner: number) => void,
): void {
  const stack: number[] = [];
  let family = 0;
  for (const i of sortedOrder(cidrs)) {
    const c = cidrs[i]!;
    if (c.family !== family) {
      stack.length = 0;
      family = c.family;
    }
    while (stack.length > 0 && cidrs[stack[stack.length - 1]!]!.hi < c.lo) stack.pop();
    for (let k = 0; k < stack.length; k++) visit(stack[k]!, i);
    stack.push(i);
  }
}

/** The pairs of `forEachOverlap` as a list, for a caller that sorts them. */
export function overlappingPairs(cidrs: readonly Cidr[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  forEachOverlap(cidrs, (outer, inner) => pairs.push([outer, inner]));
  return pairs;
}

/**
 * Calls `visit(a, b)` for every pair (a from `left`, b from `right`) that overlaps, in
 * O((N+M) log(N+M) + K).
 */
export function forEachCrossOverlap(
  left: readonly Cidr[],
  right: readonly Cidr[],
  visit: (a: number, b: number) => void,
): void {
  const n = left.length;
  forEachOverlap([...left, ...right], (a, b) => {
    if (a < n && b >= n) visit(a, b - n);
    else if (a >= n && b < n) visit(b, a - n);
  });
}
