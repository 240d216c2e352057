// The import report as people read it: what came in, by kind, and what was skipped and why.
import { countOf } from '../../domain/model/kinds';
import type { ObjectKind } from '../../domain/model/plan';
import type { ImportReport } from './types';

export function importedSummary(report: ImportReport): string {
  const parts = Object.entries(report.counts).map(([k, n]) => countOf(k as ObjectKind, n));
  return parts.join(', ');
}

export function skippedLines(report: ImportReport): string[] {
  return report.skipped.map(
    (s) =>
      `${s.count} ${s.type} ${s.count === 1 ? 'resource' : 'resources'} skipped: ${s.reason} (${s.examples.join(', ')}${s.count > s.examples.length ? ', ...' : ''})`,
  );
}

export function formatReport(report: ImportReport): string {
  const lines = [`Imported (${report.kind}): ${importedSummary(report)}.`];
  for (const l of skippedLines(report)) lines.push(l);
  for (const n of report.notes) lines.push(`Note: ${n}`);
  return `${lines.join('\n')}\n`;
}
