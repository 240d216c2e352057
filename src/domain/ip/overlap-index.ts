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
 * Every pair of overlapping blocks, as [outer, inner] indices into `cidrs` (outer contains inner;
 * for equal blocks, the earlier index is outer). Each unordered pair appears once.
 */
export function overlappingPairs(cidrs: readonly Cidr[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  const stack: number[] = [];
  let family = 0;
  for (const i of sortedOrder(cidrs)) {
    const c = cidrs[i]!;
    if (c.family !== family) {
      stack.length = 0;
      family = c.family;
    }
    while (stack.length > 0 && cidrs[stack[stack.length - 1]!]!.hi < c.lo) stack.pop();
    for (const s of stack) pairs.push([s, i]);
    stack.push(i);
  }
  return pairs;
}

/** Every pair (a from `left`, b from `right`) that overlaps, in O((N+M) log(N+M) + K). */
export function crossOverlaps(
  left: readonly Cidr[],
  right: readonly Cidr[],
): Array<[number, number]> {
  const all = [...left, ...right];
  const out: Array<[number, number]> = [];
  for (const [a, b] of overlappingPairs(all)) {
    const aLeft = a < left.length;
    const bLeft = b < left.length;
    if (aLeft && !bLeft) out.push([a, b - left.length]);
    else if (!aLeft && bLeft) out.push([b, a - left.length]);
  }
  return out;
}
