// The review's framing rule against its plain statement: the subject inside the free area, the
// zoom kept while it can be, and changed only as far as it must.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centreIn, fitZoom, freeArea, reviewFrame, reviewZoom, type Box } from './review-framing';

const band = { legible: 0.4, steady: 1, min: 0.05, max: 2.5 };
const area: Box = { x: 48, y: 48, width: 1184, height: 360 };

const inside = (subject: Box, a: Box, f: { x: number; y: number; zoom: number }) => {
  const left = subject.x * f.zoom + f.x;
  const top = subject.y * f.zoom + f.y;
  const eps = 1e-6;
  return (
    left >= a.x - eps &&
    top >= a.y - eps &&
    left + subject.width * f.zoom <= a.x + a.width + eps &&
    top + subject.height * f.zoom <= a.y + a.height + eps
  );
};

const boxes = fc.record({
  x: fc.integer({ min: -5000, max: 5000 }),
  y: fc.integer({ min: -5000, max: 5000 }),
  width: fc.integer({ min: 20, max: 4000 }),
  height: fc.integer({ min: 20, max: 3000 }),
});

describe('review framing', () => {
  it('a small subject after the summary comes in to the steady zoom, centred above the card', () => {
    const subject = { x: 100, y: 200, width: 220, height: 90 };
    const f = reviewFrame(subject, area, 0.3, band);
    expect(f.zoom).toBe(1);
    expect(inside(subject, area, f)).toBe(true);
    expect(f.x + (subject.x + subject.width / 2) * f.zoom).toBeCloseTo(area.x + area.width / 2);
    expect(f.y + (subject.y + subject.height / 2) * f.zoom).toBeCloseTo(area.y + area.height / 2);
  });

  it('keeps the zoom in use while the subject fits at it', () => {
    const big = { x: 0, y: 0, width: 900, height: 600 };
    const z1 = reviewZoom(big, area, 1, band);
    expect(z1).toBeCloseTo(0.6);
    // A small subject next: the view stays at 0.6 rather than coming back in to 1.
    expect(reviewZoom({ x: 0, y: 0, width: 200, height: 80 }, area, z1, band)).toBe(z1);
  });

  it('zooms out only as far as the subject needs', () => {
    const z = reviewZoom({ x: 0, y: 0, width: 2000, height: 300 }, area, 1, band);
    expect(z).toBeCloseTo(area.width / 2000);
  });

  it('comes back in from a zoom too far out to read', () => {
    expect(reviewZoom({ x: 0, y: 0, width: 300, height: 100 }, area, 0.2, band)).toBe(1);
  });

  it('property: the subject fits whenever the canvas allows a zoom that fits it', () => {
    fc.assert(
      fc.property(boxes, fc.option(fc.double({ min: 0.05, max: 2.5, noNaN: true })), (s, prev) => {
        const f = reviewFrame(s, area, prev, band);
        if (fitZoom(s, area) >= band.min) expect(inside(s, area, f)).toBe(true);
      }),
    );
  });

  it('property: the zoom changes only when it must, and then to the nearest zoom that works', () => {
    fc.assert(
      fc.property(boxes, fc.double({ min: 0.05, max: 2.5, noNaN: true }), (s, prev) => {
        const z = reviewZoom(s, area, prev, band);
        const fit = fitZoom(s, area);
        const usable = prev >= band.legible && prev <= band.steady && prev <= fit;
        if (usable) expect(z).toBe(prev);
        else expect(z).toBeCloseTo(Math.max(band.min, Math.min(fit, band.steady)));
        // Never past the steady zoom: a walk does not blow a small subject up.
        expect(z).toBeLessThanOrEqual(band.steady);
      }),
    );
  });

  it('centres a subject in an area', () => {
    const f = centreIn({ x: 10, y: 10, width: 100, height: 50 }, area, 2);
    expect(f).toEqual({ x: 48 + 592 - 60 * 2, y: 48 + 180 - 35 * 2, zoom: 2 });
  });

  it('the free area is the canvas less the card and a margin', () => {
    expect(freeArea(1280, 660, { top: 0, bottom: 260 }, 40)).toEqual({
      x: 40,
      y: 40,
      width: 1200,
      height: 320,
    });
    expect(freeArea(1280, 660, { top: 300, bottom: 0 }, 40)).toEqual({
      x: 40,
      y: 340,
      width: 1200,
      height: 280,
    });
  });
});
