// What a route of a VPC may point at, and which target a route gets unless someone picks one.
import { label } from '../../domain/model/defaults';
import { COLLECTIONS, type Plan, type PlanObject } from '../../domain/model/plan';
import { targetHolding } from '../../domain/routing/route-fixes';

/** What a route of this VPC may point at: its NAT gateways, peerings, CCNs, IDCs and CVMs. */
export function routeTargets(plan: Plan, vpcId: string): { value: string; label: string }[] {
  const subnets = new Set(plan.subnets.filter((s) => s.vpc === vpcId).map((s) => s.id));
  return [
    ...plan.natGateways
      .filter((n) => n.vpc === vpcId)
      .map((n) => ({ value: n.id, label: `NAT ${label(n)}` })),
    ...plan.peerings
      .filter((p) => p.vpcs.includes(vpcId))
      .map((p) => ({ value: p.id, label: `Peering ${label(p)}` })),
    ...plan.ccns
      .filter((c) => c.attachments.includes(vpcId))
      .map((c) => ({ value: c.id, label: `CCN ${label(c)}` })),
    ...plan.idcs
      .filter((i) => i.vpc === vpcId)
      .map((i) => ({ value: i.id, label: `IDC ${label(i)}` })),
    ...plan.resources
      .filter((r) => r.kind === 'cvm' && subnets.has(r.subnet))
      .map((r) => ({ value: r.id, label: `CVM ${label(r)}` })),
  ];
}

/** A target's name for the pick list, or its id when no object has it. */
export function targetName(plan: Plan, id: string): string {
  for (const c of COLLECTIONS) {
    const o = (plan[c] as readonly PlanObject[]).find((x) => x.id === id);
    if (o) return label(o);
  }
  return id;
}

/** The target a route to `destination` gets unless someone picks one: the range's owner. */
export function defaultTarget(
  plan: Plan,
  vpcId: string,
  destination: string,
  targets: readonly { value: string }[],
): string | undefined {
  const ids = targets.map((t) => t.value);
  return targetHolding(plan, vpcId, destination, ids);
}
