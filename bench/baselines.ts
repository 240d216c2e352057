// Every overlapping pair among a list of CIDRs, three ways: the way peers do it (compare every
// pair, with ipaddr.js or with cidr-tools) and ours (parse once, one sorted sweep). Each returns
// pairs of indices [i, j] with i < j; the order of the list differs, the set does not.
import { overlapCidr } from 'cidr-tools';
import ipaddr from 'ipaddr.js';
import { toCidr, type Cidr } from '../src/domain/ip/cidr';
import { forEachOverlap, overlappingPairs } from '../src/domain/ip/overlap-index';

export type Pair = [number, number];

/** Where `sweepOurs` writes its pairs, kept between calls as a caller of the sweep keeps its state. */
let scratch = new Int32Array(1 << 16);

/**
 * Ours, as the timing measures it: parse each range once, then the sweep of
 * src/domain/ip/overlap-index.ts, each pair written as two indices into a buffer (the rules act
 * on each pair as the sweep finds it; nothing is built per pair). The view is good until the next
 * call.
 */
export function sweepOurs(cidrs: readonly string[]): Int32Array {
  const parsed: Cidr[] = cidrs.map(toCidr);
  let n = 0;
  forEachOverlap(parsed, (a, b) => {
    if (n + 2 > scratch.length) {
      const grown = new Int32Array(scratch.length * 2);
      grown.set(scratch);
      scratch = grown;
    }
    scratch[n++] = a;
    scratch[n++] = b;
  });
  return scratch.subarray(0, n);
}

/** Ours as a list of pairs, to compare with the peers. */
export function pairsOurs(cidrs: readonly string[]): Pair[] {
  return overlappingPairs(cidrs.map(toCidr));
}

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** O(N²) with ipaddr.js: parse each range once, then test every pair with `match`. */
export function pairsIpaddr(cidrs: readonly string[]): Pair[] {
  const ranges: Range[] = cidrs.map((text) => ipaddr.parseCIDR(text));
  const pairs: Pair[] = [];
  for (let i = 0; i < ranges.length; i++) {
    const [a, aBits] = ranges[i]!;
    for (let j = i + 1; j < ranges.length; j++) {
      const [b, bBits] = ranges[j]!;
      if (a.kind() !== b.kind()) continue;
      // CIDRs nest or are disjoint: they overlap when the narrower one starts inside the wider.
      const hit = aBits <= bBits ? b.match(a, aBits) : a.match(b, bBits);
      if (hit) pairs.push([i, j]);
    }
  }
  return pairs;
}

/** O(N²) with cidr-tools v11: `overlapCidr(a, b)` on the strings, for every pair. */
export function pairsCidrTools(cidrs: readonly string[]): Pair[] {
  const pairs: Pair[] = [];
  for (let i = 0; i < cidrs.length; i++) {
    const a = cidrs[i]!;
    for (let j = i + 1; j < cidrs.length; j++) {
      if (overlapCidr(a, cidrs[j]!)) pairs.push([i, j]);
    }
  }
  return pairs;
}

/** A canonical form of a set of unordered pairs, to compare the results of different methods. */
export function pairKey(pairs: readonly Pair[]): string {
  return pairs
    .map(([a, b]) => Math.min(a, b) * 2 ** 21 + Math.max(a, b))
    .sort((x, y) => x - y)
    .join(',');
}
