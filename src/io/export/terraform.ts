// A plan as Terraform for the tencentcloud provider (registry source tencentcloudstack/tencentcloud),
// carrying every object of the plan (docs/terraform-mapping.md lists what becomes what). Resource
// types, argument names and their limits are the provider's own, from its documentation and Go
// schemas. Three things carry a plan: arguments and references for what the provider can say; a
// `cidr-canvas-id` tag with the plan id on every resource that has tags; and, above each object's
// blocks, a `# cidr-canvas: {...}` line with the object exactly as the plan writes it, for what
// Terraform cannot say (exact IPv6 ranges, non-masquerade ranges, reservations...), so that an
// import can rebuild the plan exactly.
// The output is deterministic: the plan's order, names from the objects' names.
import { globalRouterNumbers } from '../../domain/capacity/capacity';
import { cidrOf, contains } from '../../domain/ip/cidr';
import {
  clusterMode,
  idcReturnRoutes,
  label,
  maxPodsPerNode,
  maxServices,
} from '../../domain/model/defaults';
import { PlanIndex } from '../../domain/model/plan-index';
import { COLLECTIONS } from '../../domain/model/plan';
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
import type { Finding } from '../../domain/rules/codes';
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
import { carryLine, PLAN_ID_TAG, tags } from './terraform-carry';
import { nodePoolSizes, NODE_POOL_MAX_NODES, nodePoolName } from './terraform-node-pools';

/** The region of the default provider when no VPC names one. */
export const FALLBACK_REGION = 'ap-guangzhou';
/** The Kubernetes version clusters are created with; a variable, so it can be changed. */
export const DEFAULT_CLUSTER_VERSION = '1.30.0';
/** Bandwidth of node public IPs, in Mbps, when the plan gives nodes public IPs. */
const NODE_PUBLIC_BANDWIDTH = 10;
/** tencentcloud_redis_instance type_id of Memcached 1.6 (the provider's list of type ids). */
const MEMCACHED_TYPE_ID = 200;

const NAME_MAX_BYTES = 60;
const CCN_DESCRIPTION_MAX_BYTES = 100;
const MYSQL_NAME_MAX = 100;
const CVM_NAME_MAX = 128;

interface Variable {
  readonly name: string;
  readonly comments: readonly string[];
  readonly description: string;
  readonly type?: 'string' | 'number' | 'list(string)';
  readonly default?: Expr;
  readonly sensitive?: boolean;
}

export interface TerraformOptions {
  /**
   * Error findings the plan has, exported anyway at the user's request: the file then opens with
   * a comment listing each of them.
   */
  readonly errors?: readonly Finding[];
}

const IS_V4 = (c: string) => !c.includes(':');

class Exporter {
  private readonly ix: PlanIndex;
  private readonly names = new NameAllocator();
  private readonly partNames = new Map<string, NameAllocator>();
  private readonly variables = new Map<string, Variable>();
  private readonly defaultRegion: string;
  private readonly aliases = new Map<string, string>();
  private usesUserInfo = false;
  private readonly publishedIdcs = new Set<string>();
  /** Each object's position in its plan list, for its cidr-canvas line. */
  private readonly positions = new Map<unknown, number>();

  constructor(private readonly plan: Plan) {
    this.ix = new PlanIndex(plan);
    for (const key of [...COLLECTIONS, 'reservations', 'comments'] as const)
      (plan[key] ?? []).forEach((o, i) => this.positions.set(o, i));
    this.defaultRegion = plan.vpcs.find((v) => v.region)?.region ?? FALLBACK_REGION;
    // Plan objects first and in plan order, so that they get their own names before any
    // resource derived from them (`prod_nodes`) takes one.
    for (const o of namedObjects(plan)) this.names.name(o.id, o.name ?? o.id);
    const aliasNames = new NameAllocator();
    for (const v of plan.vpcs) {
      if (v.region && v.region !== this.defaultRegion && !this.aliases.has(v.region))
        this.aliases.set(v.region, aliasNames.name(v.region));
    }
  }

  private tf(id: string): string {
    return this.names.name(id);
  }

  /**
   * The name of a resource of a type that only ever holds parts of objects (route entries,
   * attachments, node pools): `<object>_<what>`, unique among that type. Terraform names need
   * only be unique within a type, so `prod_nodes` the pool does not become `prod_nodes_2` because
   * a subnet is called prod-nodes.
   */
  private part(type: string, id: string, what: string): string {
    let names = this.partNames.get(type);
    if (!names) this.partNames.set(type, (names = new NameAllocator()));
    return `resource "${type}" "${names.name(`${id}\u0000${what}`, `${this.tf(id)}_${what}`)}"`;
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

  private nameArg(o: { id: string; name?: string }, key = 'name', max = NAME_MAX_BYTES): Item {
    return attr(key, str(truncateUtf8(label(o), max) || o.id || 'unnamed'));
  }

  /** The `cidr-canvas:` line of a plan object: its list, its position there, the object. */
  private line(kind: string, o: object): string {
    return carryLine(kind, o, this.positions.get(o));
  }

  /** The object's `cidr-canvas:` line, then what a person should know about it. */
  private describe(
    kind: string,
    o: { id: string; name?: string; description?: string },
    what: string,
  ): Item[] {
    const out = [note(this.line(kind, o)), note(`${what} ${label(o)} (plan id ${o.id})`)];
    if (o.description) out.push(note(o.description));
    return out;
  }

  private zoneOf(s: Subnet | undefined): Expr {
    return s?.zone !== undefined
      ? str(s.zone)
      : this.variable({
          name: 'default_availability_zone',
          comments: ['The plan names no availability zone for some subnets; they go here.'],
          description: 'Availability zone for the subnets whose plan names none',
        });
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
    items.push(tags(v.id));
    const out: Item[] = [
      ...this.describe('vpcs', v, 'VPC'),
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
      return [
        note(this.line('subnets', s)),
        note(`Subnet ${label(s)} left out: its VPC is missing`),
        blank,
      ];
    const items: Item[] = [
      ...this.providerFor(s.vpc),
      attr('vpc_id', this.ref('tencentcloud_vpc', s.vpc)),
      this.nameArg(s),
      attr('cidr_block', str(s.cidr)),
      attr('availability_zone', this.zoneOf(s)),
    ];
    if (s.routeTable && this.ix.routeTable(s.routeTable))
      items.push(attr('route_table_id', this.ref('tencentcloud_route_table', s.routeTable)));
    items.push(tags(s.id));
    return [
      ...this.describe('subnets', s, 'Subnet'),
      ...(s.routeTable ? [] : [note("No route table in the plan: the VPC's default table.")]),
      block(`resource "tencentcloud_subnet" "${this.tf(s.id)}"`, items),
      blank,
      ...this.ipv6SubnetItems(s),
    ];
  }

  /**
   * The subnet's IPv6 range, as an offset into the range Tencent Cloud allocates its VPC. One
   * resource per subnet: the provider takes one `ipv6_subnet_cidr_blocks` block per resource.
   */
  private ipv6SubnetItems(s: Subnet): Item[] {
    if (!s.ipv6Cidr) return [];
    const v = this.ix.vpc(s.vpc)!;
    if (!v.ipv6Cidr)
      return [
        note(
          `Subnet ${label(s)} has IPv6 range ${s.ipv6Cidr} but VPC ${label(v)} has none: left out`,
        ),
        blank,
      ];
    const vpc6 = cidrOf(v.ipv6Cidr);
    const sub6 = cidrOf(s.ipv6Cidr);
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
    } else value = str(s.ipv6Cidr);
    return [
      note(`${label(s)}: ${s.ipv6Cidr} in the plan`),
      block(`resource "tencentcloud_vpc_ipv6_subnet_cidr_block" "${this.tf(s.id)}"`, [
        ...this.providerFor(v.id),
        attr('vpc_id', this.ref('tencentcloud_vpc', v.id)),
        blank,
        block('ipv6_subnet_cidr_blocks', [
          attr('subnet_id', this.ref('tencentcloud_subnet', s.id)),
          attr('ipv6_cidr_block', value),
        ]),
      ]),
      blank,
    ];
  }

  // --- Route tables ---------------------------------------------------------------------------

  private routeTableItems(t: RouteTable): Item[] {
    if (!this.ix.vpc(t.vpc))
      return [
        note(this.line('routeTables', t)),
        note(`Route table ${label(t)} left out: its VPC is missing`),
        blank,
      ];
    const out: Item[] = [
      ...this.describe('routeTables', t, 'Route table'),
      block(`resource "tencentcloud_route_table" "${this.tf(t.id)}"`, [
        ...this.providerFor(t.vpc),
        attr('vpc_id', this.ref('tencentcloud_vpc', t.vpc)),
        this.nameArg(t),
        tags(t.id),
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
      if (!IS_V4(route.destination)) {
        out.push(
          note(`${what} left out: tencentcloud_route_table_entry takes IPv4 destinations only`),
          blank,
        );
        return;
      }
      const hop = this.nextHop(t.vpc, route.target);
      out.push(
        note(what),
        ...hop.comments.map(note),
        block(this.part('tencentcloud_route_table_entry', t.id, String(n)), [
          ...this.providerFor(t.vpc),
          attr('route_table_id', this.ref('tencentcloud_route_table', t.id)),
          attr('destination_cidr_block', str(route.destination)),
          attr('next_type', str(hop.type)),
          attr('next_hub', hop.hub),
        ]),
        blank,
      );
    });
    return out;
  }

  /** next_type and next_hub for a route target already known to be valid. */
  private nextHop(vpcId: string, target: string): { type: string; hub: Expr; comments: string[] } {
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
        // USER_CCN is the API's type for a custom route to a CCN; CCN is for routes it adds itself.
        return { type: 'USER_CCN', hub: this.ref('tencentcloud_ccn', target), comments: [] };
      case 'idc': {
        const idc = this.ix.idc(target)!;
        if (idc.vpc !== vpcId) {
          // Not the IDC's own VPC: the route is valid through a CCN both are attached to.
          const via = this.plan.ccns.find(
            (c) => c.attachments.includes(idc.id) && c.attachments.includes(vpcId),
          )!;
          return {
            type: 'USER_CCN',
            hub: this.ref('tencentcloud_ccn', via.id),
            comments: [`Next hop: CCN ${label(via)}, to which IDC ${label(idc)} is attached.`],
          };
        }
        const dc = idc.link === 'direct-connect';
        return {
          type: dc ? 'DIRECTCONNECT' : 'VPN',
          hub: this.ref(dc ? 'tencentcloud_dc_gateway' : 'tencentcloud_vpn_gateway', idc.id),
          comments: [
            `Next hop: the ${dc ? 'Direct Connect' : 'VPN'} gateway to IDC ${label(idc)}.`,
          ],
        };
      }
      default: {
        const r = this.ix.resource(target)!;
        return {
          type: 'NORMAL_CVM',
          hub: this.ref('tencentcloud_instance', r.id, 'private_ip'),
          comments: [`Next hop: CVM ${label(r)}, by its private IP.`],
        };
      }
    }
  }

  // --- Gateways and connections ---------------------------------------------------------------

  private natItems(n: NatGateway): Item[] {
    if (!this.ix.vpc(n.vpc))
      return [
        note(this.line('natGateways', n)),
        note(`NAT gateway ${label(n)} left out: its VPC is missing`),
        blank,
      ];
    const name = this.tf(n.id);
    return [
      ...this.describe('natGateways', n, 'NAT gateway'),
      note('A NAT gateway needs at least one EIP (assigned_eip_set).'),
      block(`resource "tencentcloud_eip" "${name}"`, [
        ...this.providerFor(n.vpc),
        this.nameArg(n),
        tags(n.id),
      ]),
      blank,
      block(`resource "tencentcloud_nat_gateway" "${name}"`, [
        ...this.providerFor(n.vpc),
        attr('vpc_id', this.ref('tencentcloud_vpc', n.vpc)),
        this.nameArg(n),
        attr('assigned_eip_set', list([this.ref('tencentcloud_eip', n.id, 'public_ip')])),
        tags(n.id),
      ]),
      blank,
    ];
  }

  private peeringItems(p: Peering): Item[] {
    const [a, b] = p.vpcs;
    if (!this.ix.vpc(a) || !this.ix.vpc(b))
      return [
        note(this.line('peerings', p)),
        note(`Peering ${label(p)} left out: a VPC is missing`),
        blank,
      ];
    this.usesUserInfo = true;
    return [
      ...this.describe('peerings', p, 'Peering'),
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

  /** The ID of the gateway that attaches an IDC to a CCN: not modelled, so a variable. */
  private idcCcnGateway(idc: Idc): Expr {
    const dc = idc.link === 'direct-connect';
    return this.variable({
      name: `${this.tf(idc.id)}_ccn_gateway_id`,
      comments: [
        `IDC ${label(idc)} (${idc.cidrs.join(', ')}) is attached to a CCN over ${dc ? 'Direct Connect' : 'VPN'}.`,
        dc
          ? 'Create its Direct Connect gateway of network type CCN, then set its ID here.'
          : 'Create its VPN gateway of type CCN, then set its ID here.',
      ],
      description: `ID of the CCN ${dc ? 'Direct Connect gateway (dcg-...)' : 'VPN gateway (vpngw-...)'} of IDC ${label(idc)}`,
    });
  }

  private ccnItems(c: Ccn): Item[] {
    const items: Item[] = [this.nameArg(c)];
    if (c.description)
      items.push(attr('description', str(truncateUtf8(c.description, CCN_DESCRIPTION_MAX_BYTES))));
    items.push(tags(c.id));
    const out: Item[] = [
      ...this.describe('ccns', c, 'CCN'),
      block(`resource "tencentcloud_ccn" "${this.tf(c.id)}"`, items),
      blank,
    ];
    for (const member of new Set(c.attachments)) {
      const v = this.ix.vpc(member);
      const idc = this.ix.idc(member);
      if (v || idc) {
        const dc = idc?.link === 'direct-connect';
        out.push(
          ...(idc ? [note(`IDC ${label(idc)} through its CCN gateway.`)] : []),
          block(this.part('tencentcloud_ccn_attachment_v2', c.id, this.tf(member)), [
            attr('ccn_id', this.ref('tencentcloud_ccn', c.id)),
            attr('instance_type', str(v ? 'VPC' : dc ? 'DIRECTCONNECT' : 'VPNGW')),
            attr('instance_id', v ? this.ref('tencentcloud_vpc', v.id) : this.idcCcnGateway(idc!)),
            attr('instance_region', str(this.regionOf(v ? v.id : idc!.vpc))),
          ]),
          blank,
        );
        // A gateway publishes an IDC's ranges once, however many CCNs list the IDC.
        if (idc && dc && !this.publishedIdcs.has(idc.id)) {
          this.publishedIdcs.add(idc.id);
          idc.cidrs.filter(IS_V4).forEach((cidr, i) => {
            out.push(
              note(`IDC ${label(idc)} publishes ${cidr} to the CCN.`),
              block(
                this.part('tencentcloud_dc_gateway_ccn_route', c.id, `${this.tf(idc.id)}_${i + 1}`),
                [attr('dcg_id', this.idcCcnGateway(idc)), attr('cidr_block', str(cidr))],
              ),
              blank,
            );
          });
        }
        continue;
      }
      const cl = this.ix.cluster(member);
      out.push(
        cl
          ? note(
              `Cluster ${label(cl)} registers its container CIDR with CCN ${label(c)}: the provider has no resource for this; turn it on in the TKE console.`,
            )
          : note(`Attachment ${member} of CCN ${label(c)} left out: not a VPC, IDC or cluster`),
        blank,
      );
    }
    return out;
  }

  /** An IDC's own gateways: VPN (gateway, customer gateway, connection) or Direct Connect. */
  private idcItems(idc: Idc): Item[] {
    const v = this.ix.vpc(idc.vpc);
    const dc = idc.link === 'direct-connect';
    const over = dc ? 'Direct Connect' : 'VPN';
    const out: Item[] = [
      ...this.describe('idcs', idc, 'IDC'),
      note(
        `${idc.cidrs.join(', ')} over ${over}${v ? ` to VPC ${label(v)}` : ''}${this.onCcn(idc) ? ', attached to a CCN' : ''}.`,
      ),
    ];
    const name = this.tf(idc.id);
    if (dc) {
      if (v) {
        out.push(
          block(`resource "tencentcloud_dc_gateway" "${name}"`, [
            ...this.providerFor(v.id),
            this.nameArg(idc),
            attr('network_type', str('VPC')),
            attr('network_instance_id', this.ref('tencentcloud_vpc', v.id)),
            attr('gateway_type', str('NORMAL')),
            tags(idc.id),
          ]),
          blank,
          note(
            "The dedicated tunnel over the IDC's physical connection, with its ranges as static routes.",
          ),
          block(`resource "tencentcloud_dcx" "${name}"`, [
            ...this.providerFor(v.id),
            this.nameArg(idc),
            attr(
              'dc_id',
              this.variable({
                name: `${name}_dc_id`,
                comments: [`The Direct Connect physical connection of IDC ${label(idc)} (dc-...).`],
                description: `ID of the physical connection (dc-...) of IDC ${label(idc)}`,
              }),
            ),
            attr('dcg_id', this.ref('tencentcloud_dc_gateway', idc.id)),
            attr('network_type', str('VPC')),
            attr('vpc_id', this.ref('tencentcloud_vpc', v.id)),
            attr('route_type', str('STATIC')),
            attr('route_filter_prefixes', list(idc.cidrs.filter(IS_V4).map(str))),
          ]),
          blank,
        );
      } else out.push(blank);
      return out;
    }
    const publicIp = this.variable({
      name: `${name}_public_ip`,
      comments: [`Public IP address of the VPN device in IDC ${label(idc)}.`],
      description: `Public IP address of the customer gateway of IDC ${label(idc)}`,
    });
    out.push(
      block(`resource "tencentcloud_vpn_customer_gateway" "${name}"`, [
        ...this.providerFor(idc.vpc),
        this.nameArg(idc),
        attr('public_ip_address', publicIp),
        tags(idc.id),
      ]),
      blank,
    );
    if (!v && !this.onCcn(idc)) return out;
    const key = this.variable({
      name: `${name}_pre_share_key`,
      comments: [`Pre-shared key of the VPN tunnel to IDC ${label(idc)}.`],
      description: `Pre-shared key of the VPN connection to IDC ${label(idc)}`,
      sensitive: true,
    });
    if (!v) {
      // On a CCN only: the tunnel ends on the IDC's CCN VPN gateway (a variable), and the CCN,
      // not an SPD policy, decides what reaches the IDC.
      out.push(
        block(`resource "tencentcloud_vpn_connection" "${name}"`, [
          this.nameArg(idc),
          attr('vpn_gateway_id', this.idcCcnGateway(idc)),
          attr('customer_gateway_id', this.ref('tencentcloud_vpn_customer_gateway', idc.id)),
          attr('pre_share_key', key),
          tags(idc.id),
        ]),
        blank,
      );
      return out;
    }
    const remote = idc.cidrs.filter(IS_V4);
    const local = idcReturnRoutes(idc, v).filter(IS_V4);
    out.push(
      block(`resource "tencentcloud_vpn_gateway" "${name}"`, [
        ...this.providerFor(v.id),
        this.nameArg(idc),
        attr('vpc_id', this.ref('tencentcloud_vpc', v.id)),
        tags(idc.id),
      ]),
      blank,
      note(
        'One SPD policy per range the IDC routes back to the cloud (its return routes), to its ranges.',
      ),
      block(`resource "tencentcloud_vpn_connection" "${name}"`, [
        ...this.providerFor(v.id),
        this.nameArg(idc),
        attr('vpc_id', this.ref('tencentcloud_vpc', v.id)),
        attr('vpn_gateway_id', this.ref('tencentcloud_vpn_gateway', idc.id)),
        attr('customer_gateway_id', this.ref('tencentcloud_vpn_customer_gateway', idc.id)),
        attr('pre_share_key', key),
        tags(idc.id),
        ...(remote.length > 0
          ? local.flatMap((l) => [
              blank,
              block('security_group_policy', [
                attr('local_cidr_block', str(l)),
                attr('remote_cidr_block', list(remote.map(str))),
              ]),
            ])
          : []),
      ]),
      blank,
    );
    return out;
  }

  private onCcn(idc: Idc): boolean {
    return this.plan.ccns.some((c) => c.attachments.includes(idc.id));
  }

  // --- Clusters -------------------------------------------------------------------------------

  private clusterItems(c: Cluster): Item[] {
    if (!this.ix.vpc(c.vpc))
      return [
        note(this.line('clusters', c)),
        note(`Cluster ${label(c)} left out: its VPC is missing`),
        blank,
      ];
    const cni = clusterMode(c) === 'vpc-cni';
    const version = this.variable({
      name: 'cluster_version',
      comments: ['Kubernetes version of the TKE clusters.'],
      description: 'Kubernetes version of the TKE clusters',
      default: str(DEFAULT_CLUSTER_VERSION),
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
    items.push(tags(c.id));
    if (c.nonMasqueradeCidrs)
      notes.push(
        note(
          `Pod traffic to ${c.nonMasqueradeCidrs.join(', ') || 'nothing'} keeps the pod IP (ip-masq-agent, set in the cluster).`,
        ),
      );
    return [
      ...this.describe('clusters', c, 'TKE cluster'),
      ...notes,
      block(`resource "tencentcloud_kubernetes_cluster" "${this.tf(c.id)}"`, items),
      blank,
      ...this.nodePoolItems(c),
    ];
  }

  /** Node pools in the cluster's node subnets, as many as the provider's 2,000 a pool needs. */
  private nodePoolItems(c: Cluster): Item[] {
    const subnets = (c.nodeSubnets ?? []).filter((id) => this.ix.subnet(id));
    if (subnets.length === 0)
      return [note(`Cluster ${label(c)} has no node subnets in the plan: no node pool`), blank];
    const instanceType = this.variable({
      name: 'node_instance_type',
      comments: ['CVM instance type of the node pools (for example SA2.MEDIUM4).'],
      description: 'CVM instance type of the TKE node pools',
    });
    const keyIds = this.variable({
      name: 'node_key_ids',
      comments: [
        'Login of the nodes: set exactly one of node_key_ids (SSH key pair ids, skey-...) and',
        'node_password. TKE refuses a node pool with neither.',
      ],
      description: 'SSH key pair ids (skey-...) for logging in to the TKE nodes',
      type: 'list(string)',
      default: raw('null'),
    });
    const password = this.variable({
      name: 'node_password',
      comments: [],
      description: 'Login password of the TKE nodes, when no key pair is given',
      default: raw('null'),
      sensitive: true,
    });
    const sizes = nodePoolSizes(c.nodeCount);
    const out: Item[] = [];
    if (c.nodeCount === undefined)
      out.push(note(`The plan gives ${label(c)} no node count: a pool of 0 nodes to scale up.`));
    else if (sizes.reduce((a, b) => a + b, 0) < c.nodeCount)
      out.push(
        note(
          `${label(c)} plans ${c.nodeCount} nodes, more than TKE runs: ${sizes.length} pools of ${NODE_POOL_MAX_NODES}, the most this file writes.`,
        ),
      );
    else if (sizes.length > 1)
      out.push(
        note(
          `${label(c)} plans ${c.nodeCount} nodes and a node pool holds at most ${NODE_POOL_MAX_NODES}`,
        ),
        note(
          `(max_size and desired_capacity are 0..${NODE_POOL_MAX_NODES}): ${sizes.length} pools of ${sizes.join(', ')}.`,
        ),
      );
    else out.push(note(`Nodes of ${label(c)}: ${c.nodeCount} in the plan's node subnets.`));
    out.push(note('Add security groups and an image before applying.'));
    sizes.forEach((size, i) => {
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
      scaling.push(attr('key_ids', keyIds), attr('password', password));
      const what = i === 0 ? 'nodes' : `nodes_${i + 1}`;
      out.push(
        block(this.part('tencentcloud_kubernetes_node_pool', c.id, what), [
          ...this.providerFor(c.vpc),
          attr('name', str(nodePoolName(label(c), i, sizes.length))),
          attr('cluster_id', this.ref('tencentcloud_kubernetes_cluster', c.id)),
          attr('vpc_id', this.ref('tencentcloud_vpc', c.vpc)),
          attr('subnet_ids', list(subnets.map((id) => this.ref('tencentcloud_subnet', id)))),
          attr('min_size', num(0)),
          attr('max_size', num(size)),
          attr('desired_capacity', num(size)),
          attr('enable_auto_scale', bool(false)),
          tags(c.id),
          blank,
          block('auto_scaling_config', scaling),
          blank,
          block('lifecycle', [
            block('precondition', [
              attr('condition', raw('(var.node_key_ids == null) != (var.node_password == null)')),
              attr(
                'error_message',
                str('Set exactly one of node_key_ids and node_password: TKE nodes need a login.'),
              ),
            ]),
          ]),
        ]),
        blank,
      );
    });
    return out;
  }

  // --- Resources in subnets -------------------------------------------------------------------

  private resourceItems(r: Resource): Item[] {
    const s = this.ix.subnet(r.subnet);
    const v = this.ix.vpc(s?.vpc);
    const head = this.describe('resources', r, KIND_LABEL[r.kind]);
    if (!s || !v) return [...head, note('Left out: its subnet or VPC is missing'), blank];
    const where = [
      ...this.providerFor(v.id),
      attr('vpc_id', this.ref('tencentcloud_vpc', v.id)),
      attr('subnet_id', this.ref('tencentcloud_subnet', s.id)),
    ];
    const name = this.tf(r.id);
    const at = r.ip ? ` at ${r.ip}` : '';
    switch (r.kind) {
      case 'cdb':
        return [
          ...head,
          note(
            `MySQL ${label(r)}${at}: the provider cannot set its address${r.ip ? ' (kept in the line above)' : ''}.`,
          ),
          block(`resource "tencentcloud_mysql_instance" "${name}"`, [
            this.nameArg(r, 'instance_name', MYSQL_NAME_MAX),
            ...where,
            ...(s.zone !== undefined ? [attr('availability_zone', str(s.zone))] : []),
            attr(
              'mem_size',
              this.sizeVariable('mysql_mem_size', 'Memory of the MySQL instances, in MB', 1000),
            ),
            attr(
              'volume_size',
              this.sizeVariable('mysql_volume_size', 'Disk of the MySQL instances, in GB', 50),
            ),
            tags(r.id),
          ]),
          blank,
        ];
      case 'redis':
      case 'memcached': {
        const memcached = r.kind === 'memcached';
        return [
          ...head,
          note(
            `${memcached ? 'Memcached (redis_instance type_id 200)' : 'Redis'} ${label(r)}${at}: the provider cannot set its address at creation.`,
          ),
          block(`resource "tencentcloud_redis_instance" "${name}"`, [
            this.nameArg(r),
            ...where,
            attr('availability_zone', this.zoneOf(s)),
            attr(
              'type_id',
              memcached
                ? num(MEMCACHED_TYPE_ID)
                : this.sizeVariable(
                    'redis_type_id',
                    'tencentcloud_redis_instance type_id of the Redis caches (15: Redis 6.2 standard)',
                    15,
                  ),
            ),
            attr(
              'mem_size',
              this.sizeVariable(
                'redis_mem_size',
                'Memory of the Redis and Memcached caches, in MB',
                1024,
              ),
            ),
            attr(
              'password',
              this.variable({
                name: 'redis_password',
                comments: ['Password of the Redis and Memcached caches (8 to 16 characters).'],
                description: 'Password of the Redis and Memcached caches',
                sensitive: true,
              }),
            ),
            tags(r.id),
          ]),
          blank,
        ];
      }
      case 'cvm':
        return [
          ...head,
          block(`resource "tencentcloud_instance" "${name}"`, [
            this.nameArg(r, 'instance_name', CVM_NAME_MAX),
            ...where,
            attr('availability_zone', this.zoneOf(s)),
            attr(
              'image_id',
              this.variable({
                name: 'cvm_image_id',
                comments: ['Image of the CVMs (img-...).'],
                description: 'Image ID of the CVMs',
              }),
            ),
            attr(
              'instance_type',
              this.variable({
                name: 'cvm_instance_type',
                comments: ['Instance type of the CVMs (for example SA2.MEDIUM4).'],
                description: 'Instance type of the CVMs',
              }),
            ),
            ...(r.ip ? [attr('private_ip', str(r.ip))] : []),
            tags(r.id),
          ]),
          blank,
        ];
      case 'clb':
        return [
          ...head,
          block(`resource "tencentcloud_clb_instance" "${name}"`, [
            attr('network_type', str('INTERNAL')),
            attr('clb_name', str(clbName(r))),
            ...where,
            ...(r.ip ? [attr('vip', str(r.ip))] : []),
            tags(r.id),
          ]),
          blank,
        ];
      default:
        return [
          ...head,
          note(
            `The provider has no resource for "${r.kind}": an elastic network interface holds its address in the subnet.`,
          ),
          block(`resource "tencentcloud_eni" "${name}"`, [
            this.nameArg(r),
            ...where,
            ...(r.ip ? [] : [attr('ipv4_count', num(1))]),
            tags(r.id, { 'cidr-canvas-kind': r.kind }),
            ...(r.ip
              ? [blank, block('ipv4s', [attr('ip', str(r.ip)), attr('primary', bool(true))])]
              : []),
          ]),
          blank,
        ];
    }
  }

  private sizeVariable(name: string, description: string, value: number): Expr {
    return this.variable({
      name,
      comments: [`${description}; size it before applying.`],
      description,
      type: 'number',
      default: num(value),
    });
  }

  // --- The file -------------------------------------------------------------------------------

  private section(title: string, items: Item[]): Item[] {
    if (items.length === 0) return [];
    return [note(`--- ${title} ${'-'.repeat(Math.max(3, 90 - title.length))}`), blank, ...items];
  }

  private header(errors: readonly Finding[]): Item[] {
    const p = this.plan;
    const out: Item[] = [];
    if (errors.length > 0) {
      out.push(
        note(
          `WARNING: exported with ${errors.length} error finding${errors.length === 1 ? '' : 's'}; this network will not work as planned:`,
        ),
        ...errors.map((f) => note(`  ${f.code} (${f.objects.join(', ')}): ${f.message}`)),
        blank,
      );
    }
    const lines = [
      `Generated by CIDR Canvas from the plan ${p.name ? `"${p.name}"` : '(unnamed)'}.`,
      'Edit the plan and export again rather than editing this file.',
      '',
      'Provider: tencentcloudstack/tencentcloud. Apply with care: review every resource first.',
      'Lines starting "# cidr-canvas:" carry each plan object for import (docs/terraform-mapping.md).',
      '',
      'Not modelled here (create or configure these yourself):',
      '  - Node images and security groups; node login is a variable (key ids or password).',
      '  - Sizes of databases and caches: variables with small defaults.',
      '  - The gateway that attaches an IDC to a CCN: a variable.',
      "  - ip-masq-agent's non-masquerade ranges, and registration of cluster container CIDRs",
      '    with a CCN: TKE settings, noted at the cluster and the CCN.',
      '  - Exact IPv6 ranges: Tencent Cloud allocates each VPC its /56.',
      '  - Peering acceptance: peerings are requested in this account.',
      '  - Flows and the canvas layout: not infrastructure.',
    ];
    out.push(
      ...lines.map((l) => note(l)),
      blank,
      note(carryLine('plan', p.name === undefined ? {} : { name: p.name })),
    );
    return out;
  }

  export(errors: readonly Finding[]): string {
    const p = this.plan;
    const body: Item[] = [
      ...this.section(
        'VPCs and subnets',
        p.vpcs.flatMap((v) => [
          ...this.vpcItems(v),
          ...this.ix.subnetsOf(v.id).flatMap((s) => this.subnetItems(s)),
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
        'IDCs',
        p.idcs.flatMap((i) => this.idcItems(i)),
      ),
      ...this.section(
        'Cloud Connect Networks',
        p.ccns.flatMap((c) => this.ccnItems(c)),
      ),
      ...this.section(
        'TKE clusters',
        p.clusters.flatMap((c) => this.clusterItems(c)),
      ),
      ...this.section(
        'Resources in subnets',
        p.resources.flatMap((r) => this.resourceItems(r)),
      ),
      ...this.section('Plan data that is not infrastructure (for import)', [
        ...(p.reservations ?? []).map((r) => note(this.line('reservations', r))),
        ...(p.comments ?? []).map((c) => note(this.line('comments', c))),
        ...((p.reservations?.length ?? 0) + (p.comments?.length ?? 0) > 0 ? [blank] : []),
      ]),
    ];
    // Subnets whose VPC is missing from the plan are not reached through their VPC above.
    for (const s of p.subnets) if (!this.ix.vpc(s.vpc)) body.push(...this.subnetItems(s));

    const head: Item[] = [
      ...this.header(errors),
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
      const items: Item[] = [
        attr('description', str(v.description)),
        attr('type', raw(v.type ?? 'string')),
      ];
      if (v.default !== undefined) items.push(attr('default', v.default));
      if (v.sensitive) items.push(attr('sensitive', bool(true)));
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

/** Every object that becomes a resource, in the order that gives names out. */
function namedObjects(plan: Plan): { id: string; name?: string }[] {
  return [
    ...plan.vpcs,
    ...plan.subnets,
    ...plan.routeTables,
    ...plan.natGateways,
    ...plan.peerings,
    ...plan.ccns,
    ...plan.clusters,
    ...plan.idcs,
    ...plan.resources,
  ];
}

const KIND_LABEL: Readonly<Record<Resource['kind'], string>> = {
  cdb: 'MySQL database',
  redis: 'Redis cache',
  memcached: 'Memcached cache',
  cvm: 'CVM',
  clb: 'Load balancer',
  other: 'Resource',
};

/** A CLB name as the provider accepts it: Chinese characters, letters, digits, `_` and `-`. */
function clbName(r: Resource): string {
  const cleaned = Array.from(label(r).replace(/[^\p{Script=Han}A-Za-z0-9_-]/gu, '-'))
    .slice(0, NAME_MAX_BYTES)
    .join('');
  return truncateUtf8(cleaned, NAME_MAX_BYTES) || 'clb';
}

/** The plan as Terraform (HCL) for the tencentcloud provider. */
export function planToTerraform(plan: Plan, options: TerraformOptions = {}): string {
  return new Exporter(plan).export(options.errors ?? []);
}

/** The Terraform name each plan object's main resource gets (`vpc-a` named prod: `prod`). */
export function terraformNames(plan: Plan): ReadonlyMap<string, string> {
  const names = new NameAllocator();
  return new Map(namedObjects(plan).map((o) => [o.id, names.name(o.id, o.name ?? o.id)]));
}

export { PLAN_ID_TAG };
