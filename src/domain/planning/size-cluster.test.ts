// "Size this cluster", and every free-range suggestion passing over a reservation that sits on
// the block it would otherwise choose (rules.md, "Reservations").
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../analyze';
import { PlanIndex } from '../model/plan-index';
import type { Plan } from '../model/plan';
import { createObject } from '../ops/create';
import { applyOps } from '../ops/ops';
import { basePlan, cluster, reservation, subnet } from '../../test-support/builders';
import { chainSuggestions } from './fix-all';
import { sizeExistingCluster } from './size-cluster';
import { AddressPlanner } from './suggest';

const size = (p: Plan, id: string, nodes: number, podsPerNode = 64, services = 256) =>
  sizeExistingCluster(p, new PlanIndex(p), id, { nodes, podsPerNode, services });

describe('sizing an existing GlobalRouter cluster', () => {
  it('takes the smallest container CIDR for the target, its own range counted free', () => {
    const p = basePlan();
    const r = size(p, 'cls-1', 100);
    // 100 nodes × 64 pods + 256 services = 6,656 addresses: a /19.
    expect(r.ok && r.mode === 'global-router' && r.containerCidr).toBe('172.16.0.0/19');
    if (!r.ok || r.mode !== 'global-router') return;
    expect([r.maxPodsPerNode, r.maxServices, r.maxNodes]).toEqual([64, 256, 124]);
    const after = applyOps(p, r.ops);
    expect(after.plan.clusters[0]).toMatchObject({
      containerCidr: '172.16.0.0/19',
      maxPodsPerNode: 64,
      maxServices: 256,
      nodeCount: 100,
    });
    expect(applyOps(after.plan, after.inverse).plan).toStrictEqual(p);
  });

  it('passes over a reservation on that block, and says so', () => {
    const p = basePlan({
      reservations: [reservation('rsv-1', '172.16.0.0/19', { name: 'later' })],
    });
    const r = size(p, 'cls-1', 100);
    expect(r.ok && r.mode === 'global-router' && r.containerCidr).toBe('172.16.32.0/19');
    expect(r.ok && r.mode === 'global-router' && r.rejected[0]).toEqual({
      cidr: '172.16.0.0/19',
      because: 'overlaps reservation later (172.16.0.0/19)',
    });
  });

  it('keeps clear of the other clusters of the VPC', () => {
    const p = basePlan({ clusters: [...basePlan().clusters, cluster('cls-2', 'vpc-a')] });
    const r = size(p, 'cls-2', 100);
    expect(r.ok && r.mode === 'global-router' && r.containerCidr).toBe('172.17.0.0/19');
  });

  it('refuses a target TKE does not accept, with the reason', () => {
    const r = size(basePlan(), 'cls-1', 10, 1000);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/outside the 4..256/);
  });
});

describe('sizing an existing VPC-CNI cluster', () => {
  const cni = (podSubnets: string[]) =>
    basePlan({
      subnets: [
        ...basePlan().subnets,
        subnet('sn-pods', 'vpc-a', '10.0.8.0/24', { zone: 'ap-guangzhou-3' }),
        subnet('sn-node-4', 'vpc-a', '10.0.9.0/24', { zone: 'ap-guangzhou-4' }),
      ],
      clusters: [
        cluster('cls-1', 'vpc-a', {
          mode: 'vpc-cni',
          nodeSubnets: ['sn-node'],
          podSubnets,
          serviceCidr: '192.168.0.0/20',
        }),
      ],
    });

  it('adds pod subnets per zone for the pods the present ones cannot hold, in one step', () => {
    const p = cni(['sn-pods']);
    const r = size(p, 'cls-1', 10, 64);
    // 640 pods; sn-pods holds 253: 387 more, 194 a zone over two zones: a /24 each.
    expect(r.ok && r.mode === 'vpc-cni').toBe(true);
    if (!r.ok || r.mode !== 'vpc-cni') return;
    expect([r.pods, r.present, r.podsPerZone]).toEqual([640, 253, 194]);
    expect(r.subnets.map((s) => [s.zone, s.cidr])).toEqual([
      ['ap-guangzhou-3', '10.0.0.0/24'],
      ['ap-guangzhou-4', '10.0.3.0/24'],
    ]);
    const after = applyOps(p, r.ops);
    expect(after.plan.clusters[0]!.podSubnets).toHaveLength(3);
    expect(applyOps(after.plan, after.inverse).plan).toStrictEqual(p);
  });

  it('adds nothing when the present pod subnets hold the target', () => {
    const r = size(cni(['sn-pods']), 'cls-1', 3, 64);
    expect(r.ok && r.mode === 'vpc-cni' && r.subnets).toEqual([]);
  });
});

describe('every suggestion passes over a reservation on the block it would choose', () => {
  it('a subnet dropped in a VPC', () => {
    const free = createObject(basePlan(), 'subnet', { x: 10, y: 10 }, 'vpc-a');
    const held = createObject(
      basePlan({ reservations: [reservation('rsv-1', '10.0.0.0/24', { vpc: 'vpc-a' })] }),
      'subnet',
      { x: 10, y: 10 },
      'vpc-a',
    );
    const cidrOf = (c: typeof free) => {
      const first = c.ok ? c.ops[0] : undefined;
      return first?.op === 'insert' && 'cidr' in first.object && first.object.cidr;
    };
    expect(cidrOf(free)).toBe('10.0.0.0/24');
    expect(cidrOf(held)).toBe('10.0.3.0/24');
  });

  it('a cluster dropped in a VPC', () => {
    const containerOf = (p: Plan) => {
      const c = createObject(p, 'cluster', { x: 10, y: 10 }, 'vpc-a');
      const first = c.ok ? c.ops[0] : undefined;
      return (
        first?.op === 'insert' && 'containerCidr' in first.object && first.object.containerCidr
      );
    };
    expect(containerOf(basePlan())).toBe('172.17.0.0/16');
    expect(containerOf(basePlan({ reservations: [reservation('rsv-1', '172.17.0.0/16')] }))).toBe(
      '172.18.0.0/16',
    );
  });

  it('a fix of fix-all', () => {
    // cls-1's container CIDR overlaps the VPC: the fix would be 172.16.0.0/16 but for the reservation.
    const p = (reserved: boolean) =>
      basePlan({
        clusters: [
          cluster('cls-1', 'vpc-a', {
            nodeSubnets: ['sn-node'],
            containerCidr: '10.0.0.0/16',
          }),
        ],
        ...(reserved ? { reservations: [reservation('rsv-1', '172.16.0.0/16')] } : {}),
      });
    const fixOf = (plan: Plan) => {
      const findings = analyzePlan(plan, { kind: 'none' }).findings;
      return chainSuggestions(new PlanIndex(plan), findings).find(
        (s) => s?.object === 'cls-1' && s.field === 'containerCidr',
      )?.value;
    };
    expect(fixOf(p(false))).toBe('172.16.0.0/16');
    expect(fixOf(p(true))).toBe('172.17.0.0/16');
  });

  it('the address planner (`suggest`)', () => {
    const s = new AddressPlanner(
      new PlanIndex(basePlan({ reservations: [reservation('rsv-1', '172.17.0.0/16')] })),
    ).suggestCluster('vpc-a', { nodes: 1000 });
    expect(s.ok && s.containerCidr).toBe('172.18.0.0/16');
  });
});
