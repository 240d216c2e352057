import { describe, expect, it } from 'vitest';
import { basePlan } from '../test-support/builders';
import {
  findingIndexesOf,
  selectAnyClusterSelected,
  selectCapacity,
  selectCompareMarks,
  selectFindings,
  selectPaths,
  selectStatus,
} from './selectors';
import { createAppStore } from './store';

describe('selectors', () => {
  // A new empty value per call would make every subscriber render on every store change.
  it('answer the same empty value each time while there is no analysis and no comparison', () => {
    const store = createAppStore(basePlan());
    const s = store.getState();
    expect(s.analysis).toBeNull();
    expect(s.compare).toBeNull();
    for (const select of [
      selectCapacity,
      selectStatus,
      selectCompareMarks,
      selectFindings,
      selectPaths,
      findingIndexesOf('vpc-a'),
    ]) {
      const first = select(s);
      expect(first).toEqual(Array.isArray(first) ? [] : {});
      store.setState({ hoveredPath: 'x' });
      expect(select(store.getState())).toBe(first);
    }
  });

  it('tell whether a cluster is among the selected objects', () => {
    const store = createAppStore(basePlan());
    expect(selectAnyClusterSelected(store.getState())).toBe(false);
    store.setState({ selection: ['vpc-a'] });
    expect(selectAnyClusterSelected(store.getState())).toBe(false);
    store.setState({ selection: ['vpc-a', 'cls-1'] });
    expect(selectAnyClusterSelected(store.getState())).toBe(true);
  });
});
