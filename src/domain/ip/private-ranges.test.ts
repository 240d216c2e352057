import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockAt, formatCidr, parseCidr, type Cidr } from './cidr';
import { PRIVATE_RANGES, isPrivate } from './private-ranges';

function parsed(text: string): Cidr {
  const r = parseCidr(text);
  if (!r.ok) throw new Error(r.error);
  return r.cidr;
}

/** RFC 1918, written out as first and last addresses. */
const RFC1918: ReadonlyArray<readonly [bigint, bigint]> = [
  [0x0a000000n, 0x0affffffn],
  [0xac100000n, 0xac1fffffn],
  [0xc0a80000n, 0xc0a8ffffn],
];

describe('private ranges', () => {
  it('are the RFC 1918 ranges, in the order Tencent Cloud offers them', () => {
    expect(PRIVATE_RANGES.map(formatCidr)).toEqual([
      '172.16.0.0/12',
      '10.0.0.0/8',
      '192.168.0.0/16',
    ]);
  });

  it.each([
    ['10.0.0.0/8', true],
    ['10.255.255.255/32', true],
    ['172.16.0.0/12', true],
    ['172.31.255.0/24', true],
    ['192.168.0.0/16', true],
    ['192.168.255.255/32', true],
    ['9.255.255.255/32', false],
    ['11.0.0.0/8', false],
    ['10.0.0.0/7', false],
    ['172.15.255.255/32', false],
    ['172.32.0.0/16', false],
    ['172.0.0.0/11', false],
    ['192.167.255.255/32', false],
    ['192.169.0.0/16', false],
    ['192.168.0.0/15', false],
    ['0.0.0.0/0', false],
    ['::a00:0/104', false],
    ['::ffff:10.0.0.0/104', false],
    ['fd00::/8', false],
  ])('isPrivate(%s) is %s', (text, expected) => {
    expect(isPrivate(parsed(text))).toBe(expected);
  });

  it('agrees with RFC 1918 on random blocks near the range boundaries', () => {
    const edges = [0x0a000000n, 0x0b000000n, 0xac100000n, 0xac200000n, 0xc0a80000n, 0xc0a90000n];
    const arb = fc.tuple(
      fc.constantFrom(...edges),
      fc.bigInt({ min: -(1n << 20n), max: 1n << 20n }),
      fc.integer({ min: 0, max: 32 }),
      fc.boolean(),
    );
    fc.assert(
      fc.property(arb, ([edge, delta, prefix, v6]) => {
        const addr = (edge + delta) & 0xffffffffn;
        const host = BigInt(32 - prefix);
        const first = (addr >> host) << host;
        const last = first + (1n << host) - 1n;
        const expected = !v6 && RFC1918.some(([lo, hi]) => lo <= first && last <= hi);
        // The IPv6 block with the same numbers (::a.b.c.d/96+prefix) is never private.
        const c = v6 ? blockAt(6, first, 96 + prefix) : blockAt(4, first, prefix);
        expect(isPrivate(c)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
