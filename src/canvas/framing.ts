// Where on the canvas a focused object is shown: in the part of the canvas that nothing covers.
// In review mode the step's card sits over the canvas (at the bottom, or at the top for the
// summary); the object being discussed is fitted into the rest, with a margin around it.

type Px = `${number}px`;

export interface Edges {
  readonly top: number;
  readonly bottom: number;
}

/** Room kept around a focused object, in screen pixels. */
export const FOCUS_MARGIN = 48;

/**
 * Pixels the card covers at the top and at the bottom of the canvas. A card over the middle of
 * the canvas covers the side with less canvas left free beyond it.
 */
export function covered(canvas: Edges, card: Edges | null): { top: number; bottom: number } {
  if (!card || card.bottom <= canvas.top || card.top >= canvas.bottom) return { top: 0, bottom: 0 };
  const freeAbove = Math.max(0, card.top - canvas.top);
  const freeBelow = Math.max(0, canvas.bottom - card.bottom);
  return freeAbove >= freeBelow
    ? { top: 0, bottom: canvas.bottom - card.top }
    : { top: card.bottom - canvas.top, bottom: 0 };
}

/**
 * Pixels a panel standing over the right of the canvas (the Changes panel) takes from its
 * width, or 0 when it is not there. It covers the canvas's full height for framing: an object
 * below it would sit in a strip too narrow to read its neighbours.
 */
export function coveredRight(
  canvas: { readonly left: number; readonly right: number },
  panel: { readonly left: number; readonly right: number; readonly width: number } | null,
): number {
  if (!panel || panel.width === 0 || panel.right <= canvas.left || panel.left >= canvas.right)
    return 0;
  // A panel over the left half would leave the object too little room beside it: not a side.
  if (panel.left - canvas.left < (canvas.right - canvas.left) / 2) return 0;
  return canvas.right - panel.left;
}

/** The Changes panel while a comparison is open: it stands over the right of the canvas. */
export function sidePanel(): Element | null {
  return document.querySelector('.cc-changes');
}

export function focusPadding(
  canvas: Element | null,
  card: Element | null,
  side: Element | null = sidePanel(),
): { top: Px; right: Px; bottom: Px; left: Px } {
  const c = canvas?.getBoundingClientRect();
  const cover = c ? covered(c, card?.getBoundingClientRect() ?? null) : { top: 0, bottom: 0 };
  const right = c ? coveredRight(c, side?.getBoundingClientRect() ?? null) : 0;
  const px = (n: number): Px => `${Math.round(n)}px`;
  return {
    top: px(cover.top + FOCUS_MARGIN),
    right: px(right + FOCUS_MARGIN),
    bottom: px(cover.bottom + FOCUS_MARGIN),
    left: px(FOCUS_MARGIN),
  };
}
