// The objects the Describe calls list: VPCs, route tables, subnets, NAT gateways, peerings, CCNs
// and TKE clusters. Something they refer to that is not in the input stops the import, with the
// call whose response would list it.
import type { Ccn, Cluster, Subnet, Vpc } from '../../../domain/model/plan';
import { named, type Mutable } from '../draft';
import { isRecord } from '../json-text';
import { ImportError } from '../types';
import type { ApiMapping } from './read';
import { cidr, need, num, str, type Located } from './responses';

/** Every object, each after the ones it refers to; the routes of a table come later. */
export function mapObjects(m: ApiMapping): void {
  m.each('VpcSet', (x) => {
    const id = need(x, 'VpcId');
    const v: Mutable<Vpc> = named({ id, cidr: cidr(x, 'CidrBlock', 4, id) }, str(x, 'VpcName'));
    const assistant = Array.isArray(x.item.AssistantCidrSet) ? x.item.AssistantCidrSet : [];
    const secondary: string[] = [];
    assistant.forEach((a, i) => {
      if (!isRecord(a)) return;
      const at: Located = { item: a, where: `${x.where}.AssistantCidrSet[${i}]` };
      // AssistantType 0 is a secondary range of the VPC; 1 is a container range TKE adds.
      if ((num(at, 'AssistantType') ?? 0) === 0) secondary.push(cidr(at, 'CidrBlock', 4, id));
    });
    if (secondary.length > 0) v.secondaryCidrs = secondary;
    const v6 = str(x, 'Ipv6CidrBlock');
    if (v6 !== undefined) v.ipv6Cidr = cidr(x, 'Ipv6CidrBlock', 6, id, v6);
    m.vpcs.set(id, v);
  });
  m.each('RouteTableSet', (x) => {
    const id = need(x, 'RouteTableId');
    const vpc = m.needVpc(x, 'VpcId', `route table ${id}`);
    const routes = Array.isArray(x.item.RouteSet) ? x.item.RouteSet : [];
    const custom = routes.some((r) => isRecord(r) && (r.RouteType ?? 'USER') === 'USER');
    // A VPC's default table with only the routes every table has is what "no table" means in a plan.
    if (x.item.Main === true && !custom) return;
    m.tables.set(id, named({ id, vpc, routes: [] }, str(x, 'RouteTableName')));
  });
  m.each('SubnetSet', (x) => {
    const id = need(x, 'SubnetId');
    const sn: Mutable<Subnet> = named(
      { id, vpc: m.needVpc(x, 'VpcId', `subnet ${id}`), cidr: cidr(x, 'CidrBlock', 4, id) },
      str(x, 'SubnetName'),
    );
    const zone = str(x, 'Zone');
    if (zone !== undefined) sn.zone = zone;
    const table = str(x, 'RouteTableId');
    if (table !== undefined && m.tables.has(table)) sn.routeTable = table;
    const v6 = str(x, 'Ipv6CidrBlock');
    if (v6 !== undefined) sn.ipv6Cidr = cidr(x, 'Ipv6CidrBlock', 6, id, v6);
    m.subnets.set(id, sn);
  });
  m.each('NatGatewaySet', (x) => {
    const id = need(x, 'NatGatewayId');
    m.nats.set(
      id,
      named({ id, vpc: m.needVpc(x, 'VpcId', `NAT gateway ${id}`) }, str(x, 'NatGatewayName')),
    );
  });
  m.each('PeerConnectionSet', (x) => {
    const id = need(x, 'PeeringConnectionId');
    const state = str(x, 'State');
    if (state !== undefined && state !== 'ACTIVE') {
      m.skipped.add('PeerConnectionSet', id, `state ${state}: only ACTIVE peerings carry traffic`);
      return;
    }
    const a = m.needVpc(x, 'SourceVpcId', `peering ${id}`);
    const b = m.needVpc(
      x,
      str(x, 'PeerVpcId') !== undefined ? 'PeerVpcId' : 'DestinationVpcId',
      `peering ${id}`,
    );
    m.peerings.set(id, named({ id, vpcs: [a, b] as const }, str(x, 'PeeringConnectionName')));
  });
  m.each('CcnSet', (x) => {
    const id = need(x, 'CcnId');
    const c: Mutable<Ccn> = named({ id, attachments: [] }, str(x, 'CcnName'));
    const d = str(x, 'CcnDescription');
    if (d !== undefined) c.description = d;
    m.ccns.set(id, c);
  });
  m.each('Clusters', (x) => {
    const id = need(x, 'ClusterId');
    const net = x.item.ClusterNetworkSettings;
    if (!isRecord(net))
      throw new ImportError(
        `${x.where}.ClusterNetworkSettings`,
        `cluster ${id}: required field is missing`,
      );
    const ns: Located = { item: net, where: `${x.where}.ClusterNetworkSettings` };
    let networkType = 'GR';
    const property = str(x, 'Property');
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
      m.skipped.add(
        'Clusters',
        id,
        `network type ${networkType} is not modelled (GR and VPC-CNI are)`,
      );
      return;
    }
    const c: Mutable<Cluster> = named(
      { id, vpc: m.needVpc(ns, 'VpcId', `cluster ${id}`) },
      str(x, 'ClusterName'),
    );
    const d = str(x, 'ClusterDescription');
    if (d !== undefined) c.description = d;
    if (networkType === 'VPC-CNI') {
      c.mode = 'vpc-cni';
      const pods = eni.map((sid, i) => {
        if (!m.subnets.has(sid))
          throw new ImportError(
            `${ns.where}.Subnets[${i}]`,
            `cluster ${id} takes pod IPs from subnet ${sid}, which is not in the input (add the DescribeSubnets response that lists it)`,
          );
        return sid;
      });
      if (pods.length > 0) c.podSubnets = pods;
    }
    const container = str(ns, 'ClusterCIDR');
    if (container !== undefined) c.containerCidr = cidr(ns, 'ClusterCIDR', 4, id, container);
    const service = str(ns, 'ServiceCIDR');
    if (service !== undefined) c.serviceCidr = cidr(ns, 'ServiceCIDR', 4, id, service);
    if (networkType === 'GR') {
      const pods = num(ns, 'MaxNodePodNum');
      if (pods !== undefined && pods > 0) c.maxPodsPerNode = pods;
      const svc = num(ns, 'MaxClusterServiceNum');
      if (svc !== undefined && svc > 0) c.maxServices = svc;
    }
    if (net.IgnoreClusterCIDRConflict === true) c.ignoreRouteConflict = true;
    const nodes = num(x, 'ClusterNodeNum');
    if (nodes !== undefined && nodes > 0) c.nodeCount = nodes;
    m.clusters.set(id, c);
  });
  if (m.clusters.size > 0)
    m.notes.push(
      'DescribeClusters does not say which subnets the nodes are in: set the node subnets of the imported clusters',
    );
}
