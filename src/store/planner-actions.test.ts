// The address planner's edits through the store: each is one undo step, and a refused one
// changes nothing and says why.
import { describe, expect, it } from 'vitest';
import { basePlan } from '../test-support/builders';
import {
  addReservation,
  applyClusterSizing,
  editReservation,
  joinSubnets,
  removeReservation,
  splitFreeBlock,
} from './actions';
import { createAppStore } from './store';

describe('planner actions', () => {
  it('add, edit (a typed gesture) and remove a reservation, each one undo step', () => {
    const p = basePlan();
    const store = createAppStore(p);
    const s = () => store.getState();
    const made = addReservation(store, { cidr: '10.0.128.0/17', vpc: 'vpc-a', name: 'later' });
    expect('id' in made).toBe(true);
    const id = 'id' in made ? made.id : '';
    editReservation(store, id, { cidr: '10.0.192.0/18' });
    editReservation(store, id, { note: 'EU' });
    s().commitGesture();
    removeReservation(store, id);
    expect(s().plan.reservations).toEqual([]);
    s().undo();
    expect(s().plan.reservations).toEqual([
      { id, name: 'later', cidr: '10.0.192.0/18', vpc: 'vpc-a', note: 'EU' },
    ]);
    s().undo();
    expect(s().plan.reservations![0]!.cidr).toBe('10.0.128.0/17');
    s().undo();
    expect(s().plan).toStrictEqual(p);
  });

  it('split, join and size are one undo step each; a refused one changes nothing', () => {
    const p = basePlan();
    const store = createAppStore(p);
    const s = () => store.getState();
    expect(splitFreeBlock(store, 'vpc-a', '10.0.1.0/24', 26, 2, [])).toBe(
      '10.0.1.0/24 is not free in VPC prod',
    );
    expect(s().plan).toBe(p);
    expect(splitFreeBlock(store, 'vpc-a', '10.0.4.0/23', 24, 2, [])).toBeUndefined();
    const made = s()
      .plan.subnets.slice(2)
      .map((x) => x.id);
    expect(joinSubnets(store, made)).toBeUndefined();
    expect(
      s()
        .plan.subnets.slice(2)
        .map((x) => x.cidr),
    ).toEqual(['10.0.4.0/23']);
    expect(applyClusterSizing(store, 'cls-1', { nodes: 10, podsPerNode: 32 })).toBeUndefined();
    expect(s().plan.clusters[0]!.containerCidr).toBe('172.16.0.0/22');
    s().undo();
    s().undo();
    expect(s().plan.subnets).toHaveLength(4);
    s().undo();
    expect(s().plan).toStrictEqual(p);
  });
});
