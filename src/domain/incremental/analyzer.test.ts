// The incremental analyser against the simplest oracle there is: analysing the whole plan again
// after every edit. Random plans from the benchmark's generator, random edits of every kind the
// designer makes (ranges moved onto and off each other, routes, attachments, deletions with what
// depends on them, reservations, zones and regions, IDCs on and off a CCN, comments, undo), two
// path scopes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../../bench/generate';
import { analyzePlan, type PathScope } from '../analyze';
import type { Plan } from '../model/plan';
import { removeObjects } from '../ops/cascade';
import {
  addComment,
  createReservation,
  deleteReservation,
  resolveComment,
  updateReservation,
} from '../ops/notes';
import { applyOps, type PlanOp } from '../ops/ops';
import { basePlan, cluster } from '../../test-support/builders';
import { withPlanExtras } from '../../test-support/plan-extras';
import { IncrementalAnalyzer } from './analyzer';
import type { AnalysisDelta } from './delta';
import { patchCapacity } from './delta';

const POOL = [
  '10.0.128.0/17',
  '172.16.0.0/16',
  '172.17.0.0/16',
  '172.16.128.0/17',
  '192.168.0.0/16',
  '10.1.0.0/16',
  '10.0.1.0/24',
  '172.20.0.0/20',
];

/** An edit that fits `p`, picked by the numbers fast-check hands us. */
function editFor(p: Plan, pick: number, n: number): PlanOp[] {
  const at = <T>(list: readonly T[]) => list[n % Math.max(1, list.length)];
  const cidr = POOL[n % POOL.length]!;
  switch (pick % 30) {
    case 0: {
      const c = at(p.clusters);
      return c
        ? [{ op: 'update', collection: 'clusters', id: c.id, set: { containerCidr: cidr } }]
        : [];
    }
    case 1: {
      const s = at(p.subnets);
      if (!s) return [];
      const v = p.vpcs.find((x) => x.id === s.vpc)!;
      const base = v.cidr.split('/')[0]!.split('.');
      return [
        {
          op: 'update',
          collection: 'subnets',
          id: s.id,
          set: { cidr: `${base[0]}.${base[1]}.${n % 8}.0/24` },
        },
      ];
    }
    case 2: {
      const t = at(p.routeTables);
      if (!t) return [];
      const targets = [
        ...p.natGateways.filter((x) => x.vpc === t.vpc),
        ...p.peerings.filter((x) => x.vpcs.includes(t.vpc)),
        ...p.ccns,
        ...p.idcs,
      ].map((x) => x.id);
      const target = targets[n % Math.max(1, targets.length)];
      if (!target) return [];
      return [
        {
          op: 'update',
          collection: 'routeTables',
          id: t.id,
          set: {
            routes: [
              ...t.routes.slice(0, n % 3),
              { destination: n % 2 ? '0.0.0.0/0' : cidr, target },
            ],
          },
        },
      ];
    }
    case 3: {
      const s = at(p.subnets);
      return s
        ? [
            {
              op: 'insert',
              collection: 'resources',
              object: {
                id: `r-new-${n}-${p.resources.length}`,
                kind: 'cdb',
                subnet: s.id,
                ip: s.cidr.replace(/\.0\/\d+$/, `.${10 + (n % 40)}`),
              },
            },
          ]
        : [];
    }
    case 4: {
      const r = at(p.resources);
      return r ? removeObjects(p, [r.id]) : [];
    }
    case 5: {
      const s = at(p.subnets);
      return s ? removeObjects(p, [s.id]) : [];
    }
    case 6: {
      const c = at(p.clusters);
      return c
        ? [
            {
              op: 'update',
              collection: 'clusters',
              id: c.id,
              set: { nonMasqueradeCidrs: [cidr, '10.0.0.0/8'] },
            },
          ]
        : [];
    }
    case 7: {
      const x = at(p.ccns);
      const v = at(p.vpcs);
      if (!x || !v) return [];
      const has = x.attachments.includes(v.id);
      return [
        {
          op: 'update',
          collection: 'ccns',
          id: x.id,
          set: {
            attachments: has ? x.attachments.filter((a) => a !== v.id) : [v.id, ...x.attachments],
          },
        },
      ];
    }
    case 8: {
      const s = at(p.subnets);
      const t = s && p.routeTables.find((x) => x.vpc === s.vpc && x.id !== s.routeTable);
      return s
        ? [
            {
              op: 'update',
              collection: 'subnets',
              id: s.id,
              set: t ? { routeTable: t.id } : {},
              ...(t ? {} : { unset: ['routeTable'] }),
            },
          ]
        : [];
    }
    case 9: {
      const x = at(p.peerings);
      return x ? removeObjects(p, [x.id]) : [];
    }
    case 10: {
      const c = at(p.clusters);
      return c ? removeObjects(p, [c.id]) : [];
    }
    case 11: {
      const v = at(p.vpcs);
      return v
        ? [{ op: 'update', collection: 'vpcs', id: v.id, set: { secondaryCidrs: [cidr] } }]
        : [];
    }
    case 12: {
      const r = at(p.resources);
      const s = r && p.subnets.find((x) => x.id === r.subnet);
      return r && s
        ? [
            {
              op: 'update',
              collection: 'resources',
              id: r.id,
              set: { ip: s.cidr.replace(/\.0\/\d+$/, `.${2 + (n % 200)}`), name: `renamed ${n}` },
            },
          ]
        : [];
    }
    case 13: {
      const c = at(p.clusters);
      return c
        ? [
            {
              op: 'update',
              collection: 'clusters',
              id: c.id,
              set: { nodeCount: 1 + n, name: `cluster ${n}` },
            },
          ]
        : [];
    }
    case 14: {
      const v = at(p.vpcs);
      if (!v) return [];
      const base = v.cidr.split('/')[0]!.split('.');
      return [
        {
          op: 'insert',
          collection: 'subnets',
          object: {
            id: `sn-new-${n}-${p.subnets.length}`,
            vpc: v.id,
            cidr: `${base[0]}.${base[1]}.${200 + (n % 50)}.0/24`,
          },
        },
      ];
    }
    case 15: {
      const a = at(p.vpcs);
      const b = p.vpcs[(n + 1) % p.vpcs.length];
      return a && b && a.id !== b.id
        ? [
            {
              op: 'insert',
              collection: 'peerings',
              object: { id: `pcx-new-${n}-${p.peerings.length}`, vpcs: [a.id, b.id] },
            },
          ]
        : [];
    }
    case 16: {
      const v = at(p.vpcs);
      return v && p.vpcs.length > 2 ? removeObjects(p, [v.id]) : [];
    }
    case 17: {
      const d = at(p.idcs);
      return d
        ? [
            {
              op: 'update',
              collection: 'idcs',
              id: d.id,
              set: { returnRoutes: [cidr], cidrs: [n % 2 ? '192.168.0.0/16' : cidr] },
            },
          ]
        : [];
    }
    case 18: {
      const x = at(p.natGateways);
      return x ? removeObjects(p, [x.id]) : [];
    }
    case 19: {
      const x = at(p.ccns);
      const c = at(p.clusters);
      return x && c && !x.attachments.includes(c.id)
        ? [
            {
              op: 'update',
              collection: 'ccns',
              id: x.id,
              set: { attachments: [...x.attachments, c.id] },
            },
          ]
        : [];
    }
    case 20: {
      const c = at(p.clusters);
      const s =
        c && p.subnets.find((x) => x.vpc === c.vpc && !(c.nodeSubnets ?? []).includes(x.id));
      return c && s
        ? [
            {
              op: 'update',
              collection: 'clusters',
              id: c.id,
              set: { nodeSubnets: [...(c.nodeSubnets ?? []), s.id] },
            },
          ]
        : [];
    }
    case 21: {
      const c = at(p.clusters);
      return c
        ? [
            {
              op: 'flows',
              flows:
                n % 2
                  ? null
                  : [
                      { from: c.id, to: 'internet' },
                      ...p.resources.slice(0, 5).map((r) => ({ from: c.id, to: r.id })),
                    ],
            },
          ]
        : [];
    }
    case 23: {
      const v = at(p.vpcs);
      return createReservation(p, { cidr, ...(v && n % 3 ? { vpc: v.id } : {}) }).ops;
    }
    case 24: {
      const r = at(p.reservations ?? []);
      const v = at(p.vpcs);
      if (!r) return [];
      return updateReservation(p, r.id, n % 2 ? { cidr } : { vpc: r.vpc ? undefined : v?.id });
    }
    case 25: {
      const r = at(p.reservations ?? []);
      return r ? (n % 2 ? deleteReservation(p, r.id) : removeObjects(p, [r.id])) : [];
    }
    case 26: {
      const s = at(p.subnets);
      const v = s && p.vpcs.find((x) => x.id === s.vpc);
      if (!s || !v) return [];
      const zone = n % 3 === 0 ? 'ap-mars-2' : `${v.region ?? 'ap-guangzhou'}-${1 + (n % 4)}`;
      return [{ op: 'update', collection: 'subnets', id: s.id, set: { zone } }];
    }
    case 27: {
      const v = at(p.vpcs);
      if (!v) return [];
      return n % 4 === 0
        ? [{ op: 'update', collection: 'vpcs', id: v.id, set: {}, unset: ['region'] }]
        : [
            {
              op: 'update',
              collection: 'vpcs',
              id: v.id,
              set: { region: ['ap-guangzhou', 'ap-shanghai', 'ap-beijing'][n % 3]! },
            },
          ];
    }
    case 28: {
      // An IDC attached to or detached from a CCN; on it, it may lose its VPC.
      const d = at(p.idcs);
      const x = at(p.ccns);
      if (!d || !x) return [];
      const has = x.attachments.includes(d.id);
      if (has && d.vpc !== undefined && n % 2)
        return [{ op: 'update', collection: 'idcs', id: d.id, set: {}, unset: ['vpc'] }];
      if (has && d.vpc === undefined) return removeObjects(p, [d.id]);
      return [
        {
          op: 'update',
          collection: 'ccns',
          id: x.id,
          set: {
            attachments: has ? x.attachments.filter((a) => a !== d.id) : [...x.attachments, d.id],
          },
        },
      ];
    }
    case 29: {
      const c = at(p.comments ?? []);
      const target = at(p.clusters)?.id;
      if (c && n % 2) return resolveComment(p, c.id, !c.resolved);
      return addComment(p, {
        ...(target ? { object: target } : {}),
        author: 'reviewer',
        text: `note ${n}`,
        createdAt: '2026-12-01T09:30:00Z',
      }).ops;
    }
    default: {
      const v = at(p.vpcs);
      return v ? [{ op: 'update', collection: 'vpcs', id: v.id, set: { name: `vpc ${n}` } }] : [];
    }
  }
}

function expectSame(a: IncrementalAnalyzer, scope: PathScope): void {
  const full = analyzePlan(a.currentPlan, scope);
  const mine = a.snapshot();
  expect(mine.findings).toEqual(full.findings);
  expect(mine.capacity).toEqual(full.capacity);
  expect(mine.paths).toEqual(full.paths);
}

describe('IncrementalAnalyzer', () => {
  for (const scopeKind of ['cluster', 'plan'] as const) {
    it(`after any edits (and their undo) says what a full analysis says (${scopeKind} scope)`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 1000 }),
          fc.array(fc.tuple(fc.nat(), fc.nat(1000), fc.boolean()), { minLength: 1, maxLength: 8 }),
          (seed, steps) => {
            const plan = withPlanExtras(generatePlan(220, seed), seed);
            const scope: PathScope =
              scopeKind === 'plan'
                ? { kind: 'plan' }
                : { kind: 'clusters', ids: [plan.clusters[0]!.id] };
            const a = new IncrementalAnalyzer();
            // What a receiver of the answers holds: findings and capacity as they add up.
            const first = a.load(plan, scope);
            const view = { findings: first.findings!, capacity: first.capacity! };
            const receive = (d: AnalysisDelta) => {
              if (d.findings) view.findings = d.findings;
              if (d.capacity) view.capacity = d.capacity;
              else if (d.capacityChanged)
                view.capacity = patchCapacity(view.capacity, d.capacityChanged);
              const full = analyzePlan(a.currentPlan, scope);
              expect(view.findings).toEqual(full.findings);
              expect(view.capacity).toEqual(full.capacity);
            };
            for (const [pick, n, undo] of steps) {
              const ops = editFor(a.currentPlan, pick, n);
              if (ops.length === 0) continue;
              const { inverse } = applyOps(a.currentPlan, ops);
              receive(a.apply(ops));
              expectSame(a, scope);
              if (undo) {
                receive(a.apply(inverse));
                expectSame(a, scope);
              }
            }
          },
        ),
        { numRuns: Number(process.env.INCREMENTAL_RUNS ?? (scopeKind === 'plan' ? 25 : 60)) },
      );
    }, 120_000);
  }

  it('answers an edit with what changed, not everything', () => {
    const plan = generatePlan(2000, 7);
    const c = plan.clusters.find((x) => x.containerCidr)!;
    const a = new IncrementalAnalyzer();
    const all = a.load(plan, { kind: 'clusters', ids: [c.id] });
    expect(all.paths.kind).toBe('all');
    const d = a.apply([
      { op: 'update', collection: 'clusters', id: c.id, set: { containerCidr: '172.31.0.0/16' } },
    ]);
    expect(d.paths.kind).toBe('some');
    const total = all.paths.kind === 'all' ? all.paths.paths.length : 0;
    expect(d.paths.kind === 'some' && d.paths.changed.length).toBeLessThan(total / 4);
    // The moved cluster's capacity alone; the findings did not change, so they are not sent.
    expect(d.capacity).toBeUndefined();
    expect(d.capacityChanged?.map((x) => x.cluster)).toEqual([c.id]);
    expect(d.findings).toBeUndefined();
    const cosmetic = a.apply([{ op: 'layout', id: plan.vpcs[0]!.id, box: { x: 1, y: 2 } }]);
    expect(cosmetic).toEqual({ paths: { kind: 'some', changed: [], removed: [], order: null } });
  });

  it('orders objects inserted side by side in one batch as a full analysis does', () => {
    // Two clusters with the same service range, pasted together before a resource: a pair the
    // rules report once, on the later cluster. Both once took the same order and neither got it.
    const start = basePlan();
    const twin = (id: string) =>
      cluster(id, 'vpc-a', {
        nodeSubnets: ['sn-node'],
        containerCidr: '172.20.0.0/16',
        serviceCidr: '192.168.0.0/24',
      });
    const ops: PlanOp[] = [
      { op: 'insert', collection: 'clusters', object: twin('cls-x') },
      { op: 'insert', collection: 'clusters', object: twin('cls-y') },
    ];
    const a = new IncrementalAnalyzer();
    a.load(start, { kind: 'plan' });
    a.apply(ops);
    const after = applyOps(start, ops).plan;
    const keys = (fs: readonly { code: string; objects: readonly string[] }[]) =>
      fs.map((f) => `${f.code}:${[...f.objects].sort().join(',')}`).sort();
    expect(keys(a.snapshot().findings)).toEqual(
      keys(analyzePlan(after, { kind: 'plan' }).findings),
    );
    expect(keys(a.snapshot().findings)).toContain('SERVICE_CIDR_OVERLAPS_CLUSTER:cls-x,cls-y');
  });
});
