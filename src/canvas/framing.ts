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

export function focusPadding(
  canvas: Element | null,
  card: Element | null,
): { top: Px; right: Px; bottom: Px; left: Px } {
  const c = canvas?.getBoundingClientRect();
  const cover = c ? covered(c, card?.getBoundingClientRect() ?? null) : { top: 0, bottom: 0 };
  const px = (n: number): Px => `${Math.round(n)}px`;
  return {
    top: px(cover.top + FOCUS_MARGIN),
    right: px(FOCUS_MARGIN),
    bottom: px(cover.bottom + FOCUS_MARGIN),
    left: px(FOCUS_MARGIN),
  };
}
