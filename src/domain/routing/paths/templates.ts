// Every address of a subnet meets the same routes, masquerade ranges and containers unless one
// of those starts or ends inside it. Then the paths from a cluster to all the resources there
// are one path computed for a stand-in, with the resource's id, name and address filled in.
import { overlaps, type Cidr } from '../../ip/cidr';
import type { RangeIndex } from '../../ip/range-index';
import type { Subnet } from '../../model/plan';
import { depsAffected, type PathChanges, type PathDeps } from './deps';
import { TemplatePath } from './template-path';
import type { PathResult } from './types';

// Placeholders for the stand-in resource's id, name and address.
export const MARK_ID = '\uE000';
export const MARK_NAME = '\uE001';
export const MARK_ADDR = '\uE002';
/** The code of MARK_ID; MARK_NAME and MARK_ADDR follow it. */
const MARK_FIRST = 0xe000;
const V6 = '\u0000v6';

const NO_HOPS: readonly number[] = [];

/** A path computed for a stand-in resource, ready to be filled in for each real one. */
export interface Template {
  /**
   * The stand-in's path. For a template shared from another subnet (`rebaseTemplate`), the hops
   * at `subnetHops` name that subnet: the filled paths put `subnet` there, so that the thousands
   * of subnets sharing one template do not each copy its path.
   */
  readonly path: PathResult;
  /** Hop positions that name the resource. */
  readonly idHops: readonly number[];
  /** Hop positions that name the subnet the path was computed for, when it serves another one. */
  readonly subnetHops: readonly number[];
  /** The subnet to name at `subnetHops`. */
  readonly subnet: string;
  /** The message cut at the stand-in's name, address and id; `slots` says which goes between. */
  readonly parts: readonly string[];
  readonly slots: readonly number[];
  /** The subnet range every resource it stands for must lie in. */
  readonly range: Cidr;
  readonly deps: PathDeps;
}

/** The key of a subnet's template: one per subnet and address family. */
export const templateKey = (subnet: string, v6: boolean): string => (v6 ? subnet + V6 : subnet);

export function compileTemplate(path: PathResult, range: Cidr, deps: PathDeps): Template {
  const idHops: number[] = [];
  for (let i = 0; i < path.hops.length; i++) if (path.hops[i] === MARK_ID) idHops.push(i);
  // The message cut at each marker (a scan: a regular expression split costs more per template).
  const m = path.message;
  const parts: string[] = [];
  const slots: number[] = [];
  let from = 0;
  for (let i = 0; i < m.length; i++) {
    const slot = m.charCodeAt(i) - MARK_FIRST;
    if (slot < 0 || slot > 2) continue;
    parts.push(m.slice(from, i));
    slots.push(slot);
    from = i + 1;
  }
  parts.push(m.slice(from));
  return { path, idHops, subnetHops: NO_HOPS, subnet: '', parts, slots, range, deps };
}

/**
 * Whether a template's message names its subnet (its id, name or ranges): then it serves that
 * subnet alone. Otherwise the subnet is only in its hops, and `rebaseTemplate` swaps it.
 */
export function namesSubnet(t: Template, s: Subnet): boolean {
  const m = t.path.message;
  return (
    m.includes(s.id) ||
    (!!s.name && m.includes(s.name)) ||
    m.includes(s.cidr) ||
    (!!s.ipv6Cidr && m.includes(s.ipv6Cidr))
  );
}

/** The hop positions of a template computed for subnet `from` that `rebaseTemplate` swaps. */
export function subnetHopsOf(t: Template, from: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < t.path.hops.length; i++) if (t.path.hops[i] === from) out.push(i);
  return out;
}

/**
 * A template computed for another subnet (whose id is at `subnetHops` of its hops, from
 * `subnetHopsOf`), for subnet `to` whose range meets the same routes (`PathCaches.shareKey`).
 * Only for an untracked evaluation: what it read is its range alone.
 */
export function rebaseTemplate(
  t: Template,
  subnetHops: readonly number[],
  to: string,
  range: Cidr,
): Template {
  const deps: PathDeps = { vpcs: t.deps.vpcs, ccns: t.deps.ccns, ranges: [range] };
  return {
    path: t.path,
    idHops: t.idHops,
    subnetHops,
    subnet: to,
    parts: t.parts,
    slots: t.slots,
    range,
    deps,
  };
}

/** The path from a template to the resource `id` (named `name`, at address `addr`). */
export function fillTemplate(t: Template, id: string, name: string, addr: string): PathResult {
  return new TemplatePath(t, id, name, addr);
}

/** Per cluster: which templates read which VPC's tables, CCN's routes and source ranges. */
interface ReadsIndex {
  readonly vpcs: Map<string, Set<string>>;
  readonly ccns: Map<string, Set<string>>;
  readonly src: Map<string, { cidr: Cidr; keys: Set<string> }>;
}

function addTo(m: Map<string, Set<string>>, k: string, key: string): void {
  let set = m.get(k);
  if (!set) m.set(k, (set = new Set()));
  set.add(key);
}

/** The templates of every cluster (null: the subnet's addresses differ), and what each read. */
export class TemplateStore {
  private readonly templates = new Map<string, Map<string, Template | null>>();
  private readonly readsIndex = new Map<string, ReadsIndex>();

  /** The cluster's templates by key: a caller going through many subnets looks it up once. */
  of(cluster: string): Map<string, Template | null> {
    let mine = this.templates.get(cluster);
    if (!mine) this.templates.set(cluster, (mine = new Map<string, Template | null>()));
    return mine;
  }

  /** Indexes what a template read, so an edit finds the templates it touches without a scan. */
  noteReads(cluster: string, key: string, deps: PathDeps, own: Cidr): void {
    let r = this.readsIndex.get(cluster);
    if (!r)
      this.readsIndex.set(cluster, (r = { vpcs: new Map(), ccns: new Map(), src: new Map() }));
    for (const v of deps.vpcs) addTo(r.vpcs, v, key);
    for (const x of deps.ccns) addTo(r.ccns, x, key);
    // Ranges a template read other than its own subnet's: the source addresses.
    for (const x of deps.ranges) {
      if (x.family === own.family && x.lo === own.lo && x.prefix === own.prefix) continue;
      const k = `${x.family}:${x.lo}/${x.prefix}`;
      let e = r.src.get(k);
      if (!e) r.src.set(k, (e = { cidr: x, keys: new Set() }));
      e.keys.add(key);
    }
  }

  /** Forgets the templates an edit made stale; says which of which clusters went. */
  invalidate(c: PathChanges, subnets: RangeIndex<Subnet>): Map<string, Set<string>> {
    const dropped = new Map<string, Set<string>>();
    // Candidates from the indexes of what templates read; each is then checked in full.
    const touched = new Set<string>();
    for (const x of c.ranges) for (const { value: s } of subnets.overlapping(x)) touched.add(s.id);
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
          candidates.add(templateKey(id, true));
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
          const subnet = k.endsWith(V6) ? k.slice(0, -V6.length) : k;
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
}
