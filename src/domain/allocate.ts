// Where a new or moved range can go without conflict: used to suggest fixes in findings and to
// give objects dropped on the canvas a range that works. What a cluster's or subnet's range
// avoids is listed once, in planning/avoid.ts, for these and for the address planner alike;
// every list holds the reservations that apply where the range goes (rules.md, "Reservations").
import { cidrOf, formatCidr, type Cidr } from './ip/cidr';
import { firstFreeBlock, firstFreeBlockIn, largestFreeBlock } from './ip/free-blocks';
import { PRIVATE_RANGES } from './ip/private-ranges';
import type { PlanIndex } from './model/plan-index';
import { reservedRangesFor } from './model/reservations';
import { cidrsToAvoid, subnetRangesToAvoid, type AvoidedRange } from './planning/avoid';

function v4(list: readonly Cidr[]): Cidr[] {
  return list.filter((c) => c.family === 4);
}

const cidrs = (ranges: readonly AvoidedRange[]): Cidr[] => ranges.map((r) => r.cidr);

/** A container CIDR of the given prefix for a cluster in `vpcId` that conflicts with nothing. */
export function freeContainerCidr(
  ix: PlanIndex,
  vpcId: string,
  prefix: number,
  clusterId?: string,
  alsoTaken: readonly Cidr[] = [],
): string | undefined {
  return freeClusterCidr(ix, vpcId, prefix, clusterId, alsoTaken, 'serviceCidr');
}

/** A service CIDR for a cluster, clear of its own container CIDR and its surroundings. */
export function freeServiceCidr(
  ix: PlanIndex,
  vpcId: string,
  prefix: number,
  clusterId?: string,
  alsoTaken: readonly Cidr[] = [],
): string | undefined {
  return freeClusterCidr(ix, vpcId, prefix, clusterId, alsoTaken, 'containerCidr');
}

// A cluster's two ranges avoid the same things and each other: `sibling` names the other one.
function freeClusterCidr(
  ix: PlanIndex,
  vpcId: string,
  prefix: number,
  clusterId: string | undefined,
  alsoTaken: readonly Cidr[],
  sibling: 'containerCidr' | 'serviceCidr',
): string | undefined {
  const taken = [...cidrsToAvoid(ix, vpcId, clusterId), ...alsoTaken];
  const other = ix.cluster(clusterId)?.[sibling];
  if (other) taken.push(cidrOf(other));
  const b = firstFreeBlockIn(PRIVATE_RANGES, prefix, taken);
  return b && formatCidr(b);
}

/** A subnet CIDR of the given prefix inside the VPC, clear of its other subnets. */
export function freeSubnetCidr(
  ix: PlanIndex,
  vpcId: string,
  prefix: number,
  exceptSubnet?: string,
  alsoTaken: readonly Cidr[] = [],
): string | undefined {
  const b = firstFreeBlockIn(v4(ix.vpcCidrs(vpcId)), prefix, [
    ...cidrs(subnetRangesToAvoid(ix, vpcId, exceptSubnet)),
    ...alsoTaken,
  ]);
  return b && formatCidr(b);
}

/** The next free /24 in the VPC, or failing that the largest free block (down to a /29). */
export function nextSubnetCidr(ix: PlanIndex, vpcId: string): string | undefined {
  const wanted = freeSubnetCidr(ix, vpcId, 24);
  if (wanted) return wanted;
  const taken = cidrs(subnetRangesToAvoid(ix, vpcId));
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
  const b = firstFreeBlock(
    cidrOf(v.ipv6Cidr),
    64,
    cidrs(subnetRangesToAvoid(ix, vpcId, exceptSubnet)),
  );
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
