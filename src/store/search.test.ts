// The command bar's store side: searching the plan on screen, and going to a hit.
import { describe, expect, it } from 'vitest';
import { basePlan, peering, subnet, vpc } from '../test-support/builders';
import { jumpTo, parentLabel, searchPlan } from './search';
import { createAppStore } from './store';

describe('searchPlan and jumpTo', () => {
  const plan = basePlan({
    vpcs: [vpc('vpc-a', '10.0.0.0/16', { name: 'prod' }), vpc('vpc-b', '10.1.0.0/16')],
    subnets: [subnet('sn-1', 'vpc-a', '10.0.1.0/24', { name: 'nodes' })],
    peerings: [peering('pcx-1', 'vpc-a', 'vpc-b')],
  });

  it('finds the subnet holding an address, named with its parent', () => {
    const store = createAppStore(plan);
    const [hit] = searchPlan(store.getState(), '10.0.1.77');
    expect(hit?.entry.id).toBe('sn-1');
    expect(parentLabel(store.getState(), hit!)).toBe('prod');
  });

  it('selects the object, asks the canvas to frame it and closes the bar', () => {
    const store = createAppStore(plan);
    store.getState().setCommandOpen(true);
    jumpTo(store, searchPlan(store.getState(), 'nodes')[0]!);
    const s = store.getState();
    expect(s.selection).toEqual(['sn-1']);
    expect(s.focusRequest?.ids).toEqual(['sn-1']);
    expect(s.commandOpen).toBe(false);
  });

  it('frames the two VPCs of a peering, which has no box of its own', () => {
    const store = createAppStore(plan);
    jumpTo(store, searchPlan(store.getState(), 'pcx-1')[0]!);
    expect(store.getState().selection).toEqual(['pcx-1']);
    expect(store.getState().focusRequest?.ids).toEqual(['vpc-a', 'vpc-b']);
  });

  it('searches the plan as edited, not as first indexed', () => {
    const store = createAppStore(plan);
    expect(searchPlan(store.getState(), 'renamed')).toEqual([]);
    store
      .getState()
      .apply([{ op: 'update', collection: 'subnets', id: 'sn-1', set: { name: 'renamed' } }], {
        label: 'Rename',
      });
    expect(searchPlan(store.getState(), 'renamed').map((h) => h.entry.id)).toEqual(['sn-1']);
  });
});
