// Which reservations apply where (rules.md, "Reservations"): one without a VPC everywhere, one
// with a VPC in that VPC and in every VPC joined to it by a peering or a shared CCN.
import { cidrOf, type Cidr } from '../ip/cidr';
import type { PlanIndex } from './plan-index';
import type { Reservation } from './plan';

const NONE: readonly Reservation[] = [];

export function reservationsOf(ix: PlanIndex): readonly Reservation[] {
  return ix.plan.reservations ?? NONE;
}

/** The VPCs a reservation applies to, or 'all' for one without a VPC. */
export function reservationScope(ix: PlanIndex, r: Reservation): 'all' | Set<string> {
  if (r.vpc === undefined) return 'all';
  const out = new Set<string>([r.vpc]);
  for (const v of ix.connectedVpcs(r.vpc).keys()) out.add(v);
  return out;
}

/**
 * Reservations that apply to an object of VPC `vpcId` (undefined: an object of no VPC, such as
 * an IDC reached only through a CCN, which only the plan-wide reservations reach).
 */
export function reservationsFor(ix: PlanIndex, vpcId: string | undefined): Reservation[] {
  const all = reservationsOf(ix);
  if (all.length === 0) return [];
  if (vpcId === undefined) return all.filter((r) => r.vpc === undefined);
  let near: Set<string> | undefined;
  return all.filter((r) => {
    if (r.vpc === undefined || r.vpc === vpcId) return true;
    near ??= new Set([vpcId, ...ix.connectedVpcs(vpcId).keys()]);
    return near.has(r.vpc);
  });
}

/** The ranges a free-range suggestion for VPC `vpcId` must keep clear of. */
export function reservedRangesFor(ix: PlanIndex, vpcId: string | undefined): Cidr[] {
  return reservationsFor(ix, vpcId).map((r) => cidrOf(r.cidr));
}
