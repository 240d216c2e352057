// One pass over a plan that every rule, the capacity and the path engine share: objects by id,
// children by parent, and every CIDR parsed once.
import { cidrOf, type Cidr } from '../ip/cidr';
import { clusterMode } from './defaults';
import {
  COLLECTIONS,
  KIND_OF_COLLECTION,
  type Ccn,
  type Cluster,
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

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const NONE: readonly never[] = [];

export class PlanIndex {
  readonly byId = new Map<string, Entry>();
  private readonly subnetsByVpc = new Map<string, Subnet[]>();
  private readonly clustersByVpc = new Map<string, Cluster[]>();
  private readonly resourcesBySubnet = new Map<string, Resource[]>();
  private readonly natsByVpc = new Map<string, NatGateway[]>();
  private readonly peeringsByVpc = new Map<string, Peering[]>();
  private readonly ccnsByMember = new Map<string, Ccn[]>();
  private readonly idcsByVpc = new Map<string, Idc[]>();
  private readonly tablesByVpc = new Map<string, RouteTable[]>();
  private readonly subnetsByTable = new Map<string, Subnet[]>();
  private readonly vpcCidrCache = new Map<string, Cidr[]>();

  /** One map per kind: lookups stay monomorphic, which matters when paths make millions. */
  private readonly byKind = new Map<ObjectKind, Map<string, PlanObject>>();

  constructor(readonly plan: Plan) {
    let order = 0;
    for (const key of COLLECTIONS) {
      const kind = KIND_OF_COLLECTION[key];
      const mine = new Map<string, PlanObject>();
      this.byKind.set(kind, mine);
      for (const object of plan[key] as readonly PlanObject[]) {
        if (!this.byId.has(object.id)) {
          this.byId.set(object.id, { kind, object, order });
          mine.set(object.id, object);
        }
        order++;
      }
    }
    for (const s of plan.subnets) {
      push(this.subnetsByVpc, s.vpc, s);
      if (s.routeTable) push(this.subnetsByTable, s.routeTable, s);
    }
    for (const c of plan.clusters) push(this.clustersByVpc, c.vpc, c);
    for (const r of plan.resources) push(this.resourcesBySubnet, r.subnet, r);
    for (const n of plan.natGateways) push(this.natsByVpc, n.vpc, n);
    for (const p of plan.peerings) {
      push(this.peeringsByVpc, p.vpcs[0], p);
      if (p.vpcs[1] !== p.vpcs[0]) push(this.peeringsByVpc, p.vpcs[1], p);
    }
    for (const c of plan.ccns)
      for (const m of new Set(c.attachments)) push(this.ccnsByMember, m, c);
    for (const i of plan.idcs) push(this.idcsByVpc, i.vpc, i);
    for (const t of plan.routeTables) push(this.tablesByVpc, t.vpc, t);
  }

  private get<T extends PlanObject>(id: string | undefined, kind: ObjectKind): T | undefined {
    if (id === undefined) return undefined;
    return this.byKind.get(kind)!.get(id) as T | undefined;
  }

  order(id: string): number {
    return this.byId.get(id)?.order ?? Number.MAX_SAFE_INTEGER;
  }

  kindOf(id: string): ObjectKind | undefined {
    return this.byId.get(id)?.kind;
  }

  vpc(id: string | undefined): Vpc | undefined {
    return this.get(id, 'vpc');
  }
  subnet(id: string | undefined): Subnet | undefined {
    return this.get(id, 'subnet');
  }
  cluster(id: string | undefined): Cluster | undefined {
    return this.get(id, 'cluster');
  }
  resource(id: string | undefined): Resource | undefined {
    return this.get(id, 'resource');
  }
  nat(id: string | undefined): NatGateway | undefined {
    return this.get(id, 'natGateway');
  }
  peering(id: string | undefined): Peering | undefined {
    return this.get(id, 'peering');
  }
  ccn(id: string | undefined): Ccn | undefined {
    return this.get(id, 'ccn');
  }
  idc(id: string | undefined): Idc | undefined {
    return this.get(id, 'idc');
  }
  routeTable(id: string | undefined): RouteTable | undefined {
    return this.get(id, 'routeTable');
  }

  subnetsOf(vpcId: string): readonly Subnet[] {
    return this.subnetsByVpc.get(vpcId) ?? NONE;
  }
  clustersOf(vpcId: string): readonly Cluster[] {
    return this.clustersByVpc.get(vpcId) ?? NONE;
  }
  resourcesIn(subnetId: string): readonly Resource[] {
    return this.resourcesBySubnet.get(subnetId) ?? NONE;
  }
  natsOf(vpcId: string): readonly NatGateway[] {
    return this.natsByVpc.get(vpcId) ?? NONE;
  }
  peeringsOf(vpcId: string): readonly Peering[] {
    return this.peeringsByVpc.get(vpcId) ?? NONE;
  }
  /** CCNs that the VPC or cluster is attached to. */
  ccnsOf(memberId: string): readonly Ccn[] {
    return this.ccnsByMember.get(memberId) ?? NONE;
  }
  idcsOf(vpcId: string): readonly Idc[] {
    return this.idcsByVpc.get(vpcId) ?? NONE;
  }
  routeTablesOf(vpcId: string): readonly RouteTable[] {
    return this.tablesByVpc.get(vpcId) ?? NONE;
  }
  subnetsUsing(tableId: string): readonly Subnet[] {
    return this.subnetsByTable.get(tableId) ?? NONE;
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
    for (const p of this.peeringsOf(vpcId)) {
      const other = p.vpcs[0] === vpcId ? p.vpcs[1] : p.vpcs[0];
      if (other !== vpcId && this.vpc(other)) push(out, other, p.id);
    }
    for (const c of this.ccnsOf(vpcId)) {
      for (const m of c.attachments) {
        if (m !== vpcId && this.vpc(m) && !out.get(m)?.includes(c.id)) push(out, m, c.id);
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
