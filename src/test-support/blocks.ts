// Blocks of addresses for property tests of the range structures, with their first and last
// addresses computed with BigInt: the oracle's side, independent of the code under test.
import fc from 'fast-check';

export interface Spec {
  readonly family: 4 | 6;
  readonly prefix: number;
  readonly first: bigint;
  readonly last: bigint;
  readonly text: string;
}

export function bitsOf(family: 4 | 6): number {
  return family === 4 ? 32 : 128;
}

export function addrText(family: 4 | 6, n: bigint): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((s) => ((n >> s) & 255n).toString()).join('.');
  return Array.from({ length: 8 }, (_, i) =>
    ((n >> BigInt(112 - 16 * i)) & 0xffffn).toString(16),
  ).join(':');
}

export function spec(family: 4 | 6, addr: bigint, prefix: number): Spec {
  const host = BigInt(bitsOf(family) - prefix);
  const first = (addr >> host) << host;
  return {
    family,
    prefix,
    first,
    last: first + (1n << host) - 1n,
    text: `${addrText(family, first)}/${prefix}`,
  };
}

export function blockIn(
  family: 4 | 6,
  base: bigint,
  basePrefix: number,
  depth: number,
): fc.Arbitrary<Spec> {
  return fc
    .tuple(
      fc.bigInt({ min: 0n, max: (1n << BigInt(bitsOf(family) - basePrefix)) - 1n }),
      fc.integer({ min: basePrefix, max: Math.min(bitsOf(family), basePrefix + depth) }),
    )
    .map(([offset, prefix]) => spec(family, base + offset, prefix));
}

export const TEN = 0x0a000000n; // 10.0.0.0, and numerically also ::a00:0
export const DOC6 = 0x20010db8n << 96n; // 2001:db8::

export const v4Block = fc.oneof(
  { weight: 3, arbitrary: blockIn(4, TEN, 16, 16) },
  { weight: 3, arbitrary: blockIn(4, TEN, 24, 8) },
  { weight: 1, arbitrary: blockIn(4, 0n, 0, 32) },
);
export const v6Block = fc.oneof(
  { weight: 3, arbitrary: blockIn(6, DOC6, 112, 16) },
  { weight: 2, arbitrary: blockIn(6, TEN, 112, 16) }, // numerically the same as 10.0.0.0/16
  { weight: 1, arbitrary: blockIn(6, 0n, 0, 128) },
);
