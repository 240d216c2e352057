import { getBezierPath, Position } from '@xyflow/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floatingEnds } from './geometry';
import { bezierAt, labelSize, labelSpot } from './label-spot';
import type { Ends } from '../../io/export/picture/geometry';

const SIDES = ['left', 'right', 'top', 'bottom'] as const;
const POS = {
  left: Position.Left,
  right: Position.Right,
  top: Position.Top,
  bottom: Position.Bottom,
};

const ends = fc.record({
  sx: fc.integer({ min: -2000, max: 2000 }),
  sy: fc.integer({ min: -2000, max: 2000 }),
  tx: fc.integer({ min: -2000, max: 2000 }),
  ty: fc.integer({ min: -2000, max: 2000 }),
  sourceSide: fc.constantFrom(...SIDES),
  targetSide: fc.constantFrom(...SIDES),
});

const cover = (
  p: { x: number; y: number },
  w: number,
  h: number,
  b: { x: number; y: number; w: number; h: number },
) => {
  const dx = Math.min(p.x + w / 2, b.x + b.w) - Math.max(p.x - w / 2, b.x);
  const dy = Math.min(p.y + h / 2, b.y + b.h) - Math.max(p.y - h / 2, b.y);
  return dx > 0 && dy > 0 ? dx * dy : 0;
};

describe('bezierAt', () => {
  it("is React Flow's label point at the middle, and the ends at 0 and 1", () => {
    fc.assert(
      fc.property(ends, fc.constantFrom(0.25, 0.35, 0.5), (e: Ends, c) => {
        const [, x, y] = getBezierPath({
          sourceX: e.sx,
          sourceY: e.sy,
          sourcePosition: POS[e.sourceSide],
          targetX: e.tx,
          targetY: e.ty,
          targetPosition: POS[e.targetSide],
          curvature: c,
        });
        const mid = bezierAt(e, c, 0.5);
        expect(mid.x).toBeCloseTo(x, 6);
        expect(mid.y).toBeCloseTo(y, 6);
        expect(bezierAt(e, c, 0)).toEqual({ x: e.sx, y: e.sy });
        const end = bezierAt(e, c, 1);
        expect(end.x).toBeCloseTo(e.tx, 9);
        expect(end.y).toBeCloseTo(e.ty, 9);
      }),
    );
  });
});

describe('labelSpot', () => {
  const box = fc.record({
    x: fc.integer({ min: -1000, max: 1000 }),
    y: fc.integer({ min: -1000, max: 1000 }),
    w: fc.integer({ min: 40, max: 300 }),
    h: fc.integer({ min: 30, max: 200 }),
  });

  it('keeps the middle when the label covers neither node there, and never moves to cover more', () => {
    fc.assert(
      fc.property(box, box, fc.integer({ min: 30, max: 200 }), (s, t, w) => {
        const e = floatingEnds(s, t);
        const mid = bezierAt(e, 0.35, 0.5);
        const spot = labelSpot(e, s, t, w, 20, 0.35);
        const clearAtMid = cover(mid, w, 20, s) === 0 && cover(mid, w, 20, t) === 0;
        if (clearAtMid) expect(spot).toEqual(mid);
        // Moved only to cover less of the two nodes.
        const cost = (p: { x: number; y: number }) => cover(p, w, 20, s) + cover(p, w, 20, t);
        expect(cost(spot)).toBeLessThanOrEqual(cost(mid));
      }),
    );
  });

  // The sample with a conflict typed into batch-tke, at the zoom the designer fits it to: the
  // labels of its paths to orders-db and sessions (NO_RETURN_ROUTE) sat on the cluster's name.
  const cluster = { x: 450, y: 400, w: 225, h: 124 };
  const label = labelSize('NO_RETURN_ROUTE', 0.75);
  const area = (p: { x: number; y: number }, b: typeof cluster) => cover(p, label.w, label.h, b);

  it('leaves a label that covers nothing at the middle, at this zoom too', () => {
    const db = { x: 34, y: 366, w: 170, h: 50 };
    const e = floatingEnds(cluster, db);
    const spot = labelSpot(e, cluster, db, label.w, label.h, 0.35);
    expect(area(spot, cluster)).toBe(0);
    expect(area(spot, db)).toBe(0);
  });

  it('slides along the line to where it covers neither node', () => {
    // A cluster and, up to its left, a database: the SNAT label at the line's middle clips the
    // cluster's left edge; a little towards the database it is clear of both.
    const c = { x: 0, y: 0, w: 220, h: 110 };
    const db = { x: -290, y: -50, w: 150, h: 40 };
    const { w, h } = labelSize('SNAT → 10.0.1.0/24', 1);
    const e = floatingEnds(c, db);
    const mid = bezierAt(e, 0.35, 0.5);
    expect(cover(mid, w, h, c)).toBeGreaterThan(0);
    const spot = labelSpot(e, c, db, w, h, 0.35);
    expect(cover(spot, w, h, c) + cover(spot, w, h, db)).toBe(0);
    expect(spot.x).toBeLessThan(mid.x);
  });
});
