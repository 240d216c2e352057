import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockAt, cidrOf, formatCidr, type Cidr4 } from '../ip/cidr';
import { ccn, idc, nat, peering, plan as planOf, vpc } from '../../test-support/builders';
import { narrowedDestinations, targetHolding, without } from './route-fixes';

const v4 = (a: number, p: number) => blockAt(4, a, p) as Cidr4;

/** The oracle: an address is in `outer` and not in `inner`, counted one by one. */
function outside(outer: Cidr4, inner: Cidr4): Set<number> {
  const out = new Set<number>();
  for (let a = outer.lo; a <= outer.hi; a++) if (a < inner.lo || a > inner.hi) out.add(a);
  return out;
}

describe('without', () => {
  it('covers exactly the addresses of the outer block that are not in the inner one, disjointly', () => {
    // Blocks within a /22 so that the oracle can count every address.
    const arb = fc
      .tuple(
        fc.integer({ min: 22, max: 32 }),
        fc.integer({ min: 22, max: 32 }),
        fc.integer({ min: 0, max: 1023 }),
        fc.integer({ min: 0, max: 1023 }),
      )
      .map(([p, q, a, b]) => [v4(0x0a000000 + a, p), v4(0x0a000000 + b, q)] as const);
    fc.assert(
      fc.property(arb, ([outer, inner]) => {
        const covered: number[] = [];
        for (const b of without(outer, inner) as Cidr4[])
          for (let a = b.lo; a <= b.hi; a++) covered.push(a);
        const want = outside(outer, inner);
        // Disjoint (no address twice) and exactly the oracle's addresses.
        return (
          new Set(covered).size === covered.length &&
          covered.length === want.size &&
          covered.every((a) => want.has(a))
        );
      }),
      { numRuns: 300 },
    );
  });

  it('narrows 172.16.0.0/15 around the container CIDR 172.16.0.0/16 to 172.17.0.0/16', () => {
    expect(narrowedDestinations('172.16.0.0/15', '172.16.0.0/16')).toEqual(['172.17.0.0/16']);
    expect(narrowedDestinations('10.0.0.0/8', '10.128.0.0/10')).toEqual([
      '10.0.0.0/9',
      '10.192.0.0/10',
    ]);
    // A route inside the container CIDR has nothing left outside it.
    expect(narrowedDestinations('172.16.8.0/24', '172.16.0.0/16')).toEqual([]);
    expect(formatCidr(cidrOf('10.0.0.0/9'))).toBe('10.0.0.0/9');
  });
});

describe('targetHolding', () => {
  const plan = planOf({
    vpcs: [
      vpc('vpc-a', '10.0.0.0/16'),
      vpc('vpc-b', '10.1.0.0/16', { secondaryCidrs: ['10.9.0.0/16'] }),
      vpc('vpc-c', '10.2.0.0/16'),
    ],
    natGateways: [nat('nat-a', 'vpc-a')],
    peerings: [peering('pcx-ab', 'vpc-a', 'vpc-b')],
    idcs: [idc('idc-sh', 'vpc-a', ['192.168.0.0/16']), idc('idc-bj', 'vpc-c', ['192.169.0.0/16'])],
    ccns: [ccn('ccn-1', ['vpc-a', 'vpc-c', 'idc-bj'])],
  });
  const targets = ['nat-a', 'pcx-ab', 'idc-sh', 'ccn-1'];
  const pick = (dest: string) => targetHolding(plan, 'vpc-a', dest, targets);

  it('picks the IDC for its range, the peering for the peer VPC, the CCN for its members', () => {
    expect(pick('192.168.10.0/24')).toBe('idc-sh');
    expect(pick('10.1.0.0/16')).toBe('pcx-ab');
    expect(pick('10.9.4.0/24')).toBe('pcx-ab');
    expect(pick('10.2.0.0/20')).toBe('ccn-1');
    expect(pick('192.169.1.0/24')).toBe('ccn-1');
  });

  it('picks the NAT gateway for a default route or a public address, nothing for a private one no target holds', () => {
    expect(pick('0.0.0.0/0')).toBe('nat-a');
    expect(pick('8.8.8.0/24')).toBe('nat-a');
    expect(pick('172.20.0.0/16')).toBeUndefined();
    expect(pick('not a cidr')).toBeUndefined();
  });

  it('only offers targets this VPC may use', () => {
    expect(targetHolding(plan, 'vpc-a', '192.168.10.0/24', ['nat-a'])).toBeUndefined();
  });
});
