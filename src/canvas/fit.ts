// Fit View over the whole plan. React Flow's own fitView counts only nodes it has drawn and
// measured; a large plan draws only what is in view, so its fit would stop at the drawn part.
// Bounds from the nodes' declared sizes cover every object, and fitBounds keeps the canvas's
// minimum zoom.
import type { Node, ReactFlowInstance } from '@xyflow/react';

export function fitPlan<N extends Node>(
  rf: Pick<ReactFlowInstance<N>, 'getNodes' | 'getNodesBounds' | 'fitBounds'>,
  duration = 300,
): Promise<boolean> {
  const nodes = rf.getNodes();
  if (nodes.length === 0) return Promise.resolve(false);
  return rf.fitBounds(rf.getNodesBounds(nodes), { padding: 0.15, duration });
}
