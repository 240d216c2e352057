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
  findings.forEach((finding, index) => {
    if (finding.severity !== 'info') steps.push({ kind: 'finding', index, finding });
  });
  const open = (plan.comments ?? []).filter((c) => !c.resolved);
  open.forEach((comment, i) =>
    steps.push({ kind: 'comment', comment, nth: i + 1, of: open.length }),
  );
  for (const c of plan.clusters) {
    const mine = paths.filter((p) => p.from === c.id);
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
