// The route table a subnet forwards by: the VPC's Local routes first, then the container routes
// of its GlobalRouter clusters, then the longest matching custom or CCN-learned route (custom
// first at equal length). Routes whose target is invalid are left out.
import { cidrOf, contains, type Cidr } from '../ip/cidr';
import { RangeIndex } from '../ip/range-index';
import { label } from '../model/defaults';
import type { PlanIndex } from '../model/plan-index';
import type { Route, RouteTable } from '../model/plan';
import { ccnRoutes, type CcnRoutes, type Publication } from './ccn';
import { ReadTracker } from './read-tracker';

export type Target =
  | { readonly kind: 'local' }
  | { readonly kind: 'container'; readonly cluster: string }
  | { readonly kind: 'nat'; readonly id: string }
  | { readonly kind: 'peering'; readonly id: string; readonly peer: string }
  /** A custom route into a CCN: the CCN forwards by what it has learned. */
  | { readonly kind: 'ccn'; readonly id: string }
  /** A route the VPC learned from a CCN. */
  | { readonly kind: 'learned'; readonly id: string; readonly publication: Publication }
  | { readonly kind: 'idc'; readonly id: string }
  | { readonly kind: 'cvm'; readonly id: string };

const DEFAULT_V4 = cidrOf('0.0.0.0/0');
const LOCAL: Target = { kind: 'local' };

export type Origin = 'local' | 'container' | 'custom' | 'ccn';

export interface Match {
  readonly origin: Origin;
  readonly cidr: Cidr;
  readonly text: string;
  readonly target: Target;
}

/** A route's target as people read it in a message: its object's name, else the id as written. */
export function targetLabel(ix: PlanIndex, target: string): string {
  return label(ix.object(target), target);
}

/** Why a custom route's target is not one this VPC can use, or undefined when it is valid. */
export function invalidTargetReason(
  ix: PlanIndex,
  vpcId: string,
  route: Route,
): string | undefined {
  const kind = ix.kindOf(route.target);
  if (!kind) return `${route.target} does not exist`;
  switch (kind) {
    case 'natGateway':
      return ix.nat(route.target)!.vpc === vpcId ? undefined : 'the NAT gateway is in another VPC';
    case 'peering':
      return ix.peering(route.target)!.vpcs.includes(vpcId)
        ? undefined
        : 'the peering does not join this VPC';
    case 'ccn':
      return ix.ccn(route.target)!.attachments.includes(vpcId)
        ? undefined
        : 'this VPC is not attached to the CCN';
    case 'idc': {
      // Over the IDC's own link, or through a CCN both are attached to.
      const d = ix.idc(route.target)!;
      if (d.vpc === vpcId) return undefined;
      if (ix.ccnsOf(d.id).some((c) => c.attachments.includes(vpcId))) return undefined;
      return d.vpc === undefined
        ? 'the IDC shares no CCN with this VPC'
        : 'the IDC links to another VPC and shares no CCN with this one';
    }
    case 'resource': {
      const r = ix.resource(route.target)!;
      if (r.kind !== 'cvm')
        return `a ${r.kind} cannot forward traffic; only a CVM can be a next hop`;
      return ix.vpcOfResource(r)?.id === vpcId ? undefined : 'the CVM is in another VPC';
    }
    default:
      return `a ${kind} cannot be a route target`;
  }
}

function targetOf(ix: PlanIndex, vpcId: string, route: Route): Target | undefined {
  if (invalidTargetReason(ix, vpcId, route) !== undefined) return undefined;
  const kind = ix.kindOf(route.target);
  switch (kind) {
    case 'natGateway':
      return { kind: 'nat', id: route.target };
    case 'peering': {
      const p = ix.peering(route.target)!;
      return { kind: 'peering', id: p.id, peer: p.vpcs[0] === vpcId ? p.vpcs[1] : p.vpcs[0] };
    }
    case 'ccn':
      return { kind: 'ccn', id: route.target };
    case 'idc':
      return { kind: 'idc', id: route.target };
    default:
      return { kind: 'cvm', id: route.target };
  }
}

interface CompiledTable {
  readonly local: readonly { cidr: Cidr; text: string; match: Match }[];
  readonly containers: readonly { cidr: Cidr; text: string; cluster: string; match: Match }[];
  readonly custom: RangeIndex<Match>;
  readonly ccns: readonly string[];
}

interface CcnIndex {
  readonly routes: CcnRoutes;
  readonly enabled: RangeIndex<Publication>;
  readonly disabled: RangeIndex<Publication>;
}

/** Route lookups for a whole plan, with tables compiled on first use. */
export class Router {
  private readonly tables = new Map<string, Map<string, CompiledTable>>();
  private readonly ccnIndexes = new Map<string, CcnIndex>();
  /** Every VPC and CCN consulted inside a tracked computation is noted (for incremental re-evaluation). */
  readonly reads = new ReadTracker();

  constructor(readonly ix: PlanIndex) {}

  /** Forgets what it compiled for these VPCs (their tables) and CCNs (their routes). */
  invalidate(vpcs: Iterable<string>, ccns: Iterable<string>): void {
    for (const v of vpcs) this.tables.delete(v);
    for (const c of ccns) this.ccnIndexes.delete(c);
  }

  ccn(id: string): CcnIndex | undefined {
    this.reads.ccn(id);
    let c = this.ccnIndexes.get(id);
    if (!c) {
      const ccn = this.ix.ccn(id);
      if (!ccn) return undefined;
      const routes = ccnRoutes(this.ix, ccn);
      const enabled: Array<[Cidr, Publication]> = [];
      const disabled: Array<[Cidr, Publication]> = [];
      for (const p of routes.publications)
        (routes.disabled.has(p) ? disabled : enabled).push([p.cidr, p]);
      c = { routes, enabled: new RangeIndex(enabled), disabled: new RangeIndex(disabled) };
      this.ccnIndexes.set(id, c);
    }
    return c;
  }

  private table(vpcId: string, tableId: string | undefined): CompiledTable {
    this.reads.vpc(vpcId);
    let byTable = this.tables.get(vpcId);
    if (!byTable) this.tables.set(vpcId, (byTable = new Map<string, CompiledTable>()));
    const key = tableId ?? '';
    let t = byTable.get(key);
    if (!t) {
      const ix = this.ix;
      const v = ix.vpc(vpcId);
      const texts = v
        ? [v.cidr, ...(v.secondaryCidrs ?? []), ...(v.ipv6Cidr ? [v.ipv6Cidr] : [])]
        : [];
      const local = texts.map((text) => {
        const cidr = cidrOf(text);
        const match: Match = { origin: 'local', cidr, text, target: LOCAL };
        return { cidr, text, match };
      });
      const containers = ix
        .clustersOf(vpcId)
        .filter((c) => c.containerCidr)
        .map((c) => {
          const cidr = cidrOf(c.containerCidr!);
          const text = c.containerCidr!;
          const match: Match = {
            origin: 'container',
            cidr,
            text,
            target: { kind: 'container', cluster: c.id },
          };
          return { cidr, text, cluster: c.id, match };
        });
      const rt: RouteTable | undefined = ix.routeTable(tableId);
      const seen = new Set<string>();
      const custom: Array<[Cidr, Match]> = [];
      for (const route of rt?.routes ?? []) {
        const target = targetOf(ix, vpcId, route);
        const cidr = cidrOf(route.destination);
        const k = `${cidr.family}:${cidr.lo}/${cidr.prefix}`;
        // The first route for a destination wins; later duplicates never match.
        if (!target || seen.has(k)) continue;
        seen.add(k);
        custom.push([cidr, { origin: 'custom', cidr, text: route.destination, target }]);
      }
      const ccns = ix.ccnsOf(vpcId).map((c) => c.id);
      t = { local, containers, custom: new RangeIndex(custom), ccns };
      byTable.set(key, t);
    }
    return t;
  }

  /** The route a subnet's traffic to `dst` takes, or undefined when none matches. */
  lookup(vpcId: string, tableId: string | undefined, dst: Cidr): Match | undefined {
    const t = this.table(vpcId, tableId);
    // Matches are made once per route and handed out again: lookups run a million times.
    for (const l of t.local) if (contains(l.cidr, dst)) return l.match;
    for (const c of t.containers) if (contains(c.cidr, dst)) return c.match;
    let best = t.custom.deepestValue(dst);
    for (const id of t.ccns) {
      const pub = this.learned(id, vpcId, dst, 'enabled');
      if (!pub) continue;
      // Custom routes win ties, and so does the CCN listed first.
      if (!best || pub.cidr.prefix > best.cidr.prefix) best = this.learnedMatch(id, pub);
    }
    return best;
  }

  private readonly learnedMatches = new WeakMap<Publication, Match>();

  private learnedMatch(id: string, pub: Publication): Match {
    let m = this.learnedMatches.get(pub);
    if (!m) {
      m = {
        origin: 'ccn',
        cidr: pub.cidr,
        text: pub.text,
        target: { kind: 'learned', id, publication: pub },
      };
      this.learnedMatches.set(pub, m);
    }
    return m;
  }

  /** The most specific publication of a CCN holding `dst` that did not come from `vpcId` itself. */
  learned(
    ccnId: string,
    vpcId: string,
    dst: Cidr,
    which: 'enabled' | 'disabled',
  ): Publication | undefined {
    const c = this.ccn(ccnId);
    if (!c) return undefined;
    return c?.[which].deepestValue(dst, (p) => p.vpc !== vpcId);
  }

  /** The most specific enabled publication of a CCN holding `dst` that `accept` takes. */
  publication(
    ccnId: string,
    dst: Cidr,
    accept: (p: Publication) => boolean,
  ): Publication | undefined {
    return this.ccn(ccnId)?.enabled.deepestValue(dst, accept);
  }

  /** The best disabled CCN route the VPC would have learned for `dst`. */
  disabledFor(vpcId: string, dst: Cidr): Publication | undefined {
    this.reads.vpc(vpcId);
    let best: Publication | undefined;
    for (const c of this.ix.ccnsOf(vpcId)) {
      const p = this.learned(c.id, vpcId, dst, 'disabled');
      if (p && (!best || p.cidr.prefix > best.cidr.prefix)) best = p;
    }
    return best;
  }

  /** The NAT gateway a subnet's default route leads to, if it has one. */
  natDefault(vpcId: string, tableId: string | undefined): string | undefined {
    const t = this.table(vpcId, tableId);
    const def = t.custom.deepest(DEFAULT_V4);
    if (def && def.cidr.prefix === 0 && def.value.target.kind === 'nat') return def.value.target.id;
    return undefined;
  }

  ccnRoutes(id: string): CcnRoutes | undefined {
    return this.ccn(id)?.routes;
  }
}
