// The path engine: the evaluation functions (sources, forward, returns) over the plan's index
// and router, with the caching around them that makes a whole plan's paths affordable, and the
// bookkeeping that lets an edit keep what it did not touch.
import { cidrOf, holdsAddress, type Cidr } from '../../ip/cidr';
import { label } from '../../model/defaults';
import type { PlanIndex } from '../../model/plan-index';
import type { Cluster, Flow, Resource, Subnet } from '../../model/plan';
import type { ReadSet } from '../read-tracker';
import type { Router } from '../route-table';
import { PathCaches, type SubnetFacts } from './caches';
import type { PathChanges, PathDeps } from './deps';
import { legsTo } from './legs';
import { fromCluster, fromResource } from './sources';
import {
  compileTemplate,
  fillTemplate,
  MARK_ADDR,
  MARK_ID,
  MARK_NAME,
  namesSubnet,
  rebaseTemplate,
  subnetHopsOf,
  templateKey,
  TemplateStore,
  type Template,
} from './templates';
import type { Leg, PathContext, PathResult } from './types';

const NOTHING: ReadonlySet<string> = new Set<string>();

/** A template computed for one subnet, which other subnets of its share key take with theirs swapped in. */
interface SharedTemplate {
  readonly tpl: Template;
  /** Where its hops name the subnet it was computed for. */
  readonly subnetHops: readonly number[];
}

/** One cluster's templates by key, and the ones it shares by share key (untracked only). */
interface ClusterTemplates {
  readonly templates: Map<string, Template | null>;
  readonly shared: Map<number, SharedTemplate | null>;
}

/** An address is IPv6 exactly when it has a colon: `parseIp` tells the families apart so. */
const isV6 = (ip: string | undefined): boolean => ip !== undefined && ip.includes(':');

export class PathEngine {
  private readonly cx: PathContext;
  private readonly caches: PathCaches;
  private readonly templates = new TemplateStore();
  /**
   * Untracked, per cluster: the template first computed for each share key and its subnet, or
   * null when it names its subnet (then every subnet of that key is computed alone).
   */
  private readonly shared = new Map<string, Map<number, SharedTemplate | null>>();
  /** Counts edits: a template kept on a subnet's facts is good for the generation it was made in. */
  private generation = 0;
  /** The last cluster's maps: an edit's paths, one cluster's, each look them up. */
  private lastTemplates: { readonly id: string; readonly maps: ClusterTemplates } | undefined;
  private clusterTemplates(id: string): ClusterTemplates {
    const last = this.lastTemplates;
    if (last !== undefined && last.id === id) return last.maps;
    let shared = this.shared.get(id);
    if (!shared) this.shared.set(id, (shared = new Map<number, SharedTemplate | null>()));
    const maps = { templates: this.templates.of(id), shared };
    this.lastTemplates = { id, maps };
    return maps;
  }

  /**
   * `track`: note what every template reads, so that `invalidate` can keep the rest after an
   * edit. A one-off analysis leaves it off and saves the bookkeeping.
   */
  constructor(
    private readonly ix: PlanIndex,
    private readonly router: Router,
    private readonly track = false,
  ) {
    this.caches = new PathCaches(ix);
    this.cx = { ix, router, caches: this.caches };
  }

  /** The paths of the plan's flows, or of the default set when the plan lists none. */
  evaluate(flows: readonly Flow[]): PathResult[] {
    return flows.map((f) => this.flow(f));
  }

  flow(f: Flow): PathResult {
    const ix = this.ix;
    const c = ix.cluster(f.from);
    const r = c && ix.resource(f.to);
    const s = r && ix.subnet(r.subnet);
    const shared = s ? this.sharedResourcePath(c, r, s) : undefined;
    if (shared) return shared;
    const legs = legsTo(ix, f.to);
    if (c) return fromCluster(this.cx, c, f.to, legs);
    const from = ix.resource(f.from);
    if (from) return fromResource(this.cx, from, f.to, legs);
    return {
      from: f.from,
      to: f.to,
      verdict: 'unreachable',
      hops: [f.from],
      reason: 'NO_ROUTE',
      message: `${f.from} is not a cluster or resource`,
    };
  }

  /** Evaluates a flow and says what it read, so that an edit elsewhere can keep it. */
  tracked(f: Flow): { path: PathResult; deps: PathDeps } {
    const { value, reads } = this.router.reads.track(() => this.flow(f));
    return { path: value, deps: reads };
  }

  /** The key of the template a resource's path comes from, or null when it is computed alone. */
  templateKeyOf(c: Cluster, r: Resource): string | null {
    const s = this.ix.subnet(r.subnet);
    if (!s) return null;
    const v6 = isV6(r.ip);
    return this.template(c, s, v6, r.ip) ? templateKey(s.id, v6) : null;
  }

  /**
   * The default paths of one cluster: to every resource, every other cluster, every IDC and the
   * internet, in that order. Resources are taken subnet by subnet from the templates.
   */
  clusterDefaults(c: Cluster): PathResult[] {
    const plan = this.ix.plan;
    const out: PathResult[] = [];
    // A plan lists a subnet's resources together: the subnet and its templates are looked up
    // once per run of them, not once per resource (untracked: no read to note per resource).
    const memo = !this.router.reads.active;
    let sid: string | undefined;
    let s: Subnet | undefined;
    let tpl4: Template | null | undefined;
    let tpl6: Template | null | undefined;
    const mine = this.clusterTemplates(c.id);
    for (const r of plan.resources) {
      if (!memo || r.subnet !== sid) {
        sid = r.subnet;
        s = this.ix.subnet(sid);
        tpl4 = tpl6 = undefined;
      }
      let path: PathResult | undefined;
      if (s) {
        const v6 = isV6(r.ip);
        let tpl = v6 ? tpl6 : tpl4;
        if (tpl === undefined) {
          tpl = this.templateOf(c, s, v6, mine);
          if (v6) tpl6 = tpl;
          else tpl4 = tpl;
        }
        // A resource whose address is not in its subnet (a finding of its own) is evaluated alone.
        if (tpl !== null && (!r.ip || holdsAddress(tpl.range, r.ip)))
          path = fillTemplate(tpl, r.id, label(r), r.ip ?? s.cidr);
      }
      out.push(path ?? this.flow({ from: c.id, to: r.id }));
    }
    for (const o of plan.clusters) if (o.id !== c.id) out.push(this.flow({ from: c.id, to: o.id }));
    for (const i of plan.idcs) out.push(this.flow({ from: c.id, to: i.id }));
    out.push(this.flow({ from: c.id, to: 'internet' }));
    return out;
  }

  /** Forgets what an edit made stale, and says which templates of which clusters went with it. */
  invalidate(c: PathChanges): Map<string, Set<string>> {
    this.generation++;
    this.caches.invalidate(c);
    this.shared.clear();
    this.lastTemplates = undefined;
    return this.templates.invalidate(c, this.caches.allSubnets());
  }

  private sharedResourcePath(c: Cluster, r: Resource, s: Subnet): PathResult | undefined {
    const tpl = this.template(c, s, isV6(r.ip), r.ip);
    return tpl && fillTemplate(tpl, r.id, label(r), r.ip ?? s.cidr);
  }

  /**
   * The path to a stand-in resource of the subnet, or undefined when its addresses differ or
   * the resource's address `ip` (valid, as the plan holds it) is not among them.
   */
  private template(
    c: Cluster,
    s: Subnet,
    v6: boolean,
    ip: string | undefined,
  ): Template | undefined {
    const tpl = this.templateOf(c, s, v6);
    if (tpl === null) return undefined;
    // A resource whose address is not in its subnet (a finding of its own) is evaluated alone.
    if (ip && !holdsAddress(tpl.range, ip)) return undefined;
    return tpl;
  }

  /** The cluster's template for a subnet and family, or null when its addresses differ. */
  private templateOf(
    c: Cluster,
    s: Subnet,
    v6: boolean,
    mine = this.clusterTemplates(c.id),
  ): Template | null {
    const key = templateKey(s.id, v6);
    // Untracked, the first cluster to ask keeps a subnet's template on the subnet's facts: one
    // lookup per subnet where the cluster's map took two more (a read, then a write). Other
    // clusters, and tracked evaluations (whose reads `invalidate` needs), use the map.
    const slot = !this.track && !this.router.reads.active;
    const facts = slot ? this.caches.facts(s.id, v6) : undefined;
    if (facts !== undefined && facts.tplFor === c.id && facts.tplGen === this.generation)
      return facts.tpl!;
    const own = facts !== undefined && facts.tplFor === undefined;
    let tpl = own ? undefined : mine.templates.get(key);
    if (tpl === undefined) {
      const text = v6 ? s.ipv6Cidr : s.cidr;
      const range = text ? cidrOf(text) : undefined;
      const f = facts ?? this.caches.facts(s.id, v6);
      tpl =
        range && this.caches.isUniform(f, range)
          ? this.compileOrShare(c, s, key, f, range, mine.shared)
          : null;
      if (own) {
        facts.tplFor = c.id;
        facts.tplGen = this.generation;
        facts.tpl = tpl;
      } else mine.templates.set(key, tpl);
    }
    // A tracked evaluation that reads a template depends on what the template read.
    if (tpl !== null) this.router.reads.add(tpl.deps);
    return tpl;
  }

  /**
   * A subnet's template, taken from another subnet of the same share key when one was computed.
   * Only a one-off analysis shares: a tracked template's reads must be its own for `invalidate`.
   * The cluster's own node and pod subnets are told apart by their range, so never share.
   */
  private compileOrShare(
    c: Cluster,
    s: Subnet,
    key: string,
    facts: SubnetFacts,
    range: Cidr,
    mine: Map<number, SharedTemplate | null>,
  ): Template {
    const shareable =
      !this.track &&
      !this.router.reads.active &&
      !c.nodeSubnets?.includes(s.id) &&
      !c.podSubnets?.includes(s.id);
    const k = shareable ? this.caches.shareKey(facts, s, range) : undefined;
    if (k === undefined) return this.compile(c, s, key, range);
    const base = mine.get(k);
    if (base) return rebaseTemplate(base.tpl, base.subnetHops, s.id, range);
    const tpl = this.compile(c, s, key, range);
    if (base === undefined)
      mine.set(k, namesSubnet(tpl, s) ? null : { tpl, subnetHops: subnetHopsOf(tpl, s.id) });
    return tpl;
  }

  private compile(c: Cluster, s: Subnet, key: string, range: Cidr): Template {
    const stand: Resource = { id: MARK_ID, name: MARK_NAME, kind: 'other', subnet: s.id };
    const legs: Leg[] = [
      { kind: 'resource', resource: stand, subnet: s, vpc: s.vpc, cidr: range, text: MARK_ADDR },
    ];
    const reads = this.router.reads;
    // Untracked (a one-off analysis), the evaluation runs without a frame or a closure around it.
    const done: { value: PathResult; reads: ReadSet } =
      this.track || reads.active
        ? reads.track(() => fromCluster(this.cx, c, MARK_ID, legs), [range])
        : {
            value: fromCluster(this.cx, c, MARK_ID, legs),
            reads: { vpcs: NOTHING, ccns: NOTHING, ranges: [range] },
          };
    const tpl = compileTemplate(done.value, range, done.reads);
    if (this.track) this.templates.noteReads(c.id, key, tpl.deps, range);
    return tpl;
  }
}
