// How full the address space is: per VPC CIDR the share handed to subnets; per subnet the
// addresses its resources, planned nodes and (VPC-CNI) pod IPs take against the usable ones; per
// cluster planned nodes against the nodes it can hold and services against usable services.
//
// A cluster's planned nodes (nodeCount) are spread evenly over its node subnets in the order it
// lists them, the first ones taking one more when they do not divide; a VPC-CNI cluster's pod IPs
// (nodeCount × maxPodsPerNode, each pod its own address) over its pod subnets the same way. What a
// subnet is asked for beyond its usable addresses is `over`: `used` never passes `usable`.
import { globalRouterNumbers, subnetFreeIps } from '../capacity/capacity';
import { cidrOf, usableAddresses } from '../ip/cidr';
import { clusterMode, maxPodsPerNode, maxServices } from '../model/defaults';
import type { PlanIndex } from '../model/plan-index';
import type { Cluster } from '../model/plan';

export interface Usage {
  readonly used: number;
  readonly usable: number;
  /** What is asked for beyond usable (used is capped at usable). */
  readonly over?: number;
}

/** `asked` of `usable`, capped, with what does not fit. */
function capped(asked: number, usable: number): Usage {
  return { used: Math.min(asked, usable), usable, over: Math.max(0, asked - usable) };
}

export interface VpcCidrUsage extends Usage {
  readonly cidr: string;
}

export interface SubnetUsage extends Usage {
  readonly resources: number;
  readonly nodes: number;
  readonly pods: number;
  /** resources + nodes + pods: what the subnet is asked for. */
  readonly demand: number;
  /** demand beyond usable. */
  readonly over: number;
}

export interface ClusterUsage {
  /** Planned nodes against the nodes the container CIDR holds (GlobalRouter) or the free node IPs. */
  readonly nodes: Usage;
  /**
   * Services (maxServices: the plan has no other count) against the usable addresses of the
   * service range the plan names; null without one (a range carved from the container CIDR is
   * sized from maxServices, so the comparison would say nothing).
   */
  readonly services: Usage | null;
}

/** `n` split over `k` parts as evenly as possible, the first parts one larger. */
export function spread(n: number, k: number): number[] {
  if (k <= 0) return [];
  const base = Math.floor(n / k);
  const extra = n % k;
  return Array.from({ length: k }, (_, i) => base + (i < extra ? 1 : 0));
}

function existing(ix: PlanIndex, ids: readonly string[] | undefined): string[] {
  return [...new Set(ids ?? [])].filter((id) => ix.subnet(id) !== undefined);
}

/** Each VPC CIDR (primary first) with the addresses of its subnets inside it. */
export function vpcUsage(ix: PlanIndex, vpcId: string): VpcCidrUsage[] {
  const v = ix.vpc(vpcId);
  if (!v) return [];
  const subnets = ix.subnetsOf(vpcId).map((s) => cidrOf(s.cidr));
  return [v.cidr, ...(v.secondaryCidrs ?? [])].map((text) => {
    const block = cidrOf(text);
    // Overlapping subnets (an error of their own) count once: the union of what they cover.
    const inside = subnets
      .filter((s) => s.family === block.family && block.lo <= s.lo && s.hi <= block.hi)
      .map((s) => [Number(s.lo), Number(s.hi)] as const)
      .sort((a, b) => a[0] - b[0]);
    let used = 0;
    let end = -1;
    for (const [lo, hi] of inside) {
      const from = Math.max(lo, end + 1);
      if (hi >= from) used += hi - from + 1;
      end = Math.max(end, hi);
    }
    const usable = block.family === 4 ? block.hi - block.lo + 1 : 0;
    return { cidr: text, used: block.family === 4 ? used : 0, usable };
  });
}

/** The share of a cluster's planned nodes (and VPC-CNI pod IPs) that lands in `subnetId`. */
function clusterShare(
  c: Cluster,
  ix: PlanIndex,
  subnetId: string,
): { nodes: number; pods: number } {
  const count = c.nodeCount ?? 0;
  const nodeSubnets = existing(ix, c.nodeSubnets);
  const at = nodeSubnets.indexOf(subnetId);
  const nodes = at >= 0 ? spread(count, nodeSubnets.length)[at]! : 0;
  let pods = 0;
  if (clusterMode(c) === 'vpc-cni') {
    const podSubnets = existing(ix, c.podSubnets);
    const p = podSubnets.indexOf(subnetId);
    if (p >= 0) pods = spread(count * maxPodsPerNode(c), podSubnets.length)[p]!;
  }
  return { nodes, pods };
}

export function subnetUsage(ix: PlanIndex, subnetId: string): SubnetUsage | undefined {
  const s = ix.subnet(subnetId);
  if (!s) return undefined;
  const block = cidrOf(s.cidr);
  const usable = block.family === 4 ? usableAddresses(block) : 0;
  const resources = ix.resourcesIn(subnetId).length;
  let nodes = 0;
  let pods = 0;
  for (const c of ix.clustersOf(s.vpc)) {
    const share = clusterShare(c, ix, subnetId);
    nodes += share.nodes;
    pods += share.pods;
  }
  const demand = resources + nodes + pods;
  return {
    usable,
    resources,
    nodes,
    pods,
    demand,
    used: Math.min(demand, usable),
    over: Math.max(0, demand - usable),
  };
}

export function clusterUsage(ix: PlanIndex, clusterId: string): ClusterUsage | undefined {
  const c = ix.cluster(clusterId);
  if (!c) return undefined;
  const planned = c.nodeCount ?? 0;
  const services = maxServices(c);
  if (clusterMode(c) === 'vpc-cni') {
    const svc = c.serviceCidr ? cidrOf(c.serviceCidr) : undefined;
    return {
      nodes: capped(planned, subnetFreeIps(ix, c.nodeSubnets)),
      services:
        svc && svc.family === 4 ? capped(services, Math.max(0, 2 ** (32 - svc.prefix) - 5)) : null,
    };
  }
  const n = globalRouterNumbers(c);
  return {
    nodes: capped(planned, n.maxNodes ?? subnetFreeIps(ix, c.nodeSubnets)),
    // A carved range is sized from maxServices itself (rounded up, less the 5 TKE keeps): set
    // against it, the default 256 would always read "5 more than fit". Only a range the plan
    // names can fall short of what maxServices asks.
    services: c.serviceCidr && n.serviceCidr ? capped(services, n.usableServices) : null,
  };
}

/** used / usable as a percentage with one decimal ("" when nothing is usable). */
export function percent(u: Usage): string {
  return u.usable > 0 ? ((100 * u.used) / u.usable).toFixed(1) : '';
}
