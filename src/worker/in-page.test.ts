import { describe, expect, it, vi } from 'vitest';
import { objectCount, type Plan } from '../domain/model/plan';
import { applyOps, type PlanOp } from '../domain/ops/ops';
import { basePlan, subnet } from '../test-support/builders';
import { ValidationClient, type WorkerLike } from './client';
import { ValidationEngine } from './engine';
import { inPageWorker } from './in-page';
import type { FromWorker, ToWorker } from './protocol';

type Result = Extract<FromWorker, { type: 'result' }>;

/** A worker thread stand-in that answers in a later task, as a real one does. */
class ThreadWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  readonly inbox: ToWorker[] = [];
  terminated = false;
  private readonly engine = new ValidationEngine();
  postMessage(m: ToWorker): void {
    this.inbox.push(m);
    setTimeout(() => {
      const reply = this.terminated ? undefined : this.engine.handle([m]);
      if (reply) this.onmessage?.({ data: reply } as MessageEvent<FromWorker>);
    });
  }
  terminate(): void {
    this.terminated = true;
  }
}

function setup(plan: Plan, limit: number, slowMs?: number) {
  const threads: ThreadWorker[] = [];
  const pages: WorkerLike[] = [];
  const results: Result[] = [];
  const states: string[] = [];
  let current = { plan, revision: 1 };
  const client = new ValidationClient(
    {
      result: (r) => results.push(r),
      state: (s) => states.push(s.state),
      crashed: () => {},
    },
    () => current,
    {
      createWorker: () => {
        const w = new ThreadWorker();
        threads.push(w);
        return w;
      },
      inPage: {
        limit,
        ...(slowMs === undefined ? {} : { slowMs }),
        create: () => {
          const w = inPageWorker();
          pages.push(w);
          return w;
        },
      },
    },
  );
  /** An edit as the store makes it: the plan changes, then the ops go to the client. */
  const edit = (ops: PlanOp[]) => {
    current = { plan: applyOps(current.plan, ops).plan, revision: current.revision + 1 };
    client.edit(current.revision, ops);
    return current.revision;
  };
  const setCurrent = (p: Plan, revision: number) => (current = { plan: p, revision });
  return { client, threads, pages, results, states, edit, setCurrent };
}

const rename = (name: string): PlanOp[] => [
  { op: 'update', collection: 'clusters', id: 'cls-1', set: { name } },
];
const overlap: PlanOp[] = [
  { op: 'update', collection: 'clusters', id: 'cls-1', set: { containerCidr: '10.0.0.0/16' } },
];

describe('validation in the page', () => {
  it('answers an edit of a small plan before the edit call returns, as the worker would', async () => {
    const t = setup(basePlan(), 100);
    t.client.load(1, basePlan());
    await vi.waitFor(() => expect(t.results.map((r) => r.revision)).toEqual([1]));
    expect(t.threads).toHaveLength(0);
    const revision = t.edit(overlap);
    // No await: the result is there when the edit's own task ends, so both are drawn together.
    expect(t.results.at(-1)!.revision).toBe(revision);
    expect(t.states.at(-1)).toBe('idle');
    // The same answer as the worker's engine gives for the same messages.
    const engine = new ValidationEngine();
    engine.handle([{ type: 'load', revision: 1, plan: basePlan(), scope: { kind: 'none' } }]);
    const expected = engine.handle([{ type: 'edit', revision, ops: overlap }]) as Result;
    const codes = (r: Result) => r.findings?.map((f) => f.code).sort();
    expect(codes(t.results.at(-1)!)).toEqual(codes(expected));
    expect(codes(expected)).toContain('CLUSTER_CIDR_OVERLAPS_VPC');
  });

  it('keeps its own copy of the plan, as a worker does: the designer’s objects are not the engine’s', async () => {
    const plan = basePlan();
    const t = setup(plan, 100);
    t.client.load(1, plan);
    await vi.waitFor(() => expect(t.results).toHaveLength(1));
    // Were the engine holding the designer's objects, this write would reach its next analysis.
    (plan.clusters[0] as { containerCidr?: string }).containerCidr = '10.0.0.0/16';
    t.edit(rename('renamed'));
    const codes = t.results.flatMap((r) => r.findings ?? []).map((f) => f.code);
    expect(codes).not.toContain('CLUSTER_CIDR_OVERLAPS_VPC');
  });

  it('moves a plan that outgrows the limit to the worker, with the comparison, and back when a small plan is opened', async () => {
    const small = basePlan();
    const t = setup(small, objectCount(small));
    t.client.load(1, small);
    const base = basePlan({ name: 'base' });
    t.client.compare(7, base);
    await vi.waitFor(() => expect(t.results.length).toBeGreaterThan(0));
    const revision = t.edit([
      { op: 'insert', collection: 'subnets', object: subnet('sn-more', 'vpc-a', '10.0.3.0/24') },
    ]);
    expect(t.threads).toHaveLength(1);
    expect(t.threads[0]!.inbox.map((m) => m.type)).toEqual(['load', 'compare']);
    expect(t.threads[0]!.inbox[0]).toMatchObject({ revision });
    expect(t.threads[0]!.inbox[1]).toMatchObject({ id: 7 });
    await vi.waitFor(() => expect(t.results.at(-1)!.revision).toBe(revision));
    // The page's engine is gone: the next edit is the worker's to answer.
    t.edit(rename('in the worker'));
    expect(t.threads[0]!.inbox.at(-1)!.type).toBe('edit');
    // A smaller plan opened: back in the page.
    t.client.load(20, small);
    expect(t.threads[0]!.terminated).toBe(true);
    expect(t.pages).toHaveLength(2);
    await vi.waitFor(() => expect(t.results.at(-1)!.revision).toBe(20));
  });

  it('starts a failed engine again with the designer’s plan, as it does a worker', async () => {
    const t = setup(basePlan(), 100);
    t.client.load(1, basePlan());
    await vi.waitFor(() => expect(t.results).toHaveLength(1));
    // An op on an object the engine does not have makes it fail.
    t.setCurrent(basePlan({ name: 'after' }), 2);
    t.client.edit(2, [{ op: 'remove', collection: 'vpcs', id: 'ghost' }]);
    expect(t.pages).toHaveLength(2);
    expect(t.states).toContain('paused');
    await vi.waitFor(() => expect(t.results.at(-1)!.revision).toBe(2));
    expect(t.states.at(-1)).toBe('idle');
  });

  it('sends a wide path scope to the worker, and brings a narrow one back to the page', async () => {
    const plan = basePlan();
    // One cluster's paths fit; all of them (here the same cluster, counted as the plan's) do not.
    const t = setup(plan, objectCount(plan) * 2);
    t.client.load(1, plan, { kind: 'clusters', ids: ['cls-1'] });
    await vi.waitFor(() => expect(t.results).toHaveLength(1));
    expect(t.threads).toHaveLength(0);
    t.client.setScope({ kind: 'clusters', ids: ['cls-1', 'cls-1'] });
    expect(t.threads).toHaveLength(1);
    expect(t.threads[0]!.inbox[0]).toMatchObject({
      type: 'load',
      scope: { kind: 'clusters', ids: ['cls-1', 'cls-1'] },
    });
    await vi.waitFor(() => expect(t.results).toHaveLength(2));
    expect(t.results[1]!.paths.kind).toBe('all');
    t.client.setScope({ kind: 'none' });
    expect(t.threads[0]!.terminated).toBe(true);
    expect(t.pages).toHaveLength(2);
    await vi.waitFor(() => expect(t.results).toHaveLength(3));
  });

  it('moves a plan to the worker after two slow edits in the page, until another is opened', async () => {
    const plan = basePlan();
    // Every analysis counts as slow.
    const t = setup(plan, 100, -1);
    t.client.load(1, plan);
    await vi.waitFor(() => expect(t.results).toHaveLength(1));
    // A load and a new scope are larger than an edit: their time does not count.
    t.client.setScope({ kind: 'clusters', ids: ['cls-1'] });
    await vi.waitFor(() => expect(t.results).toHaveLength(2));
    expect(t.threads).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 5));
    t.edit(rename('slow once'));
    expect(t.threads).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 5));
    const revision = t.edit(overlap);
    // The second slow edit in a row: the plan, edit included, goes to the worker.
    expect(t.threads).toHaveLength(1);
    expect(t.threads[0]!.inbox[0]).toMatchObject({ type: 'load', revision });
    await vi.waitFor(() => expect(t.results.at(-1)!.revision).toBe(revision));
    await new Promise((r) => setTimeout(r, 5));
    t.edit(rename('still the worker'));
    expect(t.threads[0]!.inbox.at(-1)!.type).toBe('edit');
    t.client.load(30, plan);
    expect(t.threads[0]!.terminated).toBe(true);
    expect(t.pages).toHaveLength(2);
  });
});
