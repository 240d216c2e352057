// .tf files: literal values, references between resources, variables with defaults, locals,
// count and for_each, and what cannot be resolved reported at its file and line.
import { describe, expect, it } from 'vitest';
import { importFiles } from './import';

async function ok(files: Record<string, string>) {
  const r = await importFiles(Object.entries(files).map(([name, text]) => ({ name, text })));
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.where}: ${p.message}`).join('\n'));
  return r;
}

async function problems(files: Record<string, string>) {
  const r = await importFiles(Object.entries(files).map(([name, text]) => ({ name, text })));
  if (r.ok) throw new Error('expected the import to fail');
  return r.problems.map((p) => `${p.where}: ${p.message}`);
}

const MAIN = `
terraform {
  required_providers {
    tencentcloud = {
      source = "tencentcloudstack/tencentcloud"
    }
  }
}

provider "tencentcloud" {
  region = var.region
}

variable "region" {
  default = "ap-guangzhou"
}

variable "vpc_cidr" {
  type    = string
  default = "10.0.0.0/16"
}

locals {
  zones = ["ap-guangzhou-3", "ap-guangzhou-4"]
  tiers = { app = 1, data = 2 }
}

resource "tencentcloud_vpc" "prod" {
  name       = "prod-\${var.region}"
  cidr_block = var.vpc_cidr
  tags = {
    team = "platform"
  }
}

resource "tencentcloud_subnet" "nodes" {
  count             = 2
  vpc_id            = tencentcloud_vpc.prod.id
  name              = "nodes-\${count.index}"
  cidr_block        = cidrsubnet(var.vpc_cidr, 4, count.index)
  availability_zone = local.zones[count.index]
}

resource "tencentcloud_subnet" "tier" {
  for_each          = local.tiers
  vpc_id            = tencentcloud_vpc.prod.id
  name              = each.key
  cidr_block        = cidrsubnet(var.vpc_cidr, 8, 100 + each.value)
  availability_zone = local.zones[0]
}

resource "tencentcloud_kubernetes_cluster" "prod" {
  vpc_id                  = tencentcloud_vpc.prod.id
  cluster_name            = "prod-tke"
  cluster_version         = var.cluster_version
  network_type            = "GR"
  cluster_cidr            = "172.16.0.0/16"
  cluster_max_pod_num     = 64
  cluster_max_service_num = 512
}

variable "cluster_version" {}

resource "tencentcloud_kubernetes_node_pool" "prod" {
  name             = "prod-nodes"
  cluster_id       = tencentcloud_kubernetes_cluster.prod.id
  vpc_id           = tencentcloud_vpc.prod.id
  subnet_ids       = tencentcloud_subnet.nodes[*].id
  max_size         = 6
  min_size         = 0
  desired_capacity = 6

  auto_scaling_config {
    instance_type      = "SA5.LARGE8"
    public_ip_assigned = false
    password           = var.node_password
  }
}

resource "tencentcloud_mysql_instance" "orders" {
  instance_name     = "orders"
  vpc_id            = tencentcloud_vpc.prod.id
  subnet_id         = tencentcloud_subnet.tier["data"].id
  mem_size          = 4000
  volume_size       = 200
  root_password     = var.db_password
}

resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}
`;

describe('.tf files', () => {
  it('resolves variables with defaults, locals, references, count and for_each; leaves unneeded arguments alone', async () => {
    const r = await ok({ 'main.tf': MAIN });
    expect(r.report.kind).toBe('terraform');
    expect(r.plan.vpcs).toEqual([
      {
        id: 'tencentcloud_vpc.prod',
        name: 'prod-ap-guangzhou',
        region: 'ap-guangzhou',
        cidr: '10.0.0.0/16',
      },
    ]);
    expect(r.plan.subnets).toEqual([
      {
        id: 'tencentcloud_subnet.nodes[0]',
        name: 'nodes-0',
        vpc: 'tencentcloud_vpc.prod',
        cidr: '10.0.0.0/20',
        zone: 'ap-guangzhou-3',
      },
      {
        id: 'tencentcloud_subnet.nodes[1]',
        name: 'nodes-1',
        vpc: 'tencentcloud_vpc.prod',
        cidr: '10.0.16.0/20',
        zone: 'ap-guangzhou-4',
      },
      {
        id: 'tencentcloud_subnet.tier["app"]',
        name: 'app',
        vpc: 'tencentcloud_vpc.prod',
        cidr: '10.0.101.0/24',
        zone: 'ap-guangzhou-3',
      },
      {
        id: 'tencentcloud_subnet.tier["data"]',
        name: 'data',
        vpc: 'tencentcloud_vpc.prod',
        cidr: '10.0.102.0/24',
        zone: 'ap-guangzhou-3',
      },
    ]);
    expect(r.plan.clusters).toEqual([
      {
        id: 'tencentcloud_kubernetes_cluster.prod',
        name: 'prod-tke',
        vpc: 'tencentcloud_vpc.prod',
        containerCidr: '172.16.0.0/16',
        maxPodsPerNode: 64,
        maxServices: 512,
        nodeSubnets: ['tencentcloud_subnet.nodes[0]', 'tencentcloud_subnet.nodes[1]'],
        nodeCount: 6,
      },
    ]);
    expect(r.plan.resources).toEqual([
      {
        id: 'tencentcloud_mysql_instance.orders',
        name: 'orders',
        kind: 'cdb',
        subnet: 'tencentcloud_subnet.tier["data"]',
      },
    ]);
    expect(r.report.skipped).toEqual([
      {
        type: 'aws_*',
        reason: 'not tencentcloud',
        examples: ['aws_s3_bucket.logs (main.tf:89)'],
        count: 1,
      },
    ]);
  });

  it('reads several files together, references across them', async () => {
    const r = await ok({
      'vpc.tf':
        'resource "tencentcloud_vpc" "a" {\n  name = "a"\n  cidr_block = "10.1.0.0/16"\n}\n',
      'subnets.tf':
        'resource "tencentcloud_subnet" "s" {\n  vpc_id = tencentcloud_vpc.a.id\n  cidr_block = "10.1.1.0/24"\n  availability_zone = "ap-shanghai-2"\n}\n',
    });
    expect(r.plan.subnets[0]!.vpc).toBe('tencentcloud_vpc.a');
  });

  it('a variable without a default, where the network needs it, is reported at its file and line', async () => {
    const text =
      'variable "cidr" {}\n\nresource "tencentcloud_vpc" "a" {\n  name       = "a"\n  cidr_block = var.cidr\n}\n';
    expect(await problems({ 'vpc.tf': text })).toEqual([
      'vpc.tf:5: tencentcloud_vpc.a: cidr_block: var.cidr has no default (declared at vpc.tf:1); the import does not guess it',
    ]);
  });

  it('a reference to a resource that is not in the files', async () => {
    const text =
      'resource "tencentcloud_subnet" "s" {\n  vpc_id = tencentcloud_vpc.gone.id\n  cidr_block = "10.1.1.0/24"\n  availability_zone = "ap-shanghai-2"\n}\n';
    expect(await problems({ 'subnets.tf': text })).toEqual([
      'subnets.tf:2: tencentcloud_subnet.s: vpc_id: tencentcloud_vpc.gone is not in the files',
    ]);
  });

  it('an attribute known only after apply, an unknown function, a data source', async () => {
    const text = [
      'resource "tencentcloud_vpc" "a" {',
      '  cidr_block = "10.1.0.0/16"',
      '}',
      'resource "tencentcloud_subnet" "s" {',
      '  vpc_id = tencentcloud_vpc.a.id',
      '  cidr_block = tencentcloud_vpc.a.default_route_table_id',
      '  availability_zone = "z"',
      '}',
      'resource "tencentcloud_subnet" "t" {',
      '  vpc_id = tencentcloud_vpc.a.id',
      '  cidr_block = templatefile("x", {})',
      '  availability_zone = "z"',
      '}',
      'resource "tencentcloud_subnet" "u" {',
      '  vpc_id = data.tencentcloud_vpc_instances.x.instance_list[0].vpc_id',
      '  cidr_block = "10.1.2.0/24"',
      '  availability_zone = "z"',
      '}',
    ].join('\n');
    expect(await problems({ 'main.tf': text })).toEqual([
      'main.tf:6: tencentcloud_subnet.s: cidr_block: tencentcloud_vpc.a.default_route_table_id is known only after apply',
      'main.tf:11: tencentcloud_subnet.t: cidr_block: function templatefile() is not read by the import',
      'main.tf:15: tencentcloud_subnet.u: vpc_id: data.tencentcloud_vpc_instances.x is read from the cloud at plan time, not from the files',
    ]);
  });

  it('a CIDR that does not parse, with its resource address and line', async () => {
    const text =
      'resource "tencentcloud_vpc" "a" {\n  name = "a"\n  cidr_block = "10.1.0.0/33"\n}\n';
    expect(await problems({ 'vpc.tf': text })).toEqual([
      'vpc.tf:3: tencentcloud_vpc.a: cidr_block "10.1.0.0/33" has prefix length "33"; expected 0 to 32',
    ]);
  });

  it('a truncated file', async () => {
    const text = 'resource "tencentcloud_vpc" "a" {\n  name = "a"\n  cidr_block = "10.1.0.0/16"\n';
    expect(await problems({ 'vpc.tf': text })).toEqual([
      'vpc.tf:4: the file ends in the middle of a block or expression: it looks truncated (not valid HCL)',
    ]);
  });

  it('files of another provider only', async () => {
    const text = Array.from(
      { length: 3 },
      (_, i) => `resource "aws_vpc" "v${i}" {\n  cidr_block = "10.${i}.0.0/16"\n}\n`,
    ).join('');
    expect(await problems({ 'aws.tf': text })).toEqual([
      'aws.tf: no tencentcloud resources: 3 aws_* resources skipped',
    ]);
  });

  it('conditionals, for expressions, operators and string functions', async () => {
    const text = [
      'locals {',
      '  env   = "prod"',
      '  big   = local.env == "prod" ? true : false',
      '  cidrs = { for i, z in ["a", "b"] : z => cidrsubnet("10.9.0.0/16", 8, i + 1) if z != "" }',
      '}',
      'resource "tencentcloud_vpc" "a" {',
      '  name       = upper(format("%s-vpc", local.env))',
      '  cidr_block = local.big ? "10.9.0.0/16" : "10.10.0.0/16"',
      '}',
      'resource "tencentcloud_subnet" "s" {',
      '  vpc_id            = tencentcloud_vpc.a.id',
      '  cidr_block        = local.cidrs["b"]',
      '  availability_zone = join("-", ["ap", "guangzhou", "3"])',
      '}',
    ].join('\n');
    const r = await ok({ 'main.tf': text });
    expect(r.plan.vpcs[0]).toMatchObject({ name: 'PROD-VPC', cidr: '10.9.0.0/16' });
    expect(r.plan.subnets[0]).toMatchObject({ cidr: '10.9.2.0/24', zone: 'ap-guangzhou-3' });
  });
});
