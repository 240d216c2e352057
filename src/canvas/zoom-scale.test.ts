import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAR_ZOOM } from './nodes/far';
import { textZoom } from './zoom-scale';

describe('textZoom', () => {
  it('never sizes text for a zoom above the real one while nodes draw in full', () => {
    fc.assert(
      fc.property(fc.double({ min: FAR_ZOOM, max: 3, noNaN: true }), (z) => {
        const t = textZoom(z);
        expect(t).toBeLessThanOrEqual(Math.min(1, z) + 1e-9);
        // Within one step of it, so text does not grow more than it needs to.
        expect(Math.min(1, z) - t).toBeLessThan(0.05 + 1e-9);
      }),
    );
  });

  it('takes few distinct values, so zooming restyles the canvas rarely', () => {
    const seen = new Set<number>();
    for (let z = 0.1; z < 2.5; z += 0.001) seen.add(textZoom(z));
    expect(seen.size).toBeLessThanOrEqual(14);
    expect(textZoom(0.2)).toBe(FAR_ZOOM);
    expect(textZoom(1.7)).toBe(1);
    expect(textZoom(0.75)).toBe(0.75);
    expect(textZoom(0.749)).toBe(0.7);
  });
});
