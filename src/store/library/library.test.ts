// The library against fake-indexeddb: what is written reads back, listing reads no plan bodies,
// deletes take versions along and can be put back, and a full disk fails with kind 'quota'
// leaving what was there.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countObjects, generatePlan } from '../../../bench/generate';
import { parsePlanText } from '../../io/parse';
import { planToJson } from '../../io/serialize';
import { Library, LibraryError, LIBRARY_SCHEMA_VERSION, type PlanMeta } from './library';

let lib: Library;
let dbName: string;
let n = 0;

beforeEach(async () => {
  dbName = `test-${++n}`;
  lib = await Library.open(dbName);
});
afterEach(() => lib.close());

const meta = (id: string, name: string, updatedAt: number): PlanMeta => ({
  id,
  name,
  updatedAt,
  objects: 3,
});
const body = (text: string) => ({ plan: text, viewport: null, showAllPaths: false });
const summary = {
  added: 1,
  removed: 0,
  changed: 0,
  errors: 0,
  warnings: 0,
  findingsIntroduced: 0,
  findingsResolved: 0,
};

describe('Library', () => {
  it('lists plans most recently changed first and reads a plan back whole', async () => {
    await lib.savePlan(meta('a', 'Alpha', 10), body('{"name":"Alpha"}'));
    await lib.savePlan(meta('b', 'Beta', 30), body('{"name":"Beta"}'));
    await lib.savePlan(meta('c', 'Gamma', 20), body('{"name":"Gamma"}'));
    expect((await lib.listPlans()).map((p) => p.name)).toEqual(['Beta', 'Gamma', 'Alpha']);
    const got = await lib.loadPlan('c');
    expect(got?.meta.name).toBe('Gamma');
    expect(got?.body.plan).toBe('{"name":"Gamma"}');
    expect(await lib.loadPlan('nope')).toBeUndefined();
  });

  it('renames a plan in its list entry and in its JSON', async () => {
    await lib.savePlan(meta('a', 'Alpha', 10), body('{"name":"Alpha","vpcs":[]}'));
    const renamed = await lib.renamePlan('a', 'Prod network');
    expect(renamed.name).toBe('Prod network');
    expect(renamed.updatedAt).toBeGreaterThan(10);
    expect(JSON.parse((await lib.loadPlan('a'))!.body.plan)).toEqual({
      name: 'Prod network',
      vpcs: [],
    });
  });

  it('duplicates a plan with its versions under new ids, leaving the original and its versions as they were', async () => {
    await lib.savePlan(meta('a', 'Alpha', 10), body('{"name":"Alpha"}'));
    await lib.savePlan(meta('b', 'Beta', 20), body('{"name":"Beta"}'));
    await lib.addVersion(
      { id: 'v1', planId: 'a', name: 'first', createdAt: 1, summary },
      { plan: '{"name":"Alpha","v":1}', findingKeys: ['K\u0000x'] },
    );
    await lib.addVersion(
      { id: 'v2', planId: 'a', name: 'second', createdAt: 2, summary: { ...summary, changed: 4 } },
      { plan: '{"name":"Alpha","v":2}', findingKeys: [] },
    );
    await lib.addVersion(
      { id: 'vb', planId: 'b', name: 'other plan', createdAt: 3, summary },
      { plan: '{"name":"Beta"}', findingKeys: [] },
    );
    const copy = await lib.duplicatePlan('a', 'Alpha (copy)');
    expect(copy.id).not.toBe('a');
    expect((JSON.parse((await lib.loadPlan(copy.id))!.body.plan) as { name: string }).name).toBe(
      'Alpha (copy)',
    );
    expect((await lib.loadPlan('a'))!.meta.name).toBe('Alpha');
    const copied = await lib.listVersions(copy.id);
    expect(copied.map((v) => [v.name, v.createdAt, v.summary.changed])).toEqual([
      ['second', 2, 4],
      ['first', 1, 0],
    ]);
    for (const v of copied) {
      expect(['v1', 'v2']).not.toContain(v.id);
      expect(v.planId).toBe(copy.id);
    }
    expect((await lib.loadVersion(copied[1]!.id))!.body).toEqual({
      id: copied[1]!.id,
      plan: '{"name":"Alpha","v":1}',
      findingKeys: ['K\u0000x'],
    });
    expect((await lib.listVersions('a')).map((v) => v.id)).toEqual(['v2', 'v1']);
    expect((await lib.listVersions('b')).map((v) => v.id)).toEqual(['vb']);
    // The copy's versions are its own: deleting the original leaves them.
    await lib.deletePlan('a');
    expect(await lib.listVersions(copy.id)).toHaveLength(2);
    expect((await lib.loadVersion(copied[0]!.id))!.body.plan).toBe('{"name":"Alpha","v":2}');
  });

  it('keeps each plan’s versions apart, newest first', async () => {
    for (const [id, planId, at] of [
      ['v1', 'a', 1],
      ['v2', 'b', 2],
      ['v3', 'a', 3],
    ] as const)
      await lib.addVersion(
        { id, planId, name: id, createdAt: at, summary },
        { plan: `{"v":"${id}"}`, findingKeys: ['X\u0000o'] },
      );
    expect((await lib.listVersions('a')).map((v) => v.id)).toEqual(['v3', 'v1']);
    expect((await lib.listVersions('b')).map((v) => v.id)).toEqual(['v2']);
    const v = await lib.loadVersion('v3');
    expect(v?.body.plan).toBe('{"v":"v3"}');
    expect(v?.body.findingKeys).toEqual(['X\u0000o']);
  });

  it('deletes a plan with its versions, and puts them all back', async () => {
    await lib.savePlan(meta('a', 'Alpha', 10), body('A'));
    await lib.savePlan(meta('b', 'Beta', 20), body('B'));
    await lib.addVersion(
      { id: 'v1', planId: 'a', name: 'x', createdAt: 1, summary },
      { plan: 'A1', findingKeys: [] },
    );
    await lib.addVersion(
      { id: 'v2', planId: 'b', name: 'y', createdAt: 2, summary },
      { plan: 'B1', findingKeys: [] },
    );
    const gone = await lib.deletePlan('a');
    expect((await lib.listPlans()).map((p) => p.id)).toEqual(['b']);
    expect(await lib.listVersions('a')).toEqual([]);
    expect(await lib.loadVersion('v1')).toBeUndefined();
    expect((await lib.listVersions('b')).map((v) => v.id)).toEqual(['v2']);
    await lib.restoreDeleted(gone);
    expect((await lib.loadPlan('a'))?.body.plan).toBe('A');
    expect((await lib.loadVersion('v1'))?.body.plan).toBe('A1');
  });

  it('a full disk fails the write with kind quota and leaves what was saved', async () => {
    await lib.savePlan(meta('a', 'Alpha', 10), body('before'));
    lib.beforeWrite = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const err = await lib.savePlan(meta('a', 'Alpha', 20), body('after')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibraryError);
    expect((err as LibraryError).kind).toBe('quota');
    expect((err as LibraryError).message).toContain('storage is full');
    lib.beforeWrite = null;
    expect((await lib.loadPlan('a'))?.body.plan).toBe('before');
    await lib.savePlan(meta('a', 'Alpha', 30), body('after'));
    expect((await lib.loadPlan('a'))?.body.plan).toBe('after');
  });

  it('a write that fails half way writes neither the list entry nor the body', async () => {
    await lib.savePlan(meta('a', 'Alpha', 10), body('before'));
    // A body that cannot be stored (a function) fails after the list entry's put was queued.
    const unstorable = { plan: () => 1, viewport: null, showAllPaths: false } as never;
    await expect(lib.savePlan(meta('a', 'Renamed', 20), unstorable)).rejects.toBeInstanceOf(
      LibraryError,
    );
    expect((await lib.loadPlan('a'))?.meta.name).toBe('Alpha');
  });

  it('settings read back; the schema version opens again without losing data', async () => {
    await lib.setSetting('current', 'a');
    await lib.savePlan(meta('a', 'Alpha', 10), body('A'));
    expect(await lib.getSetting('current')).toBe('a');
    lib.close();
    lib = await Library.open(dbName);
    expect(await lib.getSetting('current')).toBe('a');
    expect((await lib.listPlans()).length).toBe(1);
    expect(LIBRARY_SCHEMA_VERSION).toBe(1);
  });

  it('a generated 100,000-object plan is saved and reopens as the same plan', async () => {
    const plan = generatePlan(100_000, 7);
    const objects = countObjects(plan);
    expect(objects).toBeGreaterThanOrEqual(100_000);
    const text = JSON.stringify(planToJson(plan));
    await lib.savePlan({ ...meta('h', 'Huge', 1), objects }, body(text));
    lib.close();
    lib = await Library.open(dbName);
    const got = await lib.loadPlan('h');
    expect((await lib.listPlans())[0]?.objects).toBe(objects);
    const reopened = parsePlanText(got!.body.plan);
    if (!reopened.ok) throw new Error(reopened.error.message);
    expect(reopened.value).toEqual(plan);
  }, 120_000);

  it('without IndexedDB it fails with kind unavailable', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error: a private window has none
    delete globalThis.indexedDB;
    try {
      const err = await Library.open('x').catch((e: unknown) => e);
      expect((err as LibraryError).kind).toBe('unavailable');
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});
