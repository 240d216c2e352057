import { describe, expect, it } from 'vitest';
import { covered, coveredRight } from './framing';

const canvas = { top: 48, bottom: 900 };

describe('covered', () => {
  it('is nothing without a card or with a card off the canvas', () => {
    expect(covered(canvas, null)).toEqual({ top: 0, bottom: 0 });
    expect(covered(canvas, { top: 0, bottom: 40 })).toEqual({ top: 0, bottom: 0 });
  });

  it('is the part under a bottom card', () => {
    expect(covered(canvas, { top: 630, bottom: 876 })).toEqual({ top: 0, bottom: 270 });
  });

  it('is the part above a top card', () => {
    expect(covered(canvas, { top: 90, bottom: 500 })).toEqual({ top: 452, bottom: 0 });
  });
});

describe('coveredRight', () => {
  const wide = { left: 200, right: 1100 };
  it('is nothing without a panel, or with one off the canvas or hidden', () => {
    expect(coveredRight(wide, null)).toBe(0);
    expect(coveredRight(wide, { left: 1100, right: 1440, width: 340 })).toBe(0);
    expect(coveredRight(wide, { left: 0, right: 0, width: 0 })).toBe(0);
  });

  it('is the width from the panel to the canvas right edge, margin included', () => {
    expect(coveredRight(wide, { left: 748, right: 1088, width: 340 })).toBe(352);
  });

  it('is nothing for a panel over the left half: it is no side panel', () => {
    expect(coveredRight(wide, { left: 300, right: 640, width: 340 })).toBe(0);
  });
});
