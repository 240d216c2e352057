// Split and join against brute force: in a /24 VPC every address can be looked at one by one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockAt, cidrOf, formatCidr, type Cidr4 } from '../ip/cidr';
import { PlanIndex } from '../model/plan-index';
import { applyOps } from '../ops/ops';
import { cluster, plan, reservation, resource, subnet, vpc } from '../../test-support/builders';
import { blocksOfRange, checkJoin, joinOps, splitBlock, splitOps, vpcFreeBlocks } from './split';

const BASE = (cidrOf('10.0.0.0/24') as Cidr4).lo;
const fmt = (lo: number, prefix: number) => formatCidr(blockAt(4, BASE + lo, prefix));

/** A block of /26 to /30 inside 10.0.0.0/24, as [offset, prefix]. */
const blockArb = fc
  .integer({ min: 26, max: 30 })
  .chain((p) => fc.tuple(fc.integer({ min: 0, max: 2 ** (p - 24) - 1 }), fc.constant(p)))
  .map(([i, p]) => [i * 2 ** (32 - p), p] as const);

function addresses(c: Cidr4): number[] {
  const out: number[] = [];
  for (let a = c.lo; a <= c.hi; a++) out.push(a - BASE);
  return out;
}

describe('blocksOfRange', () => {
  it('covers a range exactly with aligned blocks no two of which could be one', () => {
    fc.assert(
      fc.property(fc.nat(255), fc.nat(255), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const blocks = blocksOfRange(BASE + lo, BASE + hi);
        const covered = blocks.flatMap(addresses);
        expect(covered).toEqual(Array.from({ length: hi - lo + 1 }, (_, i) => lo + i));
        for (const b of blocks) {
          expect(b.lo % 2 ** (32 - b.prefix)).toBe(0);
          // The parent block is not inside the range, or the greedy cover would have taken it.
          const parent = blockAt(4, b.lo, b.prefix - 1);
          expect(parent.lo >= BASE + lo && parent.hi <= BASE + hi).toBe(false);
        }
      }),
    );
  });
});

describe('vpcFreeBlocks', () => {
  it('are exactly the addresses no subnet, container CIDR or reservation holds', () => {
    fc.assert(
      fc.property(
        fc.array(blockArb, { maxLength: 6 }),
        fc.array(blockArb, { maxLength: 2 }),
        (subnets, reserved) => {
          const p = plan({
            vpcs: [vpc('vpc-a', '10.0.0.0/24')],
            subnets: subnets.map(([lo, pr], i) => subnet(`sn-${i}`, 'vpc-a', fmt(lo, pr))),
            reservations: reserved.map(([lo, pr], i) =>
              reservation(`rsv-${i}`, fmt(lo, pr), { vpc: 'vpc-a' }),
            ),
          });
          const taken = new Set<number>();
          for (const [lo, pr] of [...subnets, ...reserved])
            for (let a = lo; a < lo + 2 ** (32 - pr); a++) taken.add(a);
          const free = vpcFreeBlocks(new PlanIndex(p), 'vpc-a');
          const covered = free.flatMap(addresses);
          const oracle = Array.from({ length: 256 }, (_, i) => i).filter((a) => !taken.has(a));
          expect(covered).toEqual(oracle);
          for (const b of free) {
            if (b.prefix === 24) continue;
            const parent = addresses(blockAt(4, b.lo, b.prefix - 1) as Cidr4);
            expect(parent.every((a) => !taken.has(a))).toBe(false);
          }
        },
      ),
    );
  });

  it('keeps clear of a reservation of the VPC', () => {
    const p = plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/24')],
      subnets: [subnet('sn-1', 'vpc-a', '10.0.0.0/26')],
      reservations: [reservation('rsv-1', '10.0.0.128/25', { vpc: 'vpc-a' })],
    });
    expect(vpcFreeBlocks(new PlanIndex(p), 'vpc-a').map(formatCidr)).toEqual(['10.0.0.64/26']);
  });
});

describe('splitBlock', () => {
  it('gives count disjoint aligned blocks of the prefix, inside the block, from its start', () => {
    fc.assert(
      fc.property(blockArb, fc.integer({ min: 24, max: 32 }), fc.nat(20), ([lo, pr], p, n) => {
        const block = blockAt(4, BASE + lo, pr) as Cidr4;
        const r = splitBlock(block, p, n);
        const fits = p >= pr && p <= 29 && n >= 1 && n <= 2 ** (p - pr);
        expect(r.ok).toBe(fits);
        if (!r.ok) return;
        const all = r.blocks.flatMap(addresses);
        expect(all).toEqual(Array.from({ length: n * 2 ** (32 - p) }, (_, i) => lo + i));
        for (const b of r.blocks) expect(b.prefix).toBe(p);
      }),
    );
  });

  it('says why a split does not fit', () => {
    const b = cidrOf('10.0.0.0/22') as Cidr4;
    expect(splitBlock(b, 24, 5)).toEqual({
      ok: false,
      reason: '10.0.0.0/22 holds 4 × /24, not 5',
    });
    expect(splitBlock(b, 21, 1)).toEqual({ ok: false, reason: 'A /21 is larger than 10.0.0.0/22' });
    expect(splitBlock(b, 30, 1).ok).toBe(false);
  });
});

describe('splitOps', () => {
  const p = plan({
    vpcs: [vpc('vpc-a', '10.0.0.0/16', { region: 'ap-guangzhou' })],
    subnets: [subnet('sn-1', 'vpc-a', '10.0.0.0/24')],
    layout: { 'vpc-a': { x: 0, y: 0, width: 400, height: 200 }, 'sn-1': { x: 20, y: 56 } },
  });

  it('makes the subnets in turn across the zones, placed in the VPC, undone by the inverse', () => {
    const ix = new PlanIndex(p);
    const r = splitOps(p, ix, 'vpc-a', '10.0.4.0/22', 24, 4, ['ap-guangzhou-3', 'ap-guangzhou-4']);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const applied = applyOps(p, r.ops);
    const made = applied.plan.subnets.slice(1);
    expect(made.map((s) => [s.cidr, s.zone])).toEqual([
      ['10.0.4.0/24', 'ap-guangzhou-3'],
      ['10.0.5.0/24', 'ap-guangzhou-4'],
      ['10.0.6.0/24', 'ap-guangzhou-3'],
      ['10.0.7.0/24', 'ap-guangzhou-4'],
    ]);
    for (const s of made) expect(applied.plan.layout?.[s.id]).toBeDefined();
    // Rows as wide as the VPC: it grows downwards, not into its neighbours.
    expect(applied.plan.layout!['vpc-a']!.width).toBe(400);
    expect(applied.plan.layout!['vpc-a']!.height).toBeGreaterThan(200);
    expect(applyOps(applied.plan, applied.inverse).plan).toStrictEqual(p);
  });

  it('refuses a block that is not free', () => {
    const r = splitOps(p, new PlanIndex(p), 'vpc-a', '10.0.0.0/23', 24, 2, []);
    expect(r).toEqual({ ok: false, reason: '10.0.0.0/23 is not free in VPC vpc-a' });
  });
});

describe('join', () => {
  it('joins exactly when the subnets together are one aligned block (brute force)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(blockArb, { minLength: 2, maxLength: 4 }), (blocks) => {
        const subnets = blocks.map(([lo, pr], i) => subnet(`sn-${i}`, 'vpc-a', fmt(lo, pr)));
        const p = plan({ vpcs: [vpc('vpc-a', '10.0.0.0/24')], subnets });
        const counts = new Map<number, number>();
        for (const [lo, pr] of blocks)
          for (let a = lo; a < lo + 2 ** (32 - pr); a++) counts.set(a, (counts.get(a) ?? 0) + 1);
        const overlap = [...counts.values()].some((c) => c > 1);
        const set = [...counts.keys()].sort((a, b) => a - b);
        let oracle: string | undefined;
        for (let pr = 24; pr <= 32 && !overlap; pr++) {
          const size = 2 ** (32 - pr);
          const lo = set[0]!;
          if (lo % size === 0 && set.length === size && set.at(-1) === lo + size - 1)
            oracle = fmt(lo, pr);
        }
        const ix = new PlanIndex(p);
        const r = checkJoin(
          p,
          ix,
          subnets.map((s) => s.id),
        );
        expect(r.ok ? formatCidr(r.block) : undefined).toBe(oracle);
        if (!r.ok) return;
        const j = joinOps(
          p,
          ix,
          subnets.map((s) => s.id),
        );
        if (!j.ok) throw new Error(j.reason);
        const after = applyOps(p, j.ops);
        expect(after.plan.subnets.map((s) => s.cidr)).toEqual([oracle]);
        expect(applyOps(after.plan, after.inverse).plan).toStrictEqual(p);
      }),
    );
  });

  const two = (extra: Parameters<typeof plan>[0] = {}) =>
    plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16')],
      subnets: [
        subnet('sn-1', 'vpc-a', '10.0.0.0/24', { zone: 'ap-guangzhou-3' }),
        subnet('sn-2', 'vpc-a', '10.0.1.0/24', { zone: 'ap-guangzhou-3' }),
        subnet('sn-3', 'vpc-a', '10.0.2.0/24', { zone: 'ap-guangzhou-3' }),
      ],
      ...extra,
    });
  const why = (p: ReturnType<typeof plan>, ids: string[]) => {
    const r = checkJoin(p, new PlanIndex(p), ids);
    return r.ok ? 'ok' : r.reason;
  };

  it('says why subnets cannot be joined', () => {
    expect(why(two(), ['sn-1'])).toBe('Pick two or more subnets to join');
    expect(why(two(), ['sn-2', 'sn-3'])).toBe(
      'Together they span 10.0.1.0/24 + 10.0.2.0/24, not one aligned block',
    );
    expect(why(two(), ['sn-1', 'sn-3'])).toMatch(/not adjacent/);
    expect(why(two({ resources: [resource('db-1', 'sn-2')] }), ['sn-1', 'sn-2'])).toBe(
      'sn-2 is not empty: db-1 is in it',
    );
    expect(
      why(two({ clusters: [cluster('cls-1', 'vpc-a', { nodeSubnets: ['sn-1'] })] }), [
        'sn-1',
        'sn-2',
      ]),
    ).toBe('sn-1 is not empty: cluster cls-1 uses it');
    const zoned = two();
    const other = {
      ...zoned,
      subnets: zoned.subnets.map((s) => (s.id === 'sn-2' ? { ...s, zone: 'ap-guangzhou-4' } : s)),
    };
    expect(why(other, ['sn-1', 'sn-2'])).toMatch(/different zones/);
    expect(why(two(), ['sn-1', 'sn-2'])).toBe('ok');
  });
});
