// What an import reads and what it gives back. An import either yields a whole plan and a report
// of what came in and what was left out, or a list of problems and no plan at all: a half-read
// network would be drawn as if it were the real one.
import type { ObjectKind, Plan } from '../../domain/model/plan';

export type ImportKind = 'terraform-state' | 'terraform' | 'tencentcloud-api';
export const IMPORT_KINDS: readonly ImportKind[] = [
  'terraform-state',
  'terraform',
  'tencentcloud-api',
];

export interface ImportFile {
  readonly name: string;
  readonly text: string;
}

/** An input resource (or group of them) that did not become part of the plan, and why. */
export interface Skipped {
  /** Resource type, or API response kind. */
  readonly type: string;
  /** Addresses or ids of what was skipped (a few; `count` has the total). */
  readonly examples: readonly string[];
  readonly count: number;
  readonly reason: string;
}

export interface ImportReport {
  readonly kind: ImportKind;
  /** Objects imported, by kind. */
  readonly counts: Partial<Record<ObjectKind, number>>;
  readonly skipped: readonly Skipped[];
  /** Things read but left out of an object (an optional field that could not be resolved). */
  readonly notes: readonly string[];
}

export interface ImportProblem {
  /** `main.tf:12`, a resource address, or a file name with a JSON path. */
  readonly where: string;
  readonly message: string;
}

export type ImportResult =
  | { readonly ok: true; readonly plan: Plan; readonly report: ImportReport }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };

/** Thrown inside a reader for input it cannot take; caught at the reader's edge. */
export class ImportError extends Error {
  constructor(
    readonly where: string,
    message: string,
  ) {
    super(message);
  }
}

export function formatProblem(p: ImportProblem): string {
  return `${p.where}: ${p.message}`;
}

/** Collects skipped input by type and reason, keeping a few examples of each. */
export class SkipList {
  private readonly groups = new Map<
    string,
    { type: string; reason: string; examples: string[]; count: number }
  >();

  add(type: string, what: string, reason: string): void {
    const key = `${type}\u0000${reason}`;
    let g = this.groups.get(key);
    if (!g) {
      g = { type, reason, examples: [], count: 0 };
      this.groups.set(key, g);
    }
    g.count++;
    if (g.examples.length < 3) g.examples.push(what);
  }

  get total(): number {
    let n = 0;
    for (const g of this.groups.values()) n += g.count;
    return n;
  }

  list(): Skipped[] {
    return [...this.groups.values()].map((g) => ({ ...g }));
  }
}
