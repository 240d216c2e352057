// The map's window: clamped to its root and to a /28, zoomed around the cursor, eased to rest.
import { describe, expect, it } from 'vitest';
import { MIN_SPAN, clampWindow, easeTowards, spanPrefix, tickStep, zoomAround } from './viewport';

describe('map window', () => {
  const root = { lo: 0x0a000000, size: 2 ** 24 };

  it('stays inside the root and between a /28 and the whole root', () => {
    expect(clampWindow({ lo: 0, span: 2 ** 30 }, root.lo, root.size)).toEqual({
      lo: root.lo,
      span: root.size,
    });
    expect(clampWindow({ lo: root.lo + 2 ** 24, span: 4 }, root.lo, root.size)).toEqual({
      lo: root.lo + root.size - MIN_SPAN,
      span: MIN_SPAN,
    });
  });

  it('keeps the address under the cursor in place when zooming', () => {
    const w = { lo: root.lo, span: 2 ** 24 };
    const z = zoomAround(w, 0.5, 0.25);
    expect(z.lo + 0.25 * z.span).toBe(w.lo + 0.25 * w.span);
    expect(z.span).toBe(2 ** 23);
  });

  it('eases to the target with the anchor fixed, and arrives', () => {
    const from = { lo: root.lo, span: 2 ** 24 };
    const to = zoomAround(from, 1 / 1024, 0.75);
    let w = from;
    let steps = 0;
    while (w !== to && steps < 200) {
      w = easeTowards(w, to, 0.75);
      expect(w.lo + 0.75 * w.span).toBeCloseTo(from.lo + 0.75 * from.span, 3);
      steps++;
    }
    expect(w).toBe(to);
    expect(steps).toBeGreaterThan(5);
    expect(steps).toBeLessThan(60);
  });

  it('names the window by prefix and spaces ticks by powers of two', () => {
    expect(spanPrefix(2 ** 24)).toBe(8);
    expect(spanPrefix(16)).toBe(28);
    expect(tickStep(2 ** 24 / 1000, 100)).toBe(2 ** 21);
    expect(tickStep(0.01, 100)).toBe(1);
  });
});
