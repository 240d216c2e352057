// terraform show -json → plan: one test per resource type, with values shaped as the provider
// writes them into a state, and the inputs that must stop an import.
import { describe, expect, it } from 'vitest';
import { importFiles } from './import';
import type { ImportResult } from './types';

const PROVIDER = 'registry.terraform.io/tencentcloudstack/tencentcloud';

interface Res {
  type: string;
  name: string;
  values: Record<string, unknown>;
  index?: number | string;
  provider?: string;
  mode?: string;
}

function resource(r: Res, module = '') {
  const key =
    r.index === undefined ? '' : typeof r.index === 'number' ? `[${r.index}]` : `["${r.index}"]`;
  return {
    address: `${module}${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}${key}`,
    mode: r.mode ?? 'managed',
    type: r.type,
    name: r.name,
    ...(r.index === undefined ? {} : { index: r.index }),
    provider_name: r.provider ?? PROVIDER,
    schema_version: 0,
    values: r.values,
    sensitive_values: {},
  };
}

function state(resources: Res[], children: { name: string; resources: Res[] }[] = []): string {
  return JSON.stringify({
    format_version: '1.0',
    terraform_version: '1.9.8',
    values: {
      root_module: {
        resources: resources.map((r) => resource(r)),
        child_modules: children.map((c) => ({
          address: `module.${c.name}`,
          resources: c.resources.map((r) => resource(r, `module.${c.name}.`)),
        })),
      },
    },
  });
}

const VPC: Res = {
  type: 'tencentcloud_vpc',
  name: 'prod',
  values: {
    id: 'vpc-2x8f0q1m',
    name: 'prod',
    cidr_block: '10.0.0.0/16',
    assistant_cidrs: ['10.8.0.0/16'],
    default_route_table_id: 'rtb-6ow9jv2q',
    dns_servers: ['183.60.82.98', '183.60.83.19'],
    is_default: false,
    is_multicast: false,
    tags: {},
  },
};
const SUBNET: Res = {
  type: 'tencentcloud_subnet',
  name: 'nodes',
  values: {
    id: 'subnet-7d3kq9ve',
    vpc_id: 'vpc-2x8f0q1m',
    name: 'nodes',
    cidr_block: '10.0.0.0/20',
    availability_zone: 'ap-guangzhou-3',
    route_table_id: 'rtb-6ow9jv2q',
    available_ip_count: 4089,
    is_multicast: false,
    tags: {},
  },
};
const DATA: Res = {
  type: 'tencentcloud_subnet',
  name: 'data',
  values: { ...SUBNET.values, id: 'subnet-0p2mz6wc', name: 'data', cidr_block: '10.0.16.0/24' },
};

async function run(text: string): Promise<ImportResult> {
  return importFiles([{ name: 'terraform.tfstate.json', text }]);
}

async function ok(text: string) {
  const r = await run(text);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.where}: ${p.message}`).join('\n'));
  return r;
}

describe('terraform show -json', () => {
  it('tencentcloud_vpc: id, name, cidr_block, assistant_cidrs', async () => {
    const r = await ok(state([VPC]));
    expect(r.report.kind).toBe('terraform-state');
    expect(r.plan.vpcs).toEqual([
      { id: 'vpc-2x8f0q1m', name: 'prod', cidr: '10.0.0.0/16', secondaryCidrs: ['10.8.0.0/16'] },
    ]);
    expect(r.plan.layout?.['vpc-2x8f0q1m']).toMatchObject({ x: 40, y: 40 });
  });

  it("tencentcloud_subnet: the VPC's default route table (not in the state) means no table", async () => {
    const r = await ok(state([VPC, SUBNET]));
    expect(r.plan.subnets).toEqual([
      {
        id: 'subnet-7d3kq9ve',
        name: 'nodes',
        vpc: 'vpc-2x8f0q1m',
        cidr: '10.0.0.0/20',
        zone: 'ap-guangzhou-3',
      },
    ]);
    const box = r.plan.layout?.['subnet-7d3kq9ve'];
    const vpc = r.plan.layout?.['vpc-2x8f0q1m'];
    expect(box!.x + box!.width!).toBeLessThanOrEqual(vpc!.width!);
  });

  it('tencentcloud_route_table and tencentcloud_route_table_entry: NAT, peering, USER_CCN, NORMAL_CVM next hops', async () => {
    const r = await ok(
      state([
        VPC,
        {
          ...VPC,
          name: 'b',
          values: {
            ...VPC.values,
            id: 'vpc-bbbbbbbb',
            cidr_block: '10.1.0.0/16',
            assistant_cidrs: [],
          },
        },
        {
          type: 'tencentcloud_route_table',
          name: 'nodes',
          values: {
            id: 'rtb-k3n8x2pd',
            vpc_id: 'vpc-2x8f0q1m',
            name: 'nodes',
            is_default: false,
            subnet_ids: [],
            route_entry_ids: [],
          },
        },
        { ...SUBNET, values: { ...SUBNET.values, route_table_id: 'rtb-k3n8x2pd' } },
        {
          type: 'tencentcloud_nat_gateway',
          name: 'egress',
          values: {
            id: 'nat-5r2wq8zt',
            vpc_id: 'vpc-2x8f0q1m',
            name: 'egress',
            assigned_eip_set: ['43.139.20.17'],
            bandwidth: 100,
            max_concurrent: 1000000,
          },
        },
        {
          type: 'tencentcloud_vpc_peer_connect_manager',
          name: 'ab',
          values: {
            id: 'pcx-9kq2m8xz',
            source_vpc_id: 'vpc-2x8f0q1m',
            destination_vpc_id: 'vpc-bbbbbbbb',
            peering_connection_name: 'a-b',
            destination_region: 'ap-guangzhou',
            destination_uin: '100012345678',
            bandwidth: 10,
          },
        },
        {
          type: 'tencentcloud_ccn',
          name: 'bb',
          values: {
            id: 'ccn-3x9k2m1q',
            name: 'backbone',
            description: 'core',
            qos: 'AU',
            charge_type: 'POSTPAID',
            state: 'AVAILABLE',
          },
        },
        {
          type: 'tencentcloud_instance',
          name: 'router',
          values: {
            id: 'ins-7x2k9q3m',
            instance_name: 'router',
            subnet_id: 'subnet-7d3kq9ve',
            vpc_id: 'vpc-2x8f0q1m',
            private_ip: '10.0.0.5',
            availability_zone: 'ap-guangzhou-3',
          },
        },
        {
          type: 'tencentcloud_route_table_entry',
          name: 'e1',
          values: {
            id: '1.rtb-k3n8x2pd',
            route_table_id: 'rtb-k3n8x2pd',
            destination_cidr_block: '0.0.0.0/0',
            next_type: 'NAT',
            next_hub: 'nat-5r2wq8zt',
            disabled: false,
          },
        },
        {
          type: 'tencentcloud_route_table_entry',
          name: 'e2',
          values: {
            id: '2.rtb-k3n8x2pd',
            route_table_id: 'rtb-k3n8x2pd',
            destination_cidr_block: '10.1.0.0/16',
            next_type: 'PEERCONNECTION',
            next_hub: 'pcx-9kq2m8xz',
          },
        },
        {
          type: 'tencentcloud_route_table_entry',
          name: 'e3',
          values: {
            id: '3.rtb-k3n8x2pd',
            route_table_id: 'rtb-k3n8x2pd',
            destination_cidr_block: '10.2.0.0/16',
            next_type: 'USER_CCN',
            next_hub: 'ccn-3x9k2m1q',
          },
        },
        {
          type: 'tencentcloud_route_table_entry',
          name: 'e4',
          values: {
            id: '4.rtb-k3n8x2pd',
            route_table_id: 'rtb-k3n8x2pd',
            destination_cidr_block: '10.3.0.0/16',
            next_type: 'NORMAL_CVM',
            next_hub: '10.0.0.5',
          },
        },
        {
          type: 'tencentcloud_route_table_entry',
          name: 'e5',
          values: {
            id: '5.rtb-k3n8x2pd',
            route_table_id: 'rtb-k3n8x2pd',
            destination_cidr_block: '10.4.0.0/16',
            next_type: 'HAVIP',
            next_hub: 'havip-1',
          },
        },
      ]),
    );
    expect(r.plan.subnets[0]!.routeTable).toBe('rtb-k3n8x2pd');
    expect(r.plan.natGateways).toEqual([
      { id: 'nat-5r2wq8zt', name: 'egress', vpc: 'vpc-2x8f0q1m' },
    ]);
    expect(r.plan.peerings).toEqual([
      { id: 'pcx-9kq2m8xz', name: 'a-b', vpcs: ['vpc-2x8f0q1m', 'vpc-bbbbbbbb'] },
    ]);
    expect(r.plan.ccns).toEqual([
      { id: 'ccn-3x9k2m1q', name: 'backbone', description: 'core', attachments: [] },
    ]);
    expect(r.plan.routeTables[0]!.routes).toEqual([
      { destination: '0.0.0.0/0', target: 'nat-5r2wq8zt' },
      { destination: '10.1.0.0/16', target: 'pcx-9kq2m8xz' },
      { destination: '10.2.0.0/16', target: 'ccn-3x9k2m1q' },
      { destination: '10.3.0.0/16', target: 'ins-7x2k9q3m' },
    ]);
    expect(r.report.skipped).toContainEqual(
      expect.objectContaining({
        type: 'tencentcloud_route_table_entry',
        reason: 'next_type HAVIP is not modelled',
      }),
    );
  });

  it('tencentcloud_ccn_attachment_v2 (and the older tencentcloud_ccn_attachment): VPC members in order', async () => {
    const r = await ok(
      state([
        VPC,
        {
          type: 'tencentcloud_ccn',
          name: 'bb',
          values: { id: 'ccn-3x9k2m1q', name: 'backbone', description: '' },
        },
        {
          type: 'tencentcloud_ccn_attachment_v2',
          name: 'a',
          values: {
            id: 'ccn-3x9k2m1q#VPC#vpc-2x8f0q1m',
            ccn_id: 'ccn-3x9k2m1q',
            instance_type: 'VPC',
            instance_id: 'vpc-2x8f0q1m',
            instance_region: 'ap-guangzhou',
            state: 'ACTIVE',
            cidr_block: ['10.0.0.0/16'],
          },
        },
      ]),
    );
    expect(r.plan.ccns[0]!.attachments).toEqual(['vpc-2x8f0q1m']);
  });

  it('tencentcloud_kubernetes_cluster: GR with worker_config, ignore_cluster_cidr_conflict', async () => {
    const r = await ok(
      state([
        VPC,
        SUBNET,
        {
          type: 'tencentcloud_kubernetes_cluster',
          name: 'prod',
          values: {
            id: 'cls-m2k8d9qx',
            vpc_id: 'vpc-2x8f0q1m',
            cluster_name: 'prod-tke',
            cluster_desc: 'payments',
            network_type: 'GR',
            cluster_cidr: '172.16.0.0/16',
            cluster_max_pod_num: 64,
            cluster_max_service_num: 1024,
            service_cidr: '',
            eni_subnet_ids: [],
            ignore_cluster_cidr_conflict: true,
            worker_config: [
              {
                availability_zone: 'ap-guangzhou-3',
                count: 3,
                instance_type: 'SA5.LARGE8',
                subnet_id: 'subnet-7d3kq9ve',
                public_ip_assigned: true,
                internet_max_bandwidth_out: 10,
              },
            ],
          },
        },
      ]),
    );
    expect(r.plan.clusters).toEqual([
      {
        id: 'cls-m2k8d9qx',
        name: 'prod-tke',
        description: 'payments',
        vpc: 'vpc-2x8f0q1m',
        containerCidr: '172.16.0.0/16',
        maxPodsPerNode: 64,
        maxServices: 1024,
        ignoreRouteConflict: true,
        nodeSubnets: ['subnet-7d3kq9ve'],
        nodeCount: 3,
        nodePublicIp: true,
      },
    ]);
  });

  it('tencentcloud_kubernetes_cluster VPC-CNI with eni_subnet_ids, and tencentcloud_kubernetes_node_pool', async () => {
    const r = await ok(
      state([
        VPC,
        SUBNET,
        DATA,
        {
          type: 'tencentcloud_kubernetes_cluster',
          name: 'cni',
          values: {
            id: 'cls-cni00001',
            vpc_id: 'vpc-2x8f0q1m',
            cluster_name: 'cni',
            network_type: 'VPC-CNI',
            cluster_cidr: '',
            service_cidr: '192.168.0.0/20',
            eni_subnet_ids: ['subnet-0p2mz6wc'],
            worker_config: [],
          },
        },
        {
          type: 'tencentcloud_kubernetes_node_pool',
          name: 'a',
          values: {
            id: 'cls-cni00001#np-1',
            cluster_id: 'cls-cni00001',
            vpc_id: 'vpc-2x8f0q1m',
            subnet_ids: ['subnet-7d3kq9ve'],
            desired_capacity: 5,
            max_size: 10,
            min_size: 0,
            node_count: 5,
            auto_scaling_config: [{ instance_type: 'SA5.LARGE8', public_ip_assigned: false }],
          },
        },
        {
          type: 'tencentcloud_kubernetes_node_pool',
          name: 'b',
          values: {
            id: 'cls-cni00001#np-2',
            cluster_id: 'cls-cni00001',
            vpc_id: 'vpc-2x8f0q1m',
            subnet_ids: ['subnet-7d3kq9ve'],
            desired_capacity: 2,
            max_size: 2,
            min_size: 0,
          },
        },
      ]),
    );
    expect(r.plan.clusters).toEqual([
      {
        id: 'cls-cni00001',
        name: 'cni',
        vpc: 'vpc-2x8f0q1m',
        mode: 'vpc-cni',
        podSubnets: ['subnet-0p2mz6wc'],
        serviceCidr: '192.168.0.0/20',
        nodeSubnets: ['subnet-7d3kq9ve'],
        nodeCount: 7,
      },
    ]);
  });

  it.each([
    [
      'tencentcloud_instance',
      'cvm',
      {
        instance_name: 'bastion',
        private_ip: '10.0.16.4',
        public_ip: '',
        allocate_public_ip: false,
      },
    ],
    [
      'tencentcloud_mysql_instance',
      'cdb',
      {
        instance_name: 'orders',
        intranet_ip: '10.0.16.10',
        intranet_port: 3306,
        mem_size: 4000,
        volume_size: 200,
      },
    ],
    [
      'tencentcloud_redis_instance',
      'redis',
      { name: 'sessions', ip: '10.0.16.11', port: 6379, mem_size: 1024, type_id: 8 },
    ],
    [
      'tencentcloud_clb_instance',
      'clb',
      { clb_name: 'ingress', network_type: 'INTERNAL', clb_vips: ['10.0.16.12'] },
    ],
  ])(
    '%s becomes a %s resource in its subnet at its private address',
    async (type, kind, values) => {
      const r = await ok(
        state([
          VPC,
          DATA,
          {
            type,
            name: 'x',
            values: {
              id: `${kind}-1`,
              vpc_id: 'vpc-2x8f0q1m',
              subnet_id: 'subnet-0p2mz6wc',
              ...values,
            },
          },
        ]),
      );
      const expected = {
        cvm: { name: 'bastion', ip: '10.0.16.4' },
        cdb: { name: 'orders', ip: '10.0.16.10' },
        redis: { name: 'sessions', ip: '10.0.16.11' },
        clb: { name: 'ingress', ip: '10.0.16.12' },
      }[kind]!;
      expect(r.plan.resources).toEqual([
        { id: `${kind}-1`, kind, subnet: 'subnet-0p2mz6wc', ...expected },
      ]);
    },
  );

  it('a public (OPEN) CLB has no subnet: skipped with that reason', async () => {
    const r = await ok(
      state([
        VPC,
        {
          type: 'tencentcloud_clb_instance',
          name: 'pub',
          values: {
            id: 'lb-1',
            clb_name: 'pub',
            network_type: 'OPEN',
            vpc_id: 'vpc-2x8f0q1m',
            subnet_id: '',
          },
        },
      ]),
    );
    expect(r.report.skipped).toContainEqual(
      expect.objectContaining({
        type: 'tencentcloud_clb_instance',
        reason: 'a public (OPEN) load balancer has no subnet',
      }),
    );
  });

  it('tencentcloud_vpn_gateway, _customer_gateway and _connection make an IDC; a VPN route goes to it', async () => {
    const r = await ok(
      state([
        VPC,
        {
          type: 'tencentcloud_route_table',
          name: 't',
          values: { id: 'rtb-k3n8x2pd', vpc_id: 'vpc-2x8f0q1m', name: 't' },
        },
        {
          type: 'tencentcloud_vpn_gateway',
          name: 'sh',
          values: {
            id: 'vpngw-8ccsnclt',
            name: 'sh',
            vpc_id: 'vpc-2x8f0q1m',
            type: 'IPSEC',
            bandwidth: 5,
            public_ip_address: '1.1.1.1',
          },
        },
        {
          type: 'tencentcloud_vpn_customer_gateway',
          name: 'sh',
          values: { id: 'cgw-xfqag9ve', name: 'Shanghai IDC', public_ip_address: '203.0.113.9' },
        },
        {
          type: 'tencentcloud_vpn_connection',
          name: 'sh',
          values: {
            id: 'vpnx-nadifg3s',
            name: 'sh',
            vpc_id: 'vpc-2x8f0q1m',
            vpn_gateway_id: 'vpngw-8ccsnclt',
            customer_gateway_id: 'cgw-xfqag9ve',
            pre_share_key: 'x',
            security_group_policy: [
              { local_cidr_block: '10.0.0.0/16', remote_cidr_block: ['192.168.0.0/16'] },
            ],
          },
        },
        {
          type: 'tencentcloud_route_table_entry',
          name: 'r',
          values: {
            route_table_id: 'rtb-k3n8x2pd',
            destination_cidr_block: '192.168.0.0/16',
            next_type: 'VPN',
            next_hub: 'vpngw-8ccsnclt',
          },
        },
      ]),
    );
    expect(r.plan.idcs).toEqual([
      {
        id: 'cgw-xfqag9ve',
        name: 'Shanghai IDC',
        cidrs: ['192.168.0.0/16'],
        vpc: 'vpc-2x8f0q1m',
        link: 'vpn',
        returnRoutes: ['10.0.0.0/16'],
      },
    ]);
    expect(r.plan.routeTables[0]!.routes).toEqual([
      { destination: '192.168.0.0/16', target: 'cgw-xfqag9ve' },
    ]);
  });

  it('tencentcloud_dc_gateway: an IDC over Direct Connect, its ranges from the routes through it', async () => {
    const r = await ok(
      state([
        VPC,
        {
          type: 'tencentcloud_route_table',
          name: 't',
          values: { id: 'rtb-k3n8x2pd', vpc_id: 'vpc-2x8f0q1m', name: 't' },
        },
        {
          type: 'tencentcloud_dc_gateway',
          name: 'bj',
          values: {
            id: 'dcg-6vq1k2ma',
            name: 'Beijing IDC',
            network_type: 'VPC',
            network_instance_id: 'vpc-2x8f0q1m',
            gateway_type: 'NORMAL',
          },
        },
        {
          type: 'tencentcloud_route_table_entry',
          name: 'r',
          values: {
            route_table_id: 'rtb-k3n8x2pd',
            destination_cidr_block: '172.30.0.0/16',
            next_type: 'DIRECTCONNECT',
            next_hub: 'dcg-6vq1k2ma',
          },
        },
      ]),
    );
    expect(r.plan.idcs).toEqual([
      {
        id: 'dcg-6vq1k2ma',
        name: 'Beijing IDC',
        cidrs: ['172.30.0.0/16'],
        vpc: 'vpc-2x8f0q1m',
        link: 'direct-connect',
      },
    ]);
  });

  it('reads child modules and count/for_each instances, skipping data sources and other providers', async () => {
    const r = await ok(
      state(
        [
          VPC,
          { type: 'tencentcloud_availability_zones', name: 'z', mode: 'data', values: { id: '1' } },
        ],
        [
          {
            name: 'net',
            resources: [
              { ...SUBNET, index: 0 },
              { ...DATA, index: 'data' },
              {
                type: 'aws_s3_bucket',
                name: 'logs',
                provider: 'registry.terraform.io/hashicorp/aws',
                values: { id: 'logs' },
              },
            ],
          },
        ],
      ),
    );
    expect(r.plan.subnets.map((s) => s.id)).toEqual(['subnet-7d3kq9ve', 'subnet-0p2mz6wc']);
    expect(r.report.skipped.map((s) => `${s.count} ${s.type}: ${s.reason}`)).toEqual([
      '1 data.tencentcloud_availability_zones: a data source describes, it does not hold, a network object',
      '1 aws_*: not tencentcloud',
    ]);
  });

  it('a saved plan: ids not known until apply are the addresses, references come from the configuration', async () => {
    const doc = {
      format_version: '1.2',
      terraform_version: '1.9.8',
      planned_values: {
        root_module: {
          resources: [
            resource({
              type: 'tencentcloud_vpc',
              name: 'prod',
              values: { name: 'prod', cidr_block: '10.0.0.0/16', assistant_cidrs: null },
            }),
            resource({
              type: 'tencentcloud_subnet',
              name: 'nodes',
              values: {
                name: 'nodes',
                cidr_block: '10.0.0.0/20',
                availability_zone: 'ap-guangzhou-3',
              },
            }),
          ],
        },
      },
      configuration: {
        root_module: {
          resources: [
            {
              address: 'tencentcloud_vpc.prod',
              mode: 'managed',
              type: 'tencentcloud_vpc',
              name: 'prod',
              expressions: { cidr_block: { constant_value: '10.0.0.0/16' } },
            },
            {
              address: 'tencentcloud_subnet.nodes',
              mode: 'managed',
              type: 'tencentcloud_subnet',
              name: 'nodes',
              expressions: {
                vpc_id: { references: ['tencentcloud_vpc.prod.id', 'tencentcloud_vpc.prod'] },
              },
            },
          ],
        },
      },
    };
    const r = await ok(JSON.stringify(doc));
    expect(r.plan.subnets).toEqual([
      {
        id: 'tencentcloud_subnet.nodes',
        name: 'nodes',
        vpc: 'tencentcloud_vpc.prod',
        cidr: '10.0.0.0/20',
        zone: 'ap-guangzhou-3',
      },
    ]);
  });
});

describe('bad input: a clear message and no plan', () => {
  it('a state of another provider', async () => {
    const aws = Array.from({ length: 42 }, (_, i) => ({
      type: i % 2 ? 'aws_subnet' : 'aws_vpc',
      name: `n${i}`,
      provider: 'registry.terraform.io/hashicorp/aws',
      values: { id: `x-${i}` },
    }));
    const r = await run(state(aws));
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          where: 'terraform.tfstate.json',
          message: 'no tencentcloud resources: 42 aws_* resources skipped',
        },
      ],
    });
  });

  it('a truncated file says where it stops', async () => {
    const text = state([VPC, SUBNET]);
    const r = await run(text.slice(0, 300));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems[0]!.message).toMatch(
        /ends too early at line 1, column \d+: it looks truncated/,
      );
  });

  it('a reference to a resource that is not in the file, with its address', async () => {
    const r = await run(state([SUBNET]));
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          where: 'tencentcloud_subnet.nodes.vpc_id',
          message:
            'tencentcloud_subnet.nodes: vpc_id "vpc-2x8f0q1m" names no tencentcloud_vpc in the input',
        },
      ],
    });
  });

  it('a CIDR that does not parse, named with its resource address', async () => {
    const r = await run(
      state([VPC, { ...SUBNET, values: { ...SUBNET.values, cidr_block: '10.0.1.0/20' } }]),
    );
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          where: 'tencentcloud_subnet.nodes.cidr_block',
          message:
            'tencentcloud_subnet.nodes: cidr_block "10.0.1.0/20" has host bits set; did you mean 10.0.0.0/20?',
        },
      ],
    });
  });

  it('a plan file is not imported, it is opened', async () => {
    const r = await importFiles([
      { name: 'p.json', text: '{"format":"cidr-canvas/plan","version":1}' },
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/open it instead/);
  });
});

describe('a raw terraform.tfstate (version 4)', () => {
  it('reads like `terraform show -json`: modules, instance keys, other providers skipped', async () => {
    const raw = {
      version: 4,
      terraform_version: '1.9.8',
      serial: 12,
      lineage: '3f0c9a52-6f4e-4b1e-9a55-0d3c3b1f7e21',
      outputs: {},
      resources: [
        {
          mode: 'managed',
          type: 'tencentcloud_vpc',
          name: 'prod',
          provider: 'provider["registry.terraform.io/tencentcloudstack/tencentcloud"]',
          instances: [{ schema_version: 0, attributes: VPC.values, sensitive_attributes: [] }],
        },
        {
          module: 'module.net',
          mode: 'managed',
          type: 'tencentcloud_subnet',
          name: 'nodes',
          provider: 'provider["registry.terraform.io/tencentcloudstack/tencentcloud"]',
          instances: [{ index_key: 'a', schema_version: 0, attributes: SUBNET.values }],
        },
        {
          mode: 'managed',
          type: 'aws_vpc',
          name: 'x',
          provider: 'provider["registry.terraform.io/hashicorp/aws"]',
          instances: [{ schema_version: 1, attributes: { id: 'vpc-0a' } }],
        },
      ],
    };
    const r = await ok(JSON.stringify(raw));
    expect(r.plan.subnets.map((s) => s.id)).toEqual(['subnet-7d3kq9ve']);
    expect(r.report.skipped).toEqual([
      { type: 'aws_*', reason: 'not tencentcloud', examples: ['aws_vpc.x'], count: 1 },
    ]);
  });
});
