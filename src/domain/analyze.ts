// The validation core's front door: a plan in, findings, capacity and paths out.
import { clusterCapacity, type ClusterCapacity } from './capacity/capacity';
import { PlanIndex } from './model/plan-index';
import type { Flow, Plan } from './model/plan';
import { SEVERITY_RANK, type Finding } from './rules/codes';
import { checkVpcAddressPlan } from './rules/address-plan';
import { checkVpcClusters, subnetUse } from './rules/clusters';
import {
  checkCcnConflicts,
  checkConnectedContainers,
  checkPeering,
  connectionGroups,
} from './rules/connections';
import { FindingList } from './rules/findings';
import { checkVpcRouting } from './rules/routes';
import { defaultFlows, PathEngine, type PathResult } from './routing/paths';
import { Router } from './routing/route-table';

export interface Analysis {
  readonly findings: readonly Finding[];
  readonly paths: readonly PathResult[];
  readonly capacity: readonly ClusterCapacity[];
}

/** Which paths to evaluate: the plan's flows (or the default set), those of some clusters, or none. */
export type PathScope =
  | { readonly kind: 'plan' }
  | { readonly kind: 'clusters'; readonly ids: readonly string[] }
  | { readonly kind: 'none' };

export function sortFindings(list: Finding[]): Finding[] {
  return list.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

export function checkPlan(ix: PlanIndex, router: Router): Finding[] {
  const out = new FindingList();
  const use = subnetUse(ix.plan.clusters);
  for (const v of ix.plan.vpcs) {
    checkVpcAddressPlan(ix, v, out);
    checkVpcClusters(ix, v, use, out);
    checkVpcRouting(ix, v, out);
  }
  for (const p of ix.plan.peerings) checkPeering(ix, p, out);
  for (const c of ix.plan.ccns) checkCcnConflicts(ix, router.ccnRoutes(c.id)!, out);
  checkConnectedContainers(ix, connectionGroups(ix), out);
  return sortFindings(out.items);
}

export function flowsFor(ix: PlanIndex, scope: PathScope): Flow[] {
  if (scope.kind === 'none') return [];
  if (scope.kind === 'clusters') {
    const ids = new Set(scope.ids);
    if (ix.plan.flows) return ix.plan.flows.filter((f) => ids.has(f.from));
    return defaultFlows(
      ix,
      ix.plan.clusters.filter((c) => ids.has(c.id)),
    );
  }
  return ix.plan.flows ? [...ix.plan.flows] : defaultFlows(ix);
}

export function analyzePlan(plan: Plan, scope: PathScope = { kind: 'plan' }): Analysis {
  const ix = new PlanIndex(plan);
  const router = new Router(ix);
  const findings = checkPlan(ix, router);
  const capacity = plan.clusters.map((c) => clusterCapacity(ix, c));
  const engine = new PathEngine(ix, router);
  const paths =
    plan.flows === undefined && scope.kind !== 'none'
      ? (scope.kind === 'clusters'
          ? plan.clusters.filter((c) => scope.ids.includes(c.id))
          : plan.clusters
        ).flatMap((c) => engine.clusterDefaults(c))
      : engine.evaluate(flowsFor(ix, scope));
  return { findings, paths, capacity };
}
