// tccli responses → plan: one test per API call, with the responses as tccli prints them
// (examples/tccli), several files at once, and references to objects no file describes.
import { describe, expect, it } from 'vitest';
import { tccliResponse } from './fixtures.test-support';
import { importFiles } from './import';

const read = tccliResponse;

const VPCS = read('DescribeVpcs');

async function ok(...calls: string[]) {
  const r = await importFiles([VPCS, ...calls.map(read)]);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.where}: ${p.message}`).join('\n'));
  expect(r.report.kind).toBe('tencentcloud-api');
  return r;
}

describe('tccli responses', () => {
  it('DescribeVpcs: VpcSet with secondary ranges (AssistantType 0), not the container ones (1)', async () => {
    const r = await ok();
    expect(r.plan.vpcs).toEqual([
      { id: 'vpc-2x8f0q1m', name: 'prod', cidr: '10.0.0.0/16', secondaryCidrs: ['10.8.0.0/16'] },
      { id: 'vpc-9b3kx7qe', name: 'shared', cidr: '10.1.0.0/16' },
    ]);
  });

  it('DescribeSubnets: SubnetSet, in their VPCs', async () => {
    const r = await ok('DescribeSubnets');
    expect(r.plan.subnets.map((s) => [s.id, s.vpc, s.cidr, s.zone, s.routeTable])).toEqual([
      ['subnet-7d3kq9ve', 'vpc-2x8f0q1m', '10.0.0.0/20', 'ap-guangzhou-3', undefined],
      ['subnet-0p2mz6wc', 'vpc-2x8f0q1m', '10.0.16.0/24', 'ap-guangzhou-3', undefined],
      ['subnet-5h2nq8wd', 'vpc-9b3kx7qe', '10.1.0.0/24', 'ap-guangzhou-4', undefined],
    ]);
  });

  it('DescribeRouteTables: USER routes only; a default table without custom routes is no table; VPN routes bring their IDC', async () => {
    const r = await ok(
      'DescribeSubnets',
      'DescribeRouteTables',
      'DescribeNatGateways',
      'DescribeVpcPeeringConnections',
    );
    expect(r.plan.routeTables).toEqual([
      {
        id: 'rtb-k3n8x2pd',
        name: 'nodes',
        vpc: 'vpc-2x8f0q1m',
        routes: [
          { destination: '0.0.0.0/0', target: 'nat-5r2wq8zt' },
          { destination: '10.1.0.0/16', target: 'pcx-9kq2m8xz' },
          { destination: '192.168.0.0/16', target: 'vpngw-8ccsnclt' },
        ],
      },
      {
        id: 'rtb-2q8xk3mf',
        name: 'default',
        vpc: 'vpc-9b3kx7qe',
        routes: [{ destination: '10.0.0.0/16', target: 'pcx-9kq2m8xz' }],
      },
    ]);
    expect(r.plan.subnets.map((s) => s.routeTable)).toEqual([
      'rtb-k3n8x2pd',
      undefined,
      'rtb-2q8xk3mf',
    ]);
    expect(r.plan.idcs).toEqual([
      {
        id: 'vpngw-8ccsnclt',
        name: 'IDC via vpngw-8ccsnclt',
        cidrs: ['192.168.0.0/16'],
        vpc: 'vpc-2x8f0q1m',
        link: 'vpn',
      },
    ]);
  });

  it('DescribeNatGateways: NatGatewaySet', async () => {
    const r = await ok('DescribeNatGateways');
    expect(r.plan.natGateways).toEqual([
      { id: 'nat-5r2wq8zt', name: 'egress', vpc: 'vpc-2x8f0q1m' },
    ]);
  });

  it('DescribeVpcPeeringConnections: PeerConnectionSet', async () => {
    const r = await ok('DescribeVpcPeeringConnections');
    expect(r.plan.peerings).toEqual([
      { id: 'pcx-9kq2m8xz', name: 'prod-shared', vpcs: ['vpc-2x8f0q1m', 'vpc-9b3kx7qe'] },
    ]);
  });

  it('DescribeCcns and DescribeCcnAttachedInstances: members in the order they were attached', async () => {
    const r = await ok('DescribeCcns', 'DescribeCcnAttachedInstances');
    expect(r.plan.ccns).toEqual([
      {
        id: 'ccn-3x9k2m1q',
        name: 'backbone',
        description: 'regional backbone',
        attachments: ['vpc-2x8f0q1m', 'vpc-9b3kx7qe'],
      },
    ]);
  });

  it('TKE DescribeClusters: ClusterNetworkSettings and the network type from Property', async () => {
    const r = await ok('DescribeClusters');
    expect(r.plan.clusters).toEqual([
      {
        id: 'cls-m2k8d9qx',
        name: 'prod-tke',
        description: 'payments',
        vpc: 'vpc-2x8f0q1m',
        containerCidr: '172.16.0.0/16',
        serviceCidr: '172.16.252.0/22',
        maxPodsPerNode: 64,
        maxServices: 1024,
        nodeCount: 20,
      },
    ]);
    expect(r.report.notes).toContain(
      'DescribeClusters does not say which subnets the nodes are in: set the node subnets of the imported clusters',
    );
  });

  it('a response with its Response wrapper reads the same', async () => {
    const wrapped = {
      name: 'vpcs.json',
      text: JSON.stringify({ Response: JSON.parse(VPCS.text) as unknown }),
    };
    const r = await importFiles([wrapped]);
    expect(r.ok && r.plan.vpcs.length).toBe(2);
  });

  it('a subnet in a VPC that no file describes stops the import, saying which call is missing', async () => {
    const r = await importFiles([read('DescribeSubnets')]);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems[0]).toEqual({
        where: 'DescribeSubnets.json $.SubnetSet[0].VpcId',
        message:
          'subnet subnet-7d3kq9ve is in VPC vpc-2x8f0q1m, which is not in the input (add the DescribeVpcs response that lists it)',
      });
  });

  it('a CIDR that does not parse names the object', async () => {
    const bad = {
      name: 'DescribeVpcs.json',
      text: VPCS.text.replace('"10.1.0.0/16"', '"10.1.0.0/8"'),
    };
    const r = await importFiles([bad]);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems[0]!.message).toBe(
        'CidrBlock of vpc-9b3kx7qe: "10.1.0.0/8" has host bits set; did you mean 10.0.0.0/8?',
      );
  });
});
