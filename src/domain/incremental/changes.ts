// What an edit touches, worked out from the objects before and after it: which VPCs, peerings
// and CCNs need their findings again, which clusters their capacity, and what the path engine
// must forget. Everything here errs on the side of doing more: the property test in
// analyzer.test.ts holds the incremental results to a full recomputation.
import { cidrOf, contains, overlaps, type Cidr } from '../ip/cidr';
import { PRIVATE_RANGES } from '../ip/private-ranges';
import type { Suggestion } from '../rules/codes';
import { nonMasqueradeCidrs } from '../model/defaults';
import type { Change, PlanIndex } from '../model/plan-index';
import { vpcCidrTexts } from '../model/plan-index';
import type {
  Ccn,
  Cluster,
  Idc,
  Peering,
  Plan,
  PlanObject,
  Resource,
  RouteTable,
  Subnet,
  Vpc,
} from '../model/plan';
import type { PathChanges } from '../routing/paths';

export interface Dirty {
  readonly vpcs: Set<string>;
  readonly peerings: Set<string>;
  readonly ccns: Set<string>;
  readonly clusters: Set<string>;
  connected: boolean;
  /** Reservation findings must be checked again. */
  reservations: boolean;
  /** Objects were added or removed: the order of paths may change. */
  membership: boolean;
  /** Ranges that a suggested container or service CIDR must keep clear of, before and after. */
  readonly taken: Cidr[];
  readonly routerVpcs: Set<string>;
  readonly routerCcns: Set<string>;
  readonly paths: {
    ranges: Cidr[];
    ids: Set<string>;
    vpcs: Set<string>;
    ccns: Set<string>;
    subnetVpcs: Set<string>;
    clusters: Set<string>;
    held: boolean;
  };
}

export function emptyDirty(): Dirty {
  return {
    vpcs: new Set(),
    peerings: new Set(),
    ccns: new Set(),
    clusters: new Set(),
    connected: false,
    reservations: false,
    membership: false,
    taken: [],
    routerVpcs: new Set(),
    routerCcns: new Set(),
    paths: {
      ranges: [],
      ids: new Set(),
      vpcs: new Set(),
      ccns: new Set(),
      subnetVpcs: new Set(),
      clusters: new Set(),
      held: false,
    },
  };
}

export function pathChanges(d: Dirty): PathChanges {
  return d.paths;
}

/** The fields of `a` and `b` whose values differ (by JSON, which these plain objects are). */
function changedFields(a: PlanObject | undefined, b: PlanObject | undefined): Set<string> {
  const out = new Set<string>();
  if (!a || !b) return new Set(['*']);
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  for (const k of new Set([...Object.keys(ra), ...Object.keys(rb)])) {
    if (JSON.stringify(ra[k]) !== JSON.stringify(rb[k])) out.add(k);
  }
  return out;
}

function anyIn(ids: readonly string[] | undefined, set: ReadonlySet<string>): boolean {
  if (ids !== undefined) for (let i = 0; i < ids.length; i++) if (set.has(ids[i]!)) return true;
  return false;
}

const ONLY = (fields: Set<string>, allowed: readonly string[]) =>
  [...fields].every((f) => allowed.includes(f));

/**
 * Notes what one change touches. Called twice: with the index as it was before the edit (`side`
 * 'before') and as it is after (`side` 'after'), so that both old and new neighbours count.
 */
export function noteChange(
  d: Dirty,
  ix: PlanIndex,
  plan: Plan,
  c: Change,
  side: 'before' | 'after',
): void {
  const o = side === 'before' ? c.before : c.after;
  const fields = changedFields(c.before, c.after);
  if (!c.before || !c.after) d.membership = true;
  if (!o) return;
  const p = d.paths;
  p.ids.add(o.id);
  const ranges = (texts: readonly (string | undefined)[]) => {
    for (const t of texts) if (t) p.ranges.push(cidrOf(t));
  };
  const vpcDirty = (v: string | undefined) => {
    if (v) d.vpcs.add(v);
  };
  const ccnsOf = (member: string) => {
    for (const x of ix.ccnsOf(member)) {
      d.ccns.add(x.id);
      d.routerCcns.add(x.id);
    }
  };
  // Routes that name the object: their validity, and so the tables, may change.
  // Indexed loops: every route of the plan, twice per edit, without an iterator's allocations.
  const tables = plan.routeTables;
  for (let i = 0; i < tables.length; i++) {
    const t = tables[i]!;
    for (let j = 0; j < t.routes.length; j++) {
      const r = t.routes[j]!;
      if (r.target === o.id) {
        d.vpcs.add(t.vpc);
        d.routerVpcs.add(t.vpc);
        ranges([r.destination]);
      }
    }
  }
  switch (c.collection) {
    case 'vpcs': {
      const v = o as Vpc;
      vpcDirty(v.id);
      d.routerVpcs.add(v.id);
      p.vpcs.add(v.id);
      p.subnetVpcs.add(v.id);
      p.held = true;
      d.connected = true;
      ranges(vpcCidrTexts(v));
      taken(d, vpcCidrTexts(v));
      for (const x of ix.peeringsOf(v.id)) d.peerings.add(x.id);
      ccnsOf(v.id);
      // Messages elsewhere name the VPC, and clusters of other VPCs may point into it.
      for (const k of plan.clusters) {
        if (
          [...(k.nodeSubnets ?? []), ...(k.podSubnets ?? [])].some(
            (s) => ix.subnet(s)?.vpc === v.id,
          )
        )
          vpcDirty(k.vpc);
      }
      for (const k of ix.clustersOf(v.id)) {
        d.clusters.add(k.id);
        // The default masquerade ranges hold the VPC's primary CIDR.
        p.clusters.add(k.id);
      }
      break;
    }
    case 'subnets': {
      const s = o as Subnet;
      vpcDirty(s.vpc);
      p.subnetVpcs.add(s.vpc);
      ranges([s.cidr, s.ipv6Cidr]);
      ccnsOf(s.vpc);
      if (s.routeTable) {
        const t = ix.routeTable(s.routeTable);
        vpcDirty(t?.vpc);
      }
      if (!ONLY(fields, ['cidr', 'ipv6Cidr', 'zone', 'description'])) p.vpcs.add(s.vpc);
      for (const k of plan.clusters) {
        const node = (k.nodeSubnets ?? []).includes(s.id);
        if (node || (k.podSubnets ?? []).includes(s.id)) {
          d.clusters.add(k.id);
          vpcDirty(k.vpc);
          p.clusters.add(k.id);
        }
      }
      break;
    }
    case 'clusters': {
      const k = o as Cluster;
      const other = (side === 'before' ? c.after : c.before) as Cluster | undefined;
      vpcDirty(k.vpc);
      d.clusters.add(k.id);
      d.routerVpcs.add(k.vpc);
      d.connected = true;
      p.held = true;
      // The container CIDR, and the masquerade ranges this side has and the other has not.
      if (['*', 'containerCidr', 'nonMasqueradeCidrs', 'mode', 'vpc'].some((f) => fields.has(f))) {
        const theirs = new Set(other ? nonMasqueradeCidrs(other, ix.vpc(other.vpc)) : []);
        ranges([
          k.containerCidr,
          ...nonMasqueradeCidrs(k, ix.vpc(k.vpc)).filter((t) => !theirs.has(t)),
        ]);
      }
      taken(d, [k.containerCidr, k.serviceCidr]);
      ccnsOf(k.id);
      for (const s of [...(k.nodeSubnets ?? []), ...(k.podSubnets ?? [])])
        vpcDirty(ix.subnet(s)?.vpc);
      // Clusters sharing a pod subnet see each other's use of it.
      const mine = new Set([...(k.nodeSubnets ?? []), ...(k.podSubnets ?? [])]);
      // Without a joined list per cluster: every cluster of the plan, twice per edit.
      const clusters = plan.clusters;
      for (let i = 0; i < clusters.length; i++) {
        const x = clusters[i]!;
        if (anyIn(x.nodeSubnets, mine) || anyIn(x.podSubnets, mine)) vpcDirty(x.vpc);
      }
      // A container CIDR moved from one range to another changes only the paths near those
      // ranges; one that comes or goes changes how every path of the cluster starts.
      const precise =
        other !== undefined &&
        k.containerCidr !== undefined &&
        other.containerCidr !== undefined &&
        k.mode !== 'vpc-cni';
      if (
        !precise ||
        !ONLY(fields, [
          'containerCidr',
          'nonMasqueradeCidrs',
          'maxPodsPerNode',
          'maxServices',
          'serviceCidr',
          'nodeCount',
          'ignoreRouteConflict',
          'description',
        ])
      ) {
        p.clusters.add(k.id);
      }
      break;
    }
    case 'resources': {
      const r = o as Resource;
      const s = ix.subnet(r.subnet);
      vpcDirty(s?.vpc);
      for (const k of plan.clusters) {
        if ([...(k.nodeSubnets ?? []), ...(k.podSubnets ?? [])].includes(r.subnet)) {
          d.clusters.add(k.id);
          vpcDirty(k.vpc);
        }
      }
      break;
    }
    case 'natGateways':
    case 'idcs': {
      const x = o as { vpc?: string };
      if (x.vpc !== undefined) {
        vpcDirty(x.vpc);
        p.vpcs.add(x.vpc);
        d.routerVpcs.add(x.vpc);
      }
      if (c.collection === 'idcs') {
        const idc = o as Idc;
        p.held = true;
        d.connected = true;
        ranges([...idc.cidrs, ...(idc.returnRoutes ?? [])]);
        taken(d, idc.cidrs);
        // Its ranges are published on its CCNs: every VPC there learns them and checks them.
        for (const k of ix.ccnsOf(idc.id)) {
          d.ccns.add(k.id);
          d.routerCcns.add(k.id);
          p.ccns.add(k.id);
          for (const m of k.attachments) {
            const v = ix.vpc(m)?.id ?? ix.cluster(m)?.vpc;
            vpcDirty(v);
            if (v) {
              p.vpcs.add(v);
              d.routerVpcs.add(v);
            }
          }
        }
      }
      break;
    }
    case 'peerings': {
      const x = o as Peering;
      d.peerings.add(x.id);
      d.connected = true;
      for (const v of x.vpcs) {
        vpcDirty(v);
        p.vpcs.add(v);
        d.routerVpcs.add(v);
      }
      break;
    }
    case 'ccns': {
      const x = o as Ccn;
      d.ccns.add(x.id);
      d.routerCcns.add(x.id);
      p.ccns.add(x.id);
      d.connected = true;
      for (const m of x.attachments) {
        const v = ix.vpc(m)?.id ?? ix.cluster(m)?.vpc ?? ix.idc(m)?.vpc;
        vpcDirty(v);
        if (v) {
          p.vpcs.add(v);
          d.routerVpcs.add(v);
        }
      }
      break;
    }
    case 'routeTables': {
      const t = o as RouteTable;
      vpcDirty(t.vpc);
      d.routerVpcs.add(t.vpc);
      for (const s of ix.subnetsUsing(t.id)) vpcDirty(s.vpc);
      const other = (side === 'before' ? c.after : c.before) as RouteTable | undefined;
      const keys = new Set((other?.routes ?? []).map((r) => `${r.destination}\u0000${r.target}`));
      // Only the routes that differ between before and after.
      ranges(
        t.routes
          .filter((r) => !keys.has(`${r.destination}\u0000${r.target}`))
          .map((r) => r.destination),
      );
      if (fields.has('name') || fields.has('*') || fields.has('vpc')) p.vpcs.add(t.vpc);
      break;
    }
  }
}

function taken(d: Dirty, texts: readonly (string | undefined)[]): void {
  for (const t of texts) if (t) d.taken.push(cidrOf(t));
}

/** Where a block stands in the order free blocks are looked for: private range, then address. */
function rank(c: Cidr): [number, number] | null {
  const i = PRIVATE_RANGES.findIndex((p) => contains(p, c));
  return i < 0 || c.family !== 4 ? null : [i, c.lo];
}

/**
 * Neighbouring VPCs whose findings suggest a container or service CIDR that this edit may have
 * changed: the first free block moves only if a range now taken overlaps it, or a range that was
 * taken before it (in the order blocks are tried) is freed.
 */
export function suggestionNeighbours(
  ix: PlanIndex,
  d: Dirty,
  suggestionsOf: (vpc: string) => readonly Suggestion[],
): void {
  if (d.taken.length === 0) return;
  const ranks = d.taken.map((x) => [x, rank(x)] as const);
  for (const v of [...d.vpcs]) {
    for (const w of ix.connectedVpcs(v).keys()) {
      if (d.vpcs.has(w)) continue;
      const hit = suggestionsOf(w).some((s) => {
        if (s.field !== 'containerCidr' && s.field !== 'serviceCidr') return false;
        const b = cidrOf(s.value);
        const rb = rank(b);
        return ranks.some(
          ([x, rx]) =>
            overlaps(x, b) ||
            (rx !== null && rb !== null && (rx[0] < rb[0] || (rx[0] === rb[0] && rx[1] < rb[1]))),
        );
      });
      if (hit) d.vpcs.add(w);
    }
  }
}
