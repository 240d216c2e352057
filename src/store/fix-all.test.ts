import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../domain/analyze';
import type { Plan } from '../domain/model/plan';
import { plan, subnet, vpc } from '../test-support/builders';
import { fixAll } from './fix-all';
import { createAppStore } from './store';

function storeWith(p: Plan) {
  const store = createAppStore(p);
  const analyse = () => {
    const a = analyzePlan(store.getState().plan, { kind: 'none' });
    store.getState().setAnalysis({ revision: store.getState().revision, ...a, ms: 1 });
  };
  analyse();
  return { store, analyse };
}

const overlapCount = (p: Plan) =>
  analyzePlan(p, { kind: 'none' }).findings.filter((f) => f.code === 'SUBNET_OVERLAP').length;

describe('fix all', () => {
  const pairs = plan({
    vpcs: [vpc('vpc-a', '10.0.0.0/16')],
    subnets: Array.from({ length: 10 }, (_, i) => [
      subnet(`a-${i}`, 'vpc-a', `10.0.${i}.0/24`),
      subnet(`b-${i}`, 'vpc-a', `10.0.${i}.0/24`),
    ]).flat(),
  });

  it('applies every suggestion of a code as one undo step, and one undo brings all back', () => {
    const { store } = storeWith(pairs);
    expect(overlapCount(store.getState().plan)).toBe(10);
    expect(fixAll(store, 'SUBNET_OVERLAP')).toBe(10);
    expect(overlapCount(store.getState().plan)).toBe(0);
    expect(store.getState().history.past).toHaveLength(1);
    expect(store.getState().history.past[0]!.label).toBe('Fix all SUBNET_OVERLAP');
    store.getState().undo();
    expect(store.getState().plan).toEqual(pairs);
    store.getState().redo();
    expect(overlapCount(store.getState().plan)).toBe(0);
  });

  it('does nothing for a code without suggestions, and nothing in a read-only plan', () => {
    const { store } = storeWith(pairs);
    expect(fixAll(store, 'VPC_CIDR_OVERLAP')).toBe(0);
    store.getState().setReadOnly(true);
    expect(fixAll(store, 'SUBNET_OVERLAP')).toBe(0);
    expect(store.getState().plan).toBe(pairs);
    expect(store.getState().history.past).toHaveLength(0);
  });
});
