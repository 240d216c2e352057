// Autosave against a storage that behaves like the browser's, including one that is full.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { basePlan, comment, reservation } from '../test-support/builders';
import { useAppStore } from '../store/app-store';
import { AUTOSAVE_DELAY_MS, AUTOSAVE_KEY, loadAutosave, saveNow, startAutosave } from './autosave';

class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  full = false;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
  setItem(k: string, v: string) {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(k, v);
  }
}

const cidrEdit = (cidr: string) => [
  {
    op: 'update' as const,
    collection: 'clusters' as const,
    id: 'cls-1',
    set: { containerCidr: cidr },
  },
];

beforeEach(() => {
  useAppStore.getState().openPlan(basePlan(), { kind: 'file', name: 'test.json' });
  useAppStore.setState({ toasts: [] });
});

describe('saveNow and loadAutosave', () => {
  it('a saved plan loads back the same, with its view', () => {
    const storage = new MemoryStorage();
    useAppStore.getState().apply(cidrEdit('10.200.0.0/16'));
    useAppStore.getState().setViewport({ x: 10, y: 20, zoom: 0.5 });
    expect(saveNow(storage)).toEqual({ ok: true });
    const r = loadAutosave(storage);
    if (r.kind !== 'ok') throw new Error(`expected a plan, got ${r.kind}`);
    expect(r.restored.plan).toEqual(useAppStore.getState().plan);
    expect(r.restored.viewport).toEqual({ x: 10, y: 20, zoom: 0.5 });
  });

  it('reservations and comments are saved and load back', () => {
    const storage = new MemoryStorage();
    useAppStore.getState().openPlan(
      basePlan({
        reservations: [reservation('rsv-1', '10.0.64.0/18')],
        comments: [comment('cm-1', 'Why /16?', { object: 'cls-1' })],
      }),
      { kind: 'file', name: 'test.json' },
    );
    expect(saveNow(storage)).toEqual({ ok: true });
    const r = loadAutosave(storage);
    if (r.kind !== 'ok') throw new Error(`expected a plan, got ${r.kind}`);
    expect(r.restored.plan.reservations).toEqual([reservation('rsv-1', '10.0.64.0/18')]);
    expect(r.restored.plan.comments).toEqual([comment('cm-1', 'Why /16?', { object: 'cls-1' })]);
  });

  it('storage full is reported, not ignored', () => {
    const storage = new MemoryStorage();
    storage.full = true;
    expect(saveNow(storage)).toEqual({ ok: false, message: 'the browser storage is full' });
  });

  it('a corrupt or newer saved copy is unreadable, with the raw text kept', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, '{"format":"cidr-canvas/autosave","vers');
    expect(loadAutosave(storage)).toMatchObject({ kind: 'unreadable', reason: /not JSON/ });
    const newer = JSON.stringify({ format: 'cidr-canvas/autosave', version: 9, plan: {} });
    storage.setItem(AUTOSAVE_KEY, newer);
    expect(loadAutosave(storage)).toEqual({
      kind: 'unreadable',
      raw: newer,
      reason: 'the saved copy was written by a newer CIDR Canvas (version 9)',
    });
  });
});

describe('startAutosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    const events = { addEventListener: () => {}, removeEventListener: () => {} };
    vi.stubGlobal('window', events);
    vi.stubGlobal('document', events);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('saves each change after AUTOSAVE_DELAY_MS, once for a burst of changes', () => {
    const storage = new MemoryStorage();
    const setItem = vi.spyOn(storage, 'setItem');
    const stop = startAutosave(storage);
    for (const c of ['10.201.0.0/16', '10.202.0.0/16', '10.203.0.0/16'])
      useAppStore.getState().apply(cidrEdit(c));
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 1);
    expect(setItem).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(setItem).toHaveBeenCalledTimes(1);
    const r = loadAutosave(storage);
    expect(r.kind === 'ok' && r.restored.plan.clusters[0]!.containerCidr).toBe('10.203.0.0/16');
    stop();
  });

  it('storage full shows one error toast until a save succeeds again', () => {
    const storage = new MemoryStorage();
    storage.full = true;
    const stop = startAutosave(storage);
    const errors = () => useAppStore.getState().toasts.filter((t) => t.kind === 'error');
    useAppStore.getState().apply(cidrEdit('10.204.0.0/16'));
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(errors()).toHaveLength(1);
    expect(errors()[0]!.message).toContain('storage is full');
    useAppStore.getState().apply(cidrEdit('10.205.0.0/16'));
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(errors()).toHaveLength(1);
    storage.full = false;
    useAppStore.getState().apply(cidrEdit('10.206.0.0/16'));
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(storage.getItem(AUTOSAVE_KEY)).toContain('10.206.0.0/16');
    stop();
  });
});
