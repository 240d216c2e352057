// Every IPv4 range a plan places in the address space, with what it is, who owns it and which
// VPCs see it: the input of the address map (./address-map.ts). IPv6 ranges are left out: the
// map draws the IPv4 space, where every conflict of rules.md lives.
import { cidrOf } from '../ip/cidr';
import { clusterMode, label } from '../model/defaults';
import type { PlanIndex } from '../model/plan-index';

export type MapKind =
  | 'vpc'
  | 'vpc-secondary'
  | 'subnet'
  | 'pod-subnet'
  | 'container'
  | 'service'
  | 'idc'
  | 'route'
  | 'reservation';

export const MAP_KINDS: readonly MapKind[] = [
  'vpc',
  'vpc-secondary',
  'subnet',
  'pod-subnet',
  'container',
  'service',
  'idc',
  'route',
  'reservation',
];

export const MAP_KIND_TITLES: Readonly<Record<MapKind, string>> = {
  vpc: 'VPC CIDR',
  'vpc-secondary': 'VPC secondary CIDR',
  subnet: 'Subnet',
  'pod-subnet': 'Pod subnet (VPC-CNI)',
  container: 'Container CIDR',
  service: 'Service CIDR',
  idc: 'IDC range',
  route: 'Route destination',
  reservation: 'Reservation',
};

export interface RangeEntry {
  readonly lo: number;
  readonly hi: number;
  readonly prefix: number;
  readonly cidr: string;
  readonly kind: MapKind;
  /** The plan object that holds the range (a route's table, a reservation's own id). */
  readonly owner: string;
  readonly ownerName: string;
  /** The VPC of the owner, where it has one (nesting a subnet in its own VPC is by design). */
  readonly vpc: string | undefined;
  /** The VPCs whose view holds the range; undefined: every view (a plan-wide reservation). */
  readonly scope: readonly string[] | undefined;
}

function entry(
  text: string,
  kind: MapKind,
  owner: string,
  ownerName: string,
  vpc: string | undefined,
  scope: readonly string[] | undefined,
): RangeEntry | undefined {
  let c;
  try {
    c = cidrOf(text);
  } catch {
    // A plan being typed can hold a half-written range for a moment: the map skips it.
    return undefined;
  }
  if (c.family !== 4) return undefined;
  return {
    lo: c.lo,
    hi: c.hi,
    prefix: c.prefix,
    cidr: text,
    kind,
    owner,
    ownerName,
    // Every entry has the same fields: 100,000 of one shape stay fast to walk.
    vpc,
    scope,
  };
}

/** The plan's IPv4 ranges, in plan order. */
export function collectRanges(ix: PlanIndex): RangeEntry[] {
  const plan = ix.plan;
  const out: RangeEntry[] = [];
  const push = (e: RangeEntry | undefined) => {
    if (e) out.push(e);
  };
  const podSubnets = new Set<string>();
  for (const c of plan.clusters)
    if (clusterMode(c) === 'vpc-cni') for (const s of c.podSubnets ?? []) podSubnets.add(s);

  for (const v of plan.vpcs) {
    const name = label(v);
    push(entry(v.cidr, 'vpc', v.id, name, v.id, [v.id]));
    for (const s of v.secondaryCidrs ?? [])
      push(entry(s, 'vpc-secondary', v.id, name, v.id, [v.id]));
  }
  for (const s of plan.subnets) {
    const kind = podSubnets.has(s.id) ? 'pod-subnet' : 'subnet';
    push(entry(s.cidr, kind, s.id, label(s), s.vpc, [s.vpc]));
  }
  for (const c of plan.clusters) {
    const name = label(c);
    if (c.containerCidr && clusterMode(c) !== 'vpc-cni')
      push(entry(c.containerCidr, 'container', c.id, name, c.vpc, [c.vpc]));
    if (c.serviceCidr) push(entry(c.serviceCidr, 'service', c.id, name, c.vpc, [c.vpc]));
  }
  for (const i of plan.idcs) {
    // An IDC is seen by the VPC it links to and by the VPCs on the CCNs it is attached to.
    const scope = new Set<string>(i.vpc === undefined ? [] : [i.vpc]);
    for (const ccn of ix.ccnsOf(i.id)) for (const m of ccn.attachments) if (ix.vpc(m)) scope.add(m);
    for (const text of i.cidrs) push(entry(text, 'idc', i.id, label(i), i.vpc, [...scope]));
  }
  for (const t of plan.routeTables)
    for (const r of t.routes) {
      const e = entry(r.destination, 'route', t.id, label(t), t.vpc, [t.vpc]);
      // A default route covers everything and says nothing about where addresses go.
      if (e && e.prefix > 0) out.push(e);
    }
  for (const r of plan.reservations ?? [])
    push(
      entry(
        r.cidr,
        'reservation',
        r.id,
        label(r),
        r.vpc,
        r.vpc === undefined ? undefined : [r.vpc],
      ),
    );
  return out;
}

/** The VPCs each VPC sees: itself and those joined to it by a peering or a shared CCN. */
function nearness(ix: PlanIndex): (vpc: string) => ReadonlySet<string> {
  const cache = new Map<string, Set<string>>();
  return (vpc) => {
    let near = cache.get(vpc);
    if (!near) {
      near = new Set([vpc, ...ix.connectedVpcs(vpc).keys()]);
      cache.set(vpc, near);
    }
    return near;
  };
}

/** Whether two ranges are seen together by some VPC (so that an overlap between them matters). */
export function scopeSees(ix: PlanIndex): (a: RangeEntry, b: RangeEntry) => boolean {
  const near = nearness(ix);
  return (a, b) => {
    if (a.scope === undefined || b.scope === undefined) return true;
    for (const x of a.scope) {
      const n = near(x);
      for (const y of b.scope) if (n.has(y)) return true;
    }
    return false;
  };
}

/** Kinds of a connected VPC's ranges that a VPC sees: what the peering or CCN routes to it. */
const SEEN_ACROSS: ReadonlySet<MapKind> = new Set<MapKind>([
  'vpc',
  'vpc-secondary',
  'subnet',
  'pod-subnet',
  'container',
  'service',
  // A reservation of a VPC holds in the VPCs connected to it (rules.md, "Reservations").
  'reservation',
]);

/**
 * The ranges VPC `vpcId` sees: its own (with its routes and its IDCs), the address ranges of the
 * VPCs it connects to (not their routes or IDCs: a peering does not pass them on), and plan-wide
 * reservations.
 */
export function rangesSeenBy(
  ix: PlanIndex,
  entries: readonly RangeEntry[],
  vpcId: string,
): RangeEntry[] {
  const near = nearness(ix)(vpcId);
  return entries.filter(
    (e) =>
      e.scope === undefined ||
      e.scope.includes(vpcId) ||
      (SEEN_ACROSS.has(e.kind) && e.scope.some((v) => near.has(v))),
  );
}
