// Semantic zoom: text on the canvas grows as the canvas zooms out, so names and CIDRs stay
// readable at the zooms the app picks by itself (fit, Tidy up, review). The stylesheet reads the
// zoom from one CSS variable on the canvas; it changes in steps, so zooming restyles the nodes a
// dozen times at most rather than on every wheel tick.
import { FAR_ZOOM } from './nodes/far';

const STEP = 0.05;

/**
 * The zoom the stylesheet sizes text for: rounded down to a step (text comes out a little larger,
 * never smaller, than the minimum), 1 at and above full size, and FAR_ZOOM below it, where nodes
 * draw their reduced far-away form with its own large labels.
 */
export function textZoom(zoom: number): number {
  if (!(zoom < 1)) return 1;
  const stepped = Math.floor(zoom / STEP + 1e-9) * STEP;
  return Math.max(FAR_ZOOM, Math.round(stepped * 100) / 100);
}
