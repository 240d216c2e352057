import { describe, expect, it } from 'vitest';
import { covered } from './framing';

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
