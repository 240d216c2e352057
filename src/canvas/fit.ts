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
import { coveredRight, sidePanel } from './framing';
import { isLargePlan } from './large-plan';

/** Room around the plan, as a fraction of the canvas. */
export const FIT_PADDING = 0.08;
export const FIT_MAX_ZOOM = 1;

export type FitPadding = NonNullable<FitViewOptions['padding']>;

/** The least share of the usual fit's zoom that keeping the overview clear may leave. */
export const CLEAR_MIN_RATIO = 0.85;

/** A box kept clear in the bottom-right corner of the canvas (the overview), margins included. */
export interface Corner {
  readonly width: number;
  readonly height: number;
}

/** The usual room on one side, in pixels as React Flow computes it from FIT_PADDING. */
const fitRoom = (size: number) => Math.floor((size - size / (1 + FIT_PADDING)) * 0.5);

/**
 * Padding that keeps a fitted plan off the corner box: a strip down the right or one along the
 * bottom, whichever leaves the plan larger. Elsewhere the usual room, in pixels as React Flow
 * computes it from FIT_PADDING.
 */
export function paddingClearOf(
  bounds: Rect,
  pane: { readonly width: number; readonly height: number },
  corner: Corner,
  maxZoom: number = FIT_MAX_ZOOM,
): FitPadding {
  const x = fitRoom(pane.width);
  const y = fitRoom(pane.height);
  const besides = clearRight(pane, corner.width);
  const above = {
    top: `${y}px`,
    left: `${x}px`,
    right: `${x}px`,
    bottom: `${Math.max(y, Math.ceil(corner.height))}px`,
  } as const;
  const zoom = (p: FitPadding) =>
    getViewportForBounds(bounds, pane.width, pane.height, 0, maxZoom, p).zoom;
  return zoom(besides) >= zoom(above) ? besides : above;
}

/** The usual room around a fitted plan, and `right` pixels down the right side at the least. */
export function clearRight(
  pane: { readonly width: number; readonly height: number },
  right: number,
): FitPadding {
  const x = fitRoom(pane.width);
  const y = fitRoom(pane.height);
  return {
    top: `${y}px`,
    bottom: `${y}px`,
    left: `${x}px`,
    right: `${Math.max(x, Math.ceil(right))}px`,
  };
}

/** Whether any of `rects` (flow coordinates) lies under the corner box in `viewport`. */
export function coversCorner(
  rects: readonly Rect[],
  viewport: { readonly x: number; readonly y: number; readonly zoom: number },
  pane: { readonly width: number; readonly height: number },
  corner: Corner,
): boolean {
  const left = pane.width - corner.width;
  const top = pane.height - corner.height;
  return rects.some((r) => {
    const right = viewport.x + (r.x + r.width) * viewport.zoom;
    const bottom = viewport.y + (r.y + r.height) * viewport.zoom;
    const x = viewport.x + r.x * viewport.zoom;
    const y = viewport.y + r.y * viewport.zoom;
    return right > left && bottom > top && x < pane.width && y < pane.height;
  });
}

/** The overview's box with its distance from the canvas's corner and a little air, if shown. */
export function overviewCorner(): Corner | undefined {
  const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
  const map = document.querySelector('.cc-overview')?.getBoundingClientRect();
  if (!pane || !map || map.width === 0) return undefined;
  const AIR = 10;
  return { width: pane.right - map.left + AIR, height: pane.bottom - map.top + AIR };
}

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

/**
 * Fits the whole plan. Without a padding of its own it keeps the plan off the overview in the
 * corner, unless the plan is large: that one is never shown whole, and the overview is its map.
 */
export function fitPlan<N extends Node>(
  rf: Fitter<N>,
  duration = 300,
  padding?: FitPadding,
): Promise<boolean> {
  const nodes = rf.getNodes();
  // An empty plan shows only the internet: fitted, it would be drawn at full size in the middle.
  if (nodes.length <= 1) return Promise.resolve(false);
  const bounds = rf.getNodesBounds(nodes);
  let pad = padding ?? FIT_PADDING;
  const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
  const side =
    padding === undefined && pane
      ? coveredRight(pane, sidePanel()?.getBoundingClientRect() ?? null)
      : 0;
  if (side > 0 && pane && pane.width > 0 && pane.height > 0) {
    // The Changes panel stands over the right of the canvas, down to the overview: the plan is
    // fitted beside it, so every object can be clicked by its name.
    pad = clearRight(pane, Math.max(side, overviewCorner()?.width ?? 0));
  } else if (padding === undefined && !isLargePlan(nodes)) {
    const corner = overviewCorner();
    if (pane && corner && pane.width > 0 && pane.height > 0) {
      // Only a plan that the usual fit would put under the overview gives up room for it.
      const usual = getViewportForBounds(bounds, pane.width, pane.height, 0, FIT_MAX_ZOOM, pad);
      const rects = nodes.map((n) => rf.getNodesBounds([n]));
      if (coversCorner(rects, usual, pane, corner)) {
        const clear = paddingClearOf(bounds, pane, corner);
        const zoom = getViewportForBounds(bounds, pane.width, pane.height, 0, FIT_MAX_ZOOM, clear);
        // Names that stay whole come before a clear corner: the map can be read over an object.
        if (zoom.zoom >= usual.zoom * CLEAR_MIN_RATIO) pad = clear;
      }
    }
  }
  return fitRect(rf, bounds, { padding: pad, duration, maxZoom: FIT_MAX_ZOOM });
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
