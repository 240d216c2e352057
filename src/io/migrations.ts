// Plans written by older versions of CIDR Canvas are brought up to the current version one step
// at a time. Version 1 is the first, so the registry is empty; the mechanism is tested with a
// registry of its own (migrations.test.ts) so that version 2 only has to add a step here.
import { PLAN_VERSION } from '../domain/model/plan';

export type Json = Record<string, unknown>;

export interface Migration {
  /** The version this step reads; it writes `from + 1`. */
  readonly from: number;
  /** A verb for what changes, as `AddIpv6` or `RenameNodeSubnets`. */
  readonly name: string;
  readonly up: (doc: Json) => Json;
}

export const MIGRATIONS: readonly Migration[] = [];

export type MigrationResult =
  | { readonly ok: true; readonly doc: Json; readonly applied: readonly string[] }
  | { readonly ok: false; readonly message: string };

/** Applies each step from `version` up to `latest`; a missing or throwing step is an error. */
export function migrate(
  doc: Json,
  version: number,
  registry: readonly Migration[] = MIGRATIONS,
  latest: number = PLAN_VERSION,
): MigrationResult {
  let current = doc;
  const applied: string[] = [];
  for (let at = version; at < latest; at++) {
    const step = registry.find((m) => m.from === at);
    if (!step) return { ok: false, message: `no migration from version ${at} to ${at + 1}` };
    try {
      current = { ...step.up(current), version: at + 1 };
    } catch (e) {
      return {
        ok: false,
        message: `migration ${step.name} (version ${at} to ${at + 1}) failed: ${e instanceof Error ? e.message : String(e)}`,
      };
    }
    applied.push(step.name);
  }
  return { ok: true, doc: current, applied };
}
