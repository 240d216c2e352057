// A plan as Terraform for the tencentcloud provider (registry source tencentcloudstack/tencentcloud).
// Resource types and argument names are the provider's own, as its documentation and schema
// define them:
//   tencentcloud_vpc                   name, cidr_block, assistant_cidrs (secondary IPv4 CIDRs)
//   tencentcloud_vpc_ipv6_cidr_block   vpc_id; Tencent Cloud allocates the /56 (attribute ipv6_cidr_block)
//   tencentcloud_vpc_ipv6_subnet_cidr_block  vpc_id, ipv6_subnet_cidr_blocks { subnet_id, ipv6_cidr_block }
//   tencentcloud_subnet                vpc_id, name, cidr_block, availability_zone (required), route_table_id
//   tencentcloud_route_table           vpc_id, name
//   tencentcloud_route_table_entry     route_table_id, destination_cidr_block, next_type, next_hub;
//                                      next_type NAT, PEERCONNECTION, CCN, VPN, DIRECTCONNECT, NORMAL_CVM
//                                      (NORMAL_CVM takes the CVM's private IP as next_hub)
//   tencentcloud_eip                   name; attribute public_ip
//   tencentcloud_nat_gateway           vpc_id, name, assigned_eip_set (required, 1 to 10 EIPs)
//   tencentcloud_vpc_peer_connect_manager  source_vpc_id, peering_connection_name, destination_vpc_id,
//                                      destination_uin, destination_region (all required)
//   data tencentcloud_user_info        attribute owner_uin
//   tencentcloud_ccn                   name, description (at most 100 bytes)
//   tencentcloud_ccn_attachment        ccn_id, instance_type (VPC), instance_id, instance_region
//   tencentcloud_kubernetes_cluster    vpc_id (the only required argument), cluster_name, cluster_desc,
//                                      cluster_version, cluster_deploy_type, container_runtime,
//                                      network_type (GR or VPC-CNI), cluster_cidr, cluster_max_pod_num,
//                                      cluster_max_service_num, service_cidr, eni_subnet_ids,
//                                      ignore_cluster_cidr_conflict
//   tencentcloud_kubernetes_node_pool  name (at most 25 characters), cluster_id, vpc_id, subnet_ids,
//                                      min_size, max_size, desired_capacity, enable_auto_scale,
//                                      auto_scaling_config { instance_type, public_ip_assigned, ... }
// Names the provider limits to 60 bytes (VPC, subnet, route table, NAT gateway, CCN) are cut to fit.
// The output is deterministic: the plan's order, and names derived from its ids.
import { globalRouterNumbers } from '../../domain/capacity/capacity';
import { cidrOf, contains } from '../../domain/ip/cidr';
import { clusterMode, label, maxPodsPerNode, maxServices } from '../../domain/model/defaults';
import { PlanIndex } from '../../domain/model/plan-index';
import type {
  Ccn,
  Cluster,
  Idc,
  NatGateway,
  Peering,
  Plan,
  Resource,
  RouteTable,
  Subnet,
  Vpc,
} from '../../domain/model/plan';
import { invalidTargetReason } from '../../domain/routing/route-table';
import {
  attr,
  blank,
  block,
  bool,
  list,
  NameAllocator,
  note,
  num,
  raw,
  renderHcl,
  str,
  truncateUtf8,
  type Expr,
  type Item,
} from './hcl';

/** The region of the default provider when no VPC names one. */
export const FALLBACK_REGION = 'ap-guangzhou';
/** The Kubernetes version clusters are created with; a variable, so it can be changed. */
export const DEFAULT_CLUSTER_VERSION = '1.30.0';
/** Bandwidth of node public IPs, in Mbps, when the plan gives nodes public IPs. */
const NODE_PUBLIC_BANDWIDTH = 10;

const NAME_MAX_BYTES = 60;
const CCN_DESCRIPTION_MAX_BYTES = 100;
const NODE_POOL_NAME_MAX = 25;

interface Variable {
  readonly name: string;
  readonly comments: readonly string[];
  readonly description: string;
  readonly default?: string;
}

class Exporter {
  private readonly ix: PlanIndex;
  private readonly names = new NameAllocator();
  private readonly variables = new Map<string, Variable>();
  private readonly defaultRegion: string;
  private readonly aliases = new Map<string, string>();
  private usesUserInfo = false;

  constructor(private readonly plan: Plan) {
    this.ix = new PlanIndex(plan);
    this.defaultRegion = plan.vpcs.find((v) => v.region)?.region ?? FALLBACK_REGION;
    // Plan objects first and in plan order, so that they get the cleanest names.
    for (const key of [
      'vpcs',
      'subnets',
      'routeTables',
      'natGateways',
      'peerings',
      'ccns',
      'clusters',
      'idcs',
      'resources',
    ] as const) {
      for (const o of plan[key]) this.names.name(o.id);
    }
    const aliasNames = new NameAllocator();
    for (const v of plan.vpcs) {
      if (v.region && v.region !== this.defaultRegion && !this.aliases.has(v.region))
        this.aliases.set(v.region, aliasNames.name(v.region));
    }
  }

  private tf(id: string): string {
    return this.names.name(id);
  }

  private ref(type: string, id: string, attribute = 'id'): Expr {
    return raw(`${type}.${this.tf(id)}.${attribute}`);
  }

  private regionOf(vpcId: string | undefined): string {
    return this.ix.vpc(vpcId)?.region ?? this.defaultRegion;
  }

  /** The `provider` meta-argument for an object in a VPC outside the default region. */
  private providerFor(vpcId: string | undefined): Item[] {
    const region = this.ix.vpc(vpcId)?.region;
    const alias = region === undefined ? undefined : this.aliases.get(region);
    return alias === undefined ? [] : [attr('provider', raw(`tencentcloud.${alias}`))];
  }

  private variable(v: Variable): Expr {
    if (!this.variables.has(v.name)) this.variables.set(v.name, v);
    return raw(`var.${v.name}`);
  }

  private nameArg(o: { id: string; name?: string }, key = 'name'): Item {
    return attr(key, str(truncateUtf8(label(o), NAME_MAX_BYTES) || o.id || 'unnamed'));
  }

  private describe(o: { id: string; name?: string; description?: string }, what: string): Item[] {
    const out = [note(`${what} ${label(o)} (plan id ${o.id})`)];
    if (o.description) out.push(note(o.description));
    return out;
  }

  // --- VPCs and subnets ---------------------------------------------------------------------

  private vpcItems(v: Vpc): Item[] {
    const items: Item[] = [
      ...this.providerFor(v.id),
      this.nameArg(v),
      attr('cidr_block', str(v.cidr)),
    ];
    if (v.secondaryCidrs && v.secondaryCidrs.length > 0)
      items.push(attr('assistant_cidrs', list(v.secondaryCidrs.map(str))));
    const out: Item[] = [
      ...this.describe(v, 'VPC'),
      block(`resource "tencentcloud_vpc" "${this.tf(v.id)}"`, items),
      blank,
    ];
    if (v.ipv6Cidr) {
      out.push(
        note(`The plan gives this VPC the IPv6 range ${v.ipv6Cidr}. Tencent Cloud allocates the`),
        note('actual /56 itself; subnets below take the same position inside it as in the plan.'),
        block(`resource "tencentcloud_vpc_ipv6_cidr_block" "${this.tf(v.id)}"`, [
          ...this.providerFor(v.id),
          attr('vpc_id', this.ref('tencentcloud_vpc', v.id)),
        ]),
        blank,
      );
    }
    return out;
  }

  private subnetItems(s: Subnet): Item[] {
    if (!this.ix.vpc(s.vpc))
      return [note(`Subnet ${label(s)} left out: its VPC is missing`), blank];
    const zone =
      s.zone !== undefined
        ? str(s.zone)
        : this.variable({
            name: 'default_availability_zone',
            comments: ['The plan names no availability zone for some subnets; they go here.'],
            description: 'Availability zone for the subnets whose plan names none',
          });
    const items: Item[] = [
      ...this.providerFor(s.vpc),
      attr('vpc_id', this.ref('tencentcloud_vpc', s.vpc)),
      this.nameArg(s),
      attr('cidr_block', str(s.cidr)),
      attr('availability_zone', zone),
    ];
    if (s.routeTable && this.ix.routeTable(s.routeTable))
      items.push(attr('route_table_id', this.ref('tencentcloud_route_table', s.routeTable)));
    return [
      ...this.describe(s, 'Subnet'),
      ...(s.routeTable ? [] : [note("No route table in the plan: the VPC's default table.")]),
      block(`resource "tencentcloud_subnet" "${this.tf(s.id)}"`, items),
      blank,
    ];
  }

  /** IPv6 ranges of a VPC's subnets, as offsets into the range Tencent Cloud allocates. */
  private ipv6SubnetItems(v: Vpc): Item[] {
    const subnets = this.ix.subnetsOf(v.id).filter((s) => s.ipv6Cidr);
    if (subnets.length === 0) return [];
    if (!v.ipv6Cidr) {
      return [
        ...subnets.map((s) =>
          note(
            `Subnet ${label(s)} has IPv6 range ${s.ipv6Cidr} but VPC ${label(v)} has none: left out`,
          ),
        ),
        blank,
      ];
    }
    const vpc6 = cidrOf(v.ipv6Cidr);
    const blocks: Item[] = [];
    for (const s of subnets) {
      const sub6 = cidrOf(s.ipv6Cidr!);
      let value: Expr;
      if (contains(vpc6, sub6) && sub6.family === 6 && vpc6.family === 6) {
        const newBits = sub6.prefix - vpc6.prefix;
        const index = (sub6.lo - vpc6.lo) >> BigInt(128 - sub6.prefix);
        value =
          newBits === 0
            ? this.ref('tencentcloud_vpc_ipv6_cidr_block', v.id, 'ipv6_cidr_block')
            : raw(
                `cidrsubnet(tencentcloud_vpc_ipv6_cidr_block.${this.tf(v.id)}.ipv6_cidr_block, ${newBits}, ${index})`,
              );
      } else value = str(s.ipv6Cidr!);
      if (blocks.length > 0) blocks.push(blank);
      blocks.push(
        note(`${label(s)}: ${s.ipv6Cidr} in the plan`),
        block('ipv6_subnet_cidr_blocks', [
          attr('subnet_id', this.ref('tencentcloud_subnet', s.id)),
          attr('ipv6_cidr_block', value),
        ]),
      );
    }
    return [
      block(`resource "tencentcloud_vpc_ipv6_subnet_cidr_block" "${this.tf(v.id)}"`, [
        ...this.providerFor(v.id),
        attr('vpc_id', this.ref('tencentcloud_vpc', v.id)),
        blank,
        ...blocks,
      ]),
      blank,
    ];
  }

  // --- Route tables ---------------------------------------------------------------------------

  private routeTableItems(t: RouteTable): Item[] {
    if (!this.ix.vpc(t.vpc))
      return [note(`Route table ${label(t)} left out: its VPC is missing`), blank];
    const out: Item[] = [
      ...this.describe(t, 'Route table'),
      block(`resource "tencentcloud_route_table" "${this.tf(t.id)}"`, [
        ...this.providerFor(t.vpc),
        attr('vpc_id', this.ref('tencentcloud_vpc', t.vpc)),
        this.nameArg(t),
      ]),
      blank,
    ];
    t.routes.forEach((route, i) => {
      const n = i + 1;
      const what = `Route ${n} of ${label(t)}: ${route.destination} via ${route.target}`;
      const reason = invalidTargetReason(this.ix, t.vpc, route);
      if (reason !== undefined) {
        out.push(note(`${what} left out: ${reason} (ROUTE_TARGET_INVALID)`), blank);
        return;
      }
      if (cidrOf(route.destination).family === 6) {
        out.push(
          note(`${what} left out: tencentcloud_route_table_entry takes IPv4 destinations only`),
          blank,
        );
        return;
      }
      const hop = this.nextHop(route.target);
      out.push(
        note(what),
        ...hop.comments.map(note),
        block(
          `resource "tencentcloud_route_table_entry" "${this.names.name(`${t.id}\u0000${i}`, `${this.tf(t.id)}_${n}`)}"`,
          [
            ...this.providerFor(t.vpc),
            attr('route_table_id', this.ref('tencentcloud_route_table', t.id)),
            attr('destination_cidr_block', str(route.destination)),
            attr('next_type', str(hop.type)),
            attr('next_hub', hop.hub),
          ],
        ),
        blank,
      );
    });
    return out;
  }

  /** next_type and next_hub for a route target already known to be valid. */
  private nextHop(target: string): { type: string; hub: Expr; comments: string[] } {
    switch (this.ix.kindOf(target)) {
      case 'natGateway':
        return { type: 'NAT', hub: this.ref('tencentcloud_nat_gateway', target), comments: [] };
      case 'peering':
        return {
          type: 'PEERCONNECTION',
          hub: this.ref('tencentcloud_vpc_peer_connect_manager', target),
          comments: [],
        };
      case 'ccn':
        return { type: 'CCN', hub: this.ref('tencentcloud_ccn', target), comments: [] };
      case 'idc':
        return this.idcHop(this.ix.idc(target)!);
      default: {
        const r = this.ix.resource(target)!;
        const hub = r.ip
          ? str(r.ip)
          : this.variable({
              name: `${this.tf(r.id)}_private_ip`,
              comments: [
                `CVM ${label(r)} is a next hop, but the plan gives it no address: set its private IP.`,
              ],
              description: `Private IP of CVM ${label(r)}, the next hop of a route`,
            });
        return {
          type: 'NORMAL_CVM',
          hub,
          comments: [`Next hop: CVM ${label(r)}, by its private IP.`],
        };
      }
    }
  }

  private idcHop(idc: Idc): { type: string; hub: Expr; comments: string[] } {
    const dc = idc.link === 'direct-connect';
    const hub = this.variable({
      name: `${this.tf(idc.id)}_${dc ? 'dc' : 'vpn'}_gateway_id`,
      comments: [
        `IDC ${label(idc)} (${idc.cidrs.join(', ')}) is reached over ${dc ? 'Direct Connect' : 'VPN'}.`,
        dc
          ? 'CIDR Canvas does not model the Direct Connect gateway: create it, then set its ID here.'
          : 'CIDR Canvas does not model the VPN gateway, customer gateway and tunnel: create them, then set the VPN gateway ID here.',
      ],
      description: `ID of the ${dc ? 'Direct Connect gateway (dcg-...)' : 'VPN gateway (vpngw-...)'} that reaches IDC ${label(idc)}`,
    });
    return {
      type: dc ? 'DIRECTCONNECT' : 'VPN',
      hub,
      comments: [`Next hop: the ${dc ? 'Direct Connect' : 'VPN'} gateway to IDC ${label(idc)}.`],
    };
  }

  // --- Gateways and connections ---------------------------------------------------------------

  private natItems(n: NatGateway): Item[] {
    if (!this.ix.vpc(n.vpc))
      return [note(`NAT gateway ${label(n)} left out: its VPC is missing`), blank];
    const name = this.tf(n.id);
    return [
      ...this.describe(n, 'NAT gateway'),
      note('A NAT gateway needs at least one EIP (assigned_eip_set).'),
      block(`resource "tencentcloud_eip" "${name}"`, [...this.providerFor(n.vpc), this.nameArg(n)]),
      blank,
      block(`resource "tencentcloud_nat_gateway" "${name}"`, [
        ...this.providerFor(n.vpc),
        attr('vpc_id', this.ref('tencentcloud_vpc', n.vpc)),
        this.nameArg(n),
        attr('assigned_eip_set', list([this.ref('tencentcloud_eip', n.id, 'public_ip')])),
      ]),
      blank,
    ];
  }

  private peeringItems(p: Peering): Item[] {
    const [a, b] = p.vpcs;
    if (!this.ix.vpc(a) || !this.ix.vpc(b))
      return [note(`Peering ${label(p)} left out: a VPC is missing`), blank];
    this.usesUserInfo = true;
    return [
      ...this.describe(p, 'Peering'),
      note(
        `From VPC ${label(this.ix.vpc(a))} to VPC ${label(this.ix.vpc(b))}, both in this account.`,
      ),
      block(`resource "tencentcloud_vpc_peer_connect_manager" "${this.tf(p.id)}"`, [
        ...this.providerFor(a),
        attr('source_vpc_id', this.ref('tencentcloud_vpc', a)),
        this.nameArg(p, 'peering_connection_name'),
        attr('destination_vpc_id', this.ref('tencentcloud_vpc', b)),
        attr('destination_uin', raw('data.tencentcloud_user_info.current.owner_uin')),
        attr('destination_region', str(this.regionOf(b))),
      ]),
      blank,
    ];
  }

  private ccnItems(c: Ccn): Item[] {
    const items: Item[] = [this.nameArg(c)];
    if (c.description)
      items.push(attr('description', str(truncateUtf8(c.description, CCN_DESCRIPTION_MAX_BYTES))));
    const out: Item[] = [
      ...this.describe(c, 'CCN'),
      block(`resource "tencentcloud_ccn" "${this.tf(c.id)}"`, items),
      blank,
    ];
    for (const member of new Set(c.attachments)) {
      const v = this.ix.vpc(member);
      if (v) {
        out.push(
          block(
            `resource "tencentcloud_ccn_attachment" "${this.names.name(`${c.id}\u0000${v.id}`, `${this.tf(c.id)}_${this.tf(v.id)}`)}"`,
            [
              attr('ccn_id', this.ref('tencentcloud_ccn', c.id)),
              attr('instance_type', str('VPC')),
              attr('instance_id', this.ref('tencentcloud_vpc', v.id)),
              attr('instance_region', str(this.regionOf(v.id))),
            ],
          ),
          blank,
        );
        continue;
      }
      const cl = this.ix.cluster(member);
      out.push(
        cl
          ? note(
              `Cluster ${label(cl)} registers its container CIDR with CCN ${label(c)}: the provider has no resource for this; turn it on in the TKE console.`,
            )
          : note(`Attachment ${member} of CCN ${label(c)} left out: not a VPC or cluster`),
        blank,
      );
    }
    return out;
  }

  private idcItems(idc: Idc): Item[] {
    const v = this.ix.vpc(idc.vpc);
    return [
      note(
        `IDC ${label(idc)} (plan id ${idc.id}): ${idc.cidrs.join(', ')} over ${idc.link === 'direct-connect' ? 'Direct Connect' : 'VPN'} to VPC ${label(v, idc.vpc)}; not created here.`,
      ),
      ...(idc.description ? [note(idc.description)] : []),
    ];
  }

  // --- Clusters -------------------------------------------------------------------------------

  private clusterItems(c: Cluster): Item[] {
    if (!this.ix.vpc(c.vpc))
      return [note(`Cluster ${label(c)} left out: its VPC is missing`), blank];
    const cni = clusterMode(c) === 'vpc-cni';
    const version = this.variable({
      name: 'cluster_version',
      comments: ['Kubernetes version of the TKE clusters.'],
      description: 'Kubernetes version of the TKE clusters',
      default: DEFAULT_CLUSTER_VERSION,
    });
    const items: Item[] = [
      ...this.providerFor(c.vpc),
      attr('vpc_id', this.ref('tencentcloud_vpc', c.vpc)),
      attr('cluster_name', str(truncateUtf8(label(c), NAME_MAX_BYTES) || c.id)),
    ];
    if (c.description) items.push(attr('cluster_desc', str(c.description)));
    items.push(
      attr('cluster_version', version),
      attr('cluster_deploy_type', str('MANAGED_CLUSTER')),
      attr('container_runtime', str('containerd')),
      attr('network_type', str(cni ? 'VPC-CNI' : 'GR')),
    );
    const notes: Item[] = [];
    if (cni) {
      const pods = (c.podSubnets ?? []).filter((id) => this.ix.subnet(id));
      if (pods.length > 0)
        items.push(
          attr('eni_subnet_ids', list(pods.map((id) => this.ref('tencentcloud_subnet', id)))),
        );
      else notes.push(note('The plan gives this VPC-CNI cluster no pod subnets.'));
      if (c.serviceCidr) items.push(attr('service_cidr', str(c.serviceCidr)));
      else notes.push(note('The plan gives this VPC-CNI cluster no service CIDR.'));
    } else {
      if (c.containerCidr) items.push(attr('cluster_cidr', str(c.containerCidr)));
      else notes.push(note('The plan gives this cluster no container CIDR.'));
      items.push(
        attr('cluster_max_pod_num', num(maxPodsPerNode(c))),
        attr('cluster_max_service_num', num(maxServices(c))),
      );
      if (c.serviceCidr) items.push(attr('service_cidr', str(c.serviceCidr)));
      else {
        const carved = globalRouterNumbers(c).serviceCidr;
        if (carved)
          notes.push(note(`TKE carves the service CIDR ${carved} from the end of cluster_cidr.`));
      }
    }
    if (c.ignoreRouteConflict) items.push(attr('ignore_cluster_cidr_conflict', bool(true)));
    return [
      ...this.describe(c, 'TKE cluster'),
      ...notes,
      block(`resource "tencentcloud_kubernetes_cluster" "${this.tf(c.id)}"`, items),
      blank,
      ...this.nodePoolItems(c),
    ];
  }

  /** A node pool in the cluster's node subnets: a placeholder to size and secure before use. */
  private nodePoolItems(c: Cluster): Item[] {
    const subnets = (c.nodeSubnets ?? []).filter((id) => this.ix.subnet(id));
    if (subnets.length === 0)
      return [note(`Cluster ${label(c)} has no node subnets in the plan: no node pool`), blank];
    const instanceType = this.variable({
      name: 'node_instance_type',
      comments: ['CVM instance type of the node pools (for example SA2.MEDIUM4).'],
      description: 'CVM instance type of the TKE node pools',
    });
    const count = c.nodeCount ?? 1;
    const base =
      Array.from(label(c).replace(/[^A-Za-z0-9_.-]/g, ''))
        .slice(0, NODE_POOL_NAME_MAX - '-nodes'.length)
        .join('') || 'cluster';
    const scaling: Item[] = [
      attr('instance_type', instanceType),
      attr('public_ip_assigned', bool(c.nodePublicIp === true)),
    ];
    if (c.nodePublicIp) {
      scaling.push(
        attr('internet_charge_type', str('TRAFFIC_POSTPAID_BY_HOUR')),
        attr('internet_max_bandwidth_out', num(NODE_PUBLIC_BANDWIDTH)),
      );
    }
    return [
      note(`Nodes of ${label(c)}: a placeholder pool of ${count} in the plan's node subnets.`),
      note('Add login settings (key_ids or password) and security groups before applying.'),
      block(
        `resource "tencentcloud_kubernetes_node_pool" "${this.names.name(`${c.id}\u0000nodes`, `${this.tf(c.id)}_nodes`)}"`,
        [
          ...this.providerFor(c.vpc),
          attr('name', str(`${base}-nodes`)),
          attr('cluster_id', this.ref('tencentcloud_kubernetes_cluster', c.id)),
          attr('vpc_id', this.ref('tencentcloud_vpc', c.vpc)),
          attr('subnet_ids', list(subnets.map((id) => this.ref('tencentcloud_subnet', id)))),
          attr('min_size', num(0)),
          attr('max_size', num(count)),
          attr('desired_capacity', num(count)),
          attr('enable_auto_scale', bool(false)),
          blank,
          block('auto_scaling_config', scaling),
        ],
      ),
      blank,
    ];
  }

  private resourceItems(r: Resource): Item[] {
    const s = this.ix.subnet(r.subnet);
    return [
      note(
        `${label(r)} (${r.kind}, plan id ${r.id})${r.ip ? ` at ${r.ip}` : ''} in subnet ${label(s, r.subnet)}; not created here.`,
      ),
    ];
  }

  // --- The file -------------------------------------------------------------------------------

  private section(title: string, items: Item[]): Item[] {
    if (items.length === 0) return [];
    return [note(`--- ${title} ${'-'.repeat(Math.max(3, 90 - title.length))}`), blank, ...items];
  }

  private header(): Item[] {
    const p = this.plan;
    const lines = [
      `Generated by CIDR Canvas from the plan ${p.name ? `"${p.name}"` : '(unnamed)'}.`,
      'Edit the plan and export again rather than editing this file.',
      '',
      'Provider: tencentcloudstack/tencentcloud. Apply with care: review every resource first.',
      '',
      'Not modelled here (create or configure these yourself):',
      '  - IDCs and what reaches them: VPN gateways, customer gateways and tunnels, Direct Connect',
      '    gateways. Routes to an IDC take the gateway ID from a variable.',
      '  - Databases, caches, load balancers and CVMs placed in subnets: listed as comments only.',
      '  - Node login settings, security groups and images. Each cluster gets a placeholder node',
      '    pool; its instance type is a variable.',
      "  - ip-masq-agent's non-masquerade ranges, IDC return routes, flows and the canvas layout.",
      '  - Registration of cluster container CIDRs with a CCN.',
      '  - Exact IPv6 ranges: Tencent Cloud allocates each VPC its /56.',
      '  - Peering acceptance: peerings are requested in this account.',
    ];
    return lines.map((l) => note(l));
  }

  export(): string {
    const p = this.plan;
    const body: Item[] = [
      ...this.section(
        'VPCs and subnets',
        p.vpcs.flatMap((v) => [
          ...this.vpcItems(v),
          ...this.ix.subnetsOf(v.id).flatMap((s) => this.subnetItems(s)),
          ...this.ipv6SubnetItems(v),
        ]),
      ),
      ...this.section(
        'Route tables',
        p.routeTables.flatMap((t) => this.routeTableItems(t)),
      ),
      ...this.section(
        'NAT gateways',
        p.natGateways.flatMap((n) => this.natItems(n)),
      ),
      ...this.section(
        'Peerings',
        p.peerings.flatMap((x) => this.peeringItems(x)),
      ),
      ...this.section(
        'Cloud Connect Networks',
        p.ccns.flatMap((c) => this.ccnItems(c)),
      ),
      ...this.section(
        'TKE clusters',
        p.clusters.flatMap((c) => this.clusterItems(c)),
      ),
      ...this.section('IDCs (not created here)', [
        ...p.idcs.flatMap((i) => this.idcItems(i)),
        ...(p.idcs.length > 0 ? [blank] : []),
      ]),
      ...this.section('Resources in subnets (not created here)', [
        ...p.resources.flatMap((r) => this.resourceItems(r)),
        ...(p.resources.length > 0 ? [blank] : []),
      ]),
    ];
    // Subnets whose VPC is missing from the plan are not reached through their VPC above.
    for (const s of p.subnets) if (!this.ix.vpc(s.vpc)) body.push(...this.subnetItems(s));

    const head: Item[] = [
      ...this.header(),
      blank,
      block('terraform', [
        block('required_providers', [
          attr('tencentcloud', raw('{\n      source = "tencentcloudstack/tencentcloud"\n    }')),
        ]),
      ]),
      blank,
      block('provider "tencentcloud"', [attr('region', str(this.defaultRegion))]),
      blank,
    ];
    for (const [region, alias] of this.aliases) {
      head.push(
        block('provider "tencentcloud"', [attr('alias', str(alias)), attr('region', str(region))]),
        blank,
      );
    }
    for (const v of this.variables.values()) {
      const items: Item[] = [attr('description', str(v.description)), attr('type', raw('string'))];
      if (v.default !== undefined) items.push(attr('default', str(v.default)));
      head.push(...v.comments.map((c) => note(c)), block(`variable "${v.name}"`, items), blank);
    }
    if (this.usesUserInfo) {
      head.push(
        note('The account that owns the VPCs: peerings are requested within it.'),
        block('data "tencentcloud_user_info" "current"', []),
        blank,
      );
    }
    const items = [...head, ...body];
    while (items.length > 0 && items[items.length - 1]!.t === 'blank') items.pop();
    return renderHcl(items);
  }
}

/** The plan as Terraform (HCL) for the tencentcloud provider. */
export function planToTerraform(plan: Plan): string {
  return new Exporter(plan).export();
}
