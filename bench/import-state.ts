// A `terraform show -json` state of a generated plan, for the import bench: every object as the
// tencentcloud resources the export makes of it, with values shaped as the provider stores them.
import type { Plan } from '../src/domain/model/plan';

const PROVIDER = 'registry.terraform.io/tencentcloudstack/tencentcloud';

interface Res {
  address: string;
  mode: 'managed';
  type: string;
  name: string;
  provider_name: string;
  schema_version: 0;
  values: Record<string, unknown>;
  sensitive_values: Record<string, never>;
}

const TYPE_OF_KIND: Record<string, string> = {
  cdb: 'tencentcloud_mysql_instance',
  redis: 'tencentcloud_redis_instance',
  clb: 'tencentcloud_clb_instance',
};

export function stateOf(plan: Plan): { text: string; resources: number } {
  const out: Res[] = [];
  let n = 0;
  const add = (type: string, values: Record<string, unknown>) => {
    const name = `r${n++}`;
    out.push({
      address: `${type}.${name}`,
      mode: 'managed',
      type,
      name,
      provider_name: PROVIDER,
      schema_version: 0,
      values,
      sensitive_values: {},
    });
  };
  const kindOf = new Map<string, string>();
  for (const n of plan.natGateways) kindOf.set(n.id, 'NAT');
  for (const p of plan.peerings) kindOf.set(p.id, 'PEERCONNECTION');
  for (const c of plan.ccns) kindOf.set(c.id, 'USER_CCN');
  for (const v of plan.vpcs)
    add('tencentcloud_vpc', {
      id: v.id,
      name: v.name ?? v.id,
      cidr_block: v.cidr,
      assistant_cidrs: v.secondaryCidrs ?? [],
      is_multicast: false,
      tags: {},
    });
  for (const t of plan.routeTables)
    add('tencentcloud_route_table', { id: t.id, vpc_id: t.vpc, name: t.name ?? t.id, tags: {} });
  for (const s of plan.subnets)
    add('tencentcloud_subnet', {
      id: s.id,
      vpc_id: s.vpc,
      name: s.name ?? s.id,
      cidr_block: s.cidr,
      availability_zone: s.zone ?? 'ap-guangzhou-3',
      route_table_id: s.routeTable ?? '',
      tags: {},
    });
  for (const g of plan.natGateways)
    add('tencentcloud_nat_gateway', {
      id: g.id,
      vpc_id: g.vpc,
      name: g.name ?? g.id,
      assigned_eip_set: ['43.139.20.17'],
    });
  for (const p of plan.peerings)
    add('tencentcloud_vpc_peer_connect_manager', {
      id: p.id,
      source_vpc_id: p.vpcs[0],
      destination_vpc_id: p.vpcs[1],
      peering_connection_name: p.name ?? p.id,
    });
  for (const c of plan.ccns) {
    add('tencentcloud_ccn', { id: c.id, name: c.name ?? c.id, description: '' });
    for (const m of c.attachments)
      if (plan.vpcs.some((v) => v.id === m))
        add('tencentcloud_ccn_attachment_v2', {
          id: `${c.id}#${m}`,
          ccn_id: c.id,
          instance_type: 'VPC',
          instance_id: m,
          instance_region: 'ap-guangzhou',
        });
  }
  for (const r of plan.resources) {
    const type = TYPE_OF_KIND[r.kind] ?? 'tencentcloud_instance';
    const ip = r.ip ?? '';
    add(type, {
      id: r.id,
      subnet_id: r.subnet,
      ...(type === 'tencentcloud_mysql_instance'
        ? { instance_name: r.name ?? r.id, intranet_ip: ip }
        : {}),
      ...(type === 'tencentcloud_redis_instance' ? { name: r.name ?? r.id, ip } : {}),
      ...(type === 'tencentcloud_clb_instance'
        ? { clb_name: r.name ?? r.id, network_type: 'INTERNAL', clb_vips: ip ? [ip] : [] }
        : {}),
      ...(type === 'tencentcloud_instance'
        ? { instance_name: r.name ?? r.id, private_ip: ip }
        : {}),
    });
  }
  for (const c of plan.clusters) {
    add('tencentcloud_kubernetes_cluster', {
      id: c.id,
      vpc_id: c.vpc,
      cluster_name: c.name ?? c.id,
      network_type: c.mode === 'vpc-cni' ? 'VPC-CNI' : 'GR',
      cluster_cidr: c.containerCidr ?? '',
      service_cidr: c.serviceCidr ?? '',
      eni_subnet_ids: c.podSubnets ?? [],
      cluster_max_pod_num: c.maxPodsPerNode ?? 256,
      cluster_max_service_num: c.maxServices ?? 256,
      worker_config: [],
    });
    if ((c.nodeSubnets ?? []).length > 0)
      add('tencentcloud_kubernetes_node_pool', {
        id: `${c.id}#np`,
        cluster_id: c.id,
        vpc_id: c.vpc,
        subnet_ids: c.nodeSubnets,
        desired_capacity: c.nodeCount ?? 1,
        max_size: c.nodeCount ?? 1,
      });
  }
  for (const t of plan.routeTables)
    t.routes.forEach((r, i) => {
      const type = kindOf.get(r.target);
      if (type && !r.destination.includes(':'))
        add('tencentcloud_route_table_entry', {
          id: `${i}.${t.id}`,
          route_table_id: t.id,
          destination_cidr_block: r.destination,
          next_type: type,
          next_hub: r.target,
        });
    });
  const text = JSON.stringify({
    format_version: '1.0',
    terraform_version: '1.9.8',
    values: { root_module: { resources: out } },
  });
  return { text, resources: out.length };
}
