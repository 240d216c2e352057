import { describe, expect, it } from 'vitest';
import type { ObjectNode } from './flow-model';
import {
  isLargePlan,
  LARGE_PLAN_NODES,
  largePlanMinZoom,
  MAX_DRAWN_NODES,
  MIN_ZOOM,
} from './large-plan';

/** `count` nodes: `cols` × `rows` top-level boxes of 100 × 100 at a 100 pitch, the rest nested. */
function grid(cols: number, rows: number, count: number): ObjectNode[] {
  const nodes: ObjectNode[] = [];
  for (let i = 0; i < cols * rows; i++)
    nodes.push({
      id: `v${i}`,
      position: { x: (i % cols) * 100, y: Math.floor(i / cols) * 100 },
      width: 100,
      height: 100,
      type: 'vpc',
      data: { kind: 'vpc', obj: {} },
    });
  for (let i = nodes.length; i < count; i++)
    nodes.push({
      id: `r${i}`,
      parentId: 'v0',
      position: { x: 5_000_000, y: 5_000_000 },
      initialWidth: 10,
      initialHeight: 10,
      type: 'resource',
      data: { kind: 'resource', obj: {} },
    });
  return nodes;
}

describe('large plans', () => {
  it('are those with more than LARGE_PLAN_NODES nodes', () => {
    expect(isLargePlan(grid(1, 1, LARGE_PLAN_NODES))).toBe(false);
    expect(isLargePlan(grid(1, 1, LARGE_PLAN_NODES + 1))).toBe(true);
  });

  it('cannot be zoomed out past where about MAX_DRAWN_NODES would be in view', () => {
    // 100 × 100 boxes over 10,000 × 10,000 with 30,000 nodes: 0.0003 nodes per square unit.
    const nodes = grid(100, 100, 30_000);
    const zoom = largePlanMinZoom(nodes, 1000, 800);
    const inView = ((1000 / zoom) * (800 / zoom) * nodes.length) / (10_000 * 10_000);
    expect(inView).toBeCloseTo(MAX_DRAWN_NODES, 6);
    // Nested nodes' positions are relative to their parent and do not widen the extent.
    expect(largePlanMinZoom(grid(100, 100, 30_000), 1000, 800)).toBe(zoom);
  });

  it('stay within MIN_ZOOM and 1, and are not limited before the pane has a size', () => {
    expect(largePlanMinZoom(grid(1, 1, 100_000), 1000, 800)).toBe(1);
    expect(largePlanMinZoom(grid(300, 300, 90_001), 100, 80)).toBe(MIN_ZOOM);
    expect(largePlanMinZoom(grid(100, 100, 30_000), 0, 0)).toBe(MIN_ZOOM);
  });
});
