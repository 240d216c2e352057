// CIDR blocks either nest or are disjoint. Sorted by first address (larger block first), the
// blocks still open at any point form a chain, each inside the one below it; so one sweep with a
// stack finds every overlapping pair in O(N log N + K) instead of comparing all N² pairs.
import { compareCidr, type Cidr } from './cidr';

/** Indices of `cidrs` in sweep order: by family, first address, then larger block first. */
export function sortedOrder(cidrs: readonly Cidr[]): number[] {
  const order = Array.from(cidrs, (_, i) => i);
  order.sort((a, b) => compareCidr(cidrs[a]!, cidrs[b]!) || a - b);
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
