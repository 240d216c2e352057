// Where a new or moved range can go without conflict: used to suggest fixes in findings and to
// give objects dropped on the canvas a range that works. Every one keeps clear of the
// reservations that apply where the range goes (rules.md, "Reservations").
import { cidrOf, formatCidr, type Cidr } from './ip/cidr';
import { firstFreeBlock, firstFreeBlockIn, largestFreeBlock } from './ip/free-blocks';
import { PRIVATE_RANGES } from './ip/private-ranges';
import type { PlanIndex } from './model/plan-index';
import { reservedRangesFor } from './model/reservations';

function v4(list: readonly Cidr[]): Cidr[] {
  return list.filter((c) => c.family === 4);
}

/** Ranges a container or service CIDR of a cluster in `vpcId` must stay clear of. */
export function rangesTakenAroundVpc(ix: PlanIndex, vpcId: string, exceptCluster?: string): Cidr[] {
  const taken: Cidr[] = [...v4(ix.vpcCidrs(vpcId))];
  const clusterRanges = (clusterVpc: string) => {
    for (const c of ix.clustersOf(clusterVpc)) {
      if (c.id === exceptCluster) continue;
      if (c.containerCidr) taken.push(cidrOf(c.containerCidr));
      if (c.serviceCidr) taken.push(cidrOf(c.serviceCidr));
    }
  };
  clusterRanges(vpcId);
  for (const other of ix.connectedVpcs(vpcId).keys()) {
    taken.push(...v4(ix.vpcCidrs(other)));
    clusterRanges(other);
  }
  for (const idc of ix.idcsOf(vpcId)) for (const c of idc.cidrs) taken.push(cidrOf(c));
  // IDCs on a CCN of the VPC are reached as CCN routes.
  for (const k of ix.ccnsOf(vpcId))
    for (const m of k.attachments) for (const c of ix.idc(m)?.cidrs ?? []) taken.push(cidrOf(c));
  taken.push(...reservedRangesFor(ix, vpcId));
  return taken.filter((c) => c.family === 4);
}

/** A container CIDR of the given prefix for a cluster in `vpcId` that conflicts with nothing. */
export function freeContainerCidr(
  ix: PlanIndex,
  vpcId: string,
  prefix: number,
  clusterId?: string,
  alsoTaken: readonly Cidr[] = [],
): string | undefined {
  const taken = [...rangesTakenAroundVpc(ix, vpcId, clusterId), ...alsoTaken];
  const cluster = ix.cluster(clusterId);
  if (cluster?.serviceCidr) taken.push(cidrOf(cluster.serviceCidr));
  const b = firstFreeBlockIn(PRIVATE_RANGES, prefix, taken);
  return b && formatCidr(b);
}

/** A service CIDR for a cluster, clear of its own container CIDR and its surroundings. */
export function freeServiceCidr(
  ix: PlanIndex,
  vpcId: string,
  prefix: number,
  clusterId?: string,
): string | undefined {
  const taken = rangesTakenAroundVpc(ix, vpcId, clusterId);
  const cluster = ix.cluster(clusterId);
  if (cluster?.containerCidr) taken.push(cidrOf(cluster.containerCidr));
  const b = firstFreeBlockIn(PRIVATE_RANGES, prefix, taken);
  return b && formatCidr(b);
}

function subnetTaken(ix: PlanIndex, vpcId: string, exceptSubnet?: string): Cidr[] {
  const taken: Cidr[] = [];
  for (const s of ix.subnetsOf(vpcId)) {
    if (s.id === exceptSubnet) continue;
    taken.push(cidrOf(s.cidr));
    if (s.ipv6Cidr) taken.push(cidrOf(s.ipv6Cidr));
  }
  for (const c of ix.clustersOf(vpcId)) if (c.containerCidr) taken.push(cidrOf(c.containerCidr));
  taken.push(...reservedRangesFor(ix, vpcId));
  return taken;
}

/** A subnet CIDR of the given prefix inside the VPC, clear of its other subnets. */
export function freeSubnetCidr(
  ix: PlanIndex,
  vpcId: string,
  prefix: number,
  exceptSubnet?: string,
): string | undefined {
  const b = firstFreeBlockIn(v4(ix.vpcCidrs(vpcId)), prefix, subnetTaken(ix, vpcId, exceptSubnet));
  return b && formatCidr(b);
}

/** The next free /24 in the VPC, or failing that the largest free block (down to a /29). */
export function nextSubnetCidr(ix: PlanIndex, vpcId: string): string | undefined {
  const wanted = freeSubnetCidr(ix, vpcId, 24);
  if (wanted) return wanted;
  const taken = subnetTaken(ix, vpcId);
  let best: Cidr | undefined;
  for (const c of v4(ix.vpcCidrs(vpcId))) {
    const b = largestFreeBlock(c, taken, 24);
    if (b && b.prefix <= 29 && (!best || b.prefix < best.prefix)) best = b;
  }
  return best && formatCidr(best);
}

/** An IPv6 /64 for a subnet inside the VPC's /56, clear of the other subnets. */
export function freeSubnetIpv6(
  ix: PlanIndex,
  vpcId: string,
  exceptSubnet?: string,
): string | undefined {
  const v = ix.vpc(vpcId);
  if (!v?.ipv6Cidr) return undefined;
  const b = firstFreeBlock(cidrOf(v.ipv6Cidr), 64, subnetTaken(ix, vpcId, exceptSubnet));
  return b && formatCidr(b);
}

/** A VPC CIDR of the given prefix clear of every VPC in the plan (so it can be peered later). */
export function freeVpcCidr(ix: PlanIndex, prefix = 16): string | undefined {
  const taken: Cidr[] = [];
  for (const v of ix.plan.vpcs) taken.push(...v4(ix.vpcCidrs(v.id)));
  for (const c of ix.plan.clusters) if (c.containerCidr) taken.push(cidrOf(c.containerCidr));
  for (const i of ix.plan.idcs) for (const c of i.cidrs) taken.push(cidrOf(c));
  // A new VPC is connected to nothing yet: the plan-wide reservations are the ones that apply.
  taken.push(...reservedRangesFor(ix, undefined));
  const ranges = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map(cidrOf);
  const b = firstFreeBlockIn(
    ranges,
    prefix,
    taken.filter((c) => c.family === 4),
  );
  return b && formatCidr(b);
}
