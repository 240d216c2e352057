// TKE clusters and their node pools.
import { globalRouterNumbers } from '../../../domain/capacity/capacity';
import { clusterMode, label, maxPodsPerNode, maxServices } from '../../../domain/model/defaults';
import type { Cluster } from '../../../domain/model/plan';
import {
  attr,
  blank,
  block,
  bool,
  list,
  note,
  num,
  raw,
  str,
  truncateUtf8,
  type Item,
} from '../hcl';
import { tags } from '../terraform-carry';
import { nodePoolName, nodePoolSizes, NODE_POOL_MAX_NODES } from '../terraform-node-pools';
import { NAME_MAX_BYTES, type TfContext } from './context';

/** The Kubernetes version clusters are created with; a variable, so it can be changed. */
export const DEFAULT_CLUSTER_VERSION = '1.30.0';
/** Bandwidth of node public IPs, in Mbps, when the plan gives nodes public IPs. */
const NODE_PUBLIC_BANDWIDTH = 10;

export function clusterItems(cx: TfContext, c: Cluster): Item[] {
  if (!cx.ix.vpc(c.vpc)) return cx.leftOut('cluster', c, 'its VPC is missing');
  const cni = clusterMode(c) === 'vpc-cni';
  const version = cx.variable({
    name: 'cluster_version',
    comments: ['Kubernetes version of the TKE clusters.'],
    description: 'Kubernetes version of the TKE clusters',
    default: str(DEFAULT_CLUSTER_VERSION),
  });
  const items: Item[] = [
    ...cx.providerFor(c.vpc),
    attr('vpc_id', cx.ref('tencentcloud_vpc', c.vpc)),
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
    const pods = (c.podSubnets ?? []).filter((id) => cx.ix.subnet(id));
    if (pods.length > 0)
      items.push(attr('eni_subnet_ids', list(pods.map((id) => cx.ref('tencentcloud_subnet', id)))));
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
    ...cx.describe('cluster', c, 'TKE cluster'),
    ...notes,
    block(`resource "tencentcloud_kubernetes_cluster" "${cx.tf(c.id)}"`, items),
    blank,
    ...nodePoolItems(cx, c),
  ];
}

/** Node pools in the cluster's node subnets, as many as the provider's 2,000 a pool needs. */
export function nodePoolItems(cx: TfContext, c: Cluster): Item[] {
  const subnets = (c.nodeSubnets ?? []).filter((id) => cx.ix.subnet(id));
  if (subnets.length === 0)
    return [note(`Cluster ${label(c)} has no node subnets in the plan: no node pool`), blank];
  const instanceType = cx.variable({
    name: 'node_instance_type',
    comments: ['CVM instance type of the node pools (for example SA2.MEDIUM4).'],
    description: 'CVM instance type of the TKE node pools',
  });
  const keyIds = cx.variable({
    name: 'node_key_ids',
    comments: [
      'Login of the nodes: set exactly one of node_key_ids (SSH key pair ids, skey-...) and',
      'node_password. TKE refuses a node pool with neither.',
    ],
    description: 'SSH key pair ids (skey-...) for logging in to the TKE nodes',
    type: 'list(string)',
    default: raw('null'),
  });
  const password = cx.variable({
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
      block(cx.part('tencentcloud_kubernetes_node_pool', c.id, what), [
        ...cx.providerFor(c.vpc),
        attr('name', str(nodePoolName(label(c), i, sizes.length))),
        attr('cluster_id', cx.ref('tencentcloud_kubernetes_cluster', c.id)),
        attr('vpc_id', cx.ref('tencentcloud_vpc', c.vpc)),
        attr('subnet_ids', list(subnets.map((id) => cx.ref('tencentcloud_subnet', id)))),
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
