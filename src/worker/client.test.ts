import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Plan } from '../domain/model/plan';
import { basePlan } from '../test-support/builders';
import { ValidationClient, type WorkerLike } from './client';
import { ValidationEngine } from './engine';
import type { FromWorker, ToWorker } from './protocol';

/** A worker in the same thread, whose replies we release by hand. */
class FakeWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  readonly inbox: ToWorker[] = [];
  terminated = false;
  hang = false;
  private readonly engine = new ValidationEngine();
  postMessage(m: ToWorker): void {
    this.inbox.push(m);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Processes one queued message and delivers its reply. */
  step(): void {
    const m = this.inbox.shift();
    if (!m || this.hang) return;
    const reply = this.engine.handle([m]);
    if (reply) this.onmessage?.({ data: reply } as MessageEvent<FromWorker>);
  }
}

afterEach(() => vi.useRealTimers());

function setup(plan: Plan = basePlan()) {
  const workers: FakeWorker[] = [];
  const results: number[] = [];
  const states: string[] = [];
  const crashes: string[] = [];
  let current = { plan, revision: 1 };
  const client = new ValidationClient(
    {
      result: (r) => results.push(r.revision),
      state: (s) => states.push(s.state),
      crashed: (c) => crashes.push(c.message),
    },
    () => current,
    {
      timeoutMs: 1000,
      createWorker: () => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      },
    },
  );
  return {
    client,
    workers,
    results,
    states,
    crashes,
    setCurrent: (p: Plan, revision: number) => (current = { plan: p, revision }),
  };
}

describe('ValidationClient', () => {
  it('drops a result that a newer edit has made stale', () => {
    const t = setup();
    t.client.load(1, basePlan());
    t.client.edit(2, [
      { op: 'name', name: 'x' },
      { op: 'update', collection: 'clusters', id: 'cls-1', set: { maxPodsPerNode: 64 } },
    ]);
    t.client.edit(3, [
      { op: 'update', collection: 'clusters', id: 'cls-1', set: { maxPodsPerNode: 32 } },
    ]);
    const w = t.workers[0]!;
    w.step(); // revision 1: stale, revision 3 was sent
    w.step(); // revision 2: stale
    expect(t.results).toEqual([]);
    w.step();
    expect(t.results).toEqual([3]);
    expect(t.states.at(-1)).toBe('idle');
  });

  it('restarts a worker that fails and reloads the designer’s plan, so no edit is lost', () => {
    const t = setup();
    t.client.load(1, basePlan());
    t.workers[0]!.step();
    t.client.edit(2, [{ op: 'remove', collection: 'vpcs', id: 'ghost' }]);
    t.setCurrent(basePlan({ name: 'after' }), 2);
    t.workers[0]!.step();
    expect(t.workers[0]!.terminated).toBe(true);
    expect(t.workers).toHaveLength(2);
    expect(t.workers[1]!.inbox[0]).toMatchObject({ type: 'load', revision: 2 });
    t.workers[1]!.step();
    expect(t.results).toEqual([1, 2]);
  });

  it('restarts a worker that takes too long', () => {
    vi.useFakeTimers();
    const t = setup();
    t.workers[0]!.hang = true;
    t.client.load(1, basePlan());
    vi.advanceTimersByTime(1500);
    expect(t.workers[0]!.terminated).toBe(true);
    expect(t.states).toContain('paused');
    t.workers[1]!.step();
    expect(t.results).toEqual([1]);
  });

  it('after failing twice on a plan it pauses, reports the crash, and tries again on the next edit', () => {
    const t = setup();
    t.workers[0]!.hang = false;
    t.client.edit(2, [{ op: 'remove', collection: 'vpcs', id: 'ghost' }]);
    t.workers[0]!.step();
    // The reload of a plan that itself fails.
    t.workers[1]!.inbox.length = 0;
    t.workers[1]!.onmessage?.({
      data: { type: 'failed', revision: 2, message: 'boom' },
    } as MessageEvent<FromWorker>);
    expect(t.crashes).toEqual(['boom']);
    expect(t.states.at(-1)).toBe('paused');
    t.setCurrent(basePlan(), 3);
    t.client.edit(3, [{ op: 'name', name: 'y' }]);
    const w = t.workers.at(-1)!;
    expect(w.inbox.at(-1)).toMatchObject({ type: 'load', revision: 3 });
    w.step();
    expect(t.results).toContain(3);
  });

  it('sends the comparison again to a restarted worker, after the plan', () => {
    const t = setup();
    t.client.load(1, basePlan());
    t.workers[0]!.step();
    const base = basePlan({ name: 'base' });
    t.client.compare(4, base);
    expect(t.workers[0]!.inbox.at(-1)).toEqual({ type: 'compare', id: 4, base });
    t.workers[0]!.step();
    t.client.edit(2, [{ op: 'remove', collection: 'vpcs', id: 'ghost' }]);
    t.workers[0]!.step();
    expect(t.workers[1]!.inbox.map((m) => m.type)).toEqual(['load', 'compare']);
    expect(t.workers[1]!.inbox[1]).toMatchObject({ id: 4, base });
    t.workers[1]!.step();
    t.workers[1]!.step();
    // An ended comparison is not brought back by the next restart.
    t.client.compare(5, null);
    t.workers[1]!.inbox.length = 0;
    t.client.edit(3, [{ op: 'remove', collection: 'vpcs', id: 'ghost' }]);
    t.workers[1]!.step();
    expect(t.workers[2]!.inbox.map((m) => m.type)).toEqual(['load']);
  });
});
