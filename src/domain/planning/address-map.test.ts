// The address map against linear oracles: nesting depth by counting holders, conflicts pair by
// pair, the folded segments against a walk over every range, free space address by address, and
// the largest free block against FreeSpace. Plus the sample-like plan read by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidrOf, formatV4 } from '../ip/cidr';
import { FreeSpace } from '../ip/free-blocks';
import { PlanIndex } from '../model/plan-index';
import {
  ccn,
  ccnIdc,
  cluster,
  idc,
  peering,
  plan,
  reservation,
  subnet,
  table,
  vpc,
} from '../../test-support/builders';
import {
  MAP_KINDS,
  collectRanges,
  rangesSeenBy,
  scopeSees,
  type MapKind,
  type RangeEntry,
} from './address-map-ranges';
import { AddressMap, compareEntries, conflicts } from './address-map';
import { largestBlockIn, rootRanges } from './address-map-free';

const BASE = 0x0a000000; // 10.0.0.0

/** Random ranges inside 10.0.0.0/20 (4096 addresses), owners from a few, scopes from two VPCs. */
const entryArb: fc.Arbitrary<RangeEntry> = fc
  .record({
    prefix: fc.integer({ min: 20, max: 30 }),
    n: fc.nat(),
    kind: fc.constantFrom(...MAP_KINDS),
    owner: fc.constantFrom('a', 'b', 'c', 'd'),
    vpc: fc.constantFrom('v1', 'v2', 'v3'),
    wide: fc.boolean(),
  })
  .map(({ prefix, n, kind, owner, vpc: v, wide }) => {
    const size = 2 ** (32 - prefix);
    const lo = BASE + (n % (4096 / size)) * size;
    return {
      lo,
      hi: lo + size - 1,
      prefix,
      cidr: `${formatV4(lo)}/${prefix}`,
      kind,
      owner,
      ownerName: owner,
      vpc: v,
      scope: kind === 'reservation' && wide ? undefined : [v],
    };
  });

/** v1 and v2 see each other; v3 sees only itself. */
const sees = (a: RangeEntry, b: RangeEntry): boolean => {
  if (!a.scope || !b.scope) return true;
  const group = (v: string) => (v === 'v3' ? 'x' : 'y');
  return a.scope.some((x) => b.scope!.some((y) => group(x) === group(y)));
};

/** The ranges with their lane and conflict mark, as plain objects for the oracles. */
const withMarks = (m: AddressMap) =>
  m.ranges.map((r, i) => ({ ...r, i, depth: m.depth[i]!, conflict: m.conflict[i] === 1 }));

const holds = (a: RangeEntry, b: RangeEntry) => a.lo <= b.lo && b.hi <= a.hi;

describe('address map against oracles', () => {
  it('depth is the number of ranges holding a range (identical ones earlier in the order)', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 60 }), (entries) => {
        const m = new AddressMap(entries, sees);
        const sorted = [...entries].sort(compareEntries);
        withMarks(m).forEach((r, i) => {
          let want = 0;
          sorted.forEach((o, j) => {
            if (j === i || !holds(o, r)) return;
            if (o.hi - o.lo > r.hi - r.lo || j < i) want++;
          });
          expect(r.depth).toBe(want);
        });
      }),
    );
  });

  it('marks exactly the ranges in some conflicting overlapping pair', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 60 }), (entries) => {
        const m = new AddressMap(entries, sees);
        const rs = withMarks(m);
        const want = rs.map(() => false);
        for (let i = 0; i < rs.length; i++)
          for (let j = i + 1; j < rs.length; j++)
            if (rs[i]!.lo <= rs[j]!.hi && rs[j]!.lo <= rs[i]!.hi && conflicts(rs[i]!, rs[j]!, sees))
              want[i] = want[j] = true;
        expect(rs.map((r) => r.conflict)).toEqual(want);
        expect(m.conflictCount).toBe(want.filter(Boolean).length);
      }),
    );
  });

  it('keeps each lane disjoint, and folds only sub-pixel ranges into segments', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 80 }),
        fc.integer({ min: 0, max: 4095 }),
        fc.integer({ min: 0, max: 4095 }),
        fc.integer({ min: 1, max: 600 }),
        (entries, a, b, perPixel) => {
          const m = new AddressMap(entries, sees);
          const lo = BASE + Math.min(a, b);
          const hi = BASE + Math.max(a, b);
          for (let d = 0; d < m.laneCount; d++) {
            const lane = withMarks(m).filter((r) => r.depth === d);
            for (let k = 1; k < lane.length; k++)
              expect(lane[k]!.lo).toBeGreaterThan(lane[k - 1]!.hi);
            const inWindow = lane.filter((r) => r.hi >= lo && r.lo <= hi);
            const segs = m.segments(d, lo, hi, perPixel);
            expect(segs.reduce((s, x) => s + x.count, 0)).toBe(inWindow.length);
            let k = 0;
            for (const s of segs) {
              const part = inWindow.slice(k, k + s.count);
              k += s.count;
              expect(s.first).toBe(part[0]!.i);
              expect(s.lo).toBe(part[0]!.lo);
              expect(s.hi).toBe(part[part.length - 1]!.hi);
              expect(s.conflict).toBe(part.some((r) => r.conflict));
              if (s.count > 1) {
                for (const r of part) expect(r.hi - r.lo + 1).toBeLessThan(perPixel);
                expect(part[part.length - 1]!.lo - part[0]!.lo).toBeLessThan(perPixel);
              }
            }
          }
        },
      ),
    );
  });

  it('says where a point is: the range of a lane holding it, or the free gap', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 8191 })),
        (entries, points) => {
          const m = new AddressMap(entries, sees);
          for (const p of points) {
            const addr = BASE + p;
            for (let d = 0; d < m.laneCount; d++) {
              const want = withMarks(m).findIndex(
                (r) => r.depth === d && r.lo <= addr && addr <= r.hi,
              );
              expect(m.rangeAt(d, addr)).toBe(want);
            }
            const taken = m.ranges.some((r) => r.kind !== 'route' && r.lo <= addr && addr <= r.hi);
            const gap = m.freeAt(addr);
            expect(gap === undefined).toBe(taken);
            if (gap) expect(gap.best.size).toBeGreaterThan(0);
          }
        },
      ),
    );
  });

  it('counts free space per root and finds its largest free block like FreeSpace does', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 40 }), (entries) => {
        const m = new AddressMap(entries, sees);
        const root = m.roots.find((r) => r.cidr === '10.0.0.0/8')!;
        const taken = entries.filter((e) => e.kind !== 'route').map((e) => cidrOf(e.cidr));
        let used = 0;
        for (let a = BASE; a < BASE + 4096; a++)
          if (taken.some((t) => t.lo <= a && a <= (t.hi as number))) used++;
        expect(root.used).toBe(used);
        expect(root.free).toBe(2 ** 24 - used);
        const want = new FreeSpace(taken).largest(cidrOf('10.0.0.0/8'))!;
        expect(root.largestFree[0]!.cidr).toBe(`${formatV4(want.lo as number)}/${want.prefix}`);
        const sizes = root.largestFree.map((b) => b.size);
        expect([...sizes].sort((x, y) => y - x)).toEqual(sizes);
      }),
    );
  });

  it('folds free gaps like ranges and keeps their largest block', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 60 }),
        fc.integer({ min: 1, max: 3000 }),
        (entries, perPixel) => {
          const m = new AddressMap(entries, sees);
          const segs = m.freeSegments(BASE, BASE + 4095, perPixel);
          for (let k = 1; k < segs.length; k++)
            expect(segs[k]!.lo).toBeGreaterThan(segs[k - 1]!.hi);
          for (const s of segs) {
            expect(s.best.lo).toBeGreaterThanOrEqual(s.lo);
            expect(s.best.hi).toBeLessThanOrEqual(s.hi);
            expect(m.freeAt(s.best.lo)).toBeDefined();
            expect(m.freeAt(s.best.hi)).toBeDefined();
          }
        },
      ),
    );
  });
});

describe('address map pieces', () => {
  it('finds the largest aligned block in an interval', () => {
    expect(largestBlockIn(0x0a000001, 0x0a0000ff).cidr).toBe('10.0.0.128/25');
    expect(largestBlockIn(0x0a000000, 0x0affffff).cidr).toBe('10.0.0.0/8');
    expect(largestBlockIn(5, 5)).toMatchObject({ prefix: 32, size: 1 });
  });

  it('adds a /8 root for a range outside the private ranges, not for one over them', () => {
    const r = (text: string) => cidrOf(text) as { lo: number; hi: number; prefix: number };
    const roots = rootRanges([
      r('100.64.0.0/10'),
      r('100.100.0.0/16'),
      r('10.0.0.0/7'),
      r('1.2.3.0/24'),
    ]);
    expect(roots.map((x) => `${formatV4(x.lo)}/${x.prefix}`)).toEqual([
      '10.0.0.0/8',
      '172.16.0.0/12',
      '192.168.0.0/16',
      '1.0.0.0/8',
      '100.0.0.0/8',
    ]);
  });
});

describe('address map of a plan', () => {
  const p = plan({
    vpcs: [
      vpc('vpc-a', '10.0.0.0/16', { name: 'prod' }),
      vpc('vpc-b', '10.1.0.0/16'),
      vpc('vpc-c', '10.0.0.0/16'),
    ],
    subnets: [subnet('sn-node', 'vpc-a', '10.0.1.0/24'), subnet('sn-b', 'vpc-b', '10.1.1.0/24')],
    clusters: [
      cluster('gr', 'vpc-a', {
        nodeSubnets: ['sn-node'],
        containerCidr: '10.1.0.0/16',
        serviceCidr: '10.1.255.0/24',
      }),
    ],
    peerings: [peering('pcx', 'vpc-a', 'vpc-b')],
    idcs: [idc('idc-1', 'vpc-a', ['192.168.0.0/16']), ccnIdc('idc-2', ['172.20.0.0/16'])],
    ccns: [ccn('ccn-1', ['vpc-b', 'idc-2'])],
    routeTables: [
      table('rtb', 'vpc-a', [
        ['192.168.0.0/16', 'vpngw'],
        ['0.0.0.0/0', 'nat'],
      ]),
    ],
    reservations: [
      reservation('rsv', '10.2.0.0/16'),
      reservation('rsv-b', '100.64.0.0/24', { vpc: 'vpc-b' }),
    ],
  });
  const ix = new PlanIndex(p);
  const entries = collectRanges(ix);
  const m = new AddressMap(entries, scopeSees(ix));
  const find = (kind: MapKind, owner: string) =>
    withMarks(m).find((r) => r.kind === kind && r.owner === owner)!;

  it('lists each kind of range with its owner, and no default route', () => {
    expect(
      withMarks(m).map((r) => `${r.cidr} ${r.kind} ${r.owner} ${r.depth}${r.conflict ? ' !' : ''}`),
    ).toEqual([
      '10.0.0.0/16 vpc vpc-a 0',
      '10.0.0.0/16 vpc vpc-c 1',
      '10.0.1.0/24 subnet sn-node 2',
      '10.1.0.0/16 vpc vpc-b 0 !',
      '10.1.0.0/16 container gr 1 !',
      '10.1.1.0/24 subnet sn-b 2 !',
      '10.1.255.0/24 service gr 2 !',
      '10.2.0.0/16 reservation rsv 0',
      '100.64.0.0/24 reservation rsv-b 0',
      '172.20.0.0/16 idc idc-2 0',
      '192.168.0.0/16 idc idc-1 0',
      '192.168.0.0/16 route rtb 1',
    ]);
  });

  it('flags an overlap only between ranges a VPC sees together', () => {
    // vpc-c reuses vpc-a's block but is connected to nothing: no conflict.
    expect(find('vpc', 'vpc-c').conflict).toBe(false);
    expect(find('vpc', 'vpc-a').conflict).toBe(false);
    // gr's container CIDR is the peered VPC's block.
    expect(find('container', 'gr').conflict).toBe(true);
    expect(find('vpc', 'vpc-b').conflict).toBe(true);
    // A route to the IDC's range is a reference, not a claim.
    expect(find('idc', 'idc-1').conflict).toBe(false);
  });

  it('filters to what one VPC sees', () => {
    const seenByC = rangesSeenBy(ix, entries, 'vpc-c').map((e) => `${e.owner} ${e.cidr}`);
    expect(seenByC).toEqual(['vpc-c 10.0.0.0/16', 'rsv 10.2.0.0/16']);
    const seenByB = new Set(rangesSeenBy(ix, entries, 'vpc-b').map((e) => e.owner));
    // vpc-a's address ranges across the peering, not its IDC or its route table.
    expect([...seenByB].sort()).toEqual(
      ['gr', 'idc-2', 'rsv', 'rsv-b', 'sn-b', 'sn-node', 'vpc-a', 'vpc-b'].sort(),
    );
    expect(new Set(rangesSeenBy(ix, entries, 'vpc-a').map((e) => e.owner))).toContain('idc-1');
  });

  it('reports roots with their used space and largest free blocks', () => {
    const ten = m.roots[0]!;
    expect(ten.cidr).toBe('10.0.0.0/8');
    expect(ten.used).toBe(3 * 65536);
    expect(ten.largestFree[0]).toMatchObject({ cidr: '10.128.0.0/9', size: 2 ** 23 });
    expect(m.roots.map((r) => r.cidr)).toEqual([
      '10.0.0.0/8',
      '172.16.0.0/12',
      '192.168.0.0/16',
      '100.0.0.0/8',
    ]);
    expect(m.roots[2]!.free).toBe(0);
  });

  it('skips IPv6 ranges and a plan without ranges still has its private roots', () => {
    const empty = new AddressMap(collectRanges(new PlanIndex(plan())));
    expect(empty.ranges).toEqual([]);
    expect(empty.roots.map((r) => [r.cidr, r.free])).toEqual([
      ['10.0.0.0/8', 2 ** 24],
      ['172.16.0.0/12', 2 ** 20],
      ['192.168.0.0/16', 2 ** 16],
    ]);
    expect(empty.segments(0, 0, 2 ** 32, 1)).toEqual([]);
  });
});

describe('address map at 100,000 ranges', () => {
  it('builds in well under a second and answers a window in about its width in pixels', () => {
    const entries: RangeEntry[] = [];
    for (let i = 0; i < 100_000; i++) {
      const lo = BASE + i * 64;
      entries.push({
        lo,
        hi: lo + 63,
        prefix: 26,
        vpc: 'v',
        cidr: `${formatV4(lo)}/26`,
        kind: 'subnet',
        owner: `s${i}`,
        ownerName: `s${i}`,
        scope: ['v'],
      });
    }
    const t0 = performance.now();
    const m = new AddressMap(entries);
    const built = performance.now() - t0;
    expect(built).toBeLessThan(1000);
    const t1 = performance.now();
    let segs = 0;
    for (let k = 0; k < 100; k++)
      segs += m.segments(0, BASE, BASE + 2 ** 24 - 1, 2 ** 24 / 1200).length;
    const perQuery = (performance.now() - t1) / 100;
    expect(segs / 100).toBeLessThanOrEqual(1201);
    expect(perQuery).toBeLessThan(5);
  });
});
