// The validation core's front door: a plan in, findings, capacity and paths out.
import { clusterCapacity, type ClusterCapacity } from './capacity/capacity';
import { PlanIndex } from './model/plan-index';
import type { Ccn, Flow, Peering, Plan, Vpc } from './model/plan';
import { SEVERITY_RANK, type Finding } from './rules/codes';
import { checkVpcAddressPlan } from './rules/address-plan';
import { checkVpcClusters, subnetUse, type SubnetUse } from './rules/clusters';
import {
  checkCcnConflicts,
  checkConnectedContainers,
  checkPeering,
  connectionGroups,
} from './rules/connections';
import { FindingList } from './rules/findings';
import { checkReservations } from './rules/reservations';
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

/** The findings about one VPC alone: its address plan, its clusters, its routes and IDCs. */
export function vpcFindings(ix: PlanIndex, v: Vpc, use: SubnetUse): Finding[] {
  const out = new FindingList();
  checkVpcAddressPlan(ix, v, out);
  checkVpcClusters(ix, v, use, out);
  checkVpcRouting(ix, v, out);
  return out.items;
}

export function peeringFindings(ix: PlanIndex, p: Peering): Finding[] {
  const out = new FindingList();
  checkPeering(ix, p, out);
  return out.items;
}

export function ccnFindings(ix: PlanIndex, router: Router, c: Ccn): Finding[] {
  const out = new FindingList();
  checkCcnConflicts(ix, router.ccnRoutes(c.id)!, out);
  return out.items;
}

/** Container CIDRs against the VPCs and clusters on the other side of a peering or CCN. */
export function connectedFindings(ix: PlanIndex): Finding[] {
  const out = new FindingList();
  checkConnectedContainers(ix, connectionGroups(ix), out);
  return out.items;
}

/** RESERVATION_OVERLAP and RESERVATION_OVERLAP_RESERVATION across the plan. */
export function reservationFindings(ix: PlanIndex): Finding[] {
  const out = new FindingList();
  checkReservations(ix, out);
  return out.items;
}

export function checkPlan(ix: PlanIndex, router: Router): Finding[] {
  const use = subnetUse(ix.plan.clusters);
  const parts: Finding[][] = [];
  for (const v of ix.plan.vpcs) parts.push(vpcFindings(ix, v, use));
  for (const p of ix.plan.peerings) parts.push(peeringFindings(ix, p));
  for (const c of ix.plan.ccns) parts.push(ccnFindings(ix, router, c));
  parts.push(connectedFindings(ix));
  parts.push(reservationFindings(ix));
  return sortFindings(parts.flat());
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
  let paths: PathResult[];
  if (plan.flows === undefined && scope.kind !== 'none') {
    const chosen =
      scope.kind === 'clusters'
        ? plan.clusters.filter((c) => scope.ids.includes(c.id))
        : plan.clusters;
    // One cluster's list as it is: flatMap would copy its tens of thousands of paths.
    paths =
      chosen.length === 1
        ? engine.clusterDefaults(chosen[0]!)
        : chosen.flatMap((c) => engine.clusterDefaults(c));
  } else paths = engine.evaluate(flowsFor(ix, scope));
  return { findings, paths, capacity };
}
