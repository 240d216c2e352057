import { describe, expect, it } from 'vitest';
import { basePlan } from '../test-support/builders';
import { copySelection, paste } from './actions';
import { createAppStore } from './store';

describe('copy and paste', () => {
  it('keeps a clipboard per store: what one store copied is not pasted into another', () => {
    const a = createAppStore(basePlan());
    const b = createAppStore(basePlan());
    a.getState().select(['vpc-a']);
    expect(copySelection(a)).toBe(true);
    paste(b);
    expect(b.getState().plan.vpcs).toHaveLength(1);
    paste(a);
    expect(a.getState().plan.vpcs).toHaveLength(2);
  });

  it('lands each paste of the same copy a step further than the one before', () => {
    const store = createAppStore({ ...basePlan(), layout: { 'vpc-a': { x: 0, y: 0 } } });
    store.getState().select(['vpc-a']);
    copySelection(store);
    paste(store);
    paste(store);
    const s = store.getState();
    const pasted = s.plan.vpcs.slice(1).map((v) => s.plan.layout?.[v.id]);
    expect(pasted).toHaveLength(2);
    expect(pasted[1]!.x - pasted[0]!.x).toBeGreaterThan(0);
  });
});
