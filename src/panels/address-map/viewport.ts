// The map's window on the address axis: its first address and how many addresses it spans,
// kept inside the root range and between a /28 and the whole root.
export interface MapWindow {
  readonly lo: number;
  readonly span: number;
}

/** The narrowest window: a /28, 16 addresses. */
export const MIN_SPAN = 16;

export function clampWindow(w: MapWindow, rootLo: number, rootSize: number): MapWindow {
  const span = Math.min(Math.max(w.span, Math.min(MIN_SPAN, rootSize)), rootSize);
  const lo = Math.min(Math.max(w.lo, rootLo), rootLo + rootSize - span);
  return { lo, span };
}

/** Zooms by `factor` (below 1: in) keeping the address at fraction `at` of the width in place. */
export function zoomAround(w: MapWindow, factor: number, at: number): MapWindow {
  const anchor = w.lo + at * w.span;
  const span = w.span * factor;
  return { lo: anchor - at * span, span };
}

/**
 * One step of the animation towards `target`: the span eases in log space, so that zooms feel
 * even, and the address at fraction `at` of the target stays at that fraction (the cursor's).
 */
export function easeTowards(cur: MapWindow, target: MapWindow, at = 0.5, k = 0.3): MapWindow {
  const ls = Math.log(cur.span);
  const span = Math.exp(ls + (Math.log(target.span) - ls) * k);
  if (Math.abs(Math.log(span / target.span)) < 2e-3) return target;
  const anchor = target.lo + at * target.span;
  return { lo: anchor - at * span, span };
}

/** The prefix length of a block about as wide as the window (for "showing about a /20"). */
export function spanPrefix(span: number): number {
  return Math.max(0, Math.min(32, Math.round(32 - Math.log2(span))));
}

/** Tick spacing: the smallest power of two of addresses at least `minPx` pixels apart. */
export function tickStep(perPixel: number, minPx: number): number {
  return 2 ** Math.max(0, Math.ceil(Math.log2(perPixel * minPx)));
}
