// The ranges a new cluster's container CIDR must stay clear of, each with what it is, so that a
// suggestion can say why a block was passed over (docs/spec/cli.md, `suggest`): the VPC's CIDRs,
// the container and service CIDRs of the clusters in the VPC and in connected VPCs, connected
// VPCs, IDC ranges, route destinations of the VPC's tables and the reservations that apply.
import { cidrOf, type Cidr } from '../ip/cidr';
import { label } from '../model/defaults';
import type { PlanIndex } from '../model/plan-index';
import type { Cluster, Reservation } from '../model/plan';

export interface AvoidedRange {
  readonly cidr: Cidr;
  /** What the range is, for "overlaps …": "container CIDR of prod-tke". */
  readonly what: string;
}

/** Reservations that apply in `vpcId`: plan-wide ones, its own and those of connected VPCs. */
export function reservationsApplying(
  ix: PlanIndex,
  vpcId: string,
  connected: ReadonlySet<string>,
): Reservation[] {
  return (ix.plan.reservations ?? []).filter(
    (r) => r.vpc === undefined || r.vpc === vpcId || connected.has(r.vpc),
  );
}

export function rangesToAvoid(
  ix: PlanIndex,
  vpcId: string,
  exceptCluster?: string,
): AvoidedRange[] {
  const out: AvoidedRange[] = [];
  const add = (text: string, what: string) => {
    const c = cidrOf(text);
    if (c.family === 4) out.push({ cidr: c, what });
  };
  const clusters = (list: readonly Cluster[], where: string) => {
    for (const c of list) {
      if (c.id === exceptCluster) continue;
      if (c.containerCidr) add(c.containerCidr, `container CIDR of ${label(c)}${where}`);
      if (c.serviceCidr) add(c.serviceCidr, `service CIDR of ${label(c)}${where}`);
    }
  };
  const v = ix.vpc(vpcId);
  for (const text of v ? [v.cidr, ...(v.secondaryCidrs ?? [])] : []) add(text, `VPC ${label(v)}`);
  clusters(ix.clustersOf(vpcId), '');
  const connected = ix.connectedVpcs(vpcId);
  for (const [otherId, via] of connected) {
    const other = ix.vpc(otherId)!;
    const how = `connected by ${via.map((id) => label(ix.peering(id) ?? ix.ccn(id), id)).join(', ')}`;
    for (const text of [other.cidr, ...(other.secondaryCidrs ?? [])])
      add(text, `VPC ${label(other)}, ${how}`);
    clusters(ix.clustersOf(otherId), ` in VPC ${label(other)}`);
  }
  // IDCs this VPC reaches: those linked to it and those on a CCN it is attached to.
  const idcs = new Set(ix.idcsOf(vpcId));
  for (const ccn of ix.ccnsOf(vpcId))
    for (const m of ccn.attachments) {
      const idc = ix.idc(m);
      if (idc) idcs.add(idc);
    }
  for (const idc of idcs) for (const text of idc.cidrs) add(text, `IDC ${label(idc)}`);
  for (const t of ix.routeTablesOf(vpcId))
    for (const r of t.routes) {
      // A default route is no conflict (rules.md, ROUTE_SHADOWED_BY_CLUSTER): every container
      // CIDR is inside it.
      if (cidrOf(r.destination).prefix === 0) continue;
      add(r.destination, `route to ${r.destination} in route table ${label(t)}`);
    }
  for (const r of reservationsApplying(ix, vpcId, new Set(connected.keys())))
    add(r.cidr, `reservation ${label(r)}`);
  return out;
}
