// What a new range must stay clear of, each range with what it is, so that a suggestion can say
// why a block was passed over (docs/spec/cli.md, `suggest`). The one list for every free-range
// suggestion: the address planner, a dropped or duplicated cluster or subnet, and a finding's
// fix (src/domain/allocate.ts) all take their ranges from here.
import { cidrOf, type Cidr } from '../ip/cidr';
import { label } from '../model/defaults';
import type { PlanIndex } from '../model/plan-index';
import type { Cluster } from '../model/plan';
import { reservationsFor } from '../model/reservations';

export interface AvoidedRange {
  readonly cidr: Cidr;
  /** What the range is, for "overlaps …": "container CIDR of prod-tke". */
  readonly what: string;
}

/**
 * The IPv4 ranges a container or service CIDR of a cluster in `vpcId` must stay clear of: the
 * VPC's CIDRs, the container and service CIDRs of the clusters in the VPC and in connected VPCs
 * (but `exceptCluster`'s), connected VPCs, IDC ranges, route destinations of the VPC's tables
 * and the reservations that apply (rules.md, "Reservations").
 */
export function rangesToAvoid(
  ix: PlanIndex,
  vpcId: string,
  exceptCluster?: string,
): AvoidedRange[] {
  const out: AvoidedRange[] = [];
  walkRangesToAvoid(ix, vpcId, exceptCluster, true, (cidr, what) => out.push({ cidr, what }));
  return out;
}

/**
 * The blocks of `rangesToAvoid` alone, in the same order. A finding's fix needs no more, and on
 * a VPC connected to a hundred others the sentence for each range is most of the cost.
 */
export function cidrsToAvoid(ix: PlanIndex, vpcId: string, exceptCluster?: string): Cidr[] {
  const out: Cidr[] = [];
  walkRangesToAvoid(ix, vpcId, exceptCluster, false, (cidr) => out.push(cidr));
  return out;
}

/** Hands each range to avoid to `add`, with what it is when `described` (else ''). */
function walkRangesToAvoid(
  ix: PlanIndex,
  vpcId: string,
  exceptCluster: string | undefined,
  described: boolean,
  sink: (cidr: Cidr, what: string) => void,
): void {
  const add = (text: string, what: string) => {
    const c = cidrOf(text);
    if (c.family === 4) sink(c, what);
  };
  const clusters = (list: readonly Cluster[], where: string) => {
    for (const c of list) {
      if (c.id === exceptCluster) continue;
      if (c.containerCidr)
        add(c.containerCidr, described ? `container CIDR of ${label(c)}${where}` : '');
      if (c.serviceCidr) add(c.serviceCidr, described ? `service CIDR of ${label(c)}${where}` : '');
    }
  };
  const v = ix.vpc(vpcId);
  for (const text of v ? [v.cidr, ...(v.secondaryCidrs ?? [])] : [])
    add(text, described ? `VPC ${label(v)}` : '');
  clusters(ix.clustersOf(vpcId), '');
  for (const [otherId, via] of ix.connectedVpcs(vpcId)) {
    const other = ix.vpc(otherId)!;
    const how = described
      ? `connected by ${via.map((id) => label(ix.peering(id) ?? ix.ccn(id), id)).join(', ')}`
      : '';
    for (const text of [other.cidr, ...(other.secondaryCidrs ?? [])])
      add(text, described ? `VPC ${label(other)}, ${how}` : '');
    clusters(ix.clustersOf(otherId), described ? ` in VPC ${label(other)}` : '');
  }
  // IDCs this VPC reaches: those linked to it and those on a CCN it is attached to (reached as
  // CCN routes).
  const idcs = new Set(ix.idcsOf(vpcId));
  for (const ccn of ix.ccnsOf(vpcId))
    for (const m of ccn.attachments) {
      const idc = ix.idc(m);
      if (idc) idcs.add(idc);
    }
  for (const idc of idcs)
    for (const text of idc.cidrs) add(text, described ? `IDC ${label(idc)}` : '');
  for (const t of ix.routeTablesOf(vpcId))
    for (const r of t.routes) {
      // A default route is no conflict (rules.md, ROUTE_SHADOWED_BY_CLUSTER): every container
      // CIDR is inside it.
      if (cidrOf(r.destination).prefix === 0) continue;
      add(r.destination, described ? `route to ${r.destination} in route table ${label(t)}` : '');
    }
  for (const r of reservationsFor(ix, vpcId))
    add(r.cidr, described ? `reservation ${label(r)}` : '');
}

/**
 * The ranges (IPv4 and IPv6) a new subnet inside VPC `vpcId` must stay clear of: its other
 * subnets (but `exceptSubnet`), the container CIDRs of its clusters and the reservations that
 * apply. The VPC's own CIDRs are where it goes, not what it avoids.
 */
export function subnetRangesToAvoid(
  ix: PlanIndex,
  vpcId: string,
  exceptSubnet?: string,
): AvoidedRange[] {
  const out: AvoidedRange[] = [];
  const add = (text: string, what: string) => out.push({ cidr: cidrOf(text), what });
  for (const s of ix.subnetsOf(vpcId)) {
    if (s.id === exceptSubnet) continue;
    add(s.cidr, `subnet ${label(s)}`);
    if (s.ipv6Cidr) add(s.ipv6Cidr, `subnet ${label(s)}`);
  }
  for (const c of ix.clustersOf(vpcId))
    if (c.containerCidr) add(c.containerCidr, `container CIDR of ${label(c)}`);
  for (const r of reservationsFor(ix, vpcId)) add(r.cidr, `reservation ${label(r)}`);
  return out;
}
