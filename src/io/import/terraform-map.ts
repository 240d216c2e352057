// Terraform resources of the tencentcloud provider as plan objects. The same resource types and
// argument names as the export (src/io/export/terraform.ts) and the provider's documentation:
//   tencentcloud_vpc                 name, cidr_block, assistant_cidrs
//   tencentcloud_vpc_ipv6_cidr_block vpc_id, ipv6_cidr_block (allocated by Tencent Cloud)
//   tencentcloud_vpc_ipv6_subnet_cidr_block  vpc_id, ipv6_subnet_cidr_blocks { subnet_id, ipv6_cidr_block }
//   tencentcloud_subnet              vpc_id, name, cidr_block, availability_zone, route_table_id
//   tencentcloud_route_table         vpc_id, name
//   tencentcloud_route_table_entry   route_table_id, destination_cidr_block, next_type, next_hub
//   tencentcloud_nat_gateway         vpc_id, name
//   tencentcloud_vpc_peer_connect_manager  source_vpc_id, destination_vpc_id, peering_connection_name
//   tencentcloud_ccn                 name, description
//   tencentcloud_ccn_attachment(_v2) ccn_id, instance_type (VPC, VPNGW, DIRECTCONNECT), instance_id
//   tencentcloud_kubernetes_cluster  vpc_id, cluster_name, network_type, cluster_cidr, service_cidr,
//                                    cluster_max_pod_num, cluster_max_service_num, eni_subnet_ids,
//                                    ignore_cluster_cidr_conflict, worker_config { subnet_id, count,
//                                    public_ip_assigned }
//   tencentcloud_kubernetes_node_pool cluster_id, subnet_ids, desired_capacity (or node_count,
//                                    max_size), auto_scaling_config { public_ip_assigned }
//   tencentcloud_instance (cvm)      subnet_id, private_ip, instance_name
//   tencentcloud_mysql_instance (cdb) subnet_id, intranet_ip, instance_name
//   tencentcloud_redis_instance      subnet_id, ip, name
//   tencentcloud_clb_instance        subnet_id, clb_vips, clb_name (INTERNAL ones: OPEN has no subnet)
//   IDCs over VPN: tencentcloud_vpn_customer_gateway (the IDC: name), tencentcloud_vpn_gateway
//                  (vpc_id), tencentcloud_vpn_connection (vpn_gateway_id, customer_gateway_id,
//                  security_group_policy { local_cidr_block, remote_cidr_block })
//   IDCs over Direct Connect: tencentcloud_dc_gateway (name, network_type VPC or CCN,
//                  network_instance_id), tencentcloud_dc_gateway_ccn_route (dcg_id, cidr_block)
// A value that is not there is left out; a value that is there and wrong (a CIDR that does not
// parse, an id that names nothing in the input) stops the import with the resource's address.
import { parseCidr, parseIp } from '../../domain/ip/cidr';
import type {
  Ccn,
  Cluster,
  Idc,
  NatGateway,
  Peering,
  Plan,
  Resource,
  ResourceKind,
  Route,
  RouteTable,
  Subnet,
  Vpc,
} from '../../domain/model/plan';
import { emptyPlan } from '../../domain/model/plan';
import { renameIds } from './rename';
import { Unresolved } from './hcl-eval';
import type { TfResource, TfView } from './resources';
import { ImportError, type ImportProblem, type SkipList } from './types';

type Mutable<T> = {
  -readonly [K in keyof T]: NonNullable<T[K]> extends readonly (infer U)[]
    ? U[] | Extract<T[K], undefined>
    : T[K];
};

export const RESOURCE_KIND_OF_TYPE: Readonly<Record<string, ResourceKind>> = {
  tencentcloud_instance: 'cvm',
  tencentcloud_mysql_instance: 'cdb',
  tencentcloud_redis_instance: 'redis',
  tencentcloud_clb_instance: 'clb',
  // The export's stand-in for kinds the provider has no resource for (memcached, other): an
  // interface holding the address; the kind itself travels in the cidr-canvas line.
  tencentcloud_eni: 'other',
};

/** Types read here; any other type is skipped and reported. */
export const MAPPED_TYPES = new Set([
  'tencentcloud_vpc',
  'tencentcloud_vpc_ipv6_cidr_block',
  'tencentcloud_vpc_ipv6_subnet_cidr_block',
  'tencentcloud_subnet',
  'tencentcloud_route_table',
  'tencentcloud_route_table_entry',
  'tencentcloud_nat_gateway',
  'tencentcloud_vpc_peer_connect_manager',
  'tencentcloud_ccn',
  'tencentcloud_ccn_attachment',
  'tencentcloud_ccn_attachment_v2',
  'tencentcloud_kubernetes_cluster',
  'tencentcloud_kubernetes_node_pool',
  'tencentcloud_vpn_customer_gateway',
  'tencentcloud_vpn_gateway',
  'tencentcloud_vpn_connection',
  'tencentcloud_dc_gateway',
  'tencentcloud_dc_gateway_ccn_route',
  ...Object.keys(RESOURCE_KIND_OF_TYPE),
]);

/** Types that exist beside a network but are not part of what CIDR Canvas models. */
const NOT_MODELLED: Readonly<Record<string, string>> = {
  tencentcloud_eip: 'an EIP is not modelled (NAT gateways and nodes carry their own egress)',
  tencentcloud_security_group: 'security groups are not modelled',
  tencentcloud_security_group_rule: 'security groups are not modelled',
  tencentcloud_security_group_lite_rule: 'security groups are not modelled',
};

export function skipReason(type: string): string {
  return NOT_MODELLED[type] ?? 'not a network object CIDR Canvas models';
}

const NEXT_TYPES_KEPT = new Set([
  'NAT',
  'PEERCONNECTION',
  'CCN',
  'USER_CCN',
  'VPN',
  'DIRECTCONNECT',
  'NORMAL_CVM',
  'CVM',
]);

// --- Reading values -------------------------------------------------------------------------

function str(v: TfView, name: string): string | undefined {
  const x = v.get(name);
  if (x === undefined || x === '') return undefined;
  if (typeof x === 'string') return x;
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  throw new ImportError(v.where(name), `${name} should be a string, got ${JSON.stringify(x)}`);
}

function need(v: TfView, name: string): string {
  const s = str(v, name);
  if (s === undefined) throw new ImportError(v.where(name), `${name} is missing`);
  return s;
}

function num(v: TfView, name: string): number | undefined {
  const x = v.get(name);
  if (x === undefined || x === '') return undefined;
  const n = typeof x === 'string' ? Number(x) : x;
  if (typeof n !== 'number' || !Number.isFinite(n))
    throw new ImportError(v.where(name), `${name} should be a number, got ${JSON.stringify(x)}`);
  return n;
}

function bool(v: TfView, name: string): boolean | undefined {
  const x = v.get(name);
  if (x === undefined) return undefined;
  if (typeof x === 'boolean') return x;
  if (x === 'true' || x === 'false') return x === 'true';
  throw new ImportError(v.where(name), `${name} should be true or false, got ${JSON.stringify(x)}`);
}

function strList(v: TfView, name: string): string[] {
  const x = v.get(name);
  if (x === undefined) return [];
  if (!Array.isArray(x) || x.some((e) => typeof e !== 'string'))
    throw new ImportError(
      v.where(name),
      `${name} should be a list of strings, got ${JSON.stringify(x)}`,
    );
  return (x as string[]).filter((e) => e !== '');
}

function cidr(v: TfView, name: string, family: 4 | 6 | 'any', value?: string): string {
  const text = value ?? need(v, name);
  const r = parseCidr(text);
  if (!r.ok) throw new ImportError(v.where(name), `${name} ${r.error}`);
  if (family !== 'any' && r.cidr.family !== family)
    throw new ImportError(
      v.where(name),
      `${name} ${JSON.stringify(text)} should be an IPv${family} CIDR`,
    );
  return text;
}

function ip(v: TfView, name: string): string | undefined {
  const text = str(v, name);
  if (text === undefined) return undefined;
  const r = parseIp(text);
  if (!r.ok) throw new ImportError(v.where(name), `${name} ${r.error}`);
  return text;
}

function named<T extends object>(o: T, name: string | undefined): T {
  if (name !== undefined) (o as { name?: string }).name = name;
  return o;
}

// --- The mapping ----------------------------------------------------------------------------

export interface Mapped {
  readonly plan: Plan;
  readonly notes: string[];
}

class Mapper {
  private readonly problems: ImportProblem[] = [];
  readonly notes: string[] = [];
  private readonly byType = new Map<string, TfResource[]>();

  private readonly vpcs = new Map<string, Mutable<Vpc>>();
  private readonly subnets = new Map<string, Mutable<Subnet>>();
  private readonly tables = new Map<string, Mutable<RouteTable>>();
  private readonly nats = new Map<string, NatGateway>();
  private readonly peerings = new Map<string, Peering>();
  private readonly ccns = new Map<string, Mutable<Ccn>>();
  private readonly clusters = new Map<string, Mutable<Cluster>>();
  private readonly resources = new Map<string, Resource>();
  private readonly idcs = new Map<string, Mutable<Idc>>();
  /** CVM private IP → resource id, for NORMAL_CVM next hops. */
  private readonly cvmByIp = new Map<string, string>();
  /** VPN gateway id → the IDCs (customer gateways) its connections reach. */
  private readonly idcsOfVpnGateway = new Map<string, string[]>();
  /** VPN gateway id → its VPC, when it is a VPC gateway. */
  private readonly vpnGatewayVpc = new Map<string, string | undefined>();
  private readonly ccnGatewayIdcs = new Map<string, string[]>();
  /** Reference id (what other resources hold) → the plan id of the object made from it. */
  private readonly planIds = new Map<string, string>();

  constructor(
    resources: readonly TfResource[],
    private readonly skipped: SkipList,
  ) {
    for (const r of resources) {
      if (!MAPPED_TYPES.has(r.type)) {
        skipped.add(r.type, r.address, skipReason(r.type));
        continue;
      }
      let list = this.byType.get(r.type);
      if (!list) this.byType.set(r.type, (list = []));
      list.push(r);
    }
  }

  private each(type: string, f: (r: TfResource) => void): void {
    for (const r of this.byType.get(type) ?? []) {
      try {
        if (r.planId !== undefined && !this.planIds.has(r.id)) this.planIds.set(r.id, r.planId);
        f(r);
      } catch (e) {
        if (!(e instanceof ImportError)) throw e;
        this.problems.push({ where: e.where, message: `${r.address}: ${e.message}` });
      }
    }
  }

  /**
   * An optional value (a zone, an allocated IPv6 range, a private address) that the input does
   * not determine (a variable without a default, known only after apply) is left out and said so,
   * not guessed; a value that is there and wrong still stops the import.
   */
  private optional<T>(v: TfView, name: string, read: () => T | undefined): T | undefined {
    try {
      return read();
    } catch (e) {
      if (!(e instanceof Unresolved)) throw e;
      this.notes.push(`${e.where}: ${e.message}: left out`);
      return undefined;
    }
  }

  /** An id that must name an object of this input; the message says which type was expected. */
  private ref<T>(
    map: Map<string, T>,
    v: TfView,
    name: string,
    type: string,
    value?: string,
  ): string {
    const id = value ?? need(v, name);
    if (!map.has(id))
      throw new ImportError(
        v.where(name),
        `${name} ${JSON.stringify(id)} names no ${type} in the input`,
      );
    return id;
  }

  private subnetRef(v: TfView, name: string, value?: string): string {
    return this.ref(this.subnets, v, name, 'tencentcloud_subnet', value);
  }

  run(): { plan: Plan; problems: ImportProblem[] } {
    this.each('tencentcloud_vpc', (r) => {
      const vpc: Mutable<Vpc> = named({ id: r.id, cidr: cidr(r, 'cidr_block', 4) }, str(r, 'name'));
      if (r.region) vpc.region = r.region;
      const secondary = strList(r, 'assistant_cidrs').map((c) => cidr(r, 'assistant_cidrs', 4, c));
      if (secondary.length > 0) vpc.secondaryCidrs = secondary;
      this.vpcs.set(r.id, vpc);
    });
    this.each('tencentcloud_vpc_ipv6_cidr_block', (r) => {
      const vpc = this.vpcs.get(this.ref(this.vpcs, r, 'vpc_id', 'tencentcloud_vpc'))!;
      const block = this.optional(r, 'ipv6_cidr_block', () => str(r, 'ipv6_cidr_block'));
      if (block !== undefined) vpc.ipv6Cidr = cidr(r, 'ipv6_cidr_block', 6, block);
      else
        this.notes.push(
          `${r.at}: the IPv6 range of VPC ${vpc.name ?? vpc.id} is allocated by Tencent Cloud and not known yet: left out`,
        );
    });
    this.each('tencentcloud_route_table', (r) => {
      const vpc = this.ref(this.vpcs, r, 'vpc_id', 'tencentcloud_vpc');
      this.tables.set(r.id, named({ id: r.id, vpc, routes: [] }, str(r, 'name')));
    });
    this.each('tencentcloud_subnet', (r) => {
      const vpc = this.ref(this.vpcs, r, 'vpc_id', 'tencentcloud_vpc');
      const s: Mutable<Subnet> = named(
        { id: r.id, vpc, cidr: cidr(r, 'cidr_block', 4) },
        str(r, 'name'),
      );
      const zone = this.optional(r, 'availability_zone', () => str(r, 'availability_zone'));
      if (zone !== undefined) s.zone = zone;
      const table = str(r, 'route_table_id');
      // A state names the VPC's default table, which Terraform does not manage: that is what a
      // subnet without a table means in the plan.
      if (table !== undefined && this.tables.has(table)) s.routeTable = table;
      this.subnets.set(r.id, s);
    });
    this.each('tencentcloud_vpc_ipv6_subnet_cidr_block', (r) => {
      for (const b of r.blocks('ipv6_subnet_cidr_blocks')) {
        const s = this.subnets.get(this.subnetRef(b, 'subnet_id'))!;
        const block = this.optional(b, 'ipv6_cidr_block', () => str(b, 'ipv6_cidr_block'));
        if (block !== undefined) s.ipv6Cidr = cidr(b, 'ipv6_cidr_block', 6, block);
      }
    });
    this.each('tencentcloud_nat_gateway', (r) => {
      const vpc = this.ref(this.vpcs, r, 'vpc_id', 'tencentcloud_vpc');
      this.nats.set(r.id, named({ id: r.id, vpc }, str(r, 'name')));
    });
    this.each('tencentcloud_vpc_peer_connect_manager', (r) => {
      const a = this.ref(this.vpcs, r, 'source_vpc_id', 'tencentcloud_vpc');
      const b = this.ref(this.vpcs, r, 'destination_vpc_id', 'tencentcloud_vpc');
      this.peerings.set(
        r.id,
        named({ id: r.id, vpcs: [a, b] as const }, str(r, 'peering_connection_name')),
      );
    });
    this.each('tencentcloud_ccn', (r) => {
      const c: Mutable<Ccn> = named({ id: r.id, attachments: [] }, str(r, 'name'));
      const d = str(r, 'description');
      if (d !== undefined) c.description = d;
      this.ccns.set(r.id, c);
    });
    for (const type of Object.keys(RESOURCE_KIND_OF_TYPE)) this.each(type, (r) => this.resource(r));
    this.each('tencentcloud_kubernetes_cluster', (r) => this.cluster(r));
    this.each('tencentcloud_kubernetes_node_pool', (r) => this.nodePool(r));
    this.vpnIdcs();
    this.dcIdcs();
    for (const type of ['tencentcloud_ccn_attachment', 'tencentcloud_ccn_attachment_v2'])
      this.each(type, (r) => this.ccnAttachment(r));
    this.each('tencentcloud_route_table_entry', (r) => this.route(r));

    const plan: Plan = renameIds(
      {
        ...emptyPlan(),
        vpcs: [...this.vpcs.values()],
        subnets: [...this.subnets.values()],
        clusters: [...this.clusters.values()],
        resources: [...this.resources.values()],
        natGateways: [...this.nats.values()],
        peerings: [...this.peerings.values()],
        ccns: [...this.ccns.values()],
        idcs: [...this.idcs.values()],
        routeTables: [...this.tables.values()],
      },
      (id) => this.planIds.get(id) ?? id,
    );
    return { plan, problems: this.problems };
  }

  private resource(r: TfResource): void {
    const kind = RESOURCE_KIND_OF_TYPE[r.type]!;
    const subnetId = str(r, 'subnet_id');
    if (subnetId === undefined) {
      this.skipped.add(
        r.type,
        r.address,
        r.type === 'tencentcloud_clb_instance'
          ? 'a public (OPEN) load balancer has no subnet'
          : 'no subnet_id: not in a VPC',
      );
      return;
    }
    const subnet = this.subnetRef(r, 'subnet_id', subnetId);
    const nameArg = {
      tencentcloud_instance: 'instance_name',
      tencentcloud_mysql_instance: 'instance_name',
      tencentcloud_redis_instance: 'name',
      tencentcloud_clb_instance: 'clb_name',
    }[r.type]!;
    const o: Mutable<Resource> = named({ id: r.id, kind, subnet }, str(r, nameArg));
    let address: string | undefined;
    if (r.type === 'tencentcloud_instance')
      address = this.optional(r, 'private_ip', () => ip(r, 'private_ip'));
    else if (r.type === 'tencentcloud_mysql_instance')
      address = this.optional(r, 'intranet_ip', () => ip(r, 'intranet_ip'));
    else if (r.type === 'tencentcloud_redis_instance')
      address = this.optional(r, 'ip', () => ip(r, 'ip'));
    else if (r.type === 'tencentcloud_eni') {
      const primary = r.blocks('ipv4s').find((b) => bool(b, 'primary') !== false);
      if (primary) address = this.optional(primary, 'ip', () => ip(primary, 'ip'));
    } else {
      // The first IPv4 VIP: the address pods reach an internal load balancer at.
      address = strList(r, 'clb_vips').find((x) => {
        const p = parseIp(x);
        return p.ok && p.cidr.family === 4;
      });
      if (address === undefined) address = this.optional(r, 'vip', () => ip(r, 'vip'));
    }
    if (address !== undefined) {
      o.ip = address;
      if (kind === 'cvm') this.cvmByIp.set(address, r.id);
    }
    this.resources.set(r.id, o);
  }

  private cluster(r: TfResource): void {
    const vpc = this.ref(this.vpcs, r, 'vpc_id', 'tencentcloud_vpc');
    const type = str(r, 'network_type') ?? 'GR';
    if (type !== 'GR' && type !== 'VPC-CNI') {
      this.skipped.add(
        r.type,
        r.address,
        `network_type ${type} is not modelled (GR and VPC-CNI are)`,
      );
      return;
    }
    const c: Mutable<Cluster> = named({ id: r.id, vpc }, str(r, 'cluster_name'));
    const desc = str(r, 'cluster_desc');
    if (desc !== undefined) c.description = desc;
    if (type === 'VPC-CNI') {
      c.mode = 'vpc-cni';
      const pods = strList(r, 'eni_subnet_ids').map((id) =>
        this.subnetRef(r, 'eni_subnet_ids', id),
      );
      if (pods.length > 0) c.podSubnets = pods;
    }
    const container = str(r, 'cluster_cidr');
    if (container !== undefined) c.containerCidr = cidr(r, 'cluster_cidr', 4, container);
    const service = str(r, 'service_cidr');
    if (service !== undefined) c.serviceCidr = cidr(r, 'service_cidr', 4, service);
    if (type === 'GR') {
      const pods = num(r, 'cluster_max_pod_num');
      if (pods !== undefined) c.maxPodsPerNode = pods;
      const services = num(r, 'cluster_max_service_num');
      if (services !== undefined) c.maxServices = services;
    }
    if (bool(r, 'ignore_cluster_cidr_conflict')) c.ignoreRouteConflict = true;
    for (const w of r.blocks('worker_config')) {
      this.addNodes(
        c,
        [this.subnetRef(w, 'subnet_id')],
        num(w, 'count') ?? 1,
        bool(w, 'public_ip_assigned'),
      );
    }
    this.clusters.set(r.id, c);
  }

  private nodePool(r: TfResource): void {
    const clusterId = need(r, 'cluster_id');
    const c = this.clusters.get(clusterId);
    if (!c) {
      // A pool of a cluster that was skipped (another network type) goes with it.
      if (
        (this.byType.get('tencentcloud_kubernetes_cluster') ?? []).some((x) => x.id === clusterId)
      )
        return;
      throw new ImportError(
        r.where('cluster_id'),
        `cluster_id ${JSON.stringify(clusterId)} names no tencentcloud_kubernetes_cluster in the input`,
      );
    }
    const subnets = strList(r, 'subnet_ids').map((id) => this.subnetRef(r, 'subnet_ids', id));
    const count = num(r, 'desired_capacity') ?? num(r, 'node_count') ?? num(r, 'max_size') ?? 0;
    const scaling = r.blocks('auto_scaling_config')[0];
    this.addNodes(c, subnets, count, scaling ? bool(scaling, 'public_ip_assigned') : undefined);
  }

  private addNodes(
    c: Mutable<Cluster>,
    subnets: string[],
    count: number,
    publicIp: boolean | undefined,
  ): void {
    const list = c.nodeSubnets ?? [];
    for (const s of subnets) if (!list.includes(s)) list.push(s);
    if (list.length > 0) c.nodeSubnets = list;
    if (count > 0) c.nodeCount = (c.nodeCount ?? 0) + count;
    if (publicIp) c.nodePublicIp = true;
  }

  /** IDCs reached over VPN: one per customer gateway, its ranges from the connections' policies. */
  private vpnIdcs(): void {
    this.each('tencentcloud_vpn_gateway', (r) => {
      const type = str(r, 'type') ?? 'IPSEC';
      const vpcId = str(r, 'vpc_id');
      const ccnGateway = type === 'CCN' || type === 'SSL_CCN';
      this.vpnGatewayVpc.set(
        r.id,
        ccnGateway || vpcId === undefined
          ? undefined
          : this.ref(this.vpcs, r, 'vpc_id', 'tencentcloud_vpc', vpcId),
      );
    });
    const customers = new Map<string, TfResource>();
    this.each('tencentcloud_vpn_customer_gateway', (r) => customers.set(r.id, r));
    const used = new Set<string>();
    this.each('tencentcloud_vpn_connection', (r) => {
      const gw = this.ref(this.vpnGatewayVpc, r, 'vpn_gateway_id', 'tencentcloud_vpn_gateway');
      const cgwId = this.ref(
        customers,
        r,
        'customer_gateway_id',
        'tencentcloud_vpn_customer_gateway',
      );
      const cgw = customers.get(cgwId)!;
      used.add(cgwId);
      const vpc =
        this.vpnGatewayVpc.get(gw) ??
        (str(r, 'vpc_id') !== undefined
          ? this.ref(this.vpcs, r, 'vpc_id', 'tencentcloud_vpc')
          : undefined);
      let idc = this.idcs.get(cgwId);
      if (!idc) {
        idc = named<Mutable<Idc>>(
          { id: cgwId, cidrs: [], vpc: vpc ?? '', link: 'vpn' },
          str(cgw, 'name'),
        );
        this.idcs.set(cgwId, idc);
      }
      if (vpc !== undefined && idc.vpc === undefined) idc.vpc = vpc;
      for (const p of r.blocks('security_group_policy')) {
        for (const c of strList(p, 'remote_cidr_block')) {
          const text = cidr(p, 'remote_cidr_block', 'any', c);
          if (!idc.cidrs.includes(text)) idc.cidrs.push(text);
        }
        const local = str(p, 'local_cidr_block');
        if (local !== undefined) {
          const text = cidr(p, 'local_cidr_block', 'any', local);
          const back = (idc.returnRoutes ??= []);
          if (!back.includes(text)) back.push(text);
        }
      }
      const list = this.idcsOfVpnGateway.get(gw) ?? [];
      if (!list.includes(cgwId)) list.push(cgwId);
      this.idcsOfVpnGateway.set(gw, list);
      if (this.vpnGatewayVpc.get(gw) === undefined) this.ccnGatewayIdcs.set(gw, list);
    });
    for (const [id, r] of customers) {
      if (!used.has(id))
        this.skipped.add(
          r.type,
          r.address,
          'no tencentcloud_vpn_connection uses this customer gateway',
        );
    }
    for (const [id, idc] of this.idcs) {
      if (idc.cidrs.length === 0) {
        this.idcs.delete(id);
        this.skipped.add(
          'tencentcloud_vpn_customer_gateway',
          id,
          'its VPN connections name no remote ranges (security_group_policy.remote_cidr_block)',
        );
      }
    }
  }

  /** IDCs reached over Direct Connect: one per Direct Connect gateway. */
  private dcIdcs(): void {
    const ranges = new Map<string, string[]>();
    this.each('tencentcloud_dc_gateway_ccn_route', (r) => {
      // A CCN gateway of an IDC that CIDR Canvas does not create is a variable in an export.
      const dcg = this.optional(r, 'dcg_id', () => need(r, 'dcg_id'));
      if (dcg === undefined) return;
      const list = ranges.get(dcg) ?? [];
      list.push(cidr(r, 'cidr_block', 'any'));
      ranges.set(dcg, list);
    });
    // Routes through a gateway say what lies behind it, too.
    for (const e of this.byType.get('tencentcloud_route_table_entry') ?? []) {
      try {
        if (str(e, 'next_type') !== 'DIRECTCONNECT') continue;
        const hub = str(e, 'next_hub');
        const dest = str(e, 'destination_cidr_block');
        if (hub === undefined || dest === undefined || !parseCidr(dest).ok) continue;
        const list = ranges.get(hub) ?? [];
        if (!list.includes(dest)) list.push(dest);
        ranges.set(hub, list);
      } catch {
        // Reported when the route itself is read.
      }
    }
    this.each('tencentcloud_dc_gateway', (r) => {
      const type = need(r, 'network_type');
      const cidrs = ranges.get(r.id) ?? [];
      if (cidrs.length === 0) {
        this.skipped.add(
          r.type,
          r.address,
          'no IDC ranges: no tencentcloud_dc_gateway_ccn_route or route through it',
        );
        return;
      }
      const idc: Mutable<Idc> = named(
        { id: r.id, cidrs, vpc: '', link: 'direct-connect' },
        str(r, 'name'),
      );
      if (type === 'VPC')
        idc.vpc = this.ref(this.vpcs, r, 'network_instance_id', 'tencentcloud_vpc');
      else if (type === 'CCN') {
        const ccn = this.ccns.get(
          this.ref(this.ccns, r, 'network_instance_id', 'tencentcloud_ccn'),
        )!;
        if (!ccn.attachments.includes(r.id)) ccn.attachments.push(r.id);
      } else
        throw new ImportError(
          r.where('network_type'),
          `network_type should be VPC or CCN, got ${JSON.stringify(type)}`,
        );
      this.idcs.set(r.id, idc);
      this.planIds.set(r.id, r.planId ?? r.id);
    });
  }

  private ccnAttachment(r: TfResource): void {
    const ccn = this.ccns.get(this.ref(this.ccns, r, 'ccn_id', 'tencentcloud_ccn'))!;
    const type = need(r, 'instance_type');
    // An IDC's CCN gateway is a variable in an export (CIDR Canvas does not create it): left out
    // and said so; the CCN's cidr-canvas line still names the IDC.
    const instance =
      type === 'VPC'
        ? need(r, 'instance_id')
        : this.optional(r, 'instance_id', () => need(r, 'instance_id'));
    if (instance === undefined) return;
    let members: string[];
    if (type === 'VPC')
      members = [this.ref(this.vpcs, r, 'instance_id', 'tencentcloud_vpc', instance)];
    else if (type === 'VPNGW')
      members = this.ccnGatewayIdcs.get(instance) ?? this.idcsOfVpnGateway.get(instance) ?? [];
    else if (type === 'DIRECTCONNECT') members = this.idcs.has(instance) ? [instance] : [];
    else {
      this.skipped.add(
        r.type,
        r.address,
        `instance_type ${type} is not modelled (VPC, VPNGW and DIRECTCONNECT are)`,
      );
      return;
    }
    if (members.length === 0) {
      this.skipped.add(r.type, r.address, `${type} ${instance} reaches no IDC of the input`);
      return;
    }
    for (const m of members) if (!ccn.attachments.includes(m)) ccn.attachments.push(m);
  }

  private route(r: TfResource): void {
    const table = this.tables.get(
      this.ref(this.tables, r, 'route_table_id', 'tencentcloud_route_table'),
    )!;
    const destination = cidr(r, 'destination_cidr_block', 'any');
    const type = need(r, 'next_type');
    if (!NEXT_TYPES_KEPT.has(type)) {
      this.skipped.add(r.type, r.address, `next_type ${type} is not modelled`);
      return;
    }
    const hub = need(r, 'next_hub');
    let target: string | undefined;
    switch (type) {
      case 'NAT':
        target = this.ref(this.nats, r, 'next_hub', 'tencentcloud_nat_gateway', hub);
        break;
      case 'PEERCONNECTION':
        target = this.ref(
          this.peerings,
          r,
          'next_hub',
          'tencentcloud_vpc_peer_connect_manager',
          hub,
        );
        break;
      case 'CCN':
      case 'USER_CCN':
        target = this.ref(this.ccns, r, 'next_hub', 'tencentcloud_ccn', hub);
        break;
      case 'VPN': {
        const idcs = this.idcsOfVpnGateway.get(hub);
        if (!idcs)
          throw new ImportError(
            r.where('next_hub'),
            `next_hub ${JSON.stringify(hub)} names no tencentcloud_vpn_gateway with a connection in the input`,
          );
        const d = parseCidr(destination);
        target =
          idcs.find(
            (id) =>
              d.ok &&
              this.idcs.get(id)?.cidrs.some((c) => {
                const x = parseCidr(c);
                return (
                  x.ok &&
                  x.cidr.family === d.cidr.family &&
                  x.cidr.lo <= d.cidr.lo &&
                  d.cidr.hi <= x.cidr.hi
                );
              }),
          ) ?? idcs[0];
        break;
      }
      case 'DIRECTCONNECT':
        target = this.ref(this.idcs, r, 'next_hub', 'tencentcloud_dc_gateway', hub);
        break;
      default: {
        // NORMAL_CVM takes the CVM's private IP; CVM its instance id.
        target =
          this.cvmByIp.get(hub) ?? (this.resources.get(hub)?.kind === 'cvm' ? hub : undefined);
        if (target === undefined)
          throw new ImportError(
            r.where('next_hub'),
            `next_hub ${JSON.stringify(hub)} is no tencentcloud_instance (by private IP or id) of the input`,
          );
      }
    }
    const route: Route = { destination, target: target! };
    table.routes.push(route);
  }
}

/** Plan objects from Terraform resources; problems (with their places) instead when any is wrong. */
export function mapTerraform(
  resources: readonly TfResource[],
  skipped: SkipList,
): { ok: true; plan: Plan; notes: string[] } | { ok: false; problems: ImportProblem[] } {
  const m = new Mapper(resources, skipped);
  const { plan, problems } = m.run();
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, plan, notes: m.notes };
}
