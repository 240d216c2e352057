import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../analyze';
import { COLLECTIONS, type Plan } from '../model/plan';
import { applyOps } from '../ops/ops';
import { validPlanArb } from '../../test-support/arbitraries';
import { basePlan, cluster, plan, resource, subnet, vpc } from '../../test-support/builders';
import { diffAnalyzed, diffPlans, isWorse } from './diff';
import { diffObjects } from './objects';
import { opsArb } from '../../test-support/plan-ops';

/** Every object with an id: the network's lists, reservations and comments. */
function everyObject(p: Plan): { id: string }[] {
  const lists: readonly (readonly { id: string }[])[] = [
    ...COLLECTIONS.map((c) => p[c]),
    p.reservations ?? [],
    p.comments ?? [],
  ];
  return lists.flat();
}

/** The oracle: every object of both plans, compared as JSON text, one by one. */
function naiveDiff(a: Plan, b: Plan) {
  const index = (p: Plan) => new Map(everyObject(p).map((o) => [o.id, JSON.stringify(o)] as const));
  const before = index(a);
  const after = index(b);
  const added = [...after.keys()].filter((id) => !before.has(id));
  const removed = [...before.keys()].filter((id) => !after.has(id));
  const changed = [...after.keys()].filter(
    (id) => before.has(id) && before.get(id) !== after.get(id),
  );
  return { added, removed, changed };
}

const ids = (list: readonly { id: string }[]) => list.map((o) => o.id).sort();

describe('diff of objects', () => {
  it('finds nothing between a plan and itself, or a copy of it with keys in another order', () => {
    fc.assert(
      fc.property(validPlanArb, (p) => {
        const reordered = JSON.parse(JSON.stringify(p), (_k, v: unknown) =>
          v && typeof v === 'object' && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v).reverse())
            : v,
        ) as Plan;
        for (const other of [p, structuredClone(p), reordered]) {
          const d = diffPlans(p, other);
          expect(d.objects).toEqual({ added: [], removed: [], changed: [] });
          expect(d.findings).toEqual({ introduced: [], resolved: [] });
          expect(d.paths.changed).toEqual([]);
          expect(d.capacity.changed).toEqual([]);
          expect(d.summary).toEqual({
            added: 0,
            removed: 0,
            changed: 0,
            errorsIntroduced: 0,
            pathsWorse: 0,
          });
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('lists exactly the objects that the ops touched, field by field (oracle: JSON per object)', () => {
    fc.assert(
      fc.property(
        validPlanArb.chain((p) => fc.tuple(fc.constant(p), opsArb(p))),
        ([p, ops]) => {
          const q = applyOps(p, ops).plan;
          const d = diffObjects(p, q);
          const oracle = naiveDiff(p, q);
          expect(ids(d.added)).toEqual(oracle.added.sort());
          expect(ids(d.removed)).toEqual(oracle.removed.sort());
          expect(ids(d.changed)).toEqual(oracle.changed.sort());
          const before = new Map(everyObject(p).map((o) => [o.id, o] as const));
          const after = new Map(everyObject(q).map((o) => [o.id, o] as const));
          for (const c of d.changed) {
            const o = before.get(c.id) as unknown as Record<string, unknown>;
            const n = after.get(c.id) as unknown as Record<string, unknown>;
            const keys = [...new Set([...Object.keys(o), ...Object.keys(n)])];
            const differing = keys.filter((k) => JSON.stringify(o[k]) !== JSON.stringify(n[k]));
            expect(c.fields.map((f) => f.field).sort()).toEqual(differing.sort());
            for (const f of c.fields) {
              expect(f.before).toEqual(o[f.field] ?? null);
              expect(f.after).toEqual(n[f.field] ?? null);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it('finds the same between two files as between a plan and its edited self (no shared objects)', () => {
    fc.assert(
      fc.property(
        validPlanArb.chain((p) => fc.tuple(fc.constant(p), opsArb(p))),
        ([p, ops]) => {
          const q = applyOps(p, ops).plan;
          const file = (x: Plan) => JSON.parse(JSON.stringify(x)) as Plan;
          expect(diffObjects(file(p), file(q))).toEqual(diffObjects(p, q));
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);

  it('swaps added and removed, introduced and resolved, before and after when the plans swap', () => {
    fc.assert(
      fc.property(
        validPlanArb.chain((p) => fc.tuple(fc.constant(p), opsArb(p))),
        ([p, ops]) => {
          const q = applyOps(p, ops).plan;
          const ap = analyzePlan(p);
          const aq = analyzePlan(q);
          const there = diffAnalyzed(p, ap, q, aq);
          const back = diffAnalyzed(q, aq, p, ap);
          expect(ids(back.objects.added)).toEqual(ids(there.objects.removed));
          expect(ids(back.objects.removed)).toEqual(ids(there.objects.added));
          expect(ids(back.objects.changed)).toEqual(ids(there.objects.changed));
          expect(back.findings.introduced).toEqual(
            expect.arrayContaining([...there.findings.resolved]),
          );
          expect(back.findings.introduced.length).toBe(there.findings.resolved.length);
          expect(back.findings.resolved.length).toBe(there.findings.introduced.length);
          const flip = there.paths.changed.map((c) => `${c.from}>${c.to}:${c.after}>${c.before}`);
          const flipped = back.paths.changed.map((c) => `${c.from}>${c.to}:${c.before}>${c.after}`);
          expect(flipped.sort()).toEqual(flip.sort());
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});

describe('diff of what a change does', () => {
  const before = basePlan();

  it('reports a container CIDR moved onto the VPC: the change, the error, the capacity, worse paths', () => {
    const c = before.clusters[0]!;
    const after = applyOps(before, [
      {
        op: 'update',
        collection: 'clusters',
        id: c.id,
        set: { containerCidr: before.vpcs[0]!.cidr },
      },
    ]).plan;
    const d = diffPlans(before, after);
    expect(d.objects.changed).toEqual([
      {
        id: c.id,
        kind: 'cluster',
        fields: [{ field: 'containerCidr', before: c.containerCidr, after: before.vpcs[0]!.cidr }],
      },
    ]);
    expect(d.findings.introduced.map((f) => f.code)).toContain('CLUSTER_CIDR_OVERLAPS_VPC');
    expect(d.summary.errorsIntroduced).toBeGreaterThan(0);
    expect(d.findings.resolved).toEqual([]);
    // And the way back resolves what the change introduced.
    const back = diffPlans(after, before);
    expect(back.findings.resolved.map((f) => f.code)).toContain('CLUSTER_CIDR_OVERLAPS_VPC');
    expect(back.summary.errorsIntroduced).toBe(0);
  });

  it('ranks verdicts direct → snat → unreachable, and a new unreachable path as worse', () => {
    expect(isWorse('direct', 'snat')).toBe(true);
    expect(isWorse('snat', 'unreachable')).toBe(true);
    expect(isWorse('direct', 'unreachable')).toBe(true);
    expect(isWorse('snat', 'direct')).toBe(false);
    expect(isWorse('unreachable', 'snat')).toBe(false);
    expect(isWorse(null, 'unreachable')).toBe(true);
    expect(isWorse(null, 'snat')).toBe(false);
    expect(isWorse('unreachable', null)).toBe(false);
  });

  it('lists a new path, a gone path and a path made unreachable, with its reason', () => {
    const p = plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16')],
      subnets: [subnet('sn-n', 'vpc-a', '10.0.1.0/24'), subnet('sn-d', 'vpc-a', '10.0.2.0/24')],
      clusters: [
        cluster('cls-1', 'vpc-a', { nodeSubnets: ['sn-n'], containerCidr: '172.16.0.0/16' }),
      ],
      resources: [resource('db-1', 'sn-d', '10.0.2.10'), resource('db-2', 'sn-d', '10.0.2.11')],
      flows: [
        { from: 'cls-1', to: 'db-1' },
        { from: 'cls-1', to: 'db-2' },
      ],
    });
    const q = applyOps(p, [
      { op: 'update', collection: 'clusters', id: 'cls-1', set: { containerCidr: '10.0.0.0/16' } },
      {
        op: 'flows',
        flows: [
          { from: 'cls-1', to: 'db-1' },
          { from: 'cls-1', to: 'internet' },
        ],
      },
    ]).plan;
    const d = diffPlans(p, q);
    const byTo = new Map(d.paths.changed.map((c) => [c.to, c]));
    expect(byTo.get('db-1')).toMatchObject({ before: 'direct', after: 'unreachable', worse: true });
    expect(byTo.get('db-1')!.reasonAfter).toBe('NO_RETURN_ROUTE');
    expect(byTo.get('db-2')).toMatchObject({ before: 'direct', after: null, worse: false });
    expect(byTo.get('internet')).toMatchObject({ before: null, after: 'unreachable', worse: true });
    expect(d.summary.pathsWorse).toBe(2);
  });

  it('reports the capacity a smaller container CIDR takes away', () => {
    const c = before.clusters[0]!;
    const prefix = Number(c.containerCidr!.split('/')[1]);
    const smaller = `${c.containerCidr!.split('/')[0]}/${prefix + 1}`;
    const after = applyOps(before, [
      { op: 'update', collection: 'clusters', id: c.id, set: { containerCidr: smaller } },
    ]).plan;
    const d = diffPlans(before, after);
    const maxNodes = d.capacity.changed.find((x) => x.cluster === c.id && x.field === 'maxNodes');
    expect(maxNodes).toBeDefined();
    expect(maxNodes!.after as number).toBeLessThan(maxNodes!.before as number);
  });

  it('lists reservations and comments as objects too', () => {
    const p = plan({ vpcs: [vpc('v', '10.0.0.0/16')] });
    const q: Plan = {
      ...p,
      reservations: [{ id: 'rsv-1', cidr: '172.20.0.0/14', vpc: 'v' }],
      comments: [{ id: 'cm-1', author: 'Li', text: 'why?', createdAt: '2026-12-01T09:30:00Z' }],
    };
    expect(diffObjects(p, q).added).toEqual([
      { id: 'rsv-1', kind: 'reservation' },
      { id: 'cm-1', kind: 'comment' },
    ]);
    const r: Plan = { ...q, reservations: [{ id: 'rsv-1', cidr: '172.20.0.0/15', vpc: 'v' }] };
    expect(diffObjects(q, r).changed).toEqual([
      {
        id: 'rsv-1',
        kind: 'reservation',
        fields: [{ field: 'cidr', before: '172.20.0.0/14', after: '172.20.0.0/15' }],
      },
    ]);
  });

  it('ignores the layout and matches an id that changes kind as removed and added', () => {
    const p = plan({ vpcs: [vpc('x', '10.0.0.0/16')] });
    const moved = { ...p, layout: { x: { x: 5, y: 7 } } };
    expect(diffObjects(p, moved)).toEqual({ added: [], removed: [], changed: [] });
    const q = plan({ vpcs: [vpc('v', '10.0.0.0/16')], subnets: [subnet('x', 'v', '10.0.1.0/24')] });
    const d = diffObjects(p, q);
    expect(d.removed).toEqual([{ id: 'x', kind: 'vpc' }]);
    expect(d.added).toEqual([
      { id: 'v', kind: 'vpc' },
      { id: 'x', kind: 'subnet' },
    ]);
  });
});
