// The address planner against brute force: every block of the chosen size, in the spec's search
// order, checked against every range the rules check a container CIDR against, computed here
// from the plan on its own (not with the planner's list).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanIndex } from '../model/plan-index';
import type { Plan, Reservation } from '../model/plan';
import {
  ccn,
  cluster,
  idc,
  nat,
  peering,
  plan,
  subnet,
  table,
  vpc,
} from '../../test-support/builders';
import { analyze, numberToIp, overlap4, range4 } from '../../test-support/rule-checks';
import { AddressPlanner, REJECTED_LISTED, sizeCluster } from './suggest';

const SEARCH_ORDER = ['172.16.0.0/12', '10.0.0.0/8', '192.168.0.0/16'];

/** A CIDR of the given prefix somewhere inside `outer`, host bits clear. */
function cidrIn(outer: string, prefix: number, at: number): string {
  const o = range4(outer);
  const p = Math.max(prefix, Number(outer.split('/')[1]));
  const size = 2 ** (32 - p);
  const blocks = (o.hi - o.lo + 1) / size;
  return `${numberToIp(o.lo + (at % blocks) * size)}/${p}`;
}

const cidrArb = fc
  .tuple(
    fc.constantFrom(...SEARCH_ORDER, '100.64.0.0/10'),
    fc.integer({ min: 8, max: 22 }),
    fc.nat(),
  )
  .map(([outer, prefix, at]) => cidrIn(outer, prefix, at));

interface World {
  plan: Plan;
  target: string;
  nodes: number;
  pods: number;
  services: number;
}

const worldArb: fc.Arbitrary<World> = fc
  .record({
    vpcCount: fc.integer({ min: 1, max: 4 }),
    vpcCidrs: fc.array(cidrArb, { minLength: 4, maxLength: 4 }),
    secondary: fc.array(fc.option(cidrArb), { minLength: 4, maxLength: 4 }),
    clusters: fc.array(
      fc.record({ vpc: fc.nat(), container: fc.option(cidrArb), service: fc.option(cidrArb) }),
      { maxLength: 4 },
    ),
    peerings: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }),
    ccnMembers: fc.array(fc.nat(), { maxLength: 3 }),
    idcs: fc.array(
      fc.record({
        vpc: fc.option(fc.nat()),
        onCcn: fc.boolean(),
        cidrs: fc.array(cidrArb, { maxLength: 2 }),
      }),
      { maxLength: 3 },
    ),
    routes: fc.array(
      fc.record({ vpc: fc.nat(), dest: fc.oneof(cidrArb, fc.constant('0.0.0.0/0')) }),
      { maxLength: 4 },
    ),
    reservations: fc.array(fc.record({ vpc: fc.option(fc.nat()), cidr: cidrArb }), {
      maxLength: 3,
    }),
    target: fc.nat(),
    nodes: fc.oneof(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 200_000 })),
    pods: fc.integer({ min: 3, max: 256 }),
    services: fc.integer({ min: 20, max: 32768 }),
  })
  .map((r) => {
    const V = Array.from({ length: r.vpcCount }, (_, i) => `vpc-${i}`);
    const pick = (n: number) => V[n % V.length]!;
    const vpcs = V.map((id, i) =>
      vpc(id, r.vpcCidrs[i]!, r.secondary[i] ? { secondaryCidrs: [r.secondary[i]] } : {}),
    );
    const subnets = V.map((id, i) => subnet(`sn-${i}`, id, r.vpcCidrs[i]!));
    const clusters = r.clusters.map((c, i) =>
      cluster(`cls-${i}`, pick(c.vpc), {
        nodeSubnets: [`sn-${V.indexOf(pick(c.vpc))}`],
        ...(c.container ? { containerCidr: c.container } : { mode: 'vpc-cni' as const }),
        ...(c.service ? { serviceCidr: c.service } : {}),
      }),
    );
    const peerings = r.peerings
      .map(([a, b], i) => peering(`pcx-${i}`, pick(a), pick(b)))
      .filter((p) => p.vpcs[0] !== p.vpcs[1]);
    const idcs = r.idcs.map((x, i) => {
      const base = idc(`idc-${i}`, x.vpc === null ? '' : pick(x.vpc), x.cidrs);
      if (x.vpc !== null) return base;
      const { vpc: _omit, ...rest } = base;
      return rest;
    });
    const members = [...new Set(r.ccnMembers.map(pick))];
    const ccnIdcs = r.idcs.flatMap((x, i) => (x.onCcn ? [`idc-${i}`] : []));
    const ccns =
      members.length + ccnIdcs.length > 0 ? [ccn('ccn-0', [...members, ...ccnIdcs])] : [];
    const natGateways = V.map((id, i) => nat(`nat-${i}`, id));
    const routeTables = r.routes.map((x, i) =>
      table(`rtb-${i}`, pick(x.vpc), [[x.dest, `nat-${V.indexOf(pick(x.vpc))}`]]),
    );
    const reservations: Reservation[] = r.reservations.map((x, i) => ({
      id: `rsv-${i}`,
      cidr: x.cidr,
      ...(x.vpc === null ? {} : { vpc: pick(x.vpc) }),
    }));
    return {
      plan: {
        ...plan({ vpcs, subnets, clusters, natGateways, peerings, idcs, ccns, routeTables }),
        reservations,
      },
      target: pick(r.target),
      nodes: r.nodes,
      pods: r.pods,
      services: r.services,
    };
  });

/** Every range rules.md checks a new container CIDR in `target` against, straight from the plan. */
function rangesTheRulesCheck(p: Plan, target: string): string[] {
  const connected = new Set<string>();
  for (const x of p.peerings) {
    if (x.vpcs[0] === target) connected.add(x.vpcs[1]);
    if (x.vpcs[1] === target) connected.add(x.vpcs[0]);
  }
  for (const c of p.ccns)
    if (c.attachments.includes(target))
      for (const m of c.attachments) if (p.vpcs.some((v) => v.id === m)) connected.add(m);
  connected.delete(target);
  const near = new Set([target, ...connected]);
  const out: string[] = [];
  for (const v of p.vpcs) if (near.has(v.id)) out.push(v.cidr, ...(v.secondaryCidrs ?? []));
  for (const c of p.clusters)
    if (near.has(c.vpc)) {
      if (c.containerCidr) out.push(c.containerCidr);
      if (c.serviceCidr) out.push(c.serviceCidr);
    }
  const ccnsOfTarget = p.ccns.filter((c) => c.attachments.includes(target));
  for (const i of p.idcs)
    if (i.vpc === target || ccnsOfTarget.some((c) => c.attachments.includes(i.id)))
      out.push(...i.cidrs);
  for (const t of p.routeTables)
    if (t.vpc === target)
      for (const r of t.routes) if (!r.destination.endsWith('/0')) out.push(r.destination);
  for (const r of p.reservations ?? [])
    if (r.vpc === undefined || near.has(r.vpc)) out.push(r.cidr);
  return out.filter((c) => !c.includes(':'));
}

/**
 * Blocks of `prefix` in the search order: the first that overlaps none of `avoid`, and how many
 * candidates came before it (a range too small for the prefix counts as one).
 */
function bruteForce(prefix: number, avoid: readonly string[]): { block?: string; before: number } {
  let before = 0;
  const ranges = avoid.map(range4);
  for (const range of SEARCH_ORDER) {
    const r = range4(range);
    if (prefix < Number(range.split('/')[1])) {
      before++;
      continue;
    }
    const size = 2 ** (32 - prefix);
    for (let lo = r.lo; lo + size - 1 <= r.hi; lo += size) {
      const hi = lo + size - 1;
      if (!ranges.some((a) => a.lo <= hi && lo <= a.hi))
        return { block: `${numberToIp(lo)}/${prefix}`, before };
      before++;
    }
  }
  return { before };
}

describe('sizing a cluster', () => {
  it('gives the smallest container CIDR whose maxNodes holds the nodes (rules.md)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500_000 }),
        fc.integer({ min: 1, max: 256 }),
        fc.integer({ min: 1, max: 32768 }),
        (nodes, pods, services) => {
          const s = sizeCluster({ nodes, podsPerNode: pods, services });
          const P = 2 ** Math.ceil(Math.log2(pods));
          const S = 2 ** Math.ceil(Math.log2(services));
          if (P < 4 || S < 32) {
            expect(s.ok).toBe(false);
            return;
          }
          const holds = (prefix: number) => Math.floor((2 ** (32 - prefix) - S) / P) >= nodes;
          let want: number | undefined;
          for (let prefix = 32; prefix >= 8; prefix--)
            if (holds(prefix)) {
              want = prefix;
              break;
            }
          if (want === undefined) {
            expect(s.ok).toBe(false);
            return;
          }
          expect(s).toEqual({ ok: true, maxPodsPerNode: P, maxServices: S, prefix: want });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('says why it cannot size a cluster', () => {
    expect(sizeCluster({ nodes: 0 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('nodes') as unknown,
    });
    expect(sizeCluster({ nodes: 1, podsPerNode: 300 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('outside the 4..256') as unknown,
    });
    expect(sizeCluster({ nodes: 1, services: 40000 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('outside the 32..32768') as unknown,
    });
    expect(sizeCluster({ nodes: 1_000_000, podsPerNode: 256 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('more than 10.0.0.0/8 holds') as unknown,
    });
  });
});

describe('suggesting a container CIDR', () => {
  it('takes the first free block in the search order that brute force finds, or says nothing fits', () => {
    let found = 0;
    let none = 0;
    let passedOver = 0;
    fc.assert(
      fc.property(worldArb, (w) => {
        const ix = new PlanIndex(w.plan);
        const needs = { nodes: w.nodes, podsPerNode: w.pods, services: w.services };
        const size = sizeCluster(needs);
        const got = new AddressPlanner(ix).suggestCluster(w.target, needs);
        if (!size.ok) {
          expect(got.ok).toBe(false);
          return;
        }
        const avoid = rangesTheRulesCheck(w.plan, w.target);
        const brute = bruteForce(size.prefix, avoid);
        expect(got.rejectedCount).toBe(brute.before);
        expect(got.rejected.length).toBe(Math.min(brute.before, REJECTED_LISTED));
        const want = brute.block;
        if (want === undefined) {
          expect(got.ok).toBe(false);
          none++;
          return;
        }
        expect(got).toMatchObject({ ok: true, containerCidr: want });
        if (!got.ok) return;
        found++;
        // The cluster it describes holds the nodes, and the service range is carved from its end.
        expect(got.maxNodes).toBeGreaterThanOrEqual(w.nodes);
        expect(range4(got.serviceCidr).hi).toBe(range4(want).hi);
        expect(range4(got.serviceCidr).hi - range4(got.serviceCidr).lo + 1).toBe(got.maxServices);
        // What it passed over overlaps something the rules check, before the answer.
        for (const r of got.rejected) {
          if (r.because.startsWith('is smaller than')) continue;
          expect(avoid.some((a) => overlap4(a, r.cidr))).toBe(true);
          expect(r.because).toMatch(/^overlaps /);
          passedOver++;
        }
      }),
      { numRuns: 600 },
    );
    // Both outcomes and some rejections must have been exercised, or the property says little.
    expect(found).toBeGreaterThan(200);
    expect(none).toBeGreaterThan(5);
    expect(passedOver).toBeGreaterThan(50);
  }, 120_000);

  it('puts the suggested cluster where validation finds no conflict with it', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const got = new AddressPlanner(new PlanIndex(w.plan)).suggestCluster(w.target, {
          nodes: Math.min(w.nodes, 2000),
        });
        if (!got.ok) return;
        const added = cluster('cls-new', w.target, {
          nodeSubnets: [`sn-${w.target.slice(4)}`],
          containerCidr: got.containerCidr,
          maxPodsPerNode: got.maxPodsPerNode,
          maxServices: got.maxServices,
          nodeCount: Math.min(w.nodes, 2000),
        });
        const after = analyze({ ...w.plan, clusters: [...w.plan.clusters, added] });
        const aboutIt = after.findings.filter(
          (f) =>
            f.objects[0] === 'cls-new' ||
            (f.objects.includes('cls-new') && f.code.includes('RESERVATION')),
        );
        const conflicts = aboutIt.filter((f) =>
          /CLUSTER_CIDR_OVERLAPS|CLUSTER_CIDR_RANGE|CLUSTER_CIDR_TOO_SMALL|RESERVATION_OVERLAP/.test(
            f.code,
          ),
        );
        expect(conflicts).toEqual([]);
        const cap = after.capacity.find((c) => c.cluster === 'cls-new')!;
        expect(cap.maxNodes).toBe(got.maxNodes);
        expect(cap.serviceCidr).toBe(got.serviceCidr);
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('says what each passed-over block overlaps', () => {
    const p: Plan = {
      ...plan({
        vpcs: [
          vpc('vpc-a', '10.0.0.0/16', { name: 'prod' }),
          vpc('vpc-b', '172.16.0.0/16', { name: 'shared' }),
        ],
        subnets: [subnet('sn-a', 'vpc-a', '10.0.1.0/24')],
        clusters: [
          cluster('cls-1', 'vpc-a', {
            name: 'prod-tke',
            nodeSubnets: ['sn-a'],
            containerCidr: '172.17.0.0/16',
          }),
        ],
        peerings: [peering('pcx-ab', 'vpc-a', 'vpc-b')],
        routeTables: [
          table('rtb-a', 'vpc-a', [
            ['172.18.0.0/16', 'pcx-ab'],
            ['0.0.0.0/0', 'nat-1'],
          ]),
        ],
      }),
      reservations: [{ id: 'rsv-1', name: 'future', cidr: '172.19.0.0/16' }],
    };
    const got = new AddressPlanner(new PlanIndex(p)).suggestCluster('vpc-a', { nodes: 1000 });
    expect(got).toEqual({
      ok: true,
      containerCidr: '172.20.0.0/16',
      maxPodsPerNode: 64,
      maxServices: 256,
      maxNodes: 1020,
      serviceCidr: '172.20.255.0/24',
      rejected: [
        {
          cidr: '172.16.0.0/16',
          because: 'overlaps VPC shared, connected by pcx-ab (172.16.0.0/16)',
        },
        { cidr: '172.17.0.0/16', because: 'overlaps container CIDR of prod-tke (172.17.0.0/16)' },
        {
          cidr: '172.18.0.0/16',
          because: 'overlaps route to 172.18.0.0/16 in route table rtb-a (172.18.0.0/16)',
        },
        { cidr: '172.19.0.0/16', because: 'overlaps reservation future (172.19.0.0/16)' },
      ],
      rejectedCount: 4,
    });
    const none = new AddressPlanner(new PlanIndex(p)).suggestCluster('vpc-x', { nodes: 1 });
    expect(none).toMatchObject({ ok: false, reason: 'no VPC vpc-x in the plan' });
  });
});

describe('pod subnets for a VPC-CNI cluster', () => {
  it('spreads the pods over the zones of the VPC, one free subnet each', () => {
    const p = plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16')],
      subnets: [
        subnet('sn-1', 'vpc-a', '10.0.0.0/24', { zone: 'ap-guangzhou-3' }),
        subnet('sn-2', 'vpc-a', '10.0.1.0/24', { zone: 'ap-guangzhou-4' }),
      ],
    });
    const got = new AddressPlanner(new PlanIndex(p)).suggestPodSubnets('vpc-a', {
      nodes: 20,
      podsPerNode: 30,
    });
    // 600 pods, 300 per zone: a /23 (509 usable) each, clear of the subnets there.
    expect(got).toEqual({
      ok: true,
      pods: 600,
      podsPerZone: 300,
      subnets: [
        { zone: 'ap-guangzhou-3', cidr: '10.0.2.0/23', usableIps: 509 },
        { zone: 'ap-guangzhou-4', cidr: '10.0.4.0/23', usableIps: 509 },
      ],
      serviceCidr: '172.16.0.0/24',
      maxServices: 256,
    });
    const small = new AddressPlanner(new PlanIndex(p)).suggestPodSubnets('vpc-a', {
      nodes: 2000,
      podsPerNode: 64,
      zones: ['ap-guangzhou-3'],
    });
    expect(small).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no free /15') as unknown,
    });
  });
});
