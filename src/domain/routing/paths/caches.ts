// What path evaluation looks up again and again, built on first use and dropped by an edit that
// changes it: subnets by range, who holds an address, a cluster's non-masquerade ranges, and
// whether a subnet's addresses all meet the same routes (so one template serves them all).
import { blockAt, cidrOf, contains, type Cidr } from '../../ip/cidr';
import { RangeIndex } from '../../ip/range-index';
import { nonMasqueradeCidrs } from '../../model/defaults';
import { vpcCidrTexts, type PlanIndex } from '../../model/plan-index';
import type { Cluster, Subnet } from '../../model/plan';
import type { PathChanges } from './deps';
import type { Template } from './templates';

export interface Masquerade {
  readonly ranges: readonly { cidr: Cidr; text: string }[];
  readonly text: string;
}

export function strictlyInside(inner: Cidr, outer: Cidr): boolean {
  return contains(outer, inner) && inner.prefix > outer.prefix;
}

function subnetEntries(subnets: Iterable<Subnet>): Array<[Cidr, Subnet]> {
  const entries: Array<[Cidr, Subnet]> = [];
  for (const s of subnets) {
    entries.push([cidrOf(s.cidr), s]);
    if (s.ipv6Cidr) entries.push([cidrOf(s.ipv6Cidr), s]);
  }
  return entries;
}

const timesOf = (times: number) => times;

/**
 * What is known of one subnet's range in one family: whether it is uniform, and its share key
 * (valid while `keyGen` is the caches' generation). One record, so that a subnet's template
 * costs one lookup here, not a read and a write in a map for each.
 */
export interface SubnetFacts {
  uniform: boolean | undefined;
  key: number | null | undefined;
  keyGen: number;
  /** Untracked only: the template of the first cluster that asked (`PathEngine.templateOf`). */
  tplFor: string | undefined;
  tplGen: number;
  tpl: Template | null | undefined;
}

/**
 * Share keys as small numbers, one per distinct (VPC, route table, family and prefix, holding
 * range): maps nested in that order. A key text per subnet (20,000 at 100k) cost its building,
 * its hashing, and 7 MB that lived as long as the analysis.
 */
class ShareKeys {
  private readonly byVpc = new Map<
    string,
    Map<string, Map<number, Map<number | bigint, number>>>
  >();
  private next = 0;

  /** `shape`: family, prefix and the holding range's prefix in one number; `lo`: its first address. */
  of(vpc: string, table: string, shape: number, lo: number | bigint): number {
    let byTable = this.byVpc.get(vpc);
    if (!byTable)
      this.byVpc.set(vpc, (byTable = new Map<string, Map<number, Map<number | bigint, number>>>()));
    let byShape = byTable.get(table);
    if (!byShape) byTable.set(table, (byShape = new Map<number, Map<number | bigint, number>>()));
    let byLo = byShape.get(shape);
    if (!byLo) byShape.set(shape, (byLo = new Map<number | bigint, number>()));
    let k = byLo.get(lo);
    if (k === undefined) byLo.set(lo, (k = this.next++));
    return k;
  }
}

export class PathCaches {
  private readonly subnetIndexes = new Map<string, RangeIndex<Subnet>>();
  private heldIndex: RangeIndex<string> | undefined;
  private subnetsIndex: RangeIndex<Subnet> | undefined;
  /** Each range text once (a default route is in every table), with how often the plan has it. */
  private boundaries: RangeIndex<number> | undefined;
  /** Ranges added since `boundaries` was built: an index built once, patched with a short list. */
  private extraBoundaries: Cidr[] = [];
  private readonly facts4 = new Map<string, SubnetFacts>();
  private readonly facts6 = new Map<string, SubnetFacts>();
  /** Every edit forgets every share key: each fact's key counts only from this generation. */
  private keyGen = 0;
  private readonly shareKeys = new ShareKeys();
  private readonly masqCache = new Map<string, Masquerade>();

  constructor(private readonly ix: PlanIndex) {}

  /** A cluster's non-masquerade ranges, parsed once. */
  masq(c: Cluster): Masquerade {
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

  /** The record of what is known of a subnet's range in one family (`isUniform`, `shareKey`). */
  facts(subnet: string, v6: boolean): SubnetFacts {
    const cache = v6 ? this.facts6 : this.facts4;
    let f = cache.get(subnet);
    if (!f) {
      f = {
        uniform: undefined,
        key: undefined,
        keyGen: -1,
        tplFor: undefined,
        tplGen: -1,
        tpl: undefined,
      };
      cache.set(subnet, f);
    }
    return f;
  }

  /**
   * Whether no range that routing looks at starts or ends strictly inside the subnet's range
   * (`f`, from `facts`).
   */
  isUniform(f: SubnetFacts, range: Cidr): boolean {
    let u = f.uniform;
    if (u === undefined) {
      this.boundaries ??= this.buildBoundaries();
      u =
        !this.boundaries.hasInside(range) &&
        !this.extraBoundaries.some((x) => strictlyInside(x, range));
      f.uniform = u;
    }
    return u;
  }

  /**
   * What a uniform subnet's range meets, as a key, or undefined when it is its own. Every range
   * routing compares a destination with (VPC, subnet, container, non-masquerade, route, IDC and
   * so CCN-published ranges) either holds a uniform subnet or misses it; two subnets of one VPC
   * and route table held by the same ranges therefore meet the same routes, publications and
   * containers, and a path to one is the path to the other with the subnet swapped. A range
   * equal to the subnet's other than the subnet itself (a route to exactly it, a duplicate)
   * would be met by one alone: no key. Only for a plan as indexed (no edit since).
   */
  shareKey(f: SubnetFacts, s: Subnet, range: Cidr): number | undefined {
    if (this.extraBoundaries.length > 0) return undefined;
    let k = f.keyGen === this.keyGen ? f.key : undefined;
    if (k === undefined) {
      this.boundaries ??= this.buildBoundaries();
      // The most specific first: the subnet's own range, and any equal to it, before the rest.
      const own = this.boundaries.sumEqual(range, timesOf);
      // The ranges strictly holding it are those holding the block one bit wider; the most
      // specific of them names them all (the rest are the ranges holding it in turn).
      const up =
        own === 1 && range.prefix > 0
          ? this.boundaries.deepest(blockAt(range.family, range.lo, range.prefix - 1))?.cidr
          : undefined;
      // Family and prefix (0..128), and the holding range's prefix plus one (0: none).
      const shape =
        (range.family === 6 ? 1 : 0) | (range.prefix << 1) | ((up ? up.prefix + 1 : 0) << 9);
      k = own === 1 ? this.shareKeys.of(s.vpc, s.routeTable ?? '', shape, up ? up.lo : -1) : null;
      f.key = k;
      f.keyGen = this.keyGen;
    }
    return k ?? undefined;
  }

  /** Every subnet of the plan by range (for what an edit makes non-uniform). */
  allSubnets(): RangeIndex<Subnet> {
    this.subnetsIndex ??= new RangeIndex(subnetEntries(this.ix.plan.subnets));
    return this.subnetsIndex;
  }

  subnetIndex(vpcId: string): RangeIndex<Subnet> {
    let idx = this.subnetIndexes.get(vpcId);
    if (!idx) {
      idx = new RangeIndex(subnetEntries(this.ix.subnetsOf(vpcId)));
      this.subnetIndexes.set(vpcId, idx);
    }
    return idx;
  }

  /** Is the address anywhere in the plan: a VPC, a container network or an IDC. */
  held(c: Cidr): string | undefined {
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

  /**
   * Forgets what an edit made stale. Uniformity is only ever revised towards "not uniform" here
   * (a removed boundary may leave a subnet that could share a template computed one resource at
   * a time): slower, never wrong.
   */
  invalidate(c: PathChanges): void {
    this.keyGen++;
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
          if (text && strictlyInside(x, cidrOf(text))) this.facts(s.id, v6).uniform = false;
        }
      }
    }
    for (const id of c.ids) {
      this.facts4.delete(id);
      this.facts6.delete(id);
    }
  }

  private buildBoundaries(): RangeIndex<number> {
    const p = this.ix.plan;
    const times = new Map<string, number>();
    const add = (t: string) => times.set(t, (times.get(t) ?? 0) + 1);
    for (const v of p.vpcs) for (const t of vpcCidrTexts(v)) add(t);
    for (const s of p.subnets) {
      add(s.cidr);
      if (s.ipv6Cidr) add(s.ipv6Cidr);
    }
    for (const c of p.clusters) {
      if (c.containerCidr) add(c.containerCidr);
      for (const t of c.nonMasqueradeCidrs ?? []) add(t);
    }
    for (const t of p.routeTables) for (const r of t.routes) add(r.destination);
    for (const d of p.idcs) for (const t of d.cidrs) add(t);
    const entries: Array<[Cidr, number]> = [];
    // forEach, not for-of: no [text, times] pair allocated per range (27,000 at 100k).
    times.forEach((n, t) => entries.push([cidrOf(t), n]));
    return new RangeIndex(entries);
  }
}
