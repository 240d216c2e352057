// Fit View over the whole plan. React Flow's fitView counts by default only nodes it has drawn and
// measured; a large plan draws only what is in view, so that fit would stop at the drawn part.
// With includeHiddenNodes it takes every node at its measured or declared size. The fit never
// zooms in past full size (a small plan would otherwise be drawn blown up) and keeps the canvas's
// minimum zoom.
import type { FitViewOptions, Node, ReactFlowInstance } from '@xyflow/react';

/** Room around the plan, as a fraction of the canvas. */
export const FIT_PADDING = 0.08;
export const FIT_MAX_ZOOM = 1;

export type FitPadding = NonNullable<FitViewOptions['padding']>;

export function fitPlan<N extends Node>(
  rf: Pick<ReactFlowInstance<N>, 'getNodes' | 'fitView'>,
  duration = 300,
  padding: FitPadding = FIT_PADDING,
): Promise<boolean> {
  if (rf.getNodes().length === 0) return Promise.resolve(false);
  return rf.fitView({ includeHiddenNodes: true, padding, maxZoom: FIT_MAX_ZOOM, duration });
}

const fitListeners = new Set<() => void>();

/** Asks the canvas to fit the plan once it has drawn what changed (after Tidy up, say). */
export function requestFit(): void {
  for (const l of fitListeners) l();
}

export function onFitRequest(listener: () => void): () => void {
  fitListeners.add(listener);
  return () => fitListeners.delete(listener);
}
