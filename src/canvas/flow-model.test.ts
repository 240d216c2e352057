import { describe, expect, it } from 'vitest';
import type { Plan } from '../domain/model/plan';
import type { PathResult } from '../domain/routing/paths';
import { BUNDLE_ABOVE, LinkEdgeCache, linkEdges, PathEdgeCache } from './flow-edges';
import { NodeCache, nodeAriaLabel } from './flow-model';

const plan = {
  format: 'cidr-canvas/plan',
  version: 1,
  vpcs: [{ id: 'vpc-prod', name: 'prod', region: 'ap-guangzhou', cidr: '10.0.0.0/16' }],
  subnets: [
    { id: 'sn-nodes', name: 'nodes-gz3', vpc: 'vpc-prod', cidr: '10.0.1.0/24', zone: 'z' },
    { id: 'sn-batch', name: 'nodes-gz4', vpc: 'vpc-prod', cidr: '10.0.2.0/24', zone: 'z' },
  ],
  clusters: [
    {
      id: 'cls-prod',
      name: 'prod-tke',
      vpc: 'vpc-prod',
      nodeSubnets: ['sn-nodes'],
      containerCidr: '172.16.0.0/16',
    },
  ],
  resources: [
    { id: 'db-orders', name: 'orders-db', kind: 'cdb', subnet: 'sn-nodes', ip: '10.0.10.10' },
  ],
  natGateways: [],
  peerings: [],
  ccns: [],
  idcs: [{ id: 'idc-sh', name: 'Shanghai IDC', cidrs: ['192.168.0.0/16'] }],
  routeTables: [],
} as unknown as Plan;

/** A path from prod-tke with this verdict (an unreachable one for want of a return route). */
const p = (to: string, verdict: PathResult['verdict']): PathResult => ({
  from: 'cls-prod',
  to,
  verdict,
  hops: [],
  reason: verdict === 'unreachable' ? 'NO_RETURN_ROUTE' : null,
  message: '',
});

describe('accessible names on the canvas', () => {
  it('names every node by kind, name and address', () => {
    const nodes = new NodeCache().build(plan, new Set(), {});
    const byId = new Map(nodes.map((n) => [n.id, n.ariaLabel]));
    expect(byId.get('sn-batch')).toBe('subnet nodes-gz4 10.0.2.0/24');
    expect(byId.get('cls-prod')).toBe('cluster prod-tke 172.16.0.0/16');
    expect(byId.get('db-orders')).toBe('database orders-db 10.0.10.10');
    expect(byId.get('internet')).toBe('Internet');
    expect(nodes.every((n) => n.ariaLabel && n.ariaLabel.length > 3)).toBe(true);
    expect(nodeAriaLabel('vpc', { id: 'v', cidr: '10.0.0.0/16' })).toBe('VPC v 10.0.0.0/16');
  });

  it('names link and path edges in names, worst paths on top', () => {
    const links = linkEdges(plan);
    expect(links.find((e) => e.id === 'tie:cls-prod:sn-nodes')?.ariaLabel).toBe(
      'node subnet of prod-tke to nodes-gz3',
    );
    const names = new Map([
      ['cls-prod', 'prod-tke'],
      ['db-orders', 'orders-db'],
      ['idc-sh', 'Shanghai IDC'],
    ]);
    const edges = new PathEdgeCache().build(
      [p('db-orders', 'direct'), p('idc-sh', 'unreachable')],
      new Set(['cls-prod', 'db-orders', 'idc-sh']),
      () => undefined,
      (id) => names.get(id) ?? id,
    );
    expect(edges.map((e) => e.ariaLabel)).toEqual([
      'path prod-tke to orders-db: pod IP kept',
      'path prod-tke to Shanghai IDC: unreachable (NO_RETURN_ROUTE)',
    ]);
    expect(edges[1]!.zIndex).toBeGreaterThan(edges[0]!.zIndex!);
  });
});

describe('link edges kept across edits', () => {
  // An edit of a cluster's CIDR must not hand React Flow a new object for every link.
  it('are the same list while they say the same, and new where one changes', () => {
    const cache = new LinkEdgeCache();
    const first = cache.build(plan);
    expect(first).toEqual(linkEdges(plan));
    const recut = {
      ...plan,
      clusters: plan.clusters.map((c) => ({ ...c, containerCidr: '172.20.0.0/16' })),
    };
    expect(cache.build(recut)).toBe(first);
    const moved = {
      ...recut,
      clusters: recut.clusters.map((c) => ({ ...c, nodeSubnets: ['sn-batch'] })),
    };
    const after = cache.build(moved);
    expect(after).not.toBe(first);
    expect(after).toEqual(linkEdges(moved));
    const renamed = { ...moved, subnets: moved.subnets.map((s) => ({ ...s, name: `${s.name}!` })) };
    const again = cache.build(renamed);
    expect(again).toEqual(linkEdges(renamed));
    expect(again.find((e) => e.id === 'tie:cls-prod:sn-batch')?.ariaLabel).toBe(
      'node subnet of prod-tke to nodes-gz4!',
    );
  });
});

describe('path edges kept across results', () => {
  const drawn = new Set(['cls-prod', 'db-orders', 'idc-sh']);

  it('are the same list while every path says the same, and a new one when one changes', () => {
    const cache = new PathEdgeCache();
    const first = cache.build(
      [p('db-orders', 'direct'), p('idc-sh', 'snat')],
      drawn,
      () => undefined,
    );
    // New path objects that say the same, as a recomputed filter hands over.
    expect(
      cache.build([p('db-orders', 'direct'), p('idc-sh', 'snat')], drawn, () => undefined),
    ).toBe(first);
    const changed = cache.build(
      [p('db-orders', 'unreachable'), p('idc-sh', 'snat')],
      drawn,
      () => undefined,
    );
    expect(changed).not.toBe(first);
    expect(changed[0]!.domAttributes).toMatchObject({ 'data-verdict': 'unreachable' });
    expect(changed[1]).toBe(first[1]);
    const fewer = cache.build([p('idc-sh', 'snat')], drawn, () => undefined);
    expect(fewer.map((e) => e.id)).toEqual([first[1]!.id]);
  });

  it('bundles keep their ids when their verdict flips, so React Flow updates them in place', () => {
    const cache = new PathEdgeCache();
    const targets = Array.from({ length: BUNDLE_ABOVE + 2 }, (_, i) => `db-${i}`);
    const many = new Set(['cls-prod', 'sn-data', ...targets]);
    const subnetOf = (id: string) => (id.startsWith('db-') ? 'sn-data' : undefined);
    const before = cache.build(
      targets.map((t) => p(t, 'direct')),
      many,
      subnetOf,
    );
    expect(before).toHaveLength(1);
    expect(before[0]!.data!.keys).toHaveLength(targets.length);
    const after = cache.build(
      targets.map((t) => p(t, 'unreachable')),
      many,
      subnetOf,
    );
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before[0]);
    expect(after[0]!.id).toBe(before[0]!.id);
    expect(after[0]!.domAttributes).toMatchObject({ 'data-verdict': 'unreachable' });
    // Half and half: two bundles to the same subnet, each with an id of its own.
    const split = cache.build(
      targets.map((t, i) => p(t, i % 2 ? 'direct' : 'unreachable')),
      many,
      subnetOf,
    );
    expect(split).toHaveLength(2);
    expect(new Set(split.map((e) => e.id)).size).toBe(2);
    expect(split.map((e) => e.id)).toContain(before[0]!.id);
  });
});
