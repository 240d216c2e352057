// Which rows of a long list of equal-height rows to put in the page: those in view and a few
// either side, so that scrolling shows no gap. A list of thousands keeps a few dozen elements.

export interface RowWindow {
  /** First row drawn. */
  readonly start: number;
  /** One past the last row drawn. */
  readonly end: number;
}

export function rowWindow(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  rowCount: number,
  overscan = 6,
): RowWindow {
  if (rowCount === 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight);
  const start = Math.max(0, Math.min(first, rowCount - 1) - overscan);
  const end = Math.min(rowCount, Math.max(last, start + 1) + overscan);
  return { start, end };
}

/** The scroll position that brings row `index` into view, moving as little as it can. */
export function scrollToShow(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return scrollTop;
}
