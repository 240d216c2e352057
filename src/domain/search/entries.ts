// What a person can look for: every object of a plan, and every reserved range, with the name,
// the ranges and the parent the search shows, and what the canvas frames to show it (peerings
// and route tables are not drawn as boxes: their VPCs stand in for them).
import { vpcCidrTexts } from '../model/plan-index';
import type { ObjectKind, Plan } from '../model/plan';

export type SearchKind = ObjectKind | 'reservation';

export interface SearchEntry {
  readonly id: string;
  readonly kind: SearchKind;
  readonly name?: string;
  /** Ranges the object holds, its own first (a resource's address is a single-address range). */
  readonly cidrs: readonly string[];
  readonly parent?: string;
  /** Ids the canvas frames to show this object. */
  readonly frame: readonly string[];
}

function entry(
  id: string,
  kind: SearchKind,
  name: string | undefined,
  cidrs: readonly string[],
  parent: string | undefined,
  frame: readonly string[] = [id],
): SearchEntry {
  return {
    id,
    kind,
    ...(name ? { name } : {}),
    cidrs,
    ...(parent === undefined ? {} : { parent }),
    frame,
  };
}

const present = (list: ReadonlyArray<string | undefined>): string[] =>
  list.filter((x): x is string => x !== undefined && x !== '');

/** The plan's searchable entries, in plan order (the order ties are broken in). */
export function searchEntries(plan: Plan): SearchEntry[] {
  const out: SearchEntry[] = [];
  for (const v of plan.vpcs) out.push(entry(v.id, 'vpc', v.name, vpcCidrTexts(v), undefined));
  for (const s of plan.subnets)
    out.push(entry(s.id, 'subnet', s.name, present([s.cidr, s.ipv6Cidr]), s.vpc));
  for (const c of plan.clusters)
    out.push(entry(c.id, 'cluster', c.name, present([c.containerCidr, c.serviceCidr]), c.vpc));
  for (const r of plan.resources)
    out.push(entry(r.id, 'resource', r.name, present([r.ip]), r.subnet));
  for (const n of plan.natGateways) out.push(entry(n.id, 'natGateway', n.name, [], n.vpc));
  for (const p of plan.peerings)
    out.push(entry(p.id, 'peering', p.name, [], undefined, [...new Set(p.vpcs)]));
  for (const c of plan.ccns) out.push(entry(c.id, 'ccn', c.name, [], undefined));
  for (const i of plan.idcs) out.push(entry(i.id, 'idc', i.name, i.cidrs, i.vpc));
  for (const t of plan.routeTables) out.push(entry(t.id, 'routeTable', t.name, [], t.vpc, [t.vpc]));
  for (const r of plan.reservations ?? [])
    out.push(entry(r.id, 'reservation', r.name, [r.cidr], r.vpc, r.vpc ? [r.vpc] : []));
  return out;
}
