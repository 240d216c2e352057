// The search index against a linear scan of every entry that applies the documented ranking
// directly: ranges holding the query (most specific first), exact, prefix, substring, range text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validPlanArb } from '../../test-support/arbitraries';
import { cluster, idc, plan, resource, subnet, vpc } from '../../test-support/builders';
import { contains, formatAddress, formatCidr, blockAt } from '../ip/cidr';
import type { Plan } from '../model/plan';
import { searchEntries } from './entries';
import {
  rangeOfQuery,
  rangeOfText,
  SearchIndex,
  searchIndexOf,
  type SearchHit,
} from './search-index';

function oracle(
  p: Plan,
  query: string,
  limit = 50,
): { id: string; match: string; cidr?: string }[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const entries = searchEntries(p);
  const out: { id: string; match: string; cidr?: string }[] = [];
  const used = new Set<number>();
  const c = rangeOfQuery(q);
  if (c) {
    const best: { i: number; prefix: number; text: string }[] = [];
    entries.forEach((e, i) => {
      let b: { i: number; prefix: number; text: string } | undefined;
      for (const text of e.cidrs) {
        const r = rangeOfText(text);
        if (r && contains(r, c) && (!b || r.prefix > b.prefix)) b = { i, prefix: r.prefix, text };
      }
      if (b) best.push(b);
    });
    best.sort((a, b) => b.prefix - a.prefix || a.i - b.i);
    for (const b of best) {
      used.add(b.i);
      out.push({ id: entries[b.i]!.id, match: 'range', cidr: b.text });
    }
  }
  const tiers: [string, (text: string) => boolean][] = [
    ['exact', (t) => t === q],
    ['prefix', (t) => t.startsWith(q)],
    ['substring', (t) => t.includes(q)],
  ];
  for (const [match, test] of tiers) {
    entries.forEach((e, i) => {
      if (used.has(i)) return;
      // An object without a name is known by its id alone: the empty name matches nothing.
      const name = (e.name ?? '').toLowerCase();
      if ((name !== '' && test(name)) || test(e.id.toLowerCase())) {
        used.add(i);
        out.push({ id: e.id, match });
      }
    });
  }
  entries.forEach((e, i) => {
    if (!used.has(i) && e.cidrs.some((x) => x.toLowerCase().includes(q))) {
      used.add(i);
      out.push({ id: e.id, match: 'cidr' });
    }
  });
  return out.slice(0, limit);
}

const simple = (hits: SearchHit[]) =>
  hits.map((h) => ({ id: h.entry.id, match: h.match, ...(h.cidr ? { cidr: h.cidr } : {}) }));

/** Queries drawn from the plan itself: pieces of names, ids and ranges, and addresses inside ranges. */
function queriesFor(p: Plan): fc.Arbitrary<string> {
  const entries = searchEntries(p);
  const texts = entries.flatMap((e) => [e.id, ...(e.name ? [e.name] : []), ...e.cidrs]);
  const inside = entries
    .flatMap((e) => e.cidrs)
    .map(rangeOfText)
    .filter((c) => c !== undefined);
  const arbs: fc.Arbitrary<string>[] = [
    fc.string({ maxLength: 4 }),
    fc.constantFrom('sn', 'VPC', '10.', ' '),
  ];
  if (texts.length > 0)
    arbs.push(
      fc
        .tuple(fc.constantFrom(...texts), fc.nat(), fc.nat(), fc.boolean())
        .map(([t, a, b, upper]) => {
          const s = t.slice(a % (t.length + 1), (a % (t.length + 1)) + 1 + (b % 6));
          return upper ? s.toUpperCase() : s;
        }),
    );
  if (inside.length > 0)
    arbs.push(
      fc
        .tuple(
          fc.constantFrom(...inside),
          fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
          fc.nat(8),
        )
        .map(([c, off, widen]) => {
          const span = BigInt(c.hi) - BigInt(c.lo) + 1n;
          const addr = BigInt(c.lo) + (off % span);
          const max = c.family === 4 ? 32 : 128;
          const a = c.family === 4 ? Number(addr) : addr;
          return widen < 4
            ? formatAddress(blockAt(c.family, a, max))
            : formatCidr(blockAt(c.family, a, Math.min(max, Math.max(0, c.prefix + widen - 6))));
        }),
    );
  return fc.oneof(...arbs);
}

describe('SearchIndex', () => {
  const nested = plan({
    vpcs: [vpc('vpc-prod', '10.4.0.0/16', { name: 'Production' })],
    subnets: [
      subnet('sn-app', 'vpc-prod', '10.4.7.0/24', { name: 'app' }),
      subnet('sn-db', 'vpc-prod', '10.4.8.0/24', { name: 'database' }),
    ],
    clusters: [cluster('cls-main', 'vpc-prod', { name: 'main', containerCidr: '172.16.0.0/16' })],
    resources: [resource('db-1', 'sn-db', '10.4.8.10', { name: 'orders db' })],
    idcs: [idc('idc-sh', 'vpc-prod', ['192.168.0.0/16'], { name: 'Shanghai IDC' })],
  });

  it('answers "which subnet holds 10.4.7.9?" with the subnet, then its VPC', () => {
    const hits = new SearchIndex(nested).search('10.4.7.9');
    expect(simple(hits).slice(0, 2)).toEqual([
      { id: 'sn-app', match: 'range', cidr: '10.4.7.0/24' },
      { id: 'vpc-prod', match: 'range', cidr: '10.4.0.0/16' },
    ]);
  });

  it('finds a resource by its address, before its subnet and VPC', () => {
    const ids = new SearchIndex(nested).search('10.4.8.10').map((h) => h.entry.id);
    expect(ids.slice(0, 3)).toEqual(['db-1', 'sn-db', 'vpc-prod']);
  });

  it('takes a CIDR with host bits as the block meant', () => {
    const ids = new SearchIndex(nested).search('172.16.3.4/24').map((h) => h.entry.id);
    expect(ids[0]).toBe('cls-main');
  });

  it('ranks exact over prefix over substring, ignoring case', () => {
    // db-1 starts with "db"; sn-db only holds it.
    expect(simple(new SearchIndex(nested).search('DB'))).toEqual([
      { id: 'db-1', match: 'prefix' },
      { id: 'sn-db', match: 'substring' },
    ]);
    expect(simple(new SearchIndex(nested).search('shang'))).toEqual([
      { id: 'idc-sh', match: 'prefix' },
    ]);
    expect(simple(new SearchIndex(nested).search('ction'))).toEqual([
      { id: 'vpc-prod', match: 'substring' },
    ]);
  });

  it('finds nothing for an empty query and caps the page', () => {
    const ix = new SearchIndex(nested);
    expect(ix.search('   ')).toEqual([]);
    expect(ix.search('a', 2)).toHaveLength(2);
  });

  it('keeps one index per plan until the plan changes', () => {
    expect(searchIndexOf(nested)).toBe(searchIndexOf(nested));
    expect(searchIndexOf({ ...nested })).not.toBe(searchIndexOf(nested));
  });

  it('agrees with a linear scan on random plans and queries', () => {
    fc.assert(
      fc.property(
        validPlanArb.chain((p) =>
          fc.tuple(
            fc.constant(p),
            fc.array(queriesFor(p), { minLength: 1, maxLength: 6 }),
            fc.integer({ min: 1, max: 8 }),
          ),
        ),
        ([p, queries, limit]) => {
          const ix = new SearchIndex(p);
          for (const q of queries) {
            expect(simple(ix.search(q, limit))).toEqual(oracle(p, q, limit));
            expect(simple(ix.search(q))).toEqual(oracle(p, q));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with a linear scan when many objects share names and nested ranges', () => {
    const many = fc.array(
      fc.record({
        name: fc.constantFrom('app', 'App-2', 'db', 'cache', 'apps', ''),
        third: fc.integer({ min: 0, max: 3 }),
        prefix: fc.constantFrom(16, 20, 24, 26),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(
        many,
        fc.constantFrom('app', 'a', 'p', '10.0.1.9', '10.0.0.0/8', 'sn-1', '2', 'db'),
        fc.integer({ min: 1, max: 12 }),
        (specs, q, limit) => {
          const p = plan({
            vpcs: [vpc('vpc-a', '10.0.0.0/8', { name: 'app' })],
            subnets: specs.map((s, i) =>
              subnet(
                `sn-${i}`,
                'vpc-a',
                formatCidr(blockAt(4, (10 << 24) + (s.third << 8), s.prefix)),
                s.name ? { name: s.name } : { name: undefined },
              ),
            ),
          });
          expect(simple(new SearchIndex(p).search(q, limit))).toEqual(oracle(p, q, limit));
        },
      ),
    );
  });
});
