// The local library of plans and their versions, in IndexedDB through `idb`. The only file that
// knows the database's shape. A plan's or version's body (its JSON, which can be tens of
// megabytes) lives in a store of its own, so that listing plans or versions reads a few bytes
// each instead of every plan.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export const LIBRARY_DB = 'cidr-canvas';
/** Bump with a step in `upgrade` below; never change what an older step does. */
export const LIBRARY_SCHEMA_VERSION = 1;

export interface PlanMeta {
  readonly id: string;
  readonly name: string;
  /** Milliseconds since the epoch. */
  readonly updatedAt: number;
  /** Network objects in the plan, for the list. */
  readonly objects: number;
}

export interface PlanBody {
  readonly id: string;
  /** The plan as JSON text: kept as written, parsed and checked when opened. */
  readonly plan: string;
  readonly viewport: { readonly x: number; readonly y: number; readonly zoom: number } | null;
  readonly showAllPaths: boolean;
}

export interface VersionSummary {
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  /** Findings of the saved plan, by severity. */
  readonly errors: number;
  readonly warnings: number;
  /** Findings new since the version before, and gone since. */
  readonly findingsIntroduced: number;
  readonly findingsResolved: number;
}

export interface VersionMeta {
  readonly id: string;
  readonly planId: string;
  readonly name: string;
  readonly createdAt: number;
  readonly summary: VersionSummary;
}

export interface VersionBody {
  readonly id: string;
  readonly plan: string;
  /** Keys of the plan's findings (code and objects), to count what the next version changes. */
  readonly findingKeys: readonly string[];
}

interface LibrarySchema extends DBSchema {
  plans: { key: string; value: PlanMeta; indexes: { byUpdated: number } };
  planBodies: { key: string; value: PlanBody };
  versions: { key: string; value: VersionMeta; indexes: { byPlan: [string, number] } };
  versionBodies: { key: string; value: VersionBody };
  /** Small settings: which plan is open, whether localStorage's autosave was moved here. */
  meta: { key: string; value: unknown };
}

type StoreName = 'plans' | 'planBodies' | 'versions' | 'versionBodies' | 'meta';

export class LibraryError extends Error {
  constructor(
    readonly kind: 'quota' | 'unavailable' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'LibraryError';
  }
}

function isQuota(e: unknown): boolean {
  const err = e as { name?: unknown; code?: unknown; inner?: { name?: unknown } } | null;
  return (
    !!err &&
    (err.name === 'QuotaExceededError' ||
      err.code === 22 ||
      err.inner?.name === 'QuotaExceededError')
  );
}

function asLibraryError(e: unknown): LibraryError {
  if (e instanceof LibraryError) return e;
  if (isQuota(e)) return new LibraryError('quota', 'the browser storage is full');
  return new LibraryError('failed', `the browser storage failed: ${(e as Error)?.message ?? e}`);
}

/** What a deleted plan was, to put it back when the delete is undone. */
export interface DeletedPlan {
  readonly meta: PlanMeta;
  readonly body: PlanBody | undefined;
  readonly versions: readonly VersionMeta[];
  readonly versionBodies: readonly VersionBody[];
}

export function newId(prefix: string): string {
  const rnd =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `${prefix}-${rnd}`;
}

export class Library {
  /**
   * Called before every write with the stores it writes; a test makes it throw (a
   * QuotaExceededError) to see storage run out without filling a disk.
   */
  beforeWrite: ((stores: readonly StoreName[]) => void) | null = null;

  private constructor(private readonly db: IDBPDatabase<LibrarySchema>) {}

  /** Opens (creating or upgrading) the library; fails with kind 'unavailable' in private modes without IndexedDB. */
  static async open(name = LIBRARY_DB): Promise<Library> {
    if (typeof indexedDB === 'undefined' || !indexedDB)
      throw new LibraryError('unavailable', 'this browser has no IndexedDB');
    let opened: IDBPDatabase<LibrarySchema> | undefined;
    try {
      opened = await openDB<LibrarySchema>(name, LIBRARY_SCHEMA_VERSION, {
        upgrade(db, oldVersion) {
          if (oldVersion < 1) {
            db.createObjectStore('plans', { keyPath: 'id' }).createIndex('byUpdated', 'updatedAt');
            db.createObjectStore('planBodies', { keyPath: 'id' });
            db.createObjectStore('versions', { keyPath: 'id' }).createIndex('byPlan', [
              'planId',
              'createdAt',
            ]);
            db.createObjectStore('versionBodies', { keyPath: 'id' });
            db.createObjectStore('meta');
          }
        },
        blocking() {
          // A newer tab wants to upgrade the schema: let it, this tab reopens on reload.
          opened?.close();
        },
      });
      return new Library(opened);
    } catch (e) {
      if (e instanceof LibraryError) throw e;
      throw new LibraryError('unavailable', `IndexedDB cannot be opened: ${(e as Error).message}`);
    }
  }

  close(): void {
    this.db.close();
  }

  private async write<T>(
    stores: StoreName[],
    fn: (tx: ReturnType<Library['txFor']>) => Promise<T>,
  ): Promise<T> {
    let tx: ReturnType<Library['txFor']> | undefined;
    try {
      this.beforeWrite?.(stores);
      tx = this.txFor(stores);
      const out = await fn(tx);
      await tx.done;
      return out;
    } catch (e) {
      // A request that failed does not by itself undo the others: all or nothing.
      tx?.done.catch(() => undefined);
      try {
        tx?.abort();
      } catch {
        // Already finished or aborted.
      }
      throw asLibraryError(e);
    }
  }

  private txFor(stores: StoreName[]) {
    return this.db.transaction(stores, 'readwrite');
  }

  /** Every plan's name and time, most recently changed first. */
  async listPlans(): Promise<PlanMeta[]> {
    const all = await this.db.getAllFromIndex('plans', 'byUpdated');
    return all.reverse();
  }

  getPlanMeta(id: string): Promise<PlanMeta | undefined> {
    return this.db.get('plans', id);
  }

  async loadPlan(id: string): Promise<{ meta: PlanMeta; body: PlanBody } | undefined> {
    const tx = this.db.transaction(['plans', 'planBodies']);
    const [meta, body] = await Promise.all([
      tx.objectStore('plans').get(id),
      tx.objectStore('planBodies').get(id),
    ]);
    return meta && body ? { meta, body } : undefined;
  }

  /** Writes a plan (new or not) and its body in one transaction: both or neither. */
  savePlan(meta: PlanMeta, body: Omit<PlanBody, 'id'>): Promise<void> {
    return this.write(['plans', 'planBodies'], async (tx) => {
      await tx.objectStore('plans').put(meta);
      await tx.objectStore('planBodies').put({ ...body, id: meta.id });
    });
  }

  async renamePlan(id: string, name: string): Promise<PlanMeta> {
    return this.write(['plans', 'planBodies'], async (tx) => {
      const meta = await tx.objectStore('plans').get(id);
      const body = await tx.objectStore('planBodies').get(id);
      if (!meta || !body) throw new LibraryError('failed', 'that plan is no longer in the library');
      const renamed = { ...meta, name, updatedAt: Date.now() };
      await tx.objectStore('plans').put(renamed);
      await tx.objectStore('planBodies').put({ ...body, plan: withName(body.plan, name) });
      return renamed;
    });
  }

  /**
   * A copy of the plan under a new name, with a copy of each of its versions (new ids, same names
   * and times), all in one transaction: a copy without its history, or half of it, is never left.
   */
  async duplicatePlan(id: string, name: string): Promise<PlanMeta> {
    return this.write(['plans', 'planBodies', 'versions', 'versionBodies'], async (tx) => {
      const found = await tx.objectStore('plans').get(id);
      const body = await tx.objectStore('planBodies').get(id);
      if (!found || !body)
        throw new LibraryError('failed', 'that plan is no longer in the library');
      const meta: PlanMeta = { ...found, id: newId('plan'), name, updatedAt: Date.now() };
      await tx.objectStore('plans').put(meta);
      await tx
        .objectStore('planBodies')
        .put({ ...body, id: meta.id, plan: withName(body.plan, name) });
      const range = IDBKeyRange.bound([id, -Infinity], [id, Infinity]);
      const versions = await tx.objectStore('versions').index('byPlan').getAll(range);
      for (const v of versions) {
        const vb = await tx.objectStore('versionBodies').get(v.id);
        if (!vb) continue;
        const copyId = newId('version');
        await tx.objectStore('versions').put({ ...v, id: copyId, planId: meta.id });
        await tx.objectStore('versionBodies').put({ ...vb, id: copyId });
      }
      return meta;
    });
  }

  /** Deletes a plan and its versions; returns them, for undo. */
  async deletePlan(id: string): Promise<DeletedPlan> {
    return this.write(['plans', 'planBodies', 'versions', 'versionBodies'], async (tx) => {
      const meta = await tx.objectStore('plans').get(id);
      if (!meta) throw new LibraryError('failed', 'that plan is no longer in the library');
      const body = await tx.objectStore('planBodies').get(id);
      const range = IDBKeyRange.bound([id, -Infinity], [id, Infinity]);
      const versions = await tx.objectStore('versions').index('byPlan').getAll(range);
      const versionBodies: VersionBody[] = [];
      for (const v of versions) {
        const vb = await tx.objectStore('versionBodies').get(v.id);
        if (vb) versionBodies.push(vb);
        await tx.objectStore('versions').delete(v.id);
        await tx.objectStore('versionBodies').delete(v.id);
      }
      await tx.objectStore('plans').delete(id);
      await tx.objectStore('planBodies').delete(id);
      return { meta, body, versions, versionBodies };
    });
  }

  restoreDeleted(d: DeletedPlan): Promise<void> {
    return this.write(['plans', 'planBodies', 'versions', 'versionBodies'], async (tx) => {
      await tx.objectStore('plans').put(d.meta);
      if (d.body) await tx.objectStore('planBodies').put(d.body);
      for (const v of d.versions) await tx.objectStore('versions').put(v);
      for (const b of d.versionBodies) await tx.objectStore('versionBodies').put(b);
    });
  }

  /** A plan's versions, newest first. */
  async listVersions(planId: string): Promise<VersionMeta[]> {
    const range = IDBKeyRange.bound([planId, -Infinity], [planId, Infinity]);
    const all = await this.db.getAllFromIndex('versions', 'byPlan', range);
    return all.reverse();
  }

  async loadVersion(id: string): Promise<{ meta: VersionMeta; body: VersionBody } | undefined> {
    const tx = this.db.transaction(['versions', 'versionBodies']);
    const [meta, body] = await Promise.all([
      tx.objectStore('versions').get(id),
      tx.objectStore('versionBodies').get(id),
    ]);
    return meta && body ? { meta, body } : undefined;
  }

  addVersion(meta: VersionMeta, body: Omit<VersionBody, 'id'>): Promise<void> {
    return this.write(['versions', 'versionBodies'], async (tx) => {
      await tx.objectStore('versions').put(meta);
      await tx.objectStore('versionBodies').put({ ...body, id: meta.id });
    });
  }

  getSetting<T>(key: string): Promise<T | undefined> {
    return this.db.get('meta', key) as Promise<T | undefined>;
  }

  setSetting(key: string, value: unknown): Promise<void> {
    return this.write(['meta'], async (tx) => {
      await tx.objectStore('meta').put(value, key);
    });
  }
}

/** The plan JSON with its name set; text that does not parse is left as it is. */
function withName(json: string, name: string): string {
  try {
    const doc = JSON.parse(json) as Record<string, unknown>;
    return JSON.stringify({ ...doc, name });
  } catch {
    return json;
  }
}
