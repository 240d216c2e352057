import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzePlan, type PathScope } from '../analyze';
import { IncrementalAnalyzer } from '../incremental/analyzer';
import type { Plan } from '../model/plan';
import { applyOps, type PlanOp } from '../ops/ops';
import { validPlanArb } from '../../test-support/arbitraries';
import { opsArb } from '../../test-support/plan-ops';
import { diffAnalyzed, type PlanDiff } from './diff';
import { LiveDiff } from './live';

/** A diff with every list in one order, so that two diffs that say the same thing are equal. */
function canonical(d: PlanDiff) {
  const by =
    <T>(key: (x: T) => string) =>
    (list: readonly T[]) =>
      [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const ref = by<{ id: string; kind: string }>((o) => `${o.kind}:${o.id}`);
  const key = (f: { code: string; objects: readonly string[] }) =>
    `${f.code}:${[...f.objects].sort().join(',')}`;
  const finding = by(key);
  return {
    objects: {
      added: ref(d.objects.added),
      removed: ref(d.objects.removed),
      changed: ref(d.objects.changed),
    },
    findings: {
      introduced: finding(d.findings.introduced).map(key),
      resolved: finding(d.findings.resolved).map(key),
    },
    paths: by<{ from: string; to: string }>((p) => `${p.from}->${p.to}`)(d.paths.changed),
    capacity: by<{ cluster: string; field: string }>((c) => `${c.cluster}:${c.field}`)(
      d.capacity.changed,
    ),
    summary: d.summary,
  };
}

/** Edits through the incremental analyzer, as the worker makes them, batch by batch. */
function follow(base: Plan, start: Plan, batches: readonly PlanOp[][], scope: PathScope) {
  const analyzer = new IncrementalAnalyzer();
  analyzer.load(start, scope);
  const live = new LiveDiff(base, analyzePlan(base, scope));
  let plan = start;
  let diff = live.reset(plan, analyzer.snapshot());
  const check = () =>
    expect(canonical(diff)).toEqual(
      canonical(diffAnalyzed(base, analyzePlan(base, scope), plan, analyzePlan(plan, scope))),
    );
  check();
  for (const ops of batches) {
    const delta = analyzer.apply(ops);
    plan = applyOps(plan, ops).plan;
    diff = ops.some((o) => o.op === 'replace')
      ? live.reset(plan, analyzer.snapshot())
      : live.update(plan, ops, delta);
    check();
  }
}

describe('a live diff', () => {
  it('says what a full diff says after any edits, batch by batch', () => {
    fc.assert(
      fc.property(
        validPlanArb
          .chain((p) => fc.tuple(fc.constant(p), opsArb(p)))
          .chain(([p, first]) => {
            const start = applyOps(p, first).plan;
            return fc.tuple(
              fc.constant(p),
              fc.constant(start),
              opsArb(start, 'second').chain((a) => {
                const mid = applyOps(start, a).plan;
                return fc.tuple(fc.constant(a), opsArb(mid, 'third'));
              }),
            );
          }),
        fc.constantFrom<PathScope>({ kind: 'plan' }, { kind: 'none' }),
        ([p, start, [a, b]], scope) => follow(p, start, [a, b], scope),
      ),
      { numRuns: 80 },
    );
    // Every check analyses two plans from scratch: seconds on a loaded machine.
  }, 60_000);

  it('marks a path whose verdict moved, and forgets it when an edit moves it back', () => {
    fc.assert(
      fc.property(validPlanArb, (p) => {
        const cluster = p.clusters[0];
        if (!cluster || cluster.mode === 'vpc-cni') return;
        // The container CIDR over the VPC's: an error, and paths that break.
        const vpc = p.vpcs.find((v) => v.id === cluster.vpc)!;
        const bad: PlanOp[] = [
          {
            op: 'update',
            collection: 'clusters',
            id: cluster.id,
            set: { containerCidr: vpc.cidr },
          },
        ];
        const back: PlanOp[] = [
          {
            op: 'update',
            collection: 'clusters',
            id: cluster.id,
            set: { containerCidr: cluster.containerCidr },
          },
        ];
        follow(p, p, [bad, back], { kind: 'plan' });
      }),
      { numRuns: 40 },
    );
  });

  it('starts empty when the plan is the base, whatever the paths', () => {
    fc.assert(
      fc.property(validPlanArb, (p) => {
        const live = new LiveDiff(p, analyzePlan(p));
        const d = live.reset(structuredClone(p), analyzePlan(p));
        expect(d.summary).toEqual({
          added: 0,
          removed: 0,
          changed: 0,
          errorsIntroduced: 0,
          pathsWorse: 0,
        });
        expect(d.paths.changed).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});
