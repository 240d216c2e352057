// Merging an import into the current plan: same id updated, not duplicated; what the user placed
// stays where it is; new objects are placed inside their parents; one undo restores the plan.
import { describe, expect, it } from 'vitest';
import { applyOps } from '../../domain/ops/ops';
import type { Plan } from '../../domain/model/plan';
import { tccliResponse } from './fixtures.test-support';
import { importFiles } from './import';
import { mergeImported } from './merge';

const read = tccliResponse;

const current: Plan = {
  format: 'cidr-canvas/plan',
  version: 1,
  vpcs: [{ id: 'vpc-2x8f0q1m', name: 'prod (drawn)', cidr: '10.0.0.0/16' }],
  subnets: [{ id: 'sn-new', name: 'planned', vpc: 'vpc-2x8f0q1m', cidr: '10.0.32.0/24' }],
  clusters: [
    {
      id: 'cls-m2k8d9qx',
      name: 'prod-tke',
      vpc: 'vpc-2x8f0q1m',
      nodeSubnets: ['sn-new'],
      containerCidr: '172.16.0.0/17',
    },
  ],
  resources: [],
  natGateways: [],
  peerings: [],
  ccns: [],
  idcs: [],
  routeTables: [],
  layout: {
    'vpc-2x8f0q1m': { x: 500, y: 300, width: 800, height: 500 },
    'sn-new': { x: 30, y: 70, width: 300, height: 170 },
    'cls-m2k8d9qx': { x: 600, y: 70 },
  },
};

describe('merging an import', () => {
  it('updates objects with the same id, adds the rest, keeps what was placed', async () => {
    const r = await importFiles(['DescribeVpcs', 'DescribeSubnets', 'DescribeClusters'].map(read));
    if (!r.ok) throw new Error('import failed');
    const m = mergeImported(current, r.plan);
    expect(m.plan.vpcs.map((v) => v.id)).toEqual(['vpc-2x8f0q1m', 'vpc-9b3kx7qe']);
    expect(m.plan.vpcs[0]).toEqual({
      id: 'vpc-2x8f0q1m',
      name: 'prod',
      cidr: '10.0.0.0/16',
      secondaryCidrs: ['10.8.0.0/16'],
    });
    // The cluster takes the cloud's values; its node subnets, which the API does not tell, stay.
    expect(m.plan.clusters).toEqual([
      {
        id: 'cls-m2k8d9qx',
        name: 'prod-tke',
        description: 'payments',
        vpc: 'vpc-2x8f0q1m',
        nodeSubnets: ['sn-new'],
        containerCidr: '172.16.0.0/16',
        serviceCidr: '172.16.252.0/22',
        maxPodsPerNode: 64,
        maxServices: 1024,
        nodeCount: 20,
      },
    ]);
    expect(m.plan.subnets.map((s) => s.id)).toEqual([
      'sn-new',
      'subnet-7d3kq9ve',
      'subnet-0p2mz6wc',
      'subnet-5h2nq8wd',
    ]);
    expect({ added: m.added, updated: m.updated }).toEqual({ added: 4, updated: 2 });

    const layout = m.plan.layout!;
    expect(layout['vpc-2x8f0q1m']).toMatchObject({ x: 500, y: 300 });
    expect(layout['sn-new']).toEqual(current.layout!['sn-new']);
    expect(layout['cls-m2k8d9qx']).toEqual(current.layout!['cls-m2k8d9qx']);
    // New subnets sit inside their VPC, below what was there, and do not overlap each other.
    const vpc = layout['vpc-2x8f0q1m']!;
    const boxes = ['subnet-7d3kq9ve', 'subnet-0p2mz6wc'].map((id) => layout[id]!);
    for (const b of boxes) {
      expect(b.y).toBeGreaterThanOrEqual(70 + 170);
      expect(b.x + b.width!).toBeLessThanOrEqual(vpc.width!);
      expect(b.y + b.height!).toBeLessThanOrEqual(vpc.height!);
    }
    expect(
      boxes[0]!.x + boxes[0]!.width! <= boxes[1]!.x ||
        boxes[0]!.y + boxes[0]!.height! <= boxes[1]!.y,
    ).toBe(true);
    // The other VPC goes beside what was placed, not on top of it.
    expect(layout['vpc-9b3kx7qe']!.y).toBeGreaterThan(vpc.y + vpc.height!);
  });

  it('importing the same files twice changes nothing the second time', async () => {
    const r = await importFiles(['DescribeVpcs', 'DescribeSubnets'].map(read));
    if (!r.ok) throw new Error('import failed');
    const once = mergeImported(current, r.plan);
    const twice = mergeImported(once.plan, r.plan);
    expect({ added: twice.added, updated: twice.updated }).toEqual({ added: 0, updated: 0 });
    expect(twice.plan).toEqual(once.plan);
  });

  it('its ops undo as one step', async () => {
    const r = await importFiles(['DescribeVpcs', 'DescribeSubnets'].map(read));
    if (!r.ok) throw new Error('import failed');
    const m = mergeImported(current, r.plan);
    const applied = applyOps(current, m.ops);
    expect(applyOps(applied.plan, applied.inverse).plan).toEqual(current);
  });
});
