// The walkthrough of a plan for a meeting: a summary first, then every error and warning, then
// each open comment, then each cluster's paths, one at a time.
import type { ClusterCapacity } from '../../domain/capacity/capacity';
import { label } from '../../domain/model/defaults';
import type { Plan, PlanComment } from '../../domain/model/plan';
import type { Finding } from '../../domain/rules/codes';
import type { PathResult } from '../../domain/routing/paths';

export type ReviewStep =
  /** While comparing with another plan: what changed, before anything else. */
  | { readonly kind: 'changes' }
  | { readonly kind: 'summary' }
  | { readonly kind: 'finding'; readonly index: number; readonly finding: Finding }
  | {
      readonly kind: 'comment';
      readonly comment: PlanComment;
      readonly nth: number;
      readonly of: number;
    }
  | {
      readonly kind: 'path';
      readonly cluster: string;
      readonly path: PathResult;
      readonly nth: number;
      readonly of: number;
    };

export function reviewSteps(
  plan: Plan,
  findings: readonly Finding[],
  paths: readonly PathResult[],
  comparing = false,
): ReviewStep[] {
  const steps: ReviewStep[] = comparing
    ? [{ kind: 'changes' }, { kind: 'summary' }]
    : [{ kind: 'summary' }];
  // Errors first, then warnings: each a section a meeting can jump to.
  for (const severity of ['error', 'warning'] as const)
    findings.forEach((finding, index) => {
      if (finding.severity === severity) steps.push({ kind: 'finding', index, finding });
    });
  const open = (plan.comments ?? []).filter((c) => !c.resolved);
  open.forEach((comment, i) =>
    steps.push({ kind: 'comment', comment, nth: i + 1, of: open.length }),
  );
  const byCluster = new Map<string, PathResult[]>();
  for (const p of paths) {
    const list = byCluster.get(p.from);
    if (list) list.push(p);
    else byCluster.set(p.from, [p]);
  }
  for (const c of plan.clusters) {
    const mine = byCluster.get(c.id) ?? [];
    mine.forEach((path, i) =>
      steps.push({ kind: 'path', cluster: c.id, path, nth: i + 1, of: mine.length }),
    );
  }
  return steps;
}

export interface Summary {
  readonly objects: number;
  readonly errors: number;
  readonly warnings: number;
  /** Path verdicts, so that an unreachable path is never a surprise after "0 errors". */
  readonly unreachable: number;
  readonly snat: number;
  /** What the walkthrough will show after the summary. */
  readonly walk: { readonly findings: number; readonly comments: number; readonly paths: number };
  readonly clusters: ReadonlyArray<{
    id: string;
    name: string;
    mode: string;
    capacity?: ClusterCapacity;
  }>;
}

export function summarize(
  plan: Plan,
  findings: readonly Finding[],
  capacity: readonly ClusterCapacity[],
  steps: readonly ReviewStep[],
): Summary {
  const walked = steps.flatMap((s) => (s.kind === 'path' ? [s.path] : []));
  const count = (kind: ReviewStep['kind']) => steps.filter((s) => s.kind === kind).length;
  const objects =
    plan.vpcs.length +
    plan.subnets.length +
    plan.clusters.length +
    plan.resources.length +
    plan.natGateways.length +
    plan.peerings.length +
    plan.ccns.length +
    plan.idcs.length +
    plan.routeTables.length;
  return {
    objects,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    unreachable: walked.filter((p) => p.verdict === 'unreachable').length,
    snat: walked.filter((p) => p.verdict === 'snat').length,
    walk: { findings: count('finding'), comments: count('comment'), paths: count('path') },
    clusters: plan.clusters.map((c) => ({
      id: c.id,
      name: label(c),
      mode: c.mode === 'vpc-cni' ? 'VPC-CNI' : 'GlobalRouter',
      ...(capacity.find((x) => x.cluster === c.id)
        ? { capacity: capacity.find((x) => x.cluster === c.id)! }
        : {}),
    })),
  };
}

/** The objects a step is about, to centre and light up on the canvas. */
export function stepObjects(step: ReviewStep): string[] {
  if (step.kind === 'finding') return [...step.finding.objects];
  if (step.kind === 'comment')
    return step.comment.object === undefined ? [] : [step.comment.object];
  if (step.kind === 'path')
    return [step.path.from, step.path.to].filter(
      (id) => !/^[0-9a-f:.]+$/i.test(id) || id === 'internet',
    );
  return [];
}

/** A part of the walk a meeting can jump to: the summary, errors, warnings, comments, or one
 * cluster's paths. */
export interface ReviewSection {
  readonly key: string;
  /** Index of its first step in the list it was cut from. */
  readonly first: number;
  readonly count: number;
  /** The cluster whose paths these are. */
  readonly cluster?: string;
}

export function sectionKey(step: ReviewStep): string {
  if (step.kind === 'finding') return step.finding.severity === 'error' ? 'errors' : 'warnings';
  if (step.kind === 'comment') return 'comments';
  if (step.kind === 'path') return `paths:${step.cluster}`;
  if (step.kind === 'changes') return 'changes';
  return 'summary';
}

/** The sections of `steps`, in order; steps of a section are consecutive. */
export function sections(steps: readonly ReviewStep[]): ReviewSection[] {
  const out: ReviewSection[] = [];
  steps.forEach((step, i) => {
    const key = sectionKey(step);
    const last = out[out.length - 1];
    if (last && last.key === key) out[out.length - 1] = { ...last, count: last.count + 1 };
    else
      out.push({
        key,
        first: i,
        count: 1,
        ...(step.kind === 'path' ? { cluster: step.cluster } : {}),
      });
  });
  return out;
}

/** What the meeting must see when short of time: errors and paths that do not get through. */
export function isUrgent(step: ReviewStep): boolean {
  if (step.kind === 'summary' || step.kind === 'changes') return true;
  if (step.kind === 'finding') return step.finding.severity === 'error';
  if (step.kind === 'path') return step.path.verdict === 'unreachable';
  return false;
}

/**
 * Where to land in `to` when the list changes from `from` (a filter turned on or off): the same
 * step if it is there, otherwise the next one that is, otherwise the last.
 */
export function carryStep(
  from: readonly ReviewStep[],
  at: number,
  to: readonly ReviewStep[],
): number {
  const position = new Map(to.map((s, i) => [s, i]));
  for (let i = Math.max(0, at); i < from.length; i++) {
    const hit = position.get(from[i]!);
    if (hit !== undefined) return hit;
  }
  return Math.max(0, to.length - 1);
}
