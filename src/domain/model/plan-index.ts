// One pass over a plan that every rule, the capacity and the path engine share: objects by id,
// children by parent, and every CIDR parsed once. An edit updates it in place (`update`), in time
// proportional to what changed, so that a 100,000-object plan is not indexed again per keystroke.
import { cidrOf, type Cidr } from '../ip/cidr';
import { Children } from './children';
import { KIND_AT, Positions } from './positions';
import { clusterMode } from './defaults';
import { KINDS, kindFacts, OBJECT_KINDS, refIds, type RefFact } from './kinds';
import {
  COLLECTIONS,
  KIND_OF_COLLECTION,
  type Ccn,
  type Cluster,
  type Collection,
  type Idc,
  type NatGateway,
  type ObjectKind,
  type Peering,
  type Plan,
  type PlanObject,
  type Resource,
  type RouteTable,
  type Subnet,
  type Vpc,
} from './plan';

export interface Entry {
  readonly kind: ObjectKind;
  readonly object: PlanObject;
  /** Position in the plan, across all lists: later objects are the ones that conflict. */
  readonly order: number;
}

/** One object of a plan changed: inserted (no `before`), removed (no `after`) or replaced. */
export interface Change {
  readonly collection: Collection;
  readonly before?: PlanObject;
  readonly after?: PlanObject;
}

/** Each collection's reference to the objects that list it among their children, if any. */
const PARENT_REF: ReadonlyMap<Collection, RefFact> = new Map(
  OBJECT_KINDS.flatMap((k) => {
    const r = kindFacts(k).refs.find((f) => f.parent);
    return r ? [[KINDS[k].collection, r] as const] : [];
  }),
);

function parentsOf(collection: Collection, o: PlanObject): string[] {
  const r = PARENT_REF.get(collection);
  if (!r) return [];
  const ids = refIds(o, r);
  return r.many ? [...new Set(ids)] : [...ids];
}

/** An object's entry by id, made when asked for (`PlanIndex.byId`). */
export type EntryLookup = Pick<ReadonlyMap<string, Entry>, 'get' | 'has'>;

/**
 * The kinds in the order `kindOf` tries them: route targets first (NAT gateways, peerings, CCNs,
 * IDCs, then CVMs), then CCN members; subnets, the other large list, last.
 */
const LOOKUP_ORDER: readonly ObjectKind[] = [
  'natGateway',
  'peering',
  'ccn',
  'idc',
  'resource',
  'vpc',
  'cluster',
  'routeTable',
  'subnet',
];
const LOOKUP_AT = LOOKUP_ORDER.map((k) => KIND_AT[k]);

// Each kind's list number, as constants: an accessor reads one, not a table.
const VPC_AT = KIND_AT.vpc;
const SUBNET_AT = KIND_AT.subnet;
const CLUSTER_AT = KIND_AT.cluster;
const RESOURCE_AT = KIND_AT.resource;
const NAT_AT = KIND_AT.natGateway;
const PEERING_AT = KIND_AT.peering;
const CCN_AT = KIND_AT.ccn;
const IDC_AT = KIND_AT.idc;
const ROUTETABLE_AT = KIND_AT.routeTable;

export class PlanIndex {
  /**
   * Each object by id, one map per kind (the first object of an id; a later one of the same id
   * is found under no kind), and positions worked out per kind when first asked; `entry` makes
   * an entry object when asked.
   */
  private readonly positions: Positions;
  private readonly orderOf = (id: string) => this.positions.order(id) ?? Number.MAX_SAFE_INTEGER;
  private readonly subnetsByVpc = new Children<Subnet>(this.orderOf);
  private readonly clustersByVpc = new Children<Cluster>(this.orderOf);
  private readonly resourcesBySubnet = new Children<Resource>(this.orderOf);
  private readonly natsByVpc = new Children<NatGateway>(this.orderOf);
  private readonly peeringsByVpc = new Children<Peering>(this.orderOf);
  private readonly ccnsByMember = new Children<Ccn>(this.orderOf);
  private readonly idcsByVpc = new Children<Idc>(this.orderOf);
  private readonly tablesByVpc = new Children<RouteTable>(this.orderOf);
  private readonly subnetsByTable = new Children<Subnet>(this.orderOf);
  private readonly vpcCidrCache = new Map<string, Cidr[]>();
  private readonly children: Readonly<Partial<Record<Collection, Children<PlanObject>>>>;

  constructor(public plan: Plan) {
    this.children = {
      subnets: this.subnetsByVpc,
      clusters: this.clustersByVpc,
      resources: this.resourcesBySubnet,
      natGateways: this.natsByVpc,
      peerings: this.peeringsByVpc,
      ccns: this.ccnsByMember,
      idcs: this.idcsByVpc,
      routeTables: this.tablesByVpc,
    };
    this.positions = new Positions(plan);
    for (const [collection, r] of PARENT_REF) {
      const children = this.children[collection]!;
      const objects = plan[collection] as readonly PlanObject[];
      if (r.many)
        for (const o of objects) for (const p of parentsOf(collection, o)) children.push(p, o);
      else {
        // Single-parent lists without parentsOf's array per object: a 100k plan has 100k of them.
        for (const o of objects) {
          const p = (o as unknown as Record<string, string | undefined>)[r.field];
          if (p !== undefined) children.push(p, o);
        }
      }
    }
    for (const s of plan.subnets) if (s.routeTable) this.subnetsByTable.push(s.routeTable, s);
  }

  /**
   * Brings the index up to `plan`, which differs from the indexed plan by `changes` (in the
   * order they were made). Inserted objects take a place between their neighbours in the plan.
   */
  update(plan: Plan, changes: readonly Change[]): void {
    for (const c of changes) {
      const k = KIND_AT[KIND_OF_COLLECTION[c.collection]];
      const list = this.children[c.collection];
      const before = c.before;
      const after = c.after;
      if (before && !after) {
        for (const p of parentsOf(c.collection, before)) list?.remove(p, before.id);
        if (c.collection === 'subnets' && (before as Subnet).routeTable)
          this.subnetsByTable.remove((before as Subnet).routeTable!, before.id);
        this.positions.remove(k, before.id);
      } else if (after && !before) {
        this.positions.put(k, after, this.orderForInsert(plan, c.collection, after.id));
        for (const p of parentsOf(c.collection, after)) list?.insert(p, after);
        if (c.collection === 'subnets' && (after as Subnet).routeTable)
          this.subnetsByTable.insert((after as Subnet).routeTable!, after as Subnet);
      } else if (before && after) {
        this.positions.put(k, after);
        const was = parentsOf(c.collection, before);
        const now = parentsOf(c.collection, after);
        for (const p of was) if (!now.includes(p)) list?.remove(p, before.id);
        for (const p of now) list?.replace(p, after);
        if (c.collection === 'subnets') {
          const rb = (before as Subnet).routeTable;
          const ra = (after as Subnet).routeTable;
          if (rb && rb !== ra) this.subnetsByTable.remove(rb, before.id);
          if (ra) this.subnetsByTable.replace(ra, after as Subnet);
        }
      }
      if (c.collection === 'vpcs') this.vpcCidrCache.delete((before ?? after)!.id);
    }
    this.plan = plan;
  }

  /**
   * An order between the neighbours of the inserted object, so later objects stay later. The
   * neighbours are the nearest objects already indexed: in a batch that inserts several objects
   * side by side, the next one is not indexed yet, and taking its absence for the end of the
   * list gave two inserted clusters the same order (and a rule that reports a pair once, on the
   * later object, reported it on neither).
   */
  private orderForInsert(plan: Plan, collection: Collection, id: string): number {
    const list = plan[collection] as readonly PlanObject[];
    const at = list.findIndex((o) => o.id === id);
    let prev: number | undefined;
    for (let i = at - 1; i >= 0 && prev === undefined; i--)
      prev = this.positions.order(list[i]!.id);
    let next: number | undefined;
    if (at >= 0)
      for (let i = at + 1; i < list.length && next === undefined; i++)
        next = this.positions.order(list[i]!.id);
    for (const later of COLLECTIONS.slice(COLLECTIONS.indexOf(collection) + 1)) {
      if (next !== undefined) break;
      for (const o of plan[later] as readonly PlanObject[]) {
        next = this.positions.order(o.id);
        if (next !== undefined) break;
      }
    }
    if (prev !== undefined && next !== undefined) return (prev + next) / 2;
    if (prev !== undefined) return prev + 1;
    if (next !== undefined) return next - 1;
    return 0;
  }

  order(id: string): number {
    return this.orderOf(id);
  }

  /** An id is in at most one kind's list, so the order they are tried in does not matter. */
  kindOf(id: string): ObjectKind | undefined {
    const k = this.positions.kindAt(id, LOOKUP_AT);
    return k === undefined ? undefined : OBJECT_KINDS[k];
  }

  /** The object of that id, whatever its kind. */
  object(id: string): PlanObject | undefined {
    const k = this.positions.kindAt(id, LOOKUP_AT);
    return k === undefined ? undefined : this.positions.get(k, id);
  }

  entry(id: string): Entry | undefined {
    const k = this.positions.kindAt(id, LOOKUP_AT);
    if (k === undefined) return undefined;
    const object = this.positions.get(k, id)!;
    return { kind: OBJECT_KINDS[k]!, object, order: this.positions.order(id)! };
  }

  /** Entries by id, each made when asked for. */
  get byId(): EntryLookup {
    return this.entries;
  }
  private readonly entries: EntryLookup = {
    get: (id) => this.entry(id),
    has: (id) => this.positions.order(id) !== undefined,
  };

  vpc(id: string | undefined): Vpc | undefined {
    return id === undefined ? undefined : (this.positions.get(VPC_AT, id) as Vpc | undefined);
  }
  subnet(id: string | undefined): Subnet | undefined {
    return id === undefined ? undefined : (this.positions.get(SUBNET_AT, id) as Subnet | undefined);
  }
  cluster(id: string | undefined): Cluster | undefined {
    return id === undefined
      ? undefined
      : (this.positions.get(CLUSTER_AT, id) as Cluster | undefined);
  }
  resource(id: string | undefined): Resource | undefined {
    return id === undefined
      ? undefined
      : (this.positions.get(RESOURCE_AT, id) as Resource | undefined);
  }
  nat(id: string | undefined): NatGateway | undefined {
    return id === undefined
      ? undefined
      : (this.positions.get(NAT_AT, id) as NatGateway | undefined);
  }
  peering(id: string | undefined): Peering | undefined {
    return id === undefined
      ? undefined
      : (this.positions.get(PEERING_AT, id) as Peering | undefined);
  }
  ccn(id: string | undefined): Ccn | undefined {
    return id === undefined ? undefined : (this.positions.get(CCN_AT, id) as Ccn | undefined);
  }
  idc(id: string | undefined): Idc | undefined {
    return id === undefined ? undefined : (this.positions.get(IDC_AT, id) as Idc | undefined);
  }
  routeTable(id: string | undefined): RouteTable | undefined {
    return id === undefined
      ? undefined
      : (this.positions.get(ROUTETABLE_AT, id) as RouteTable | undefined);
  }

  subnetsOf(vpcId: string): readonly Subnet[] {
    return this.subnetsByVpc.get(vpcId);
  }
  clustersOf(vpcId: string): readonly Cluster[] {
    return this.clustersByVpc.get(vpcId);
  }
  resourcesIn(subnetId: string): readonly Resource[] {
    return this.resourcesBySubnet.get(subnetId);
  }
  natsOf(vpcId: string): readonly NatGateway[] {
    return this.natsByVpc.get(vpcId);
  }
  peeringsOf(vpcId: string): readonly Peering[] {
    return this.peeringsByVpc.get(vpcId);
  }
  /** CCNs that the VPC, cluster or IDC is attached to. */
  ccnsOf(memberId: string): readonly Ccn[] {
    return this.ccnsByMember.get(memberId);
  }
  idcsOf(vpcId: string): readonly Idc[] {
    return this.idcsByVpc.get(vpcId);
  }
  routeTablesOf(vpcId: string): readonly RouteTable[] {
    return this.tablesByVpc.get(vpcId);
  }
  subnetsUsing(tableId: string): readonly Subnet[] {
    return this.subnetsByTable.get(tableId);
  }

  /** The VPC of a resource, through its subnet. */
  vpcOfResource(r: Resource): Vpc | undefined {
    return this.vpc(this.subnet(r.subnet)?.vpc);
  }

  /** Primary, secondary and IPv6 CIDRs of a VPC, parsed, in that order. */
  vpcCidrs(vpcId: string): readonly Cidr[] {
    let list = this.vpcCidrCache.get(vpcId);
    if (!list) {
      const v = this.vpc(vpcId);
      list = v ? vpcCidrTexts(v).map(cidrOf) : [];
      this.vpcCidrCache.set(vpcId, list);
    }
    return list;
  }

  /** VPCs joined to this one by a peering or a CCN that both are attached to. */
  connectedVpcs(vpcId: string): Map<string, string[]> {
    const out = new Map<string, string[]>();
    const add = (k: string, v: string) => {
      const list = out.get(k);
      if (list) list.push(v);
      else out.set(k, [v]);
    };
    for (const p of this.peeringsOf(vpcId)) {
      const other = p.vpcs[0] === vpcId ? p.vpcs[1] : p.vpcs[0];
      if (other !== vpcId && this.vpc(other)) add(other, p.id);
    }
    for (const c of this.ccnsOf(vpcId)) {
      for (const m of c.attachments) {
        if (m !== vpcId && this.vpc(m) && !out.get(m)?.includes(c.id)) add(m, c.id);
      }
    }
    return out;
  }

  globalRouterClustersOf(vpcId: string): Cluster[] {
    return this.clustersOf(vpcId).filter((c) => c.containerCidr !== undefined);
  }

  isVpcCni(c: Cluster): boolean {
    return clusterMode(c) === 'vpc-cni';
  }
}

export function vpcCidrTexts(v: Vpc): string[] {
  const out = [v.cidr, ...(v.secondaryCidrs ?? [])];
  if (v.ipv6Cidr) out.push(v.ipv6Cidr);
  return out;
}

const indexes = new WeakMap<Plan, PlanIndex>();

/**
 * The plan's index, built once per plan version: plans are never changed in place, so whoever
 * asks about the same plan (a panel on every render, an action) shares one. Read it only; an
 * index that follows edits (`update`) must be a `new PlanIndex` of its own.
 */
export function planIndexOf(plan: Plan): PlanIndex {
  let ix = indexes.get(plan);
  if (!ix) {
    ix = new PlanIndex(plan);
    indexes.set(plan, ix);
  }
  return ix;
}
