// What runs in the subnets: resources with their addresses, and TKE clusters with their ranges,
// node subnets and node counts (node pools add to their cluster's):
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
import { parseIp } from '../../../domain/ip/cidr';
import type { Cluster, Resource } from '../../../domain/model/plan';
import { named, type Mutable } from '../draft';
import type { TfResource } from '../resources';
import { ImportError } from '../types';
import type { Mapping } from './mapping';
import { RESOURCE_KIND_OF_TYPE } from './resource-types';
import { bool, cidr, ip, need, num, str, strList } from './values';

/** Resources, then clusters, then node pools (a pool adds to its cluster). */
export function mapWorkloads(m: Mapping): void {
  for (const type of Object.keys(RESOURCE_KIND_OF_TYPE)) m.each(type, (r) => mapResource(m, r));
  m.each('tencentcloud_kubernetes_cluster', (r) => mapCluster(m, r));
  m.each('tencentcloud_kubernetes_node_pool', (r) => mapNodePool(m, r));
}

function mapResource(m: Mapping, r: TfResource): void {
  const kind = RESOURCE_KIND_OF_TYPE[r.type]!;
  const subnetId = str(r, 'subnet_id');
  if (subnetId === undefined) {
    m.skipped.add(
      r.type,
      r.address,
      r.type === 'tencentcloud_clb_instance'
        ? 'a public (OPEN) load balancer has no subnet'
        : 'no subnet_id: not in a VPC',
    );
    return;
  }
  const subnet = m.subnetRef(r, 'subnet_id', subnetId);
  const nameArg = {
    tencentcloud_instance: 'instance_name',
    tencentcloud_mysql_instance: 'instance_name',
    tencentcloud_redis_instance: 'name',
    tencentcloud_clb_instance: 'clb_name',
  }[r.type]!;
  const o: Mutable<Resource> = named({ id: r.id, kind, subnet }, str(r, nameArg));
  let address: string | undefined;
  if (r.type === 'tencentcloud_instance')
    address = m.optional(r, 'private_ip', () => ip(r, 'private_ip'));
  else if (r.type === 'tencentcloud_mysql_instance')
    address = m.optional(r, 'intranet_ip', () => ip(r, 'intranet_ip'));
  else if (r.type === 'tencentcloud_redis_instance')
    address = m.optional(r, 'ip', () => ip(r, 'ip'));
  else if (r.type === 'tencentcloud_eni') {
    const primary = r.blocks('ipv4s').find((b) => bool(b, 'primary') !== false);
    if (primary) address = m.optional(primary, 'ip', () => ip(primary, 'ip'));
  } else {
    // The first IPv4 VIP: the address pods reach an internal load balancer at.
    address = strList(r, 'clb_vips').find((x) => {
      const p = parseIp(x);
      return p.ok && p.cidr.family === 4;
    });
    if (address === undefined) address = m.optional(r, 'vip', () => ip(r, 'vip'));
  }
  if (address !== undefined) {
    o.ip = address;
    if (kind === 'cvm') m.cvmByIp.set(address, r.id);
  }
  m.resources.set(r.id, o);
}

function mapCluster(m: Mapping, r: TfResource): void {
  const vpc = m.ref(m.vpcs, r, 'vpc_id', 'tencentcloud_vpc');
  const type = str(r, 'network_type') ?? 'GR';
  if (type !== 'GR' && type !== 'VPC-CNI') {
    m.skipped.add(r.type, r.address, `network_type ${type} is not modelled (GR and VPC-CNI are)`);
    return;
  }
  const c: Mutable<Cluster> = named({ id: r.id, vpc }, str(r, 'cluster_name'));
  const desc = str(r, 'cluster_desc');
  if (desc !== undefined) c.description = desc;
  if (type === 'VPC-CNI') {
    c.mode = 'vpc-cni';
    const pods = strList(r, 'eni_subnet_ids').map((id) => m.subnetRef(r, 'eni_subnet_ids', id));
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
    addNodes(c, [m.subnetRef(w, 'subnet_id')], num(w, 'count') ?? 1, bool(w, 'public_ip_assigned'));
  }
  m.clusters.set(r.id, c);
}

function mapNodePool(m: Mapping, r: TfResource): void {
  const clusterId = need(r, 'cluster_id');
  const c = m.clusters.get(clusterId);
  if (!c) {
    // A pool of a cluster that was skipped (another network type) goes with it.
    if ((m.byType.get('tencentcloud_kubernetes_cluster') ?? []).some((x) => x.id === clusterId))
      return;
    throw new ImportError(
      r.where('cluster_id'),
      `cluster_id ${JSON.stringify(clusterId)} names no tencentcloud_kubernetes_cluster in the input`,
    );
  }
  const subnets = strList(r, 'subnet_ids').map((id) => m.subnetRef(r, 'subnet_ids', id));
  const count = num(r, 'desired_capacity') ?? num(r, 'node_count') ?? num(r, 'max_size') ?? 0;
  const scaling = r.blocks('auto_scaling_config')[0];
  addNodes(c, subnets, count, scaling ? bool(scaling, 'public_ip_assigned') : undefined);
}

function addNodes(
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
