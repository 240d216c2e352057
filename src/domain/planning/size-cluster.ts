// "Size this cluster": what an existing cluster needs for a target of nodes, pods per node and
// services, found by the address planner (./suggest.ts) with the cluster's own ranges counted as
// free, and the ops that apply it in one undo step. A GlobalRouter cluster gets the smallest
// container CIDR that holds the target (the service range carved from it, rules.md); a VPC-CNI
// cluster gets pod subnets per zone for the pods its present pod subnets cannot hold.
import { cidrOf, usableAddresses } from '../ip/cidr';
import { clusterMode, label } from '../model/defaults';
import type { PlanIndex } from '../model/plan-index';
import type { Plan, Subnet } from '../model/plan';
import { newIdOf } from '../ops/create';
import type { PlanOp } from '../ops/ops';
import { placeInVpc } from './split';
import {
  AddressPlanner,
  DEFAULT_SUGGEST_PODS_PER_NODE,
  type ClusterNeeds,
  type ContainerSuggestion,
  type PodSubnet,
  type Rejected,
} from './suggest';

export type ClusterSizing =
  | ({ ok: true; mode: 'global-router'; ops: PlanOp[] } & ContainerSuggestion)
  | {
      ok: true;
      mode: 'vpc-cni';
      ops: PlanOp[];
      pods: number;
      /** Pod IPs the cluster's present pod subnets hold. */
      present: number;
      /** New pod subnets, one per zone; empty when the present ones hold the target. */
      subnets: readonly PodSubnet[];
      podsPerZone: number;
      /** Set when the cluster has no service CIDR yet. */
      serviceCidr?: string;
    }
  | { ok: false; reason: string; rejected: readonly Rejected[]; rejectedCount: number };

const fail = (reason: string): ClusterSizing => ({
  ok: false,
  reason,
  rejected: [],
  rejectedCount: 0,
});

export function sizeExistingCluster(
  plan: Plan,
  ix: PlanIndex,
  clusterId: string,
  needs: ClusterNeeds,
): ClusterSizing {
  const c = ix.cluster(clusterId);
  if (!c) return fail(`No cluster ${clusterId}`);
  const planner = new AddressPlanner(ix, clusterId);
  if (clusterMode(c) === 'global-router') {
    const s = planner.suggestCluster(c.vpc, needs);
    if (!s.ok) return s;
    const ops: PlanOp[] = [
      {
        op: 'update',
        collection: 'clusters',
        id: c.id,
        set: {
          containerCidr: s.containerCidr,
          maxPodsPerNode: s.maxPodsPerNode,
          maxServices: s.maxServices,
          nodeCount: needs.nodes,
        },
        // The sizing carves the service range from the container CIDR.
        ...(c.serviceCidr ? { unset: ['serviceCidr'] } : {}),
      },
    ];
    return { mode: 'global-router', ops, ...s };
  }
  if (!Number.isInteger(needs.nodes) || needs.nodes < 1)
    return fail(`nodes must be a positive integer, not ${needs.nodes}`);
  const perNode = needs.podsPerNode ?? DEFAULT_SUGGEST_PODS_PER_NODE;
  if (!Number.isInteger(perNode) || perNode < 1)
    return fail('pods per node must be a positive integer');
  const pods = needs.nodes * perNode;
  let present = 0;
  for (const id of c.podSubnets ?? []) {
    const sn = ix.subnet(id);
    const cidr = sn && cidrOf(sn.cidr);
    if (cidr?.family === 4) present += usableAddresses(cidr);
  }
  const shortfall = Math.max(0, pods - present);
  const ops: PlanOp[] = [];
  let subnets: readonly PodSubnet[] = [];
  let podsPerZone = 0;
  let serviceCidr: string | undefined;
  const r = planner.suggestPodSubnets(c.vpc, {
    nodes: Math.max(1, shortfall),
    podsPerNode: 1,
    ...(needs.services !== undefined ? { services: needs.services } : {}),
  });
  if (!r.ok) return fail(r.reason);
  if (shortfall > 0) {
    subnets = r.subnets;
    podsPerZone = r.podsPerZone;
    const taken = new Set<string>();
    const ids: string[] = [];
    for (const p of r.subnets) {
      const id = newIdOf(plan, 'subnet', taken);
      taken.add(id);
      ids.push(id);
      const object: Subnet = {
        id,
        name: `${label(c)}-pods${p.zone ? `-${p.zone}` : ''}`,
        vpc: c.vpc,
        cidr: p.cidr,
        ...(p.zone ? { zone: p.zone } : {}),
      };
      ops.push({ op: 'insert', collection: 'subnets', object });
    }
    ops.push(...placeInVpc(plan, ix, c.vpc, ids));
    ops.push({
      op: 'update',
      collection: 'clusters',
      id: c.id,
      set: { podSubnets: [...(c.podSubnets ?? []), ...ids] },
    });
  }
  if (!c.serviceCidr) serviceCidr = r.serviceCidr;
  ops.push({
    op: 'update',
    collection: 'clusters',
    id: c.id,
    set: c.serviceCidr
      ? { nodeCount: needs.nodes }
      : { nodeCount: needs.nodes, serviceCidr: r.serviceCidr },
  });
  return {
    ok: true,
    mode: 'vpc-cni',
    ops,
    pods,
    present,
    subnets,
    podsPerZone,
    ...(serviceCidr ? { serviceCidr } : {}),
  };
}
