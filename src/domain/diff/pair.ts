// Pairs the items of two lists that share a key. The two sides of a diff are mostly the same items
// in the same order (a plan and its edited self, or two files written by the same tool), so a walk
// down both lists pairs nearly all of them by comparing neighbours; only the items the walk cannot
// place go through a map. At 100,000 objects a map per side was most of the diff's time.

/** How far ahead the walk looks for an item's partner after a run of inserts or removals. */
const LOOKAHEAD = 8;

export interface Pairing {
  /** For each item of `after`, the index of its partner in `before`, or -1 (an added item). */
  readonly partnerOfAfter: Int32Array;
  /** 1 where an item of `before` has a partner (0: a removed item). */
  readonly pairedBefore: Uint8Array;
}

/**
 * Pairs items with equal keys, assuming a key occurs at most once in each list (ids in a plan,
 * source and destination in an analysis); where it repeats, its first unpaired occurrence pairs.
 */
export function pairByKey<T>(
  before: readonly T[],
  after: readonly T[],
  same: (a: T, b: T) => boolean,
  key: (x: T) => string,
): Pairing {
  const partnerOfAfter = new Int32Array(after.length).fill(-1);
  const pairedBefore = new Uint8Array(before.length);
  let i = 0;
  let j = 0;
  let unpaired = false;
  while (i < before.length && j < after.length) {
    if (same(before[i]!, after[j]!)) {
      partnerOfAfter[j++] = i;
      pairedBefore[i++] = 1;
      continue;
    }
    unpaired = true;
    // Items inserted in `after` (skip them) or removed from `before` (skip those): the nearer wins.
    let resynced = false;
    for (let k = 1; k <= LOOKAHEAD && !resynced; k++) {
      if (j + k < after.length && same(before[i]!, after[j + k]!)) {
        j += k;
        resynced = true;
      } else if (i + k < before.length && same(before[i + k]!, after[j]!)) {
        i += k;
        resynced = true;
      }
    }
    if (!resynced) {
      i++;
      j++;
    }
  }
  if (!unpaired && i === before.length && j === after.length)
    return { partnerOfAfter, pairedBefore };
  // What the walk left: moved items, and items past a run longer than the lookahead.
  const left = new Map<string, number>();
  for (let b = 0; b < before.length; b++) {
    if (pairedBefore[b]) continue;
    const k = key(before[b]!);
    if (!left.has(k)) left.set(k, b);
  }
  if (left.size === 0) return { partnerOfAfter, pairedBefore };
  for (let a = 0; a < after.length; a++) {
    if (partnerOfAfter[a]! >= 0) continue;
    const k = key(after[a]!);
    const b = left.get(k);
    if (b === undefined) continue;
    partnerOfAfter[a] = b;
    pairedBefore[b] = 1;
    left.delete(k);
  }
  return { partnerOfAfter, pairedBefore };
}
