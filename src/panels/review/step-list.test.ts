// The step list draws a window of a long section around the current step, never past its ends.
import { describe, expect, it } from 'vitest';
import { listWindow } from './StepList';

const part = { key: 'paths:cls-1', first: 10, count: 1000 };

describe('the step list window', () => {
  it('shows a short section whole', () => {
    expect(listWindow({ key: 'errors', first: 1, count: 5 }, 3)).toEqual({ from: 1, to: 6 });
  });
  it('centres the current step in a long section', () => {
    expect(listWindow(part, 500)).toEqual({ from: 400, to: 600 });
  });
  it('stays inside the section at its start and at its end', () => {
    expect(listWindow(part, 12)).toEqual({ from: 10, to: 210 });
    expect(listWindow(part, 1005)).toEqual({ from: 810, to: 1010 });
  });
});
