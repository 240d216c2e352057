// What `validate --format markdown` prints: a summary fit for a pull-request comment. Findings in
// full; of the paths, the counts and those that do not keep the pod IP; capacity folded away.
import type { Analysis } from '../domain/analyze';
import type { Finding, Severity } from '../domain/rules/codes';

const MARK: Readonly<Record<Severity, string>> = { error: '❌', warning: '⚠️', info: 'ℹ️' };

/** Text for a table cell: no line breaks, no column breaks, no accidental HTML. */
export function cell(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

export function findingRow(f: Finding): string[] {
  const fix = f.suggestion
    ? ` Fix: set ${code(`${f.suggestion.object}.${f.suggestion.field}`)} to ${code(f.suggestion.value)}.`
    : '';
  return [
    `${MARK[f.severity]} ${f.severity}`,
    code(f.code),
    f.objects.map(code).join(', '),
    cell(f.message) + fix,
  ];
}

export function countBySeverity(findings: readonly Finding[]): string {
  const n = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  return `${plural(n('error'), 'error')}, ${plural(n('warning'), 'warning')}, ${n('info')} info`;
}

export function reportMarkdown(a: Analysis, file: string): string {
  const errors = a.findings.some((f) => f.severity === 'error');
  const out: string[] = [
    `### ${errors ? '❌' : '✅'} ${code(file)}: ${countBySeverity(a.findings)}`,
    '',
  ];
  if (a.findings.length > 0)
    out.push(table(['severity', 'rule', 'objects', 'finding'], a.findings.map(findingRow)), '');

  if (a.paths.length > 0) {
    const n = (v: string) => a.paths.filter((p) => p.verdict === v).length;
    out.push(
      `**Paths**: ${n('direct')} direct, ${n('snat')} through SNAT, ${n('unreachable')} unreachable`,
      '',
    );
    const notDirect = a.paths.filter((p) => p.verdict !== 'direct');
    if (notDirect.length > 0)
      out.push(
        table(
          ['from', 'to', 'verdict', 'why'],
          notDirect.map((p) => [
            code(p.from),
            code(p.to),
            p.verdict === 'unreachable' ? `❌ unreachable (${code(p.reason ?? '?')})` : p.verdict,
            cell(p.message),
          ]),
        ),
        '',
      );
  }

  if (a.capacity.length > 0) {
    const v = (x: number | null | undefined) => (x === null || x === undefined ? '–' : String(x));
    out.push(
      '<details><summary>Capacity</summary>',
      '',
      table(
        ['cluster', 'pods/node', 'max nodes', 'service CIDR', 'services', 'free node IPs'],
        a.capacity.map((c) => [
          code(c.cluster),
          v(c.podsPerNode),
          v(c.maxNodes),
          c.serviceCidr ? code(c.serviceCidr) : '–',
          v(c.usableServices),
          v(c.nodeSubnetFreeIps),
        ]),
      ),
      '',
      '</details>',
      '',
    );
  }
  return `${out.join('\n')}`;
}
