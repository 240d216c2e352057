import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planToDoc } from '../collab/plan-doc';
import { basePlan } from '../test-support/builders';
import { bindStoreToDoc } from './live-binding';
import { createAppStore, type AppStore } from './store';

/** Two people on one plan: two stores, two documents, every update passed across at once. */
function twoPeople() {
  const docA = planToDoc(basePlan());
  const docB = new Y.Doc();
  Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
  docA.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'wire') Y.applyUpdate(docB, u, 'wire');
  });
  docB.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'wire') Y.applyUpdate(docA, u, 'wire');
  });
  const a = createAppStore(basePlan());
  const b = createAppStore(basePlan());
  const bindA = bindStoreToDoc(a, docA);
  const bindB = bindStoreToDoc(b, docB);
  bindA.readNow();
  bindB.readNow();
  return { a, b, docA, docB };
}

const flush = () => new Promise<void>((r) => setTimeout(r, 0));
const cidrOf = (s: AppStore, id: string) =>
  s.getState().plan.subnets.find((x) => x.id === id)?.cidr;
const setCidr = (s: AppStore, id: string, cidr: string) =>
  s.getState().apply([{ op: 'update', collection: 'subnets', id, set: { cidr } }]);

describe('a store bound to a shared document', () => {
  it("shows the other person's edit, validated like any change", async () => {
    const { a, b } = twoPeople();
    const revision = b.getState().revision;
    setCidr(a, 'sn-db', '10.0.3.0/24');
    await flush();
    expect(cidrOf(b, 'sn-db')).toBe('10.0.3.0/24');
    expect(b.getState().revision).toBeGreaterThan(revision);
    // Not theirs to undo.
    expect(b.getState().history.past).toHaveLength(0);
  });

  it("brings the other person's edit as the ops that make it, keeping what they did not touch", async () => {
    const { a, b } = twoPeople();
    const seen: string[] = [];
    b.getState().subscribeChanges((c) => seen.push(...c.ops.map((o) => o.op)));
    const untouched = b.getState().plan.subnets.find((x) => x.id === 'sn-node');
    setCidr(a, 'sn-db', '10.0.3.0/24');
    await flush();
    expect(seen).toEqual(['update']);
    expect(b.getState().plan.subnets.find((x) => x.id === 'sn-node')).toBe(untouched);
  });

  it('undo takes back only your own change, not the one made after it by someone else', async () => {
    const { a, b } = twoPeople();
    setCidr(a, 'sn-db', '10.0.3.0/24');
    await flush();
    setCidr(b, 'sn-node', '10.0.9.0/24');
    await flush();
    a.getState().undo();
    await flush();
    for (const s of [a, b]) {
      expect(cidrOf(s, 'sn-db')).toBe('10.0.2.0/24');
      expect(cidrOf(s, 'sn-node')).toBe('10.0.9.0/24');
    }
  });

  it('a step that no longer fits (its object deleted by someone else) is dropped and said', async () => {
    const { a, b } = twoPeople();
    setCidr(a, 'sn-db', '10.0.3.0/24');
    await flush();
    const removed = b.getState().apply([
      { op: 'remove', collection: 'resources', id: 'db-1' },
      { op: 'remove', collection: 'subnets', id: 'sn-db' },
    ]);
    expect(removed).toBe(true);
    await flush();
    expect(cidrOf(a, 'sn-db')).toBeUndefined();
    a.getState().undo();
    await flush();
    expect(cidrOf(a, 'sn-db')).toBeUndefined();
    expect(a.getState().history.past).toHaveLength(0);
    expect(a.getState().toasts.at(-1)?.message).toMatch(/no longer fits/);
  });

  it('concurrent edits of different fields of one object both land on both sides', async () => {
    const { a, b } = twoPeople();
    a.getState().apply([
      { op: 'update', collection: 'subnets', id: 'sn-db', set: { cidr: '10.0.4.0/24' } },
    ]);
    b.getState().apply([
      { op: 'update', collection: 'subnets', id: 'sn-db', set: { name: 'data' } },
    ]);
    await flush();
    for (const s of [a, b]) {
      const sn = s.getState().plan.subnets.find((x) => x.id === 'sn-db')!;
      expect(sn.cidr).toBe('10.0.4.0/24');
      expect(sn.name).toBe('data');
    }
  });

  it('a part someone wrote that does not read is left out and listed, the rest reads', async () => {
    const { a, b, docA } = twoPeople();
    b.getState().setLive({
      planId: 'p',
      status: 'connected',
      message: null,
      unsynced: 0,
      me: { id: 2, name: 'B', color: '#000' },
      peers: [],
      following: null,
      problems: [],
      canEdit: true,
    });
    docA.transact(() => {
      const sn = docA.getMap<Y.Map<unknown>>('subnets').get('sn-db')!;
      sn.set('cidr', 'not a cidr');
    }, 'hostile');
    await flush();
    expect(cidrOf(b, 'sn-db')).toBeUndefined();
    expect(cidrOf(b, 'sn-node')).toBe('10.0.1.0/24');
    expect(b.getState().live?.problems[0]?.id).toBe('sn-db');
    void a;
  });
});
