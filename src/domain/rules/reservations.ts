// rules.md, "Reservations": ranges in use that overlap a reservation applying to them, and
// reservations that overlap each other where both apply.
import { cidrOf, contains, overlaps, type Cidr } from '../ip/cidr';
import { label } from '../model/defaults';
import { vpcCidrTexts, type PlanIndex } from '../model/plan-index';
import type { Reservation } from '../model/plan';
import { reservationScope, reservationsFor, reservationsOf } from '../model/reservations';
import type { FindingList } from './findings';

interface Parsed {
  readonly r: Reservation;
  readonly cidr: Cidr;
}

/** Every RESERVATION_OVERLAP and RESERVATION_OVERLAP_RESERVATION of the plan. */
export function checkReservations(ix: PlanIndex, out: FindingList): void {
  const list = reservationsOf(ix);
  if (list.length === 0) return;
  const parsed: Parsed[] = list.map((r) => ({ r, cidr: cidrOf(r.cidr) }));
  const cidrOfReservation = new Map(parsed.map((p) => [p.r, p.cidr]));
  // Which reservations apply to an object of a VPC is the question every free-range suggestion
  // asks too (planning/avoid.ts): one answer, reservationsFor, asked once per VPC.
  const applying = new Map<string | undefined, Parsed[]>();
  const applyingTo = (vpcId: string | undefined): Parsed[] => {
    let found = applying.get(vpcId);
    if (!found) {
      found = reservationsFor(ix, vpcId).map((r) => ({ r, cidr: cidrOfReservation.get(r)! }));
      applying.set(vpcId, found);
    }
    return found;
  };
  const name = (r: Reservation) => `reservation ${label(r)} (${r.cidr})`;

  /** One finding per object and reservation: the first of the object's ranges that overlaps. */
  const check = (
    objectId: string,
    vpcId: string | undefined,
    ranges: readonly { text: string; what: string; exempt?: boolean }[],
  ) => {
    for (const { r, cidr } of applyingTo(vpcId)) {
      for (const x of ranges) {
        const c = cidrOf(x.text);
        if (!overlaps(c, cidr)) continue;
        // A VPC CIDR that holds the whole reservation keeps it free for its future subnets.
        if (x.exempt && contains(c, cidr)) continue;
        out.add(
          'RESERVATION_OVERLAP',
          [objectId, r.id],
          [x.text, r.cidr],
          `${x.what} ${x.text} overlaps ${name(r)}${r.note ? ` ("${r.note}")` : ''}: ` +
            `that range is kept free for later; choose another range or move the reservation`,
        );
        break;
      }
    }
  };

  const plan = ix.plan;
  for (const v of plan.vpcs) {
    check(
      v.id,
      v.id,
      vpcCidrTexts(v).map((t) => ({ text: t, what: `VPC ${label(v)}'s CIDR`, exempt: true })),
    );
  }
  for (const s of plan.subnets) {
    const ranges = [{ text: s.cidr, what: `Subnet ${label(s)}` }];
    if (s.ipv6Cidr) ranges.push({ text: s.ipv6Cidr, what: `Subnet ${label(s)}'s IPv6 range` });
    check(s.id, s.vpc, ranges);
  }
  for (const c of plan.clusters) {
    const ranges: { text: string; what: string }[] = [];
    if (c.containerCidr)
      ranges.push({ text: c.containerCidr, what: `The container CIDR of ${label(c)}` });
    if (c.serviceCidr)
      ranges.push({ text: c.serviceCidr, what: `The service CIDR of ${label(c)}` });
    if (ranges.length > 0) check(c.id, c.vpc, ranges);
  }
  for (const d of plan.idcs) {
    check(
      d.id,
      d.vpc,
      d.cidrs.map((t) => ({ text: t, what: `IDC ${label(d)}'s range` })),
    );
  }

  // Two reservations apply to the same VPC when either applies everywhere, or their VPCs'
  // neighbourhoods meet.
  const scopes = parsed.map((p) => reservationScope(ix, p.r));
  for (let i = 1; i < parsed.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = parsed[i]!;
      const b = parsed[j]!;
      if (!overlaps(a.cidr, b.cidr) || !sameVpc(scopes[i]!, scopes[j]!, plan.vpcs.length)) continue;
      out.add(
        'RESERVATION_OVERLAP_RESERVATION',
        [a.r.id, b.r.id],
        [a.r.cidr, b.r.cidr],
        `${name(a.r)} overlaps ${name(b.r)}, reserved earlier for the same network: merge them or keep them apart`,
      );
    }
  }
}

function sameVpc(a: 'all' | Set<string>, b: 'all' | Set<string>, vpcCount: number): boolean {
  // A reservation with a VPC applies at least there; a plan-wide one wherever there is a VPC.
  if (a === 'all' && b === 'all') return vpcCount > 0;
  if (a === 'all' || b === 'all') return true;
  for (const v of a) if (b.has(v)) return true;
  return false;
}
