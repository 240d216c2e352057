import { getViewportForBounds } from '@xyflow/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearRight, coversCorner, FIT_MAX_ZOOM, paddingClearOf } from './fit';

describe('paddingClearOf', () => {
  it('fits any plan into any canvas without touching the corner box, as large as one strip allows', () => {
    fc.assert(
      fc.property(
        fc.record({
          x: fc.integer({ min: -2000, max: 2000 }),
          y: fc.integer({ min: -2000, max: 2000 }),
          width: fc.integer({ min: 50, max: 8000 }),
          height: fc.integer({ min: 50, max: 8000 }),
        }),
        fc.record({
          width: fc.integer({ min: 500, max: 2000 }),
          height: fc.integer({ min: 300, max: 1200 }),
        }),
        fc.record({
          width: fc.integer({ min: 60, max: 220 }),
          height: fc.integer({ min: 40, max: 160 }),
        }),
        (bounds, pane, corner) => {
          const padding = paddingClearOf(bounds, pane, corner);
          const v = getViewportForBounds(bounds, pane.width, pane.height, 0, FIT_MAX_ZOOM, padding);
          const right = v.x + (bounds.x + bounds.width) * v.zoom;
          const bottom = v.y + (bounds.y + bounds.height) * v.zoom;
          const left = v.x + bounds.x * v.zoom;
          const top = v.y + bounds.y * v.zoom;
          // Inside the canvas, and left of or above the corner box.
          expect(left).toBeGreaterThanOrEqual(-1);
          expect(top).toBeGreaterThanOrEqual(-1);
          expect(
            right <= pane.width - corner.width + 1 || bottom <= pane.height - corner.height + 1,
          ).toBe(true);
          // The other strip would not have drawn the plan larger.
          const x = Math.floor((pane.width - pane.width / 1.08) * 0.5);
          const y = Math.floor((pane.height - pane.height / 1.08) * 0.5);
          const other = [
            {
              top: `${y}px`,
              left: `${x}px`,
              bottom: `${y}px`,
              right: `${Math.max(x, corner.width)}px`,
            },
            {
              top: `${y}px`,
              left: `${x}px`,
              right: `${x}px`,
              bottom: `${Math.max(y, corner.height)}px`,
            },
          ].map(
            (p) =>
              getViewportForBounds(bounds, pane.width, pane.height, 0, FIT_MAX_ZOOM, p as never)
                .zoom,
          );
          expect(v.zoom).toBeCloseTo(Math.max(...other), 9);
        },
      ),
    );
  });
});

describe('coversCorner', () => {
  const pane = { width: 800, height: 500 };
  const corner = { width: 200, height: 120 };
  it('tells a node under the corner box from one beside or above it', () => {
    const view = { x: 0, y: 0, zoom: 1 };
    expect(coversCorner([{ x: 650, y: 400, width: 50, height: 50 }], view, pane, corner)).toBe(
      true,
    );
    expect(coversCorner([{ x: 500, y: 400, width: 90, height: 50 }], view, pane, corner)).toBe(
      false,
    );
    expect(coversCorner([{ x: 650, y: 300, width: 50, height: 70 }], view, pane, corner)).toBe(
      false,
    );
    // Zoom and pan move it under.
    expect(
      coversCorner(
        [{ x: 300, y: 180, width: 50, height: 50 }],
        { x: 50, y: 40, zoom: 2 },
        pane,
        corner,
      ),
    ).toBe(true);
  });
});

describe('clearRight', () => {
  it('keeps the usual room, and at least the given strip down the right', () => {
    const pad = clearRight({ width: 1000, height: 600 }, 352);
    expect(pad).toEqual({ top: '22px', bottom: '22px', left: '37px', right: '352px' });
    expect(clearRight({ width: 1000, height: 600 }, 10)).toMatchObject({ right: '37px' });
  });
});
