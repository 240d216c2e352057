import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NODE_SIZES } from '../domain/model/node-kinds';
import { createObject } from '../domain/ops/create';
import { applyOps } from '../domain/ops/ops';
import type { Plan } from '../domain/model/plan';
import { plan as makePlan, subnet, vpc } from '../test-support/builders';
import { containOps, contentExtent, freeSpot, placedCreationOps } from './placement';

function emptyVpcPlan(): Plan {
  return {
    ...makePlan({ vpcs: [vpc('vpc-a', '10.0.0.0/16')], subnets: [] }),
    layout: { 'vpc-a': { x: 0, y: 0, width: 760, height: 460 } },
  };
}

function add(p: Plan, kind: Parameters<typeof createObject>[1], at: { x: number; y: number }) {
  const parent = kind === 'vpc' ? undefined : 'vpc-a';
  const c = createObject(p, kind, at, parent, 'vpc-a');
  if (!c.ok) throw new Error(c.message);
  return { plan: applyOps(p, placedCreationOps(p, c.ops, c.id)).plan, id: c.id };
}

function box(p: Plan, id: string) {
  const l = p.layout![id]!;
  const kind = p.clusters.some((c) => c.id === id) ? 'cluster' : 'subnet';
  return {
    x: l.x,
    y: l.y,
    w: l.width ?? NODE_SIZES[kind].width,
    h: l.height ?? NODE_SIZES[kind].height,
  };
}

const disjoint = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) =>
  a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;

describe('a second cluster', () => {
  it('gets a node subnet of its own and a spot of its own, dropped where the first is', () => {
    let p = emptyVpcPlan();
    p = add(p, 'subnet', { x: 30, y: 60 }).plan;
    const first = add(p, 'cluster', { x: 400, y: 100 });
    p = first.plan;
    const second = add(p, 'cluster', { x: 400, y: 100 });
    p = second.plan;
    const a = p.clusters.find((c) => c.id === first.id)!;
    const b = p.clusters.find((c) => c.id === second.id)!;
    expect(a.nodeSubnets).toHaveLength(1);
    expect(b.nodeSubnets).toHaveLength(1);
    expect(b.nodeSubnets![0]).not.toBe(a.nodeSubnets![0]);
    const sn = p.subnets.find((s) => s.id === b.nodeSubnets![0])!;
    expect(sn.vpc).toBe('vpc-a');
    expect(sn.cidr).not.toBe(p.subnets.find((s) => s.id === a.nodeSubnets![0])!.cidr);
    expect(disjoint(box(p, first.id), box(p, second.id))).toBe(true);
    // The new subnet is apart from the clusters and the first subnet, inside the VPC.
    for (const other of [first.id, second.id, a.nodeSubnets![0]!])
      expect(disjoint(box(p, sn.id), box(p, other)), other).toBe(true);
    const v = p.layout!['vpc-a']!;
    for (const id of [first.id, second.id, sn.id]) {
      const bx = box(p, id);
      expect(bx.x + bx.w).toBeLessThanOrEqual(v.width!);
      expect(bx.y + bx.h).toBeLessThanOrEqual(v.height!);
    }
  });

  it('takes a free subnet of the VPC when there is one', () => {
    let p = emptyVpcPlan();
    p = add(p, 'subnet', { x: 30, y: 60 }).plan;
    p = add(p, 'subnet', { x: 360, y: 60 }).plan;
    const first = add(p, 'cluster', { x: 30, y: 260 });
    const second = add(first.plan, 'cluster', { x: 30, y: 260 });
    const cs = second.plan.clusters;
    expect(second.plan.subnets).toHaveLength(2);
    expect(new Set(cs.map((c) => c.nodeSubnets![0])).size).toBe(2);
  });
});

describe('containment', () => {
  it('grows the VPC to hold a subnet dropped near its edge', () => {
    let p = emptyVpcPlan();
    const s = add(p, 'subnet', { x: 700, y: 400 });
    p = s.plan;
    const v = p.layout!['vpc-a']!;
    const b = box(p, s.id);
    expect(v.width!).toBeGreaterThanOrEqual(b.x + b.w);
    expect(v.height!).toBeGreaterThanOrEqual(b.y + b.h);
  });

  it('after any move, every child is inside its container (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -200, max: 1500 }),
        fc.integer({ min: -200, max: 1500 }),
        (x, y) => {
          const base: Plan = {
            ...makePlan({
              vpcs: [vpc('vpc-a', '10.0.0.0/16')],
              subnets: [subnet('sn-1', 'vpc-a', '10.0.1.0/24')],
            }),
            layout: {
              'vpc-a': { x: 0, y: 0, width: 400, height: 300 },
              'sn-1': { x, y, width: 300, height: 170 },
            },
          };
          const p = applyOps(base, containOps(base, ['sn-1'])).plan;
          const v = p.layout!['vpc-a']!;
          const sb = p.layout!['sn-1']!;
          expect(sb.x).toBeGreaterThanOrEqual(0);
          expect(sb.y).toBeGreaterThanOrEqual(0);
          expect(sb.x + sb.width!).toBeLessThanOrEqual(v.width!);
          expect(sb.y + sb.height!).toBeLessThanOrEqual(v.height!);
          const need = contentExtent(p, 'vpc-a');
          expect(need.width).toBeLessThanOrEqual(v.width!);
          expect(need.height).toBeLessThanOrEqual(v.height!);
        },
      ),
    );
  });
});

describe('freeSpot', () => {
  it('stays put when nothing is in the way, and moves off what is', () => {
    expect(freeSpot({ x: 0, y: 0, w: 10, h: 10 }, [{ x: 100, y: 100, w: 10, h: 10 }])).toEqual({
      x: 0,
      y: 0,
    });
    const s = freeSpot({ x: 0, y: 0, w: 50, h: 50 }, [{ x: 0, y: 0, w: 50, h: 50 }]);
    expect(s.x + 50 <= 0 || s.x >= 50 || s.y + 50 <= 0 || s.y >= 50).toBe(true);
  });
});
