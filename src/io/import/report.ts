// The import report as people read it: what came in, by kind, and what was skipped and why.
import type { ObjectKind } from '../../domain/model/plan';
import type { ImportReport } from './types';

const KIND_WORDS: Readonly<Record<ObjectKind, [string, string]>> = {
  vpc: ['VPC', 'VPCs'],
  subnet: ['subnet', 'subnets'],
  cluster: ['cluster', 'clusters'],
  resource: ['resource', 'resources'],
  natGateway: ['NAT gateway', 'NAT gateways'],
  peering: ['peering', 'peerings'],
  ccn: ['CCN', 'CCNs'],
  idc: ['IDC', 'IDCs'],
  routeTable: ['route table', 'route tables'],
};

export function importedSummary(report: ImportReport): string {
  const parts = Object.entries(report.counts).map(([k, n]) => {
    const [one, many] = KIND_WORDS[k as ObjectKind];
    return `${n} ${n === 1 ? one : many}`;
  });
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
