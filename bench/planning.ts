// The bench's sections for the review and planning queries: the diff of two large plans (one
// with a set of random edits), and free-space and suggestion questions among 100,000 ranges.
import { analyzePlan, type PathScope } from '../src/domain/analyze';
import { diffAnalyzed, diffPlans, type PlanDiff } from '../src/domain/diff/diff';
import { cidrOf } from '../src/domain/ip/cidr';
import { FreeSpace } from '../src/domain/ip/free-blocks';
import { PRIVATE_RANGES } from '../src/domain/ip/private-ranges';
import { PlanIndex } from '../src/domain/model/plan-index';
import { COLLECTIONS, type Plan } from '../src/domain/model/plan';
import { removeObjects } from '../src/domain/ops/cascade';
import { applyOps, type PlanOp } from '../src/domain/ops/ops';
import { rangesToAvoid } from '../src/domain/planning/avoid';
import { AddressPlanner } from '../src/domain/planning/suggest';
import { ValidationEngine } from '../src/worker/engine';
import type { FromWorker } from '../src/worker/protocol';
import { mulberry32, planCidrs, SPARE_CONTAINER_CIDR } from './generate';

/**
 * `count` edits an architect might make in a review: renames, node counts, resources removed,
 * resources added at an address already taken, and one cluster moved to a free container CIDR.
 */
export function randomEdits(plan: Plan, count: number, seed: number): PlanOp[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const ops: PlanOp[] = [];
  let cur = plan;
  const gr = plan.clusters.find((c) => c.mode !== 'vpc-cni' && c.containerCidr)!;
  ops.push({
    op: 'update',
    collection: 'clusters',
    id: gr.id,
    set: { containerCidr: SPARE_CONTAINER_CIDR },
  });
  for (let i = 1; i < count; i++) {
    const kind = rnd();
    let edit: PlanOp[];
    if (kind < 0.3) {
      const c = pick(COLLECTIONS);
      const o = pick<{ id: string }>(cur[c]);
      edit = [{ op: 'update', collection: c, id: o.id, set: { name: `renamed-${i}` } }];
    } else if (kind < 0.5) {
      const c = pick(cur.clusters);
      edit = [{ op: 'update', collection: 'clusters', id: c.id, set: { nodeCount: 1 + i } }];
    } else if (kind < 0.75) {
      edit = removeObjects(cur, [pick(cur.resources).id]);
    } else {
      const r = pick(cur.resources);
      edit = [{ op: 'insert', collection: 'resources', object: { ...r, id: `bench-new-${i}` } }];
    }
    ops.push(...edit);
    cur = applyOps(cur, edit).plan;
  }
  return ops;
}

export interface DiffRow {
  size: number;
  edits: number;
  /** The comparison itself, both analyses known, the new plan reached from the old by ops (sharing the untouched objects). */
  diffMs: number;
  /**
   * The same two plans and analyses as read from two files: no object shared, every one compared
   * field by field. What `npm run diff` does once both are analysed; the budget reads this one.
   */
  filesDiffMs: number;
  /** From two plans: both analysed (paths of the edited cluster, as the validation bench), then compared. */
  endToEndMs: number;
  /**
   * The designer's way: the worker compares the plan with a base it analysed once; the 200 edits
   * arrive as one batch and the answer carries the diff (incremental analysis plus live diff).
   */
  liveMs: number;
  /** The same batch with no comparison on: what the live diff adds is the difference. */
  liveNoCompareMs: number;
  /** Starting the comparison: the base analysed and the whole plan compared, once, in the worker. */
  liveStartMs: number;
  /** The live diff's counts, to be checked against the full diff's. */
  liveSummary: string;
  added: number;
  removed: number;
  changed: number;
  findingsIntroduced: number;
  pathsChanged: number;
}

type Timer = (fn: (run: number) => void, runs: number, warmups?: number) => number;

/** `live: false` leaves out the worker's batch (minutes on a loaded machine): its fields are NaN. */
export function measureDiff(
  plan: Plan,
  size: number,
  seed: number,
  time: Timer,
  { live: withLive = true } = {},
): DiffRow {
  const ops = randomEdits(plan, 200, seed);
  const after = applyOps(plan, ops).plan;
  const cluster = (ops[0] as { id: string }).id;
  const scope: PathScope = { kind: 'clusters', ids: [cluster] };
  const a = analyzePlan(plan, scope);
  const b = analyzePlan(after, scope);
  const d = diffAnalyzed(plan, a, after, b);
  const runs = size >= 100_000 ? 5 : 7;
  const diffMs = time(() => diffAnalyzed(plan, a, after, b), runs);
  const file = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  const [pf, af, afterF, bf] = [file(plan), file(a), file(after), file(b)];
  const df = diffAnalyzed(pf, af, afterF, bf);
  if (JSON.stringify(df.summary) !== JSON.stringify(d.summary))
    throw new Error('the diff of two files says other than the diff of a plan and its edit');
  const filesDiffMs = time(() => diffAnalyzed(pf, af, afterF, bf), runs);
  const endToEndMs = time(() => diffPlans(plan, after, scope), size >= 100_000 ? 3 : 5);
  const summary = (x: PlanDiff['summary']) =>
    `${x.added} added, ${x.removed} removed, ${x.changed} changed, ${x.pathsWorse} paths worse`;
  const live = withLive
    ? measureLive(plan, ops, scope, time)
    : { ms: NaN, noCompareMs: NaN, startMs: NaN, summary: d.summary };
  if (summary(live.summary) !== summary(d.summary))
    throw new Error(
      `the live diff says ${summary(live.summary)}, the full one ${summary(d.summary)}`,
    );
  return {
    size,
    edits: 200,
    diffMs,
    filesDiffMs,
    endToEndMs,
    liveMs: live.ms,
    liveNoCompareMs: live.noCompareMs,
    liveStartMs: live.startMs,
    liveSummary: withLive ? summary(live.summary) : 'not measured: --no-live',
    added: d.summary.added,
    removed: d.summary.removed,
    changed: d.summary.changed,
    findingsIntroduced: d.findings.introduced.length,
    pathsChanged: d.paths.changed.length,
  };
}

function measureLive(plan: Plan, ops: PlanOp[], scope: PathScope, time: Timer) {
  const inverse = applyOps(plan, ops).inverse;
  const engine = (compare: boolean) => {
    const e = new ValidationEngine();
    e.handle([{ type: 'load', revision: 0, plan, scope }]);
    let startMs = 0;
    if (compare) {
      const t0 = performance.now();
      e.handle([{ type: 'compare', id: 1, base: plan }]);
      startMs = performance.now() - t0;
    }
    return { e, startMs };
  };
  const result = (r: FromWorker | undefined) => {
    if (r?.type !== 'result') throw new Error(`the worker failed: ${JSON.stringify(r)}`);
    return r;
  };
  // Runs apply the edits and take them back in turn: each is the diff of two plans 200 edits
  // apart (the base and the edited plan, or the edited plan and the base again).
  const runner = (e: ValidationEngine) => {
    let revision = 0;
    return () => {
      revision++;
      const forward = revision % 2 === 1;
      const r = result(e.handle([{ type: 'edit', revision, ops: forward ? ops : inverse }]));
      return { r, forward };
    };
  };
  const plain = runner(engine(false).e);
  // An even number of runs in all (warm-ups included) leaves each engine where it started.
  const noCompareMs = time(() => plain(), 6, 2);
  const comparing = engine(true);
  const step = runner(comparing.e);
  let summary: PlanDiff['summary'] | undefined;
  const ms = time(
    () => {
      const { r, forward } = step();
      if (forward) summary = r.diff?.diff.summary;
    },
    6,
    2,
  );
  if (!summary) throw new Error('the worker answered the edits without a diff');
  return { ms, noCompareMs, startMs: comparing.startMs, summary };
}

export interface SuggestRow {
  size: number;
  /** Ranges in the free-space index of the first measure: every IPv4 range of the plan. */
  ranges: number;
  buildMs: number;
  /** One first-free-block question, the median over prefixes /12 to /28 and the three private ranges. */
  freeQueryMs: number;
  /** Ranges around the VPC the suggestion is for. */
  vpcRanges: number;
  /** A suggestion (sizing, search, the blocks passed over with what they overlap), after the VPC's index is built. */
  suggestMs: number;
  /** Building that VPC's index: once per plan and VPC. */
  suggestBuildMs: number;
}

export function measureSuggest(plan: Plan, size: number, time: Timer): SuggestRow {
  const ranges = planCidrs(plan)
    .map(cidrOf)
    .filter((c) => c.family === 4);
  let space = new FreeSpace(ranges);
  const buildMs = time(() => {
    space = new FreeSpace(ranges);
  }, 3);
  const prefixes = Array.from({ length: 17 }, (_, i) => 12 + i);
  const freeQueryMs =
    time(() => {
      for (const p of prefixes) for (const r of PRIVATE_RANGES) space.first(r, p);
    }, 7) /
    (prefixes.length * PRIVATE_RANGES.length);

  // The VPC with the most ranges around it: the one on the CCN with most neighbours.
  const ix = new PlanIndex(plan);
  let vpc = plan.vpcs[0]!.id;
  let most = -1;
  for (const v of plan.vpcs.slice(0, 40)) {
    const n = rangesToAvoid(ix, v.id).length;
    if (n > most) {
      most = n;
      vpc = v.id;
    }
  }
  let planner = new AddressPlanner(ix);
  const suggestBuildMs = time(() => {
    planner = new AddressPlanner(ix);
    planner.suggestCluster(vpc, { nodes: 10 });
  }, 3);
  const needs = [10, 100, 500, 1000, 5000];
  const suggestMs =
    time(() => {
      for (const nodes of needs) planner.suggestCluster(vpc, { nodes });
    }, 7) / needs.length;
  return {
    size,
    ranges: ranges.length,
    buildMs,
    freeQueryMs,
    vpcRanges: most,
    suggestMs,
    suggestBuildMs,
  };
}
