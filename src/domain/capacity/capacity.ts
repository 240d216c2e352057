// What each cluster can hold, from the arithmetic in docs/spec/rules.md (GlobalRouter section).
import { cidrOf, formatCidr, lastBlock, size4, usableAddresses, type Cidr4 } from '../ip/cidr';
import { clusterMode, maxPodsPerNode, maxServices, roundUpPow2 } from '../model/defaults';
import type { PlanIndex } from '../model/plan-index';
import type { Cluster } from '../model/plan';

export interface ClusterCapacity {
  readonly cluster: string;
  /** Usable pod IPs on one node (the node's block less 3), or null for VPC-CNI. */
  readonly podsPerNode: number | null;
  /** Prefix length of the block each node takes from the container CIDR, or null for VPC-CNI. */
  readonly perNodeCidrPrefix: number | null;
  readonly serviceCidr: string | null;
  readonly usableServices: number | null;
  /** Nodes the container CIDR holds, or null for VPC-CNI (or without a container CIDR). */
  readonly maxNodes: number | null;
  /** Usable addresses of the node subnets less the resources placed there. */
  readonly nodeSubnetFreeIps: number;
  /** The same for the pod subnets of a VPC-CNI cluster. */
  readonly podSubnetFreeIps?: number;
}

export interface GlobalRouterNumbers {
  readonly podsPerNodeRounded: number;
  readonly servicesRounded: number;
  readonly perNodeCidrPrefix: number;
  readonly serviceCidr: string | null;
  readonly usableServices: number;
  readonly maxNodes: number | null;
}

/** The GlobalRouter arithmetic; maxNodes is null without a container CIDR. */
export function globalRouterNumbers(c: Cluster): GlobalRouterNumbers {
  const pods = roundUpPow2(maxPodsPerNode(c));
  const services = roundUpPow2(maxServices(c));
  const perNodeCidrPrefix = 32 - Math.log2(pods);
  const container = c.containerCidr ? (cidrOf(c.containerCidr) as Cidr4) : undefined;
  if (c.serviceCidr) {
    const svc = cidrOf(c.serviceCidr) as Cidr4;
    return {
      podsPerNodeRounded: pods,
      servicesRounded: services,
      perNodeCidrPrefix,
      serviceCidr: c.serviceCidr,
      usableServices: Math.max(0, size4(svc) - 5),
      maxNodes: container ? Math.floor(size4(container) / pods) : null,
    };
  }
  const carved = container ? lastBlock(container, 32 - Math.log2(services)) : undefined;
  return {
    podsPerNodeRounded: pods,
    servicesRounded: services,
    perNodeCidrPrefix,
    serviceCidr: carved ? formatCidr(carved) : null,
    usableServices: Math.max(0, services - 5),
    maxNodes: container ? Math.max(0, Math.floor((size4(container) - services) / pods)) : null,
  };
}

/** Usable addresses of the given subnets, less one for each resource placed in them. */
export function subnetFreeIps(ix: PlanIndex, subnetIds: readonly string[] = []): number {
  let free = 0;
  for (const id of new Set(subnetIds)) {
    const s = ix.subnet(id);
    if (!s) continue;
    const usable = usableAddresses(cidrOf(s.cidr) as Cidr4);
    free += Math.max(0, usable - ix.resourcesIn(id).length);
  }
  return free;
}

export function clusterCapacity(ix: PlanIndex, c: Cluster): ClusterCapacity {
  const nodeSubnetFreeIps = subnetFreeIps(ix, c.nodeSubnets);
  const podSubnets = c.podSubnets && c.podSubnets.length > 0 ? c.podSubnets : undefined;
  const podExtra = podSubnets ? { podSubnetFreeIps: subnetFreeIps(ix, podSubnets) } : {};
  if (clusterMode(c) === 'vpc-cni') {
    const svc = c.serviceCidr ? (cidrOf(c.serviceCidr) as Cidr4) : undefined;
    return {
      cluster: c.id,
      podsPerNode: null,
      perNodeCidrPrefix: null,
      serviceCidr: c.serviceCidr ?? null,
      usableServices: svc ? Math.max(0, size4(svc) - 5) : null,
      maxNodes: null,
      nodeSubnetFreeIps,
      ...podExtra,
    };
  }
  const n = globalRouterNumbers(c);
  return {
    cluster: c.id,
    podsPerNode: Math.max(0, n.podsPerNodeRounded - 3),
    perNodeCidrPrefix: n.perNodeCidrPrefix,
    serviceCidr: n.serviceCidr,
    usableServices: n.usableServices,
    maxNodes: n.maxNodes,
    nodeSubnetFreeIps,
    ...podExtra,
  };
}
