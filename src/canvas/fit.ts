// Fit View over the whole plan. React Flow's own fitView counts only nodes it has drawn and
// measured; a large plan draws only what is in view, so its fit would stop at the drawn part.
// Bounds from the nodes' declared sizes cover every object, and fitBounds keeps the canvas's
// minimum zoom.
import { getViewportForBounds, type Node, type ReactFlowInstance } from '@xyflow/react';

export function fitPlan<N extends Node>(
  rf: Pick<ReactFlowInstance<N>, 'getNodes' | 'getNodesBounds' | 'fitBounds'>,
  duration = 300,
): Promise<boolean> {
  const nodes = rf.getNodes();
  if (nodes.length === 0) return Promise.resolve(false);
  return rf.fitBounds(rf.getNodesBounds(nodes), { padding: 0.15, duration });
}

/**
 * Frames some objects, drawn or not: fitView would wait for a large plan to measure nodes it
 * will not draw until they are in view. Bounds come from declared sizes, as for fitPlan; the zoom
 * stays between the canvas's minimum and 1.25, so that one small object is not blown up.
 */
export function frameNodes<N extends Node>(
  rf: Pick<ReactFlowInstance<N>, 'getNodesBounds' | 'setViewport' | 'getNode'>,
  ids: readonly string[],
  pane: { readonly width: number; readonly height: number; readonly minZoom: number },
  duration = 300,
): Promise<boolean> {
  const known = ids.filter((id) => rf.getNode(id) !== undefined);
  if (known.length === 0 || pane.width <= 0 || pane.height <= 0) return Promise.resolve(false);
  const bounds = rf.getNodesBounds(known);
  const viewport = getViewportForBounds(bounds, pane.width, pane.height, pane.minZoom, 1.25, 0.5);
  // Linear, not d3's smooth zoom-out-and-in: on a large plan that dips below the canvas's minimum
  // zoom, and the canvas's own clamp to it stops the move half way.
  return rf.setViewport(viewport, { duration, interpolate: 'linear' });
}
