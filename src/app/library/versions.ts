// What a saved version changed since the one before: counts from the domain's diff of objects
// and the findings that came and went. Pure, so it is tested without a browser.
import { diffObjects } from '../../domain/diff/objects';
import { findingKey } from '../../domain/diff/finding-key';
import { emptyPlan, type Plan } from '../../domain/model/plan';
import type { Finding } from '../../domain/rules/codes';
import type { VersionSummary } from '../../store/library/library';

export interface Snapshot {
  readonly plan: Plan;
  readonly findingKeys: readonly string[];
}

/** Keys of a plan's findings, repeats kept: two identical findings need two to match. */
export function findingKeys(findings: readonly Finding[]): string[] {
  return findings.map(findingKey);
}

function missing(a: readonly string[], b: readonly string[]): number {
  const left = new Map<string, number>();
  for (const k of b) left.set(k, (left.get(k) ?? 0) + 1);
  let n = 0;
  for (const k of a) {
    const c = left.get(k) ?? 0;
    if (c > 0) left.set(k, c - 1);
    else n++;
  }
  return n;
}

/** The change from `before` (the previous version, or nothing for the first) to `plan`. */
export function summarize(
  before: Snapshot | null,
  plan: Plan,
  findings: readonly Finding[],
): VersionSummary {
  const objects = diffObjects(before?.plan ?? emptyPlan(), plan);
  const keys = findingKeys(findings);
  const old = before?.findingKeys ?? [];
  return {
    added: objects.added.length,
    removed: objects.removed.length,
    changed: objects.changed.length,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity !== 'error').length,
    findingsIntroduced: missing(keys, old),
    findingsResolved: missing(old, keys),
  };
}

/** "+3 −1 ~2 objects · 1 finding new, 2 gone": the line a version shows in the list. */
export function summaryText(s: VersionSummary): string {
  const parts: string[] = [];
  if (s.added) parts.push(`${s.added} added`);
  if (s.removed) parts.push(`${s.removed} removed`);
  if (s.changed) parts.push(`${s.changed} changed`);
  const objects = parts.length ? parts.join(', ') : 'no object changed';
  const f: string[] = [];
  if (s.findingsIntroduced) f.push(`${s.findingsIntroduced} new`);
  if (s.findingsResolved) f.push(`${s.findingsResolved} resolved`);
  const findings = `${s.errors} ${s.errors === 1 ? 'error' : 'errors'}, ${s.warnings} ${
    s.warnings === 1 ? 'warning' : 'warnings'
  }${f.length ? ` (${f.join(', ')})` : ''}`;
  return `${objects} · ${findings}`;
}
