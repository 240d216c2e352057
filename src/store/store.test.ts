import { describe, expect, it, vi } from 'vitest';
import { basePlan } from '../test-support/builders';
import type { PlanChange } from './changes';
import { HISTORY_LIMIT } from './history';
import { STATE_STORAGE } from './persistence';
import { MAX_ALL_PATHS, pathScopeOf } from './selectors';
import { createAppStore } from './store';

const move = (x: number) => [{ op: 'layout' as const, id: 'vpc-a', box: { x, y: 0 } }];

describe('plan slice', () => {
  it('undoes and redoes one step per gesture; a drag captured "eventually" is one step', () => {
    const store = createAppStore(basePlan());
    const s = () => store.getState();
    s().apply([
      {
        op: 'update',
        collection: 'clusters',
        id: 'cls-1',
        set: { containerCidr: '10.0.128.0/17' },
      },
    ]);
    for (let x = 1; x <= 20; x++) s().apply(move(x), { capture: 'eventually', label: 'Move' });
    s().commitGesture();
    expect(s().history.past.map((e) => e.label)).toEqual(['Edit', 'Move']);
    s().undo();
    expect(s().plan.layout).toBeUndefined();
    expect(s().plan.clusters[0]!.containerCidr).toBe('10.0.128.0/17');
    s().undo();
    expect(s().plan.clusters[0]!.containerCidr).toBe('172.16.0.0/16');
    s().redo();
    s().redo();
    expect(s().plan.layout).toEqual({ 'vpc-a': { x: 20, y: 0 } });
    expect(s().plan.clusters[0]!.containerCidr).toBe('10.0.128.0/17');
  });

  it('undo ends a gesture in progress first, so typing then Ctrl+Z takes the typed value back', () => {
    const store = createAppStore(basePlan());
    const s = () => store.getState();
    for (const v of ['10.0.0.0/8', '10.0.128.0/17']) {
      s().apply(
        [{ op: 'update', collection: 'clusters', id: 'cls-1', set: { containerCidr: v } }],
        { capture: 'eventually' },
      );
    }
    s().undo();
    expect(s().plan.clusters[0]!.containerCidr).toBe('172.16.0.0/16');
    expect(s().history.future).toHaveLength(1);
  });

  it('a new edit clears the redo list', () => {
    const store = createAppStore(basePlan());
    const s = () => store.getState();
    s().apply(move(1));
    s().undo();
    s().apply(move(2));
    expect(s().history.future).toEqual([]);
  });

  it('cancelling a gesture restores the plan and leaves no undo step', () => {
    const store = createAppStore(basePlan());
    const s = () => store.getState();
    s().apply(move(5), { capture: 'eventually' });
    s().cancelGesture();
    expect(s().plan.layout).toBeUndefined();
    expect(s().history.past).toEqual([]);
  });

  it('changes captured "never" are not undoable; ops that do not fit are refused whole', () => {
    const store = createAppStore(basePlan());
    const s = () => store.getState();
    s().apply(move(1), { capture: 'never' });
    expect(s().history.past).toEqual([]);
    const before = s().plan;
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(s().apply([...move(9), { op: 'remove', collection: 'vpcs', id: 'missing' }])).toBe(
      false,
    );
    expect(s().plan).toBe(before);
    expect(quiet).toHaveBeenCalledOnce();
    quiet.mockRestore();
  });

  it('keeps at most HISTORY_LIMIT undo steps', () => {
    const store = createAppStore(basePlan());
    for (let i = 0; i < HISTORY_LIMIT + 25; i++) store.getState().apply(move(i));
    expect(store.getState().history.past).toHaveLength(HISTORY_LIMIT);
  });

  it('emits every change as ops with a rising revision, undo included', () => {
    const store = createAppStore(basePlan());
    const seen: PlanChange[] = [];
    const off = store.getState().subscribeChanges((c) => seen.push(c));
    store.getState().apply(move(1));
    store.getState().undo();
    store.getState().redo();
    off();
    expect(seen.map((c) => c.revision)).toEqual([1, 2, 3]);
    expect(seen[1]!.ops).toEqual([{ op: 'layout', id: 'vpc-a', box: null }]);
  });

  it("two stores' change streams are their own", () => {
    const a = createAppStore(basePlan());
    const b = createAppStore(basePlan());
    const heardByB: PlanChange[] = [];
    const off = b.getState().subscribeChanges((c) => heardByB.push(c));
    a.getState().apply(move(1));
    expect(heardByB).toEqual([]);
    b.getState().apply(move(2));
    expect(heardByB.map((c) => c.revision)).toEqual([1]);
    off();
  });

  it('a read-only store refuses edits', () => {
    const store = createAppStore(basePlan());
    store.getState().setReadOnly(true);
    expect(store.getState().apply(move(1))).toBe(false);
    expect(store.getState().plan.layout).toBeUndefined();
  });
});

describe('analysis slice', () => {
  it('marks each object with its worst finding', () => {
    const store = createAppStore(basePlan());
    store.getState().setAnalysis({
      revision: 1,
      findings: [
        {
          code: 'CCN_CIDR_CONFLICT',
          severity: 'warning',
          objects: ['vpc-a', 'vpc-b', 'ccn'],
          ranges: [],
          message: '',
        },
        {
          code: 'SUBNET_OVERLAP',
          severity: 'error',
          objects: ['sn-1', 'vpc-a'],
          ranges: [],
          message: '',
        },
      ],
      capacity: [],
      paths: [],
      ms: 1,
    });
    const a = store.getState().analysis!;
    expect(a.status).toEqual({
      'vpc-a': 'error',
      'vpc-b': 'warning',
      ccn: 'warning',
      'sn-1': 'error',
    });
    expect(a.findingsByObject['vpc-a']).toEqual([0, 1]);
  });
});

describe('persistence map', () => {
  it('declares, for every data key of the state, where it is kept', () => {
    const store = createAppStore(basePlan());
    const dataKeys = Object.entries(store.getState())
      .filter(([, v]) => typeof v !== 'function')
      .map(([k]) => k)
      .sort();
    expect(Object.keys(STATE_STORAGE).sort()).toEqual(dataKeys);
    expect(STATE_STORAGE.plan).toEqual({ autosave: true, export: true, undo: true });
    expect(STATE_STORAGE.analysis.undo).toBe(false);
  });
});

describe('path scope', () => {
  it('"show all" asks for every path, unless that is more than MAX_ALL_PATHS', () => {
    const plan = basePlan();
    const cluster = plan.clusters[0]!.id;
    expect(pathScopeOf({ showAllPaths: true, selection: [], plan })).toEqual({ kind: 'plan' });
    // As many resources as it takes for one cluster's paths to pass the limit.
    const subnet = plan.subnets[0]!;
    const resources = Array.from({ length: MAX_ALL_PATHS + 1 }, (_, i) => ({
      id: `r${i}`,
      kind: 'cvm' as const,
      subnet: subnet.id,
    }));
    const big = { ...plan, resources };
    expect(pathScopeOf({ showAllPaths: true, selection: [], plan: big })).toEqual({ kind: 'none' });
    expect(pathScopeOf({ showAllPaths: true, selection: [cluster], plan: big })).toEqual({
      kind: 'clusters',
      ids: [cluster],
    });
  });
});

describe('analysis and validation state', () => {
  it('a result and the status it brings change in one store update', () => {
    const store = createAppStore(basePlan());
    store.getState().setValidation({ state: 'running', behind: 1 });
    const seen: [string, number | undefined][] = [];
    store.subscribe((s) => seen.push([s.validation.state, s.analysis?.revision]));
    store
      .getState()
      .setAnalysis(
        { revision: 3, findings: [], capacity: [], paths: [], ms: 1 },
        { state: 'idle', behind: 0 },
      );
    // The client's own "idle" that follows is no change and no update.
    store.getState().setValidation({ state: 'idle', behind: 0 });
    expect(seen).toEqual([['idle', 3]]);
  });
});
