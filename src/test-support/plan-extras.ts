// What the benchmark's generator does not draw, added to its plans for the property tests of the
// incremental analyzer: reservations (plan-wide and per VPC, over ranges in use and free), zones
// outside their VPC's region, and IDCs attached to the CCN (some with no VPC of their own).
import { mulberry32 } from '../../bench/generate';
import type { Idc, Plan, Reservation, Subnet } from '../domain/model/plan';

/** `plan` with reservations, mismatched zones and IDCs on its first CCN, the same for a seed. */
export function withPlanExtras(plan: Plan, seed: number): Plan {
  const rnd = mulberry32(seed ^ 0x5eed);
  const pick = <T>(list: readonly T[]): T | undefined =>
    list.length > 0 ? list[Math.floor(rnd() * list.length)] : undefined;

  const reservations: Reservation[] = [];
  const n = Math.floor(rnd() * 5);
  for (let i = 0; i < n; i++) {
    const v = pick(plan.vpcs);
    const s = pick(plan.subnets);
    const k = pick(plan.clusters);
    // A range in use (a VPC, a subnet, a container CIDR), a free one, or one of the other ranges.
    const cidr =
      [v?.cidr, s?.cidr, k?.containerCidr, '172.31.0.0/16', '10.0.0.0/8'][Math.floor(rnd() * 5)] ??
      '172.31.0.0/16';
    const vpc = rnd() < 0.6 ? pick(plan.vpcs)?.id : undefined;
    reservations.push({ id: `rsv-x${i}`, cidr, ...(vpc ? { vpc } : {}) });
  }

  const subnets: Subnet[] = plan.subnets.map((s) =>
    rnd() < 0.05 ? { ...s, zone: rnd() < 0.5 ? 'ap-mars-1' : `${s.zone ?? 'ap-x-1'}x` } : s,
  );

  const ccn = plan.ccns[0];
  const onCcn: string[] = [];
  const idcs: Idc[] = plan.idcs.map((d) => {
    if (!ccn || rnd() < 0.5) return d;
    onCcn.push(d.id);
    if (rnd() < 0.5) {
      const { vpc: _vpc, ...rest } = d;
      return rest;
    }
    return d;
  });
  const ccns = plan.ccns.map((c) =>
    c === ccn ? { ...c, attachments: [...c.attachments, ...onCcn] } : c,
  );
  return { ...plan, subnets, idcs, ccns, ...(reservations.length > 0 ? { reservations } : {}) };
}
