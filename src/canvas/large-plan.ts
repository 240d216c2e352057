// Very large plans: React Flow draws every node it is given, and ten thousand drawn at once hold
// the page for seconds. Past LARGE_PLAN_NODES the canvas draws only what is in view and cannot be
// zoomed out past the point where about MAX_DRAWN_NODES would be in view; the overview still
// shows the whole plan.
import type { ObjectNode } from './flow-model';

export const LARGE_PLAN_NODES = 2000;
export const MAX_DRAWN_NODES = 1500;
export const MIN_ZOOM = 0.05;

export function isLargePlan(nodes: readonly unknown[]): boolean {
  return nodes.length > LARGE_PLAN_NODES;
}

/**
 * The zoom below which a viewport of `width` × `height` pixels would hold more than
 * MAX_DRAWN_NODES of the plan's nodes, taking them as spread evenly over the plan's extent.
 */
export function largePlanMinZoom(
  nodes: readonly ObjectNode[],
  width: number,
  height: number,
): number {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of nodes) {
    if (n.parentId !== undefined) continue;
    const w = n.width ?? n.initialWidth ?? 0;
    const h = n.height ?? n.initialHeight ?? 0;
    x0 = Math.min(x0, n.position.x);
    y0 = Math.min(y0, n.position.y);
    x1 = Math.max(x1, n.position.x + w);
    y1 = Math.max(y1, n.position.y + h);
  }
  const area = (x1 - x0) * (y1 - y0);
  if (!(area > 0) || width <= 0 || height <= 0) return MIN_ZOOM;
  const zoom = Math.sqrt((width * height * nodes.length) / (MAX_DRAWN_NODES * area));
  return Math.min(1, Math.max(MIN_ZOOM, zoom));
}
