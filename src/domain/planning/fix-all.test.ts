// Suggestions for a whole list of findings must not collide: each avoids the ones before it.
// The oracle walks the addresses of small VPCs block by block, with no free-space code.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../analyze';
import { cidrOf, formatCidr, overlaps, contains, type Cidr4 } from '../ip/cidr';
import { PlanIndex } from '../model/plan-index';
import type { Plan } from '../model/plan';
import { applyOps } from '../ops/ops';
import type { Finding, Suggestion } from '../rules/codes';
import { cluster, plan, subnet, vpc } from '../../test-support/builders';
import { chainSuggestions, suggestionOps } from './fix-all';

const findingsOf = (p: Plan) => analyzePlan(p, { kind: 'none' }).findings;
const chained = (p: Plan) => {
  const findings = findingsOf(p);
  return { findings, suggestions: chainSuggestions(new PlanIndex(p), findings) };
};
const v4 = (text: string) => cidrOf(text) as Cidr4;

/** The lowest block of `prefix` in `within` that overlaps none of `taken`, found address by address. */
function bruteFirstFree(
  within: Cidr4,
  prefix: number,
  taken: readonly Cidr4[],
): string | undefined {
  const size = 2 ** (32 - prefix);
  for (let lo = within.lo; lo + size - 1 <= within.hi; lo += size) {
    const hi = lo + size - 1;
    if (taken.every((t) => t.hi < lo || t.lo > hi))
      return formatCidr({ family: 4, prefix, lo, hi });
  }
  return undefined;
}

/** What chainSuggestions should give, for plans of subnets alone. */
function oracle(p: Plan, findings: readonly Finding[]): (Suggestion | undefined)[] {
  const offered = new Map<string, Cidr4[]>();
  const given = new Map<string, Suggestion | undefined>();
  return findings.map((f) => {
    const s = f.suggestion;
    if (!s) return undefined;
    if (given.has(s.object)) return given.get(s.object);
    const me = p.subnets.find((x) => x.id === s.object)!;
    const home = p.vpcs.find((v) => v.id === me.vpc)!;
    const others = p.subnets
      .filter((x) => x.vpc === me.vpc && x.id !== me.id)
      .map((x) => v4(x.cidr));
    const before = offered.get(me.vpc) ?? [];
    const value = bruteFirstFree(v4(home.cidr), v4(s.value).prefix, [...others, ...before]);
    const next = value === undefined ? undefined : { ...s, value };
    if (value !== undefined) offered.set(me.vpc, [...before, v4(value)]);
    given.set(s.object, next);
    return next;
  });
}

// Two small VPCs with the same range (not connected: what one is offered is no concern of the
// other) and subnets of /26 to /29 placed anywhere in them, so that many overlap.
const subnetPlanArb = fc
  .array(
    fc.record({
      inB: fc.boolean(),
      prefix: fc.integer({ min: 26, max: 29 }),
      slot: fc.nat(),
    }),
    { minLength: 2, maxLength: 12 },
  )
  .map((specs) =>
    plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/24'), vpc('vpc-b', '10.0.0.0/24')],
      subnets: specs.map(({ inB, prefix, slot }, i) => {
        const size = 2 ** (32 - prefix);
        const lo = (slot % (256 / size)) * size;
        return subnet(`sn-${i}`, inB ? 'vpc-b' : 'vpc-a', `10.0.0.${lo}/${prefix}`);
      }),
    }),
  );

describe('suggestions for a whole list of findings', () => {
  it('forty overlapping pairs are offered forty different free blocks, not the same one', () => {
    const pairs = Array.from({ length: 40 }, (_, i) => [
      subnet(`a-${i}`, 'vpc-a', `10.0.${i}.0/24`),
      subnet(`b-${i}`, 'vpc-a', `10.0.${i}.0/24`),
    ]).flat();
    const p = plan({ vpcs: [vpc('vpc-a', '10.0.0.0/16')], subnets: pairs });
    const { findings, suggestions } = chained(p);
    const overlaps40 = findings.filter((f) => f.code === 'SUBNET_OVERLAP');
    expect(overlaps40).toHaveLength(40);
    // Each finding alone offers the first free /24.
    expect(new Set(overlaps40.map((f) => f.suggestion?.value))).toEqual(new Set(['10.0.40.0/24']));
    const values = suggestions.filter((s) => s !== undefined).map((s) => s.value);
    expect(values).toEqual(Array.from({ length: 40 }, (_, i) => `10.0.${40 + i}.0/24`));

    const after = applyOps(p, suggestionOps(new PlanIndex(p), suggestions)).plan;
    expect(findingsOf(after).filter((f) => f.code === 'SUBNET_OVERLAP')).toEqual([]);
  });

  it('a subnet that overlaps several others is moved once, to one block', () => {
    const p = plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16')],
      subnets: ['x', 'y', 'z'].map((id) => subnet(id, 'vpc-a', '10.0.0.0/24')),
    });
    const { findings, suggestions } = chained(p);
    expect(findings.filter((f) => f.code === 'SUBNET_OVERLAP')).toHaveLength(3);
    const ops = suggestionOps(new PlanIndex(p), suggestions);
    expect(ops).toEqual([
      { op: 'update', collection: 'subnets', id: 'y', set: { cidr: '10.0.1.0/24' } },
      { op: 'update', collection: 'subnets', id: 'z', set: { cidr: '10.0.2.0/24' } },
    ]);
    expect(findingsOf(applyOps(p, ops).plan)).toEqual([]);
  });

  it('two clusters whose container CIDRs overlap the VPC get different free ranges', () => {
    const p = plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16')],
      subnets: [subnet('sn', 'vpc-a', '10.0.1.0/24')],
      clusters: ['c1', 'c2'].map((id) =>
        cluster(id, 'vpc-a', {
          nodeSubnets: ['sn'],
          containerCidr: '10.0.0.0/16',
          serviceCidr: '172.31.0.0/24',
          maxPodsPerNode: 64,
          maxServices: 256,
        }),
      ),
    });
    const { findings, suggestions } = chained(p);
    const mine = findings
      .map((f, i) => ({ f, s: suggestions[i] }))
      .filter(({ f }) => f.code === 'CLUSTER_CIDR_OVERLAPS_VPC');
    expect(mine).toHaveLength(2);
    expect(mine[0]!.f.suggestion?.value).toBe(mine[1]!.f.suggestion?.value);
    const [a, b] = mine.map(({ s }) => cidrOf(s!.value));
    expect(overlaps(a!, b!)).toBe(false);
    const after = applyOps(p, suggestionOps(new PlanIndex(p), suggestions)).plan;
    expect(findingsOf(after).filter((f) => f.code.startsWith('CLUSTER_CIDR_OVERLAPS'))).toEqual([]);
  });

  it('matches the address-by-address oracle, and every block is inside its VPC and clear of all else', () => {
    fc.assert(
      fc.property(subnetPlanArb, (p) => {
        const { findings, suggestions } = chained(p);
        expect(suggestions).toEqual(oracle(p, findings));

        const moved = new Map<string, Cidr4>();
        suggestions.forEach((s) => s && moved.set(s.object, v4(s.value)));
        const vpcOf = (id: string) => p.subnets.find((x) => x.id === id)!.vpc;
        for (const [id, block] of moved) {
          expect(contains(v4('10.0.0.0/24'), block)).toBe(true);
          for (const other of p.subnets)
            if (other.vpc === vpcOf(id) && other.id !== id)
              expect(overlaps(block, v4(other.cidr))).toBe(false);
          for (const [id2, block2] of moved)
            if (id2 !== id && vpcOf(id2) === vpcOf(id)) expect(overlaps(block, block2)).toBe(false);
        }

        // Applied together, as "fix all" does, they leave no overlap behind when every
        // overlap found a block.
        const all = findings.every((f, i) => f.code !== 'SUBNET_OVERLAP' || suggestions[i]);
        const after = applyOps(p, suggestionOps(new PlanIndex(p), suggestions)).plan;
        if (all) expect(findingsOf(after).filter((f) => f.code === 'SUBNET_OVERLAP')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
