// How review mode frames each step's subject: in the part of the canvas above the card, at a zoom
// that stays put from step to step. A walkthrough whose zoom jumps in and out at every step makes
// a room lose its place; the zoom changes only when the subject would not fit at the one in use,
// or when the one in use is too far out for the names on the canvas to be read.

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Frame {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export interface ZoomBand {
  /** Below this the canvas's names are drawn smaller than a room can read (or in far form). */
  readonly legible: number;
  /** The zoom a walk settles at when it has to choose one: near enough, never blown up. */
  readonly steady: number;
  /** The canvas's own limits. */
  readonly min: number;
  readonly max: number;
}

/** The largest zoom at which `subject` (flow units) fits `area` (screen pixels). */
export function fitZoom(subject: Box, area: Box): number {
  const w = subject.width > 0 ? area.width / subject.width : Infinity;
  const h = subject.height > 0 ? area.height / subject.height : Infinity;
  return Math.max(0, Math.min(w, h));
}

/**
 * The zoom for the next step: the previous one while the subject fits at it and the names are
 * legible at it; otherwise the steady zoom, or less when the subject needs less to fit.
 */
export function reviewZoom(
  subject: Box,
  area: Box,
  previous: number | null,
  band: ZoomBand,
): number {
  const fit = fitZoom(subject, area);
  const clamp = (z: number) => Math.min(band.max, Math.max(band.min, z));
  if (
    previous !== null &&
    previous >= band.legible - 1e-9 &&
    previous <= band.steady + 1e-9 &&
    previous <= fit + 1e-9
  )
    return clamp(previous);
  return clamp(Math.min(fit, band.steady));
}

/** The view that shows `subject` centred in `area` (relative to the canvas's top-left corner). */
export function centreIn(subject: Box, area: Box, zoom: number): Frame {
  const cx = subject.x + subject.width / 2;
  const cy = subject.y + subject.height / 2;
  return {
    x: area.x + area.width / 2 - cx * zoom,
    y: area.y + area.height / 2 - cy * zoom,
    zoom,
  };
}

/** One step's view: its zoom by `reviewZoom`, its subject centred in the free area. */
export function reviewFrame(
  subject: Box,
  area: Box,
  previous: number | null,
  band: ZoomBand,
): Frame {
  return centreIn(subject, area, reviewZoom(subject, area, previous, band));
}

/**
 * The part of a canvas of `width` × `height` pixels that the card leaves free, less `margin` on
 * every side. `covered` is what the card hides at the top and at the bottom.
 */
export function freeArea(
  width: number,
  height: number,
  covered: { readonly top: number; readonly bottom: number },
  margin: number,
): Box {
  const top = covered.top + margin;
  const bottom = height - covered.bottom - margin;
  return {
    x: margin,
    y: top,
    width: Math.max(1, width - 2 * margin),
    height: Math.max(1, bottom - top),
  };
}
