// The workspace's only state: one SQLite file. Each plan is its Yjs updates in order; an edit is
// written (and synced to disk) before the server acknowledges it, so a server killed at any
// moment keeps every acknowledged edit. Compaction folds a plan's updates into one from time to
// time so that reading stays fast.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';

export interface PlanRow {
  readonly id: string;
  readonly name: string;
  readonly updatedAt: string;
}

/** A saved version of a plan, as the designer's Versions dialog lists it (summary as JSON text). */
export interface VersionRow {
  readonly id: string;
  readonly planId: string;
  readonly name: string;
  readonly createdAt: number;
  readonly summary: string;
}

export class PlanStorage {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'workspace.db'));
    this.db.pragma('journal_mode = WAL');
    // WAL with FULL: a committed edit survives the process being killed and the machine losing power.
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS plans (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        data BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS updates_by_plan ON updates (plan_id, seq);
      CREATE TABLE IF NOT EXISTS versions (
        id TEXT PRIMARY KEY,
        plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        summary TEXT NOT NULL,
        plan TEXT NOT NULL,
        finding_keys TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS versions_by_plan ON versions (plan_id, created_at);
    `);
    this.db.pragma('foreign_keys = ON');
    this.statements = {
      list: this.db.prepare<[], { id: string; name: string; updatedAt: string }>(
        'SELECT id, name, updated_at AS updatedAt FROM plans ORDER BY updated_at DESC, id',
      ),
      get: this.db.prepare<[string], { id: string; name: string; updatedAt: string }>(
        'SELECT id, name, updated_at AS updatedAt FROM plans WHERE id = ?',
      ),
      insertPlan: this.db.prepare<[string, string, string, string]>(
        'INSERT INTO plans (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)',
      ),
      touch: this.db.prepare<[string, string]>('UPDATE plans SET updated_at = ? WHERE id = ?'),
      rename: this.db.prepare<[string, string]>('UPDATE plans SET name = ? WHERE id = ?'),
      append: this.db.prepare<[string, Uint8Array]>(
        'INSERT INTO updates (plan_id, data) VALUES (?, ?)',
      ),
      updates: this.db.prepare<[string], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM updates WHERE plan_id = ? ORDER BY seq',
      ),
      size: this.db.prepare<[string], { bytes: number | null; count: number }>(
        'SELECT SUM(LENGTH(data)) AS bytes, COUNT(*) AS count FROM updates WHERE plan_id = ?',
      ),
      dropUpTo: this.db.prepare<[string, number]>(
        'DELETE FROM updates WHERE plan_id = ? AND seq <= ?',
      ),
      delete: this.db.prepare<[string]>('DELETE FROM plans WHERE id = ?'),
      versions: this.db.prepare<[string], VersionRow>(
        'SELECT id, plan_id AS planId, name, created_at AS createdAt, summary FROM versions WHERE plan_id = ? ORDER BY created_at DESC, id DESC',
      ),
      version: this.db.prepare<
        [string, string],
        VersionRow & { plan: string; findingKeys: string }
      >(
        'SELECT id, plan_id AS planId, name, created_at AS createdAt, summary, plan, finding_keys AS findingKeys FROM versions WHERE plan_id = ? AND id = ?',
      ),
      addVersion: this.db.prepare<[string, string, string, number, string, string, string]>(
        'INSERT INTO versions (id, plan_id, name, created_at, summary, plan, finding_keys) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
    };
  }

  list(): PlanRow[] {
    return this.statements.list.all();
  }

  get(id: string): PlanRow | undefined {
    return this.statements.get.get(id);
  }

  create(id: string, name: string, state: Uint8Array): void {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.statements.insertPlan.run(id, name, now, now);
      this.statements.append.run(id, state);
    })();
  }

  append(id: string, update: Uint8Array): void {
    this.db.transaction(() => {
      this.statements.append.run(id, update);
      this.statements.touch.run(new Date().toISOString(), id);
    })();
  }

  rename(id: string, name: string): void {
    this.statements.rename.run(name, id);
  }

  /** Every stored update of the plan, applied to `doc` in order. */
  load(id: string, doc: Y.Doc, origin: unknown): number {
    const rows = this.statements.updates.all(id);
    doc.transact(() => {
      for (const row of rows) Y.applyUpdate(doc, row.data, origin);
    }, origin);
    return rows.at(-1)?.seq ?? 0;
  }

  /** Bytes and count of the plan's stored updates. */
  size(id: string): { bytes: number; count: number } {
    const r = this.statements.size.get(id);
    return { bytes: r?.bytes ?? 0, count: r?.count ?? 0 };
  }

  /** Replaces the plan's updates up to `upTo` by one update holding all of them. */
  compact(id: string, upTo: number): void {
    this.db.transaction(() => {
      const rows = this.statements.updates.all(id).filter((r) => r.seq <= upTo);
      if (rows.length < 2) return;
      const merged = Y.mergeUpdates(rows.map((r) => r.data));
      this.statements.dropUpTo.run(id, upTo);
      this.statements.append.run(id, merged);
    })();
  }

  delete(id: string): boolean {
    return this.statements.delete.run(id).changes > 0;
  }

  listVersions(planId: string): VersionRow[] {
    return this.statements.versions.all(planId);
  }

  getVersion(planId: string, id: string) {
    return this.statements.version.get(planId, id);
  }

  addVersion(row: VersionRow & { readonly plan: string; readonly findingKeys: string }): void {
    this.statements.addVersion.run(
      row.id,
      row.planId,
      row.name,
      row.createdAt,
      row.summary,
      row.plan,
      row.findingKeys,
    );
  }

  close(): void {
    this.db.close();
  }
}
