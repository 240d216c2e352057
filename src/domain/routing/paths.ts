// How pods (or resources) reach a destination: whether the pod IP is kept (direct), replaced
// by the node IP through ip-masq-agent (snat), or the packet never gets there and back
// (unreachable, with one reason). The rules are in docs/spec/rules.md, "Paths".
import { cidrOf, contains, ipOf, overlaps, V4_ALL, type Cidr } from '../ip/cidr';
import { isPrivate } from '../ip/private-ranges';
import { RangeIndex } from '../ip/range-index';
import type { PathReason } from '../rules/codes';
import { clusterMode, label, nonMasqueradeCidrs } from '../model/defaults';
import { vpcCidrTexts, type PlanIndex } from '../model/plan-index';
import type { Cluster, Flow, Idc, Resource, Subnet } from '../model/plan';
import type { Match, Router } from './route-table';

export type Verdict = 'direct' | 'snat' | 'unreachable';

export interface PathResult {
  readonly from: string;
  readonly to: string;
  readonly verdict: Verdict;
  readonly hops: readonly string[];
  readonly reason: PathReason | null;
  readonly message: string;
  /** For snat: the address the pod's traffic leaves with (the node subnet, or a NAT gateway). */
  readonly snatTo?: string;
}

const RANK: Readonly<Record<Verdict, number>> = { direct: 0, snat: 1, unreachable: 2 };

/** One range of a destination to evaluate on its own; a flow's verdict is the worst of them. */
type Leg =
  | { kind: 'internet' }
  | { kind: 'resource'; resource: Resource; subnet: Subnet; vpc: string; cidr: Cidr; text: string }
  | { kind: 'pods'; cluster: Cluster; vpc: string; subnet?: Subnet; cidr: Cidr; text: string }
  | { kind: 'idc'; idc: Idc; cidr: Cidr; text: string }
  | { kind: 'address'; cidr: Cidr; text: string };

/** A leg with an address range: every leg but the internet. */
type RangeLeg = Exclude<Leg, { kind: 'internet' }>;

/** Where the reply starts from, for the return-route check. */
type Far =
  | { kind: 'vpc'; vpc: string; tables: readonly (string | undefined)[] }
  | { kind: 'idc'; idc: Idc }
  | { kind: 'none' };

interface Delivered {
  ok: true;
  hops: string[];
  far: Far;
  /** The route went to the internet through a NAT gateway: always SNAT. */
  nat?: string;
  /** For an address: the object found holding it, for the message. */
  holder?: string;
  via: string[];
}

interface Failed {
  ok: false;
  reason: PathReason;
  hops: string[];
  message: string;
}

type Forward = Delivered | Failed;

/** The source's side of a flow: who sends, from which subnet, with which address. */
interface Source {
  readonly id: string;
  readonly vpc: string;
  readonly origin: Subnet;
  readonly address: Cidr;
  readonly addressText: string;
  /** The address is a GlobalRouter container CIDR (delivered by a container route). */
  readonly isContainer: boolean;
  readonly cluster?: string;
}

/** A path result of one fixed shape (object spread is slow on Node 20's V8 in hot loops). */
function result(
  base: { readonly from: string; readonly to: string },
  r: {
    verdict: Verdict;
    hops: readonly string[];
    reason: PathReason | null;
    message: string;
    snatTo?: string;
  },
): PathResult {
  const out: { -readonly [K in keyof PathResult]: PathResult[K] } = {
    from: base.from,
    to: base.to,
    verdict: r.verdict,
    hops: r.hops,
    reason: r.reason,
    message: r.message,
  };
  if (r.snatTo !== undefined) out.snatTo = r.snatTo;
  return out;
}

function fail(reason: PathReason, hops: string[], message: string): Failed {
  return { ok: false, reason, hops, message };
}

function legOwnerVpc(leg: RangeLeg): string | undefined {
  return leg.kind === 'resource' || leg.kind === 'pods' ? leg.vpc : undefined;
}

/** "the pods of prod-tke … are", "orders-db … is": the verb that agrees with `legName`. */
function verbFor(leg: Leg): 'is' | 'are' {
  return leg.kind === 'pods' ? 'are' : 'is';
}

function legName(_ix: PlanIndex, leg: Leg): string {
  switch (leg.kind) {
    case 'internet':
      return 'the internet';
    case 'resource':
      return `${label(leg.resource)} (${leg.text})`;
    case 'pods':
      return `the pods of ${label(leg.cluster)} (${leg.text})`;
    case 'idc':
      return `IDC ${label(leg.idc)} (${leg.text})`;
    case 'address':
      return leg.text;
  }
}

// Placeholders for a resource in a path computed once for all the resources of a subnet.
const MARK_ID = '\uE000';
const MARK_NAME = '\uE001';
const MARK_ADDR = '\uE002';

const NO_READS = { vpcs: new Set<string>(), ccns: new Set<string>() };

function strictlyInside(inner: Cidr, outer: Cidr): boolean {
  return contains(outer, inner) && inner.prefix > outer.prefix;
}

/** What a path was computed from: edits to anything else leave it as it is. */
export interface PathDeps {
  readonly vpcs: ReadonlySet<string>;
  readonly ccns: ReadonlySet<string>;
  /** Destination and source ranges looked up. */
  readonly ranges: readonly Cidr[];
}

/** What an edit changed, as the path engine needs to know it. */
export interface PathChanges {
  /** Old and new ranges of everything that changed. */
  readonly ranges: readonly Cidr[];
  /** Objects that changed, were added or removed. */
  readonly ids: ReadonlySet<string>;
  /** VPCs whose routing changed as a whole (their CIDRs, CCN or peering membership, names). */
  readonly vpcs: ReadonlySet<string>;
  /** CCNs whose membership changed. */
  readonly ccns: ReadonlySet<string>;
  /** VPCs whose subnets changed. */
  readonly subnetVpcs: ReadonlySet<string>;
  /** Clusters whose own settings changed (container, masquerade ranges, subnets, mode). */
  readonly clusters: ReadonlySet<string>;
  /** VPC, container or IDC ranges changed: what holds an address may have changed. */
  readonly held: boolean;
}

export function depsAffected(d: PathDeps, c: PathChanges): boolean {
  for (const v of d.vpcs) if (c.vpcs.has(v)) return true;
  for (const x of d.ccns) if (c.ccns.has(x)) return true;
  for (const r of d.ranges) for (const x of c.ranges) if (overlaps(r, x)) return true;
  return false;
}

/** A path computed for a stand-in resource, ready to be filled in for each real one. */
interface Template {
  readonly path: PathResult;
  /** Hop positions that name the resource. */
  readonly idHops: readonly number[];
  /** The message cut at the stand-in's name, address and id; `slots` says which goes between. */
  readonly parts: readonly string[];
  readonly slots: readonly number[];
  /** The subnet range every resource it stands for must lie in. */
  readonly range: Cidr;
  readonly deps: PathDeps;
}

const MARK_SPLIT = /([\uE000-\uE002])/;

function compileTemplate(path: PathResult, range: Cidr, deps: PathDeps): Template {
  const idHops: number[] = [];
  for (let i = 0; i < path.hops.length; i++) if (path.hops[i] === MARK_ID) idHops.push(i);
  // Splitting on a captured marker alternates text and marker: [text, mark, text, mark, text].
  const pieces = path.message.split(MARK_SPLIT);
  const parts: string[] = [];
  const slots: number[] = [];
  for (let i = 0; i < pieces.length; i++) {
    if (i % 2 === 0) parts.push(pieces[i]!);
    else slots.push(pieces[i]!.charCodeAt(0) - 0xe000);
  }
  return { path, idHops, parts, slots, range, deps };
}

function fillTemplate(t: Template, to: string, id: string, name: string, addr: string): PathResult {
  // `to` is the resource id: the flow ends at it.
  const p = t.path;
  let hops = p.hops;
  if (t.idHops.length > 0) {
    const h = p.hops.slice();
    for (const i of t.idHops) h[i] = id;
    hops = h;
  }
  let message = t.parts[0]!;
  for (let i = 0; i < t.slots.length; i++) {
    const slot = t.slots[i];
    message += (slot === 0 ? id : slot === 1 ? name : addr) + t.parts[i + 1]!;
  }
  const out: { -readonly [K in keyof PathResult]: PathResult[K] } = {
    from: p.from,
    to,
    verdict: p.verdict,
    hops,
    reason: p.reason,
    message,
  };
  if (p.snatTo !== undefined) out.snatTo = p.snatTo;
  return out;
}

export class PathEngine {
  private subnetIndexes = new Map<string, RangeIndex<Subnet>>();
  private heldIndex: RangeIndex<string> | undefined;
  private subnetsIndex: RangeIndex<Subnet> | undefined;
  /** Per cluster: which templates read which VPC's tables, CCN's routes and source ranges. */
  private readonly readsIndex = new Map<
    string,
    {
      vpcs: Map<string, Set<string>>;
      ccns: Map<string, Set<string>>;
      src: Map<string, { cidr: Cidr; keys: Set<string> }>;
    }
  >();
  private boundaries: RangeIndex<null> | undefined;
  /** Ranges added since `boundaries` was built: an index built once, patched with a short list. */
  private extraBoundaries: Cidr[] = [];
  /** While a path or template is computed, the ranges it looked up. */
  private rangesRead: Cidr[] | null = null;
  private readonly uniform4 = new Map<string, boolean>();
  private readonly uniform6 = new Map<string, boolean>();
  private readonly templates = new Map<string, Map<string, Template | null>>();
  private readonly masqCache = new Map<
    string,
    { ranges: { cidr: Cidr; text: string }[]; text: string }
  >();

  /**
   * `track`: note what every template reads, so that `invalidate` can keep the rest after an
   * edit. A one-off analysis leaves it off and saves the bookkeeping.
   */
  constructor(
    private readonly ix: PlanIndex,
    private readonly router: Router,
    private readonly track = false,
  ) {}

  /** The paths of the plan's flows, or of the default set when the plan lists none. */
  evaluate(flows: readonly Flow[]): PathResult[] {
    return flows.map((f) => this.flow(f));
  }

  flow(f: Flow): PathResult {
    const ix = this.ix;
    const c = ix.cluster(f.from);
    const shared = c ? this.sharedPath(c, f.to) : undefined;
    if (shared) return shared;
    const legs = this.legs(f.to);
    if (c) return this.fromCluster(c, f.to, legs);
    const r = ix.resource(f.from);
    if (r) return this.fromResource(r, f.to, legs);
    return {
      from: f.from,
      to: f.to,
      verdict: 'unreachable',
      hops: [f.from],
      reason: 'NO_ROUTE',
      message: `${f.from} is not a cluster or resource`,
    };
  }

  /**
   * Every address of a subnet meets the same routes, masquerade ranges and containers unless
   * one of those starts or ends inside it. Then the paths from a cluster to all the resources
   * there are one path with the names filled in: computed once per subnet, not per resource.
   */
  private sharedPath(c: Cluster, to: string): PathResult | undefined {
    const r = this.ix.resource(to);
    const s = r && this.ix.subnet(r.subnet);
    return r && s ? this.sharedResourcePath(c, r, s) : undefined;
  }

  private sharedResourcePath(c: Cluster, r: Resource, s: Subnet): PathResult | undefined {
    const ip = r.ip ? ipOf(r.ip) : undefined;
    const v6 = ip?.family === 6;
    const tpl = this.template(c, s, v6, ip);
    return tpl && fillTemplate(tpl, r.id, r.id, label(r), r.ip ?? s.cidr);
  }

  /** The key of the template a resource's path comes from, or null when it is computed alone. */
  templateKeyOf(c: Cluster, r: Resource): string | null {
    const s = this.ix.subnet(r.subnet);
    if (!s) return null;
    const ip = r.ip ? ipOf(r.ip) : undefined;
    const v6 = ip?.family === 6;
    return this.template(c, s, v6, ip) ? (v6 ? `${s.id}\u0000v6` : s.id) : null;
  }

  /** Evaluates a flow and says what it read, so that an edit elsewhere can keep it. */
  tracked(f: Flow): { path: PathResult; deps: PathDeps } {
    const outerReads = this.router.reads;
    const outerRanges = this.rangesRead;
    const reads = { vpcs: new Set<string>(), ccns: new Set<string>() };
    this.router.reads = reads;
    this.rangesRead = [];
    const path = this.flow(f);
    const deps: PathDeps = { vpcs: reads.vpcs, ccns: reads.ccns, ranges: this.rangesRead };
    this.router.reads = outerReads;
    this.rangesRead = outerRanges;
    return { path, deps };
  }

  /** The path to a stand-in resource of the subnet, or undefined when its addresses differ. */
  private template(c: Cluster, s: Subnet, v6: boolean, ip: Cidr | undefined): Template | undefined {
    let mine = this.templates.get(c.id);
    if (!mine) this.templates.set(c.id, (mine = new Map<string, Template | null>()));
    const key = v6 ? `${s.id}\u0000v6` : s.id;
    let tpl = mine.get(key);
    if (tpl === undefined) {
      const text = v6 ? s.ipv6Cidr : s.cidr;
      const range = text ? cidrOf(text) : undefined;
      if (!range || !this.isUniform(s.id, v6, range)) {
        tpl = null;
      } else {
        const stand: Resource = { id: MARK_ID, name: MARK_NAME, kind: 'other', subnet: s.id };
        const outerReads = this.router.reads;
        const outerRanges = this.rangesRead;
        const tracking = this.track || outerReads !== null;
        const reads = tracking ? { vpcs: new Set<string>(), ccns: new Set<string>() } : NO_READS;
        if (tracking) {
          this.router.reads = reads;
          this.rangesRead = [range];
        }
        const path = this.fromCluster(c, MARK_ID, [
          {
            kind: 'resource',
            resource: stand,
            subnet: s,
            vpc: s.vpc,
            cidr: range,
            text: MARK_ADDR,
          },
        ]);
        tpl = compileTemplate(path, range, {
          vpcs: reads.vpcs,
          ccns: reads.ccns,
          ranges: this.rangesRead ?? [range],
        });
        if (this.track) this.noteReads(c.id, key, tpl.deps, range);
        // A template read inside a tracked evaluation counts for it too.
        if (outerReads) {
          for (const v of reads.vpcs) outerReads.vpcs.add(v);
          for (const x of reads.ccns) outerReads.ccns.add(x);
        }
        if (this.rangesRead) outerRanges?.push(...this.rangesRead);
        this.router.reads = outerReads;
        this.rangesRead = outerRanges;
      }
      mine.set(key, tpl);
    }
    if (tpl === null) return undefined;
    // A tracked evaluation that reads a template computed earlier depends on what it read.
    if (this.router.reads) {
      for (const v of tpl.deps.vpcs) this.router.reads.vpcs.add(v);
      for (const x of tpl.deps.ccns) this.router.reads.ccns.add(x);
      this.rangesRead?.push(...tpl.deps.ranges);
    }
    // A resource whose address is not in its subnet (a finding of its own) is evaluated alone.
    if (ip && !contains(tpl.range, ip)) return undefined;
    return tpl;
  }

  /**
   * The default paths of one cluster: to every resource, every other cluster, every IDC and the
   * internet, in that order. Resources are taken subnet by subnet from the templates.
   */
  clusterDefaults(c: Cluster): PathResult[] {
    const plan = this.ix.plan;
    const out: PathResult[] = [];
    for (const r of plan.resources) {
      const s = this.ix.subnet(r.subnet);
      out.push((s && this.sharedResourcePath(c, r, s)) ?? this.flow({ from: c.id, to: r.id }));
    }
    for (const o of plan.clusters) if (o.id !== c.id) out.push(this.flow({ from: c.id, to: o.id }));
    for (const i of plan.idcs) out.push(this.flow({ from: c.id, to: i.id }));
    out.push(this.flow({ from: c.id, to: 'internet' }));
    return out;
  }

  /** A cluster's non-masquerade ranges, parsed once. */
  private masq(c: Cluster): { ranges: { cidr: Cidr; text: string }[]; text: string } {
    let m = this.masqCache.get(c.id);
    if (!m) {
      const texts = nonMasqueradeCidrs(c, this.ix.vpc(c.vpc));
      m = {
        ranges: texts.map((text) => ({ cidr: cidrOf(text), text })),
        text: texts.join(', ') || 'none',
      };
      this.masqCache.set(c.id, m);
    }
    return m;
  }

  /** Whether no range that routing looks at starts or ends strictly inside the subnet's range. */
  private isUniform(subnet: string, v6: boolean, range: Cidr): boolean {
    const cache = v6 ? this.uniform6 : this.uniform4;
    let u = cache.get(subnet);
    if (u === undefined) {
      this.boundaries ??= this.buildBoundaries();
      u =
        !this.boundaries.hasInside(range) &&
        !this.extraBoundaries.some((x) => strictlyInside(x, range));
      cache.set(subnet, u);
    }
    return u;
  }

  /**
   * Forgets what an edit made stale, and says which templates of which clusters went with it.
   * Uniformity is only ever revised towards "not uniform" here (a removed boundary may leave a
   * subnet that could share a template computed one resource at a time): slower, never wrong.
   */
  invalidate(c: PathChanges): Map<string, Set<string>> {
    for (const v of c.subnetVpcs) this.subnetIndexes.delete(v);
    if (c.subnetVpcs.size > 0) this.subnetsIndex = undefined;
    if (c.held) this.heldIndex = undefined;
    for (const id of c.clusters) this.masqCache.delete(id);
    for (const id of c.ids) this.masqCache.delete(id);
    for (const v of c.vpcs) for (const k of this.ix.clustersOf(v)) this.masqCache.delete(k.id);
    if (c.ranges.length > 0) {
      this.extraBoundaries.push(...c.ranges);
      if (this.extraBoundaries.length > 256) {
        this.boundaries = undefined;
        this.extraBoundaries = [];
      }
      // A subnet stops being uniform when a changed range now lies strictly inside it.
      for (const x of c.ranges) {
        for (const { value: s } of this.allSubnets().containing(x)) {
          const v6 = x.family === 6;
          const text = v6 ? s.ipv6Cidr : s.cidr;
          if (text && strictlyInside(x, cidrOf(text)))
            (v6 ? this.uniform6 : this.uniform4).set(s.id, false);
        }
      }
    }
    for (const id of c.ids) {
      this.uniform4.delete(id);
      this.uniform6.delete(id);
    }
    const dropped = new Map<string, Set<string>>();
    // Candidates from the indexes of what templates read; each is then checked in full.
    const touched = new Set<string>();
    for (const x of c.ranges)
      for (const { value: s } of this.allSubnets().overlapping(x)) touched.add(s.id);
    for (const id of c.ids) touched.add(id);
    for (const [cluster, mine] of this.templates) {
      const gone = new Set<string>();
      const reads = this.readsIndex.get(cluster);
      if (c.clusters.has(cluster)) {
        for (const k of mine.keys()) gone.add(k);
        mine.clear();
        this.readsIndex.delete(cluster);
      } else {
        const candidates = new Set<string>();
        for (const id of touched) {
          candidates.add(id);
          candidates.add(`${id}\u0000v6`);
        }
        if (reads) {
          for (const v of c.vpcs) for (const k of reads.vpcs.get(v) ?? []) candidates.add(k);
          for (const x of c.ccns) for (const k of reads.ccns.get(x) ?? []) candidates.add(k);
          for (const [, entry] of reads.src) {
            if (c.ranges.some((x) => overlaps(x, entry.cidr)))
              for (const k of entry.keys) candidates.add(k);
          }
        }
        for (const k of candidates) {
          if (!mine.has(k)) continue;
          const t = mine.get(k)!;
          const subnet = k.endsWith('\u0000v6') ? k.slice(0, -3) : k;
          if (c.ids.has(subnet) || (t !== null && depsAffected(t.deps, c))) {
            gone.add(k);
            mine.delete(k);
          }
        }
      }
      if (gone.size > 0) dropped.set(cluster, gone);
    }
    return dropped;
  }

  /** Indexes what a template read, so an edit finds the templates it touches without a scan. */
  private noteReads(cluster: string, key: string, deps: PathDeps, own: Cidr): void {
    let r = this.readsIndex.get(cluster);
    if (!r)
      this.readsIndex.set(cluster, (r = { vpcs: new Map(), ccns: new Map(), src: new Map() }));
    const add = (m: Map<string, Set<string>>, k: string) => {
      let set = m.get(k);
      if (!set) m.set(k, (set = new Set()));
      set.add(key);
    };
    for (const v of deps.vpcs) add(r.vpcs, v);
    for (const x of deps.ccns) add(r.ccns, x);
    // Ranges a template read other than its own subnet's: the source addresses.
    for (const x of deps.ranges) {
      if (x.family === own.family && x.lo === own.lo && x.prefix === own.prefix) continue;
      const k = `${x.family}:${x.lo}/${x.prefix}`;
      let e = r.src.get(k);
      if (!e) r.src.set(k, (e = { cidr: x, keys: new Set() }));
      e.keys.add(key);
    }
  }

  private buildBoundaries(): RangeIndex<null> {
    const p = this.ix.plan;
    const texts: string[] = [];
    for (const v of p.vpcs) texts.push(...vpcCidrTexts(v));
    for (const s of p.subnets) texts.push(s.cidr, ...(s.ipv6Cidr ? [s.ipv6Cidr] : []));
    for (const c of p.clusters)
      texts.push(...(c.containerCidr ? [c.containerCidr] : []), ...(c.nonMasqueradeCidrs ?? []));
    for (const t of p.routeTables) for (const r of t.routes) texts.push(r.destination);
    for (const d of p.idcs) texts.push(...d.cidrs);
    return new RangeIndex(texts.map((t) => [cidrOf(t), null] as const));
  }

  private legs(to: string): Leg[] {
    const ix = this.ix;
    if (to === 'internet') return [{ kind: 'internet' }];
    const r = ix.resource(to);
    if (r) {
      const subnet = ix.subnet(r.subnet);
      if (!subnet) return [];
      const text = r.ip ?? subnet.cidr;
      return [
        {
          kind: 'resource',
          resource: r,
          subnet,
          vpc: subnet.vpc,
          cidr: r.ip ? ipOf(r.ip) : cidrOf(subnet.cidr),
          text,
        },
      ];
    }
    const c = ix.cluster(to);
    if (c) {
      if (clusterMode(c) === 'vpc-cni' && (c.podSubnets?.length ?? 0) > 0) {
        return (c.podSubnets ?? [])
          .map((id) => ix.subnet(id))
          .filter((s) => s !== undefined)
          .map((s) => ({
            kind: 'pods',
            cluster: c,
            vpc: c.vpc,
            subnet: s,
            cidr: cidrOf(s.cidr),
            text: s.cidr,
          }));
      }
      if (c.containerCidr) {
        return [
          {
            kind: 'pods',
            cluster: c,
            vpc: c.vpc,
            cidr: cidrOf(c.containerCidr),
            text: c.containerCidr,
          },
        ];
      }
      return [];
    }
    const idc = ix.idc(to);
    if (idc) return idc.cidrs.map((text) => ({ kind: 'idc', idc, cidr: cidrOf(text), text }));
    return [{ kind: 'address', cidr: ipOf(to), text: to }];
  }

  // ---- sources -------------------------------------------------------------------------------

  private fromCluster(c: Cluster, to: string, legs: Leg[]): PathResult {
    const ix = this.ix;
    const nodeSubnets = (c.nodeSubnets ?? [])
      .map((id) => ix.subnet(id))
      .filter((s) => s !== undefined);
    const base = { from: c.id, to };
    if (nodeSubnets.length === 0) {
      return result(base, {
        verdict: 'unreachable',
        hops: [c.id],
        reason: 'NO_ROUTE',
        message: `${label(c)} has no node subnet, so its pods have no network`,
      });
    }
    if (legs.length === 0) {
      return result(base, {
        verdict: 'unreachable',
        hops: [c.id],
        reason: 'NO_ROUTE',
        message: `${to} has no address to reach`,
      });
    }
    let worst: PathResult | undefined;
    for (const leg of legs) {
      const results = this.clusterLeg(c, nodeSubnets, to, leg);
      for (const r of results) if (!worst || RANK[r.verdict] > RANK[worst.verdict]) worst = r;
    }
    return worst!;
  }

  private keepsPodIp(c: Cluster, leg: RangeLeg): string | undefined {
    const ix = this.ix;
    if (leg.cidr.family !== 4) return undefined;
    if (leg.kind === 'pods' && leg.cluster.id === c.id) return 'a pod of the same cluster';
    if (leg.kind === 'address' && c.containerCidr && contains(cidrOf(c.containerCidr), leg.cidr)) {
      return 'a pod of the same cluster';
    }
    for (const id of c.podSubnets ?? []) {
      const s = ix.subnet(id);
      if (s && contains(cidrOf(s.cidr), leg.cidr)) return 'a pod of the same cluster';
    }
    for (const id of c.nodeSubnets ?? []) {
      const s = ix.subnet(id);
      if (s && contains(cidrOf(s.cidr), leg.cidr))
        return `a node of the cluster (node subnet ${label(s)})`;
    }
    const vpc = ix.vpc(c.vpc);
    for (const { cidr, text: t } of this.masq(c).ranges) {
      if (contains(cidr, leg.cidr)) {
        const what =
          t === vpc?.cidr && !c.nonMasqueradeCidrs ? `VPC ${label(vpc)}'s primary CIDR ${t}` : t;
        return `inside ${what}, a non-masquerade range`;
      }
    }
    return undefined;
  }

  private clusterLeg(c: Cluster, nodeSubnets: Subnet[], to: string, leg: Leg): PathResult[] {
    const ix = this.ix;
    const base = { from: c.id, to };
    if (leg.kind === 'internet') {
      return nodeSubnets.map((n) => {
        this.rangesRead?.push(V4_ALL);
        const nat = this.router.natDefault(n.vpc, n.routeTable);
        if (nat) {
          return result(base, {
            verdict: 'snat' as const,
            hops: [c.id, n.id, nat, 'internet'],
            reason: null,
            message: `Pods are SNATed to their node's IP in ${label(n)} (${n.cidr}), then leave through NAT gateway ${label(ix.nat(nat))}, the default route of ${label(n)}`,
            snatTo: nat,
          });
        }
        if (c.nodePublicIp) {
          return result(base, {
            verdict: 'snat' as const,
            hops: [c.id, n.id, 'internet'],
            reason: null,
            message: `Pods are SNATed to their node's IP in ${label(n)} (${n.cidr}) and leave through the nodes' public IPs`,
            snatTo: n.cidr,
          });
        }
        return result(base, {
          verdict: 'unreachable' as const,
          hops: [c.id, n.id],
          reason: 'NO_INTERNET_EGRESS' as const,
          message: `Node subnet ${label(n)} has no default route to a NAT gateway and the nodes have no public IP: add a NAT gateway and a 0.0.0.0/0 route to it, or give the nodes public IPs`,
        });
      });
    }
    const keep = this.keepsPodIp(c, leg);
    const out: PathResult[] = [];
    if (keep) {
      const podSubnets =
        clusterMode(c) === 'vpc-cni'
          ? (c.podSubnets ?? []).map((id) => ix.subnet(id)).filter((s) => s !== undefined)
          : [];
      if (podSubnets.length > 0) {
        for (const p of podSubnets) {
          out.push(
            this.finish(
              base,
              c.id,
              {
                id: c.id,
                vpc: p.vpc,
                origin: p,
                address: cidrOf(p.cidr),
                addressText: p.cidr,
                isContainer: false,
                cluster: c.id,
              },
              leg,
              'direct',
              keep,
            ),
          );
        }
        return out;
      }
      if (!c.containerCidr) {
        return [
          result(base, {
            verdict: 'unreachable',
            hops: [c.id],
            reason: 'NO_ROUTE',
            message: `${label(c)} has no container CIDR, so its pods have no addresses`,
          }),
        ];
      }
      for (const n of nodeSubnets) {
        out.push(
          this.finish(
            base,
            c.id,
            {
              id: c.id,
              vpc: n.vpc,
              origin: n,
              address: cidrOf(c.containerCidr),
              addressText: c.containerCidr,
              isContainer: true,
              cluster: c.id,
            },
            leg,
            'direct',
            keep,
          ),
        );
      }
      return out;
    }
    for (const n of nodeSubnets) {
      const addressText = leg.cidr.family === 6 ? n.ipv6Cidr : n.cidr;
      if (!addressText) {
        out.push(
          result(base, {
            verdict: 'unreachable',
            hops: [c.id, n.id],
            reason: 'NO_ROUTE',
            message: `Node subnet ${label(n)} has no IPv6 range, so pods cannot reach ${leg.text}`,
          }),
        );
        continue;
      }
      // The ranges themselves are left out: they change with the container CIDR, and every
      // path would have to be told again.
      const why = `${legName(ix, leg)} ${verbFor(leg)} outside the cluster's non-masquerade ranges`;
      out.push(
        this.finish(
          base,
          c.id,
          {
            id: c.id,
            vpc: n.vpc,
            origin: n,
            address: cidrOf(addressText),
            addressText,
            isContainer: false,
            cluster: c.id,
          },
          leg,
          'snat',
          why,
        ),
      );
    }
    return out;
  }

  private fromResource(r: Resource, to: string, legs: Leg[]): PathResult {
    const ix = this.ix;
    const s = ix.subnet(r.subnet);
    const base = { from: r.id, to };
    if (!s || legs.length === 0) {
      return result(base, {
        verdict: 'unreachable',
        hops: [r.id],
        reason: 'NO_ROUTE',
        message: `${to} has no address to reach`,
      });
    }
    let worst: PathResult | undefined;
    for (const leg of legs) {
      let res: PathResult;
      if (leg.kind === 'internet') {
        this.rangesRead?.push(V4_ALL);
        const nat = this.router.natDefault(s.vpc, s.routeTable);
        res = nat
          ? result(base, {
              verdict: 'snat',
              hops: [r.id, s.id, nat, 'internet'],
              reason: null,
              message: `${label(r)} reaches the internet through NAT gateway ${label(ix.nat(nat))}, the default route of ${label(s)}`,
              snatTo: nat,
            })
          : result(base, {
              verdict: 'unreachable',
              hops: [r.id, s.id],
              reason: 'NO_INTERNET_EGRESS',
              message: `Subnet ${label(s)} has no default route to a NAT gateway: add a NAT gateway and a 0.0.0.0/0 route to it`,
            });
      } else {
        const own = r.ip ? ipOf(r.ip) : undefined;
        const addressText =
          own && own.family === leg.cidr.family
            ? r.ip!
            : leg.cidr.family === 6
              ? s.ipv6Cidr
              : s.cidr;
        if (!addressText) {
          res = result(base, {
            verdict: 'unreachable',
            hops: [r.id, s.id],
            reason: 'NO_ROUTE',
            message: `Subnet ${label(s)} has no IPv6 range`,
          });
        } else {
          const address = addressText === r.ip ? own! : cidrOf(addressText);
          res = this.finish(
            base,
            r.id,
            { id: r.id, vpc: s.vpc, origin: s, address, addressText, isContainer: false },
            leg,
            'direct',
            `${label(r)} keeps its own address ${addressText}`,
          );
        }
      }
      if (!worst || RANK[res.verdict] > RANK[worst.verdict]) worst = res;
    }
    return worst!;
  }

  /** Forward, then back: the verdict for one origin and one leg. */
  private finish(
    base: { from: string; to: string },
    first: string,
    src: Source,
    leg: RangeLeg,
    verdict: 'direct' | 'snat',
    why: string,
  ): PathResult {
    const r = this.finishRaw(base, first, src, leg, verdict, why);
    // A destination in the source's own subnet would otherwise be named twice in a row.
    const hops = r.hops.filter((h, i) => i === 0 || h !== r.hops[i - 1]);
    return hops.length === r.hops.length
      ? r
      : result(r, {
          verdict: r.verdict,
          hops,
          reason: r.reason,
          message: r.message,
          ...(r.snatTo !== undefined ? { snatTo: r.snatTo } : {}),
        });
  }

  private finishRaw(
    base: { from: string; to: string },
    first: string,
    src: Source,
    leg: RangeLeg,
    verdict: 'direct' | 'snat',
    why: string,
  ): PathResult {
    this.rangesRead?.push(leg.cidr, src.address);
    const fwd = this.forward(src, leg);
    const start = first === src.origin.id ? [first] : [first, src.origin.id];
    if (!fwd.ok) {
      return result(base, {
        verdict: 'unreachable',
        hops: [...start, ...fwd.hops],
        reason: fwd.reason,
        message: fwd.message,
      });
    }
    const hops = [...start, ...fwd.hops];
    if (fwd.nat) {
      return result(base, {
        verdict: 'snat',
        hops,
        reason: null,
        message: `${leg.text} is on the internet: traffic leaves through NAT gateway ${label(this.ix.nat(fwd.nat))}`,
        snatTo: fwd.nat,
      });
    }
    const back = this.returns(fwd.far, src);
    if (back !== true) {
      return result(base, {
        verdict: 'unreachable',
        hops,
        reason: 'NO_RETURN_ROUTE',
        message: back,
      });
    }
    const route = fwd.via.length > 0 ? `; through ${fwd.via.join(', ')} and back` : '';
    if (verdict === 'direct') {
      const kept =
        first === src.id && this.ix.resource(first)
          ? why
          : `Pod IPs are kept: ${leg.kind === 'address' && fwd.holder ? `${leg.text} (${fwd.holder})` : legName(this.ix, leg)} ${verbFor(leg)} ${why}`;
      return result(base, { verdict, hops, reason: null, message: kept + route });
    }
    return result(base, {
      verdict,
      hops,
      reason: null,
      message: `Pods are SNATed to their node's IP (${label(src.origin)}, ${src.addressText}): ${why}${route}`,
      snatTo: src.addressText,
    });
  }

  // ---- forwarding ----------------------------------------------------------------------------

  /** Every subnet of the plan by range (for what an edit makes non-uniform). */
  private allSubnets(): RangeIndex<Subnet> {
    if (!this.subnetsIndex) {
      const entries: Array<[Cidr, Subnet]> = [];
      for (const s of this.ix.plan.subnets) {
        entries.push([cidrOf(s.cidr), s]);
        if (s.ipv6Cidr) entries.push([cidrOf(s.ipv6Cidr), s]);
      }
      this.subnetsIndex = new RangeIndex(entries);
    }
    return this.subnetsIndex;
  }

  private subnetIndex(vpcId: string): RangeIndex<Subnet> {
    let idx = this.subnetIndexes.get(vpcId);
    if (!idx) {
      const entries: Array<[Cidr, Subnet]> = [];
      for (const s of this.ix.subnetsOf(vpcId)) {
        entries.push([cidrOf(s.cidr), s]);
        if (s.ipv6Cidr) entries.push([cidrOf(s.ipv6Cidr), s]);
      }
      idx = new RangeIndex(entries);
      this.subnetIndexes.set(vpcId, idx);
    }
    return idx;
  }

  /** Is the address anywhere in the plan: a VPC, a container network or an IDC. */
  private held(c: Cidr): string | undefined {
    if (!this.heldIndex) {
      const entries: Array<[Cidr, string]> = [];
      for (const v of this.ix.plan.vpcs)
        for (const t of vpcCidrTexts(v)) entries.push([cidrOf(t), v.id]);
      for (const k of this.ix.plan.clusters)
        if (k.containerCidr) entries.push([cidrOf(k.containerCidr), k.id]);
      for (const i of this.ix.plan.idcs) for (const t of i.cidrs) entries.push([cidrOf(t), i.id]);
      this.heldIndex = new RangeIndex(entries);
    }
    return this.heldIndex.deepestValue(c);
  }

  private tablesOfLeg(leg: Leg, vpc: string, subnet: Subnet | undefined): (string | undefined)[] {
    if (leg.kind === 'pods' && !leg.subnet) {
      // A GlobalRouter pod replies from its node: the node subnets' tables decide.
      const tables = (leg.cluster.nodeSubnets ?? [])
        .map((id) => this.ix.subnet(id))
        .filter((s) => s?.vpc === vpc)
        .map((s) => s!.routeTable);
      return tables.length > 0 ? tables : [undefined];
    }
    return [subnet?.routeTable];
  }

  /** The packet for `leg` has reached VPC `vpc`: its Local and container routes take it, or nothing does. */
  private arrive(
    vpc: string,
    leg: RangeLeg,
    hops: string[],
    via: string[],
    viaPeering: string | undefined,
  ): Forward {
    const ix = this.ix;
    const v = ix.vpc(vpc);
    const inLocal = ix.vpcCidrs(vpc).some((x) => contains(x, leg.cidr));
    if (inLocal) {
      this.router.reads?.vpcs.add(vpc);
      const subnet = this.subnetIndex(vpc).deepestValue(leg.cidr);
      if (leg.kind === 'resource') {
        if (leg.vpc === vpc && subnet?.id === leg.subnet.id) {
          return {
            ok: true,
            hops: [...hops, leg.subnet.id, leg.resource.id],
            far: { kind: 'vpc', vpc, tables: [leg.subnet.routeTable] },
            via,
          };
        }
      } else if (leg.kind === 'pods') {
        if (leg.vpc === vpc && leg.subnet && subnet?.id === leg.subnet.id) {
          return {
            ok: true,
            hops: [...hops, leg.subnet.id, leg.cluster.id],
            far: { kind: 'vpc', vpc, tables: [leg.subnet.routeTable] },
            via,
          };
        }
      } else if (leg.kind === 'address') {
        if (!subnet)
          return fail(
            'NO_ROUTE',
            [...hops],
            `${leg.text} is inside VPC ${label(v)} but no subnet there holds it`,
          );
        const res =
          leg.cidr.prefix === 32 || leg.cidr.prefix === 128
            ? ix.resourcesIn(subnet.id).find((r) => r.ip && contains(ipOf(r.ip), leg.cidr))
            : undefined;
        return {
          ok: true,
          hops: [...hops, subnet.id, leg.text],
          far: { kind: 'vpc', vpc, tables: [subnet.routeTable] },
          holder: res ? label(res) : `subnet ${label(subnet)}`,
          via,
        };
      }
      return fail(
        'NO_ROUTE',
        [...hops],
        `${legName(ix, leg)} falls inside VPC ${label(v)}'s own range, so the Local route keeps it there: ${leg.kind === 'idc' ? 'the IDC overlaps the VPC' : 'the networks overlap'}`,
      );
    }
    const container = ix
      .clustersOf(vpc)
      .find((k) => k.containerCidr && contains(cidrOf(k.containerCidr), leg.cidr));
    if (container) {
      if ((leg.kind === 'pods' && leg.cluster.id === container.id) || leg.kind === 'address') {
        return {
          ok: true,
          hops:
            leg.kind === 'address' ? [...hops, container.id, leg.text] : [...hops, container.id],
          far: {
            kind: 'vpc',
            vpc,
            tables: this.tablesOfLeg(
              { kind: 'pods', cluster: container, vpc, cidr: leg.cidr, text: leg.text },
              vpc,
              undefined,
            ),
          },
          holder: `a pod of ${label(container)}`,
          via,
        };
      }
      return fail(
        'SHADOWED_BY_CLUSTER_CIDR',
        [...hops],
        `${legName(ix, leg)} is inside the container CIDR ${container.containerCidr} of ${label(container)} in VPC ${label(v)}, so it is forwarded to the containers instead`,
      );
    }
    if (viaPeering !== undefined) {
      return fail(
        'PEERING_NOT_TRANSITIVE',
        [...hops, vpc],
        `The route leads through peering ${label(ix.peering(viaPeering))} to VPC ${label(v)}, which does not hold ${legName(ix, leg)}: peering is not transitive`,
      );
    }
    return fail('NO_ROUTE', [...hops], `VPC ${label(v)} does not hold ${legName(ix, leg)}`);
  }

  private forward(src: Source, leg: RangeLeg): Forward {
    const ix = this.ix;
    const router = this.router;
    const vpc = src.vpc;
    const match = router.lookup(vpc, src.origin.routeTable, leg.cidr);
    const result = this.follow(src, leg, match);
    if (result.ok) return result;
    const disabled = router.disabledFor(vpc, leg.cidr);
    if (disabled) {
      const owner = legOwnerVpc(leg);
      const belongs =
        leg.kind === 'idc'
          ? disabled.idc === leg.idc.id
          : owner === undefined
            ? leg.kind === 'address'
            : disabled.vpc === owner;
      const outranked =
        match === undefined ||
        match.origin === 'ccn' ||
        (match.origin === 'custom' &&
          (match.target.kind === 'ccn' || match.cidr.prefix < disabled.cidr.prefix));
      if (belongs && outranked) {
        return fail(
          'CCN_ROUTE_DISABLED',
          result.hops,
          `CCN ${label(ix.ccn(disabled.ccn))} disabled the route ${disabled.text} of ${label(ix.byId.get(disabled.attachment)?.object)} ` +
            `because it conflicts with a route published earlier, so traffic to ${legName(ix, leg)} goes elsewhere or nowhere`,
        );
      }
    }
    return result;
  }

  private follow(src: Source, leg: RangeLeg, match: Match | undefined): Forward {
    const ix = this.ix;
    const vpc = src.vpc;
    const here = ix.vpc(vpc);
    const table = ix.routeTable(src.origin.routeTable);
    const tableName = table
      ? `route table ${label(table)}`
      : `the default route table of VPC ${label(here)}`;
    if (!match) {
      if (
        leg.kind === 'address' &&
        !isPrivate(leg.cidr) &&
        leg.cidr.family === 4 &&
        !this.held(leg.cidr)
      ) {
        const c = ix.cluster(src.cluster);
        if (c?.nodePublicIp && !src.isContainer) {
          return {
            ok: true,
            hops: [leg.text],
            far: { kind: 'none' },
            via: ["the nodes' public IPs"],
          };
        }
        return fail(
          'NO_INTERNET_EGRESS',
          [],
          `${leg.text} is on the internet, and ${label(src.origin)} has no default route to a NAT gateway`,
        );
      }
      return fail(
        'NO_ROUTE',
        [],
        `No route in ${tableName} leads to ${legName(ix, leg)}: add one through the peering, CCN or gateway that reaches it`,
      );
    }
    const t = match.target;
    switch (t.kind) {
      case 'local':
      case 'container':
        return this.arrive(vpc, leg, [], [], undefined);
      case 'nat':
        if (leg.kind === 'address' && !isPrivate(leg.cidr) && !this.held(leg.cidr)) {
          return { ok: true, hops: [t.id, leg.text], far: { kind: 'none' }, nat: t.id, via: [] };
        }
        return fail(
          'NO_ROUTE',
          [t.id],
          `The route ${match.text} in ${tableName} sends ${legName(ix, leg)} to NAT gateway ${label(ix.nat(t.id))}, which only reaches the internet`,
        );
      case 'peering': {
        const owner = legOwnerVpc(leg);
        const peer = ix.vpc(t.peer);
        // Every answer below names the peer: a path depends on it even when it stops here.
        this.router.reads?.vpcs.add(t.peer);
        if ((owner !== undefined && owner !== t.peer) || leg.kind === 'idc') {
          return fail(
            'PEERING_NOT_TRANSITIVE',
            [t.id, t.peer],
            `The route ${match.text} leads through peering ${label(ix.peering(t.id))} to VPC ${label(peer)}, which is not where ${legName(ix, leg)} is: peering is not transitive`,
          );
        }
        if (leg.kind === 'address') {
          const inPeer =
            ix.vpcCidrs(t.peer).some((x) => contains(x, leg.cidr)) ||
            ix
              .clustersOf(t.peer)
              .some((k) => k.containerCidr && contains(cidrOf(k.containerCidr), leg.cidr));
          if (!inPeer) {
            return this.held(leg.cidr)
              ? fail(
                  'PEERING_NOT_TRANSITIVE',
                  [t.id, t.peer],
                  `The route ${match.text} leads through peering ${label(ix.peering(t.id))} to VPC ${label(peer)}, which does not hold ${leg.text}: peering is not transitive`,
                )
              : fail(
                  'NO_ROUTE',
                  [t.id],
                  `The route ${match.text} leads through peering ${label(ix.peering(t.id))} to VPC ${label(peer)}, which does not hold ${leg.text}`,
                );
          }
        }
        return this.arrive(t.peer, leg, [t.id], [`peering ${label(ix.peering(t.id))}`], t.id);
      }
      case 'ccn':
      case 'learned': {
        const pub =
          t.kind === 'learned'
            ? t.publication
            : this.router.learned(t.id, vpc, leg.cidr, 'enabled');
        const ccnName = label(ix.ccn(t.id));
        if (!pub)
          return fail('NO_ROUTE', [t.id], `CCN ${ccnName} has no route to ${legName(ix, leg)}`);
        if (pub.idc !== undefined)
          return this.reachIdc(ix.idc(pub.idc)!, leg, match.text, [t.id], [`CCN ${ccnName}`]);
        const owner = legOwnerVpc(leg);
        if (pub.vpc !== undefined) this.router.reads?.vpcs.add(pub.vpc);
        if (leg.kind === 'idc' || (owner !== undefined && owner !== pub.vpc)) {
          return fail(
            'NO_ROUTE',
            [t.id],
            `CCN ${ccnName} carries ${match.text} to VPC ${label(ix.vpc(pub.vpc))}, not to ${legName(ix, leg)}`,
          );
        }
        return this.arrive(pub.vpc!, leg, [t.id], [`CCN ${ccnName}`], undefined);
      }
      case 'idc': {
        const idc = ix.idc(t.id)!;
        if (idc.vpc === vpc) return this.reachIdc(idc, leg, match.text, [], []);
        // A route to an IDC of no link of this VPC's goes through a CCN both are attached to.
        const shared = ix.ccnsOf(idc.id).find((x) => x.attachments.includes(vpc));
        if (shared) this.router.reads?.ccns.add(shared.id);
        return shared
          ? this.reachIdc(idc, leg, match.text, [shared.id], [`CCN ${label(shared)}`])
          : this.reachIdc(idc, leg, match.text, [], []);
      }
      case 'cvm': {
        const cvm = ix.resource(t.id)!;
        return {
          ok: true,
          hops: [cvm.id, ...(leg.kind === 'address' ? [leg.text] : [])],
          far: { kind: 'none' },
          via: [`CVM ${label(cvm)} as next hop`],
          holder: `forwarded by CVM ${label(cvm)}`,
        };
      }
    }
  }

  /** The packet for `leg` was sent to IDC `idc` by the route `route`, after `hops`. */
  private reachIdc(idc: Idc, leg: RangeLeg, route: string, hops: string[], via: string[]): Forward {
    const holds = idc.cidrs.some((x) => contains(cidrOf(x), leg.cidr));
    if ((leg.kind === 'idc' && leg.idc.id === idc.id) || (leg.kind === 'address' && holds)) {
      return {
        ok: true,
        hops: leg.kind === 'address' ? [...hops, idc.id, leg.text] : [...hops, idc.id],
        far: { kind: 'idc', idc },
        via: [
          ...via,
          `${idc.link === 'direct-connect' ? 'Direct Connect' : 'VPN'} to IDC ${label(idc)}`,
        ],
        holder: `IDC ${label(idc)}`,
      };
    }
    return fail(
      'NO_ROUTE',
      [...hops, idc.id],
      `The route ${route} sends ${legName(this.ix, leg)} to IDC ${label(idc)}, which does not hold it`,
    );
  }

  /**
   * Whether the IDC routes the source address back and has a way to its VPC: its own link, or a
   * CCN that publishes the address from that VPC. By default an IDC routes back its VPC's
   * primary CIDR and what its CCNs publish (rules.md, "IDCs attached to a CCN").
   */
  private idcReturns(idc: Idc, src: Source): true | string {
    const ix = this.ix;
    const explicit = idc.returnRoutes;
    const listed = explicit?.some((r) => contains(cidrOf(r), src.address)) ?? false;
    if (idc.vpc === src.vpc) {
      const primary = ix.vpc(idc.vpc)?.cidr;
      if (explicit ? listed : primary !== undefined && contains(cidrOf(primary), src.address))
        return true;
    }
    const ccns = ix.ccnsOf(idc.id);
    for (const c of ccns) {
      const pub = this.router.publication(c.id, src.address, (p) => p.attachment !== idc.id);
      if (pub && pub.vpc === src.vpc && (explicit === undefined || listed)) return true;
    }
    const what = `${src.addressText}${src.isContainer ? ' (the pod addresses)' : ''}`;
    if (explicit)
      return `IDC ${label(idc)} routes back only ${explicit.join(', ') || 'nothing'}, not ${what}${listed ? `, and has no way back to VPC ${label(ix.vpc(src.vpc))}` : `: add ${src.addressText} to its return routes`}`;
    const own = idc.vpc !== undefined ? ix.vpc(idc.vpc) : undefined;
    const learns = [
      ...(own ? [`VPC ${label(own)}'s primary CIDR ${own.cidr}`] : []),
      ...ccns.map((c) => `what CCN ${label(c)} publishes`),
    ];
    return `IDC ${label(idc)} routes back ${learns.join(' and ') || 'nothing'}, not ${what}: add ${src.addressText} to its return routes${ccns.length > 0 ? ', or publish it on the CCN' : ''}`;
  }

  /** True when the far side routes the source address back to it, or why not. */
  private returns(far: Far, src: Source): true | string {
    const ix = this.ix;
    if (far.kind === 'none') return true;
    if (far.kind === 'idc') return this.idcReturns(far.idc, src);
    if (far.vpc === src.vpc && src.isContainer) {
      // Local comes first both ways: a reply to a pod address inside the VPC's range is kept
      // by the Local route, even where the container route would cover the rest.
      const local = ix
        .vpcCidrs(far.vpc)
        .find((x) => x.family === src.address.family && overlaps(x, src.address));
      if (local) {
        this.router.reads?.vpcs.add(far.vpc);
        const v = ix.vpc(far.vpc);
        return `The pod addresses ${src.addressText} overlap VPC ${label(v)}'s own range, so replies to them follow the Local route and never reach the pods: move the container CIDR out of the VPC`;
      }
    }
    for (const table of far.tables) {
      const m = this.router.lookup(far.vpc, table, src.address);
      if (this.leadsBack(far.vpc, m, src)) continue;
      const v = ix.vpc(far.vpc);
      const rt = ix.routeTable(table);
      const where = rt ? `route table ${label(rt)} of VPC ${label(v)}` : `VPC ${label(v)}`;
      const what = src.isContainer
        ? `the pod addresses ${src.addressText}`
        : src.cluster
          ? `the node subnet ${src.addressText}`
          : src.addressText;
      return `${where} has no route back to ${what}${m ? ` (it sends them to ${m.origin === 'local' ? 'its own Local route' : m.target.kind === 'container' ? 'its containers' : m.text})` : ''}: add a route to ${src.addressText} through the way the traffic came`;
    }
    return true;
  }

  private leadsBack(farVpc: string, m: Match | undefined, src: Source): boolean {
    if (!m) return false;
    const t = m.target;
    switch (t.kind) {
      case 'local':
        return farVpc === src.vpc && !src.isContainer;
      case 'container':
        return farVpc === src.vpc && src.isContainer && t.cluster === src.cluster;
      case 'peering':
        return t.peer === src.vpc;
      case 'learned':
        return t.publication.vpc === src.vpc;
      case 'ccn':
        return this.router.learned(t.id, farVpc, src.address, 'enabled')?.vpc === src.vpc;
      case 'cvm':
        return true;
      default:
        return false;
    }
  }
}

/** The paths to evaluate when a plan lists none: each cluster to everything it may talk to. */
export function defaultFlows(
  ix: PlanIndex,
  clusters: readonly Cluster[] = ix.plan.clusters,
): Flow[] {
  const plan = ix.plan;
  const flows: Flow[] = [];
  for (const c of clusters) {
    for (const r of plan.resources) flows.push({ from: c.id, to: r.id });
    for (const o of plan.clusters) if (o.id !== c.id) flows.push({ from: c.id, to: o.id });
    for (const i of plan.idcs) flows.push({ from: c.id, to: i.id });
    flows.push({ from: c.id, to: 'internet' });
  }
  return flows;
}
