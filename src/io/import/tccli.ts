// Tencent Cloud API responses as the tccli client prints them (the Response object, with or
// without its `Response` wrapper), several files at once. Field names are the API's (the
// tencentcloud-sdk-go models of vpc 2017-03-12 and tke 2018-05-25):
//   vpc DescribeVpcs            VpcSet[]: VpcId, VpcName, CidrBlock, AssistantCidrSet[].CidrBlock, Ipv6CidrBlock
//   vpc DescribeSubnets         SubnetSet[]: SubnetId, SubnetName, VpcId, CidrBlock, Zone, RouteTableId, Ipv6CidrBlock
//   vpc DescribeRouteTables     RouteTableSet[]: RouteTableId, RouteTableName, VpcId, Main,
//                               RouteSet[]: DestinationCidrBlock, DestinationIpv6CidrBlock, GatewayType,
//                               GatewayId, RouteType (USER routes are the custom ones), Enabled
//   vpc DescribeNatGateways     NatGatewaySet[]: NatGatewayId, NatGatewayName, VpcId
//   vpc DescribeVpcPeeringConnections  PeerConnectionSet[]: PeeringConnectionId, PeeringConnectionName,
//                               SourceVpcId, PeerVpcId (DestinationVpcId)
//   vpc DescribeCcns            CcnSet[]: CcnId, CcnName, CcnDescription
//   vpc DescribeCcnAttachedInstances  InstanceSet[]: CcnId, InstanceType, InstanceId, State, AttachedTime
//   tke DescribeClusters        Clusters[]: ClusterId, ClusterName, ClusterDescription, ClusterNodeNum,
//                               Property (JSON: NetworkType), ClusterNetworkSettings { VpcId, ClusterCIDR,
//                               ServiceCIDR, MaxNodePodNum, MaxClusterServiceNum, IgnoreClusterCIDRConflict,
//                               Subnets (VPC-CNI pod subnets) }
// IDCs are not described by these calls: a route through a VPN or Direct Connect gateway brings
// in the IDC behind it, with the route destinations as its ranges.
import { parseCidr } from '../../domain/ip/cidr';
import type { Ccn, Cluster, Idc, Plan, RouteTable, Subnet, Vpc } from '../../domain/model/plan';
import { emptyPlan } from '../../domain/model/plan';
import { isRecord } from './json-text';
import { ImportError, type ImportProblem, type SkipList } from './types';

export const API_SET_KEYS = [
  'VpcSet',
  'SubnetSet',
  'RouteTableSet',
  'NatGatewaySet',
  'PeerConnectionSet',
  'CcnSet',
  'InstanceSet',
  'Clusters',
] as const;

type Mutable<T> = {
  -readonly [K in keyof T]: NonNullable<T[K]> extends readonly (infer U)[]
    ? U[] | Extract<T[K], undefined>
    : T[K];
};
type Item = Record<string, unknown>;

interface Located {
  readonly item: Item;
  readonly where: string;
}

function s(x: Located, key: string): string | undefined {
  const v = x.item[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string')
    throw new ImportError(`${x.where}.${key}`, `expected a string, got ${JSON.stringify(v)}`);
  return v;
}

function need(x: Located, key: string): string {
  const v = s(x, key);
  if (v === undefined) throw new ImportError(`${x.where}.${key}`, 'required field is missing');
  return v;
}

function n(x: Located, key: string): number | undefined {
  const v = x.item[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new ImportError(`${x.where}.${key}`, `expected a number, got ${JSON.stringify(v)}`);
  return v;
}

function cidr(x: Located, key: string, family: 4 | 6 | 'any', id: string, value?: string): string {
  const text = value ?? need(x, key);
  const r = parseCidr(text);
  if (!r.ok) throw new ImportError(`${x.where}.${key}`, `${key} of ${id}: ${r.error}`);
  if (family !== 'any' && r.cidr.family !== family)
    throw new ImportError(
      `${x.where}.${key}`,
      `${key} of ${id}: ${JSON.stringify(text)} should be an IPv${family} CIDR`,
    );
  return text;
}

function named<T extends object>(o: T, name: string | undefined): T {
  if (name !== undefined) (o as { name?: string }).name = name;
  return o;
}

export function readTccli(
  docs: readonly { name: string; doc: unknown }[],
  skipped: SkipList,
): { ok: true; plan: Plan; notes: string[] } | { ok: false; problems: ImportProblem[] } {
  const sets = new Map<string, Located[]>();
  for (const { name, doc } of docs) {
    const wrapped = isRecord(doc) && isRecord(doc.Response);
    const body = wrapped ? (doc as { Response: Item }).Response : doc;
    const base = wrapped ? '$.Response' : '$';
    if (!isRecord(body)) throw new ImportError(name, 'expected a tccli response: a JSON object');
    if (isRecord(body.Error))
      throw new ImportError(
        `${name} ${base}.Error`,
        `the API call failed: ${JSON.stringify(body.Error.Code ?? '')} ${JSON.stringify(body.Error.Message ?? '')}`,
      );
    const keys = API_SET_KEYS.filter((k) => k in body);
    if (keys.length === 0)
      throw new ImportError(
        name,
        `not a response of a supported call (expected one of ${API_SET_KEYS.join(', ')})`,
      );
    for (const k of keys) {
      const list = body[k];
      if (!Array.isArray(list)) throw new ImportError(`${name} ${base}.${k}`, 'expected a list');
      const out = sets.get(k) ?? [];
      list.forEach((item, i) => {
        if (!isRecord(item))
          throw new ImportError(`${name} ${base}.${k}[${i}]`, 'expected an object');
        out.push({ item, where: `${name} ${base}.${k}[${i}]` });
      });
      sets.set(k, out);
    }
  }

  const problems: ImportProblem[] = [];
  const notes: string[] = [];
  const each = (key: string, f: (x: Located) => void) => {
    for (const x of sets.get(key) ?? []) {
      try {
        f(x);
      } catch (e) {
        if (!(e instanceof ImportError)) throw e;
        problems.push({ where: e.where, message: e.message });
      }
    }
  };
  const vpcs = new Map<string, Mutable<Vpc>>();
  const subnets = new Map<string, Mutable<Subnet>>();
  const tables = new Map<string, Mutable<RouteTable>>();
  const nats = new Map<string, { id: string; name?: string; vpc: string }>();
  const peerings = new Map<
    string,
    { id: string; name?: string; vpcs: readonly [string, string] }
  >();
  const ccns = new Map<string, Mutable<Ccn>>();
  const clusters = new Map<string, Mutable<Cluster>>();
  const idcs = new Map<string, Mutable<Idc>>();
  const needVpc = (x: Located, key: string, owner: string): string => {
    const id = need(x, key);
    if (!vpcs.has(id))
      throw new ImportError(
        `${x.where}.${key}`,
        `${owner} is in VPC ${id}, which is not in the input (add the DescribeVpcs response that lists it)`,
      );
    return id;
  };

  each('VpcSet', (x) => {
    const id = need(x, 'VpcId');
    const v: Mutable<Vpc> = named({ id, cidr: cidr(x, 'CidrBlock', 4, id) }, s(x, 'VpcName'));
    const assistant = Array.isArray(x.item.AssistantCidrSet) ? x.item.AssistantCidrSet : [];
    const secondary: string[] = [];
    assistant.forEach((a, i) => {
      if (!isRecord(a)) return;
      const at: Located = { item: a, where: `${x.where}.AssistantCidrSet[${i}]` };
      // AssistantType 0 is a secondary range of the VPC; 1 is a container range TKE adds.
      if ((n(at, 'AssistantType') ?? 0) === 0) secondary.push(cidr(at, 'CidrBlock', 4, id));
    });
    if (secondary.length > 0) v.secondaryCidrs = secondary;
    const v6 = s(x, 'Ipv6CidrBlock');
    if (v6 !== undefined) v.ipv6Cidr = cidr(x, 'Ipv6CidrBlock', 6, id, v6);
    vpcs.set(id, v);
  });
  each('RouteTableSet', (x) => {
    const id = need(x, 'RouteTableId');
    const vpc = needVpc(x, 'VpcId', `route table ${id}`);
    const routes = Array.isArray(x.item.RouteSet) ? x.item.RouteSet : [];
    const custom = routes.some((r) => isRecord(r) && (r.RouteType ?? 'USER') === 'USER');
    // A VPC's default table with only the routes every table has is what "no table" means in a plan.
    if (x.item.Main === true && !custom) return;
    tables.set(id, named({ id, vpc, routes: [] }, s(x, 'RouteTableName')));
  });
  each('SubnetSet', (x) => {
    const id = need(x, 'SubnetId');
    const sn: Mutable<Subnet> = named(
      { id, vpc: needVpc(x, 'VpcId', `subnet ${id}`), cidr: cidr(x, 'CidrBlock', 4, id) },
      s(x, 'SubnetName'),
    );
    const zone = s(x, 'Zone');
    if (zone !== undefined) sn.zone = zone;
    const table = s(x, 'RouteTableId');
    if (table !== undefined && tables.has(table)) sn.routeTable = table;
    const v6 = s(x, 'Ipv6CidrBlock');
    if (v6 !== undefined) sn.ipv6Cidr = cidr(x, 'Ipv6CidrBlock', 6, id, v6);
    subnets.set(id, sn);
  });
  each('NatGatewaySet', (x) => {
    const id = need(x, 'NatGatewayId');
    nats.set(
      id,
      named({ id, vpc: needVpc(x, 'VpcId', `NAT gateway ${id}`) }, s(x, 'NatGatewayName')),
    );
  });
  each('PeerConnectionSet', (x) => {
    const id = need(x, 'PeeringConnectionId');
    const state = s(x, 'State');
    if (state !== undefined && state !== 'ACTIVE') {
      skipped.add('PeerConnectionSet', id, `state ${state}: only ACTIVE peerings carry traffic`);
      return;
    }
    const a = needVpc(x, 'SourceVpcId', `peering ${id}`);
    const b = needVpc(
      x,
      s(x, 'PeerVpcId') !== undefined ? 'PeerVpcId' : 'DestinationVpcId',
      `peering ${id}`,
    );
    peerings.set(id, named({ id, vpcs: [a, b] as const }, s(x, 'PeeringConnectionName')));
  });
  each('CcnSet', (x) => {
    const id = need(x, 'CcnId');
    const c: Mutable<Ccn> = named({ id, attachments: [] }, s(x, 'CcnName'));
    const d = s(x, 'CcnDescription');
    if (d !== undefined) c.description = d;
    ccns.set(id, c);
  });
  each('Clusters', (x) => {
    const id = need(x, 'ClusterId');
    const net = x.item.ClusterNetworkSettings;
    if (!isRecord(net))
      throw new ImportError(
        `${x.where}.ClusterNetworkSettings`,
        `cluster ${id}: required field is missing`,
      );
    const ns: Located = { item: net, where: `${x.where}.ClusterNetworkSettings` };
    let networkType = 'GR';
    const property = s(x, 'Property');
    if (property !== undefined) {
      try {
        const p = JSON.parse(property) as unknown;
        if (isRecord(p) && typeof p.NetworkType === 'string') networkType = p.NetworkType;
      } catch {
        throw new ImportError(
          `${x.where}.Property`,
          `cluster ${id}: Property is not the JSON TKE writes there`,
        );
      }
    }
    const eni = Array.isArray(net.Subnets)
      ? net.Subnets.filter((v): v is string => typeof v === 'string')
      : [];
    if (networkType !== 'GR' && networkType !== 'VPC-CNI') {
      skipped.add(
        'Clusters',
        id,
        `network type ${networkType} is not modelled (GR and VPC-CNI are)`,
      );
      return;
    }
    const c: Mutable<Cluster> = named(
      { id, vpc: needVpc(ns, 'VpcId', `cluster ${id}`) },
      s(x, 'ClusterName'),
    );
    const d = s(x, 'ClusterDescription');
    if (d !== undefined) c.description = d;
    if (networkType === 'VPC-CNI') {
      c.mode = 'vpc-cni';
      const pods = eni.map((sid, i) => {
        if (!subnets.has(sid))
          throw new ImportError(
            `${ns.where}.Subnets[${i}]`,
            `cluster ${id} takes pod IPs from subnet ${sid}, which is not in the input (add the DescribeSubnets response that lists it)`,
          );
        return sid;
      });
      if (pods.length > 0) c.podSubnets = pods;
    }
    const container = s(ns, 'ClusterCIDR');
    if (container !== undefined) c.containerCidr = cidr(ns, 'ClusterCIDR', 4, id, container);
    const service = s(ns, 'ServiceCIDR');
    if (service !== undefined) c.serviceCidr = cidr(ns, 'ServiceCIDR', 4, id, service);
    if (networkType === 'GR') {
      const pods = n(ns, 'MaxNodePodNum');
      if (pods !== undefined && pods > 0) c.maxPodsPerNode = pods;
      const svc = n(ns, 'MaxClusterServiceNum');
      if (svc !== undefined && svc > 0) c.maxServices = svc;
    }
    if (net.IgnoreClusterCIDRConflict === true) c.ignoreRouteConflict = true;
    const nodes = n(x, 'ClusterNodeNum');
    if (nodes !== undefined && nodes > 0) c.nodeCount = nodes;
    clusters.set(id, c);
  });
  if (clusters.size > 0)
    notes.push(
      'DescribeClusters does not say which subnets the nodes are in: set the node subnets of the imported clusters',
    );

  each('RouteTableSet', (x) => {
    const table = tables.get(need(x, 'RouteTableId'));
    if (!table) return;
    const routes = Array.isArray(x.item.RouteSet) ? x.item.RouteSet : [];
    routes.forEach((r, i) => {
      if (!isRecord(r)) return;
      const at: Located = { item: r, where: `${x.where}.RouteSet[${i}]` };
      const routeType = s(at, 'RouteType') ?? 'USER';
      if (routeType !== 'USER') return; // Local, container and CCN routes: every table has them.
      const label = `route ${s(at, 'RouteItemId') ?? s(at, 'RouteId') ?? i} of ${table.id}`;
      if (r.Enabled === false) {
        skipped.add('RouteSet', label, 'disabled');
        return;
      }
      const v6 = s(at, 'DestinationIpv6CidrBlock');
      const destination =
        v6 !== undefined
          ? cidr(at, 'DestinationIpv6CidrBlock', 6, label, v6)
          : cidr(at, 'DestinationCidrBlock', 'any', label);
      const type = need(at, 'GatewayType');
      const gw = need(at, 'GatewayId');
      const missing = (what: string, call: string) =>
        new ImportError(
          `${at.where}.GatewayId`,
          `${label} goes to ${what} ${gw}, which is not in the input (add the ${call} response that lists it)`,
        );
      let target: string;
      switch (type) {
        case 'NAT':
          if (!nats.has(gw)) throw missing('NAT gateway', 'DescribeNatGateways');
          target = gw;
          break;
        case 'PEERCONNECTION':
          if (!peerings.has(gw)) throw missing('peering', 'DescribeVpcPeeringConnections');
          target = gw;
          break;
        case 'CCN':
        case 'USER_CCN':
          if (!ccns.has(gw)) throw missing('CCN', 'DescribeCcns');
          target = gw;
          break;
        case 'VPN':
        case 'DIRECTCONNECT': {
          let idc = idcs.get(gw);
          if (!idc) {
            idc = {
              id: gw,
              name: `IDC via ${gw}`,
              cidrs: [],
              vpc: table.vpc,
              link: type === 'VPN' ? 'vpn' : 'direct-connect',
            };
            idcs.set(gw, idc);
            notes.push(
              `IDC ${gw}: an IDC behind ${type === 'VPN' ? 'VPN gateway' : 'Direct Connect gateway'} ${gw}, its ranges taken from the routes through it`,
            );
          }
          if (!idc.cidrs.includes(destination)) idc.cidrs.push(destination);
          target = gw;
          break;
        }
        default:
          skipped.add(
            'RouteSet',
            label,
            `GatewayType ${type} is not modelled (a CVM next hop needs the CVM, which these calls do not describe)`,
          );
          return;
      }
      table.routes.push({ destination, target });
    });
  });

  const attached = [...(sets.get('InstanceSet') ?? [])].sort((a, b) =>
    (typeof a.item.AttachedTime === 'string' ? a.item.AttachedTime : '').localeCompare(
      typeof b.item.AttachedTime === 'string' ? b.item.AttachedTime : '',
    ),
  );
  for (const x of attached) {
    try {
      const ccnId = need(x, 'CcnId');
      const ccn = ccns.get(ccnId);
      if (!ccn)
        throw new ImportError(
          `${x.where}.CcnId`,
          `an attachment to CCN ${ccnId}, which is not in the input (add the DescribeCcns response that lists it)`,
        );
      const type = need(x, 'InstanceType');
      const instance = need(x, 'InstanceId');
      const state = s(x, 'State');
      if (state !== undefined && state !== 'ACTIVE') {
        skipped.add(
          'InstanceSet',
          `${instance} on ${ccnId}`,
          `state ${state}: only ACTIVE attachments carry traffic`,
        );
        continue;
      }
      if (type === 'VPC') {
        if (!vpcs.has(instance))
          throw new ImportError(
            `${x.where}.InstanceId`,
            `VPC ${instance} attached to CCN ${ccnId} is not in the input (add the DescribeVpcs response that lists it)`,
          );
      } else if (!idcs.has(instance)) {
        skipped.add(
          'InstanceSet',
          `${instance} on ${ccnId}`,
          `${type} attachments are not modelled unless a route through the gateway says what lies behind it`,
        );
        continue;
      }
      if (!ccn.attachments.includes(instance)) ccn.attachments.push(instance);
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      problems.push({ where: e.where, message: e.message });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    notes,
    plan: {
      ...emptyPlan(),
      vpcs: [...vpcs.values()],
      subnets: [...subnets.values()],
      clusters: [...clusters.values()],
      natGateways: [...nats.values()],
      peerings: [...peerings.values()],
      ccns: [...ccns.values()],
      idcs: [...idcs.values()],
      routeTables: [...tables.values()],
    },
  };
}
