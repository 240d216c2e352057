import { afterEach, describe, expect, it } from 'vitest';
import type { WorkerLike } from '../worker/client';
import { ValidationEngine } from '../worker/engine';
import type { FromWorker, ToWorker } from '../worker/protocol';
import { useAppStore } from '../store/app-store';
import { basePlan } from '../test-support/builders';
import { startValidation } from './validation-bridge';

/** A worker in the same thread whose replies are released by hand. */
class FakeWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  readonly inbox: ToWorker[] = [];
  private readonly engine = new ValidationEngine();
  postMessage(m: ToWorker): void {
    this.inbox.push(m);
  }
  terminate(): void {}
  drain(): void {
    while (this.inbox.length > 0) {
      const reply = this.engine.handle([this.inbox.shift()!]);
      if (reply) this.onmessage?.({ data: reply } as MessageEvent<FromWorker>);
    }
  }
}

// Node has no frames: a stand-in, so that work deferred to a frame would show up as a late update.
globalThis.requestAnimationFrame ??= (cb: FrameRequestCallback) =>
  setTimeout(() => cb(performance.now()), 16) as unknown as number;
globalThis.cancelAnimationFrame ??= (id: number) => clearTimeout(id);

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('validation bridge', () => {
  it('the status turns "validated" in the same store update that brings the findings and paths', async () => {
    const store = useAppStore;
    store.getState().openPlan(basePlan(), { kind: 'new' });
    store.getState().select(['cls-1']);
    const worker = new FakeWorker();
    stop = startValidation({ createWorker: () => worker });
    worker.drain();
    expect(store.getState().validation.state).toBe('idle');
    const before = store.getState().analysis!;
    expect(before.findings.some((f) => f.code === 'SUBNET_OVERLAP')).toBe(false);
    expect(before.paths.length).toBeGreaterThan(0);

    // Give the database subnet the node subnet's range: a finding appears and paths change.
    store
      .getState()
      .apply([{ op: 'update', collection: 'subnets', id: 'sn-db', set: { cidr: '10.0.1.0/24' } }]);
    const updates: { state: string; analysisChanged: boolean; pathsChanged: boolean }[] = [];
    const unsubscribe = store.subscribe((s, prev) =>
      updates.push({
        state: s.validation.state,
        analysisChanged: s.analysis !== prev.analysis,
        pathsChanged: s.analysis?.paths !== prev.analysis?.paths,
      }),
    );
    expect(store.getState().validation.state).toBe('running');
    worker.drain();
    // Anything scheduled for later (a frame, a timeout) would land here.
    await new Promise((r) => setTimeout(r, 50));
    unsubscribe();

    const after = store.getState().analysis!;
    expect(after.revision).toBe(store.getState().revision);
    expect(after.findings.some((f) => f.code === 'SUBNET_OVERLAP')).toBe(true);
    expect(after.paths).not.toBe(before.paths);
    // One update: the status, the findings and the paths, together; nothing follows it.
    expect(updates).toEqual([{ state: 'idle', analysisChanged: true, pathsChanged: true }]);
  });
});
