// Fit View over the whole plan. React Flow's fitView waits until every node has been drawn and
// measured; a large plan draws only what is in view, so that fit would never come. Bounds from
// the nodes' measured or declared sizes cover every object, and fitBounds keeps the canvas's
// minimum zoom. A fit never zooms in past full size: a small plan would be drawn blown up.
import {
  getViewportForBounds,
  type FitViewOptions,
  type Node,
  type ReactFlowInstance,
  type Rect,
} from '@xyflow/react';

/** Room around the plan, as a fraction of the canvas. */
export const FIT_PADDING = 0.08;
export const FIT_MAX_ZOOM = 1;

export type FitPadding = NonNullable<FitViewOptions['padding']>;

type Fitter<N extends Node> = Pick<
  ReactFlowInstance<N>,
  'getNodes' | 'getNodesBounds' | 'fitBounds' | 'setViewport'
>;

/** Shows `bounds` as large as fits, up to `maxZoom`. */
export function fitRect<N extends Node>(
  rf: Fitter<N>,
  bounds: Rect,
  options: { padding: FitPadding; duration: number; maxZoom: number },
): Promise<boolean> {
  // One canvas per page: its element gives the size the view is fitted into.
  const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
  const fit =
    pane && pane.width > 0 && pane.height > 0
      ? getViewportForBounds(bounds, pane.width, pane.height, 0, options.maxZoom, options.padding)
      : undefined;
  if (fit && (fit.zoom >= options.maxZoom - 1e-9 || typeof options.padding !== 'number'))
    return rf.setViewport(fit, { duration: options.duration, interpolate: 'linear' });
  // Zoomed out: fitBounds keeps the canvas's minimum zoom (a large plan's is raised).
  return rf.fitBounds(bounds, {
    padding: typeof options.padding === 'number' ? options.padding : FIT_PADDING,
    duration: options.duration,
    // Linear, not d3's smooth zoom-out-and-in: on a large plan that dips below the canvas's
    // minimum zoom, and the canvas's own clamp to it stops the move half way.
    interpolate: 'linear',
  });
}

export function fitPlan<N extends Node>(
  rf: Fitter<N>,
  duration = 300,
  padding: FitPadding = FIT_PADDING,
): Promise<boolean> {
  const nodes = rf.getNodes();
  // An empty plan shows only the internet: fitted, it would be drawn at full size in the middle.
  if (nodes.length <= 1) return Promise.resolve(false);
  return fitRect(rf, rf.getNodesBounds(nodes), { padding, duration, maxZoom: FIT_MAX_ZOOM });
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
