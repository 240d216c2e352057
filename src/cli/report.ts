// What `validate` prints: the JSON of docs/spec/plan-format.md, or a table for people.
import type { Analysis } from '../domain/analyze';
import type { Severity } from '../domain/rules/codes';

export function reportJson(a: Analysis): string {
  return `${JSON.stringify({ findings: a.findings, paths: a.paths, capacity: a.capacity }, null, 2)}\n`;
}

const COLORS = { red: 31, yellow: 33, blue: 34, green: 32, dim: 2, bold: 1, cyan: 36 } as const;
type Color = keyof typeof COLORS;

export function reportText(a: Analysis, file: string, color: boolean): string {
  const paint = (c: Color, s: string) => (color ? `\u001b[${COLORS[c]}m${s}\u001b[0m` : s);
  const sevColor: Record<Severity, Color> = { error: 'red', warning: 'yellow', info: 'blue' };
  const lines: string[] = [];
  const count = (s: Severity) => a.findings.filter((f) => f.severity === s).length;
  lines.push(
    `${paint('bold', file)}: ${paint('red', `${count('error')} errors`)}, ${paint('yellow', `${count('warning')} warnings`)}, ` +
      `${paint('blue', `${count('info')} info`)}`,
  );
  for (const sev of ['error', 'warning', 'info'] as const) {
    const list = a.findings.filter((f) => f.severity === sev);
    if (list.length === 0) continue;
    lines.push('', paint('bold', `${sev.toUpperCase()}S (${list.length})`));
    for (const f of list) {
      lines.push(`  ${paint(sevColor[sev], f.code)} ${paint('dim', `[${f.objects.join(', ')}]`)}`);
      lines.push(`    ${f.message}`);
      if (f.suggestion)
        lines.push(
          `    ${paint('green', `fix: set ${f.suggestion.object}.${f.suggestion.field} to ${f.suggestion.value}`)}`,
        );
    }
  }
  if (a.paths.length > 0) {
    lines.push('', paint('bold', `PATHS (${a.paths.length})`));
    const width = Math.min(40, Math.max(...a.paths.map((p) => `${p.from} → ${p.to}`.length)));
    for (const p of a.paths) {
      const verdict =
        p.verdict === 'direct'
          ? paint('green', 'direct     ')
          : p.verdict === 'snat'
            ? paint('cyan', 'snat       ')
            : paint('red', 'unreachable');
      lines.push(
        `  ${`${p.from} → ${p.to}`.padEnd(width)}  ${verdict}  ${p.reason ? paint('red', p.reason) + ' ' : ''}${paint('dim', p.hops.join(' › '))}`,
      );
      lines.push(`    ${p.message}`);
    }
  }
  if (a.capacity.length > 0) {
    lines.push('', paint('bold', 'CAPACITY'));
    const head = [
      'cluster',
      'pods/node',
      'node block',
      'max nodes',
      'service CIDR',
      'services',
      'free node IPs',
      'free pod IPs',
    ];
    const rows = a.capacity.map((c) => [
      c.cluster,
      String(c.podsPerNode ?? '-'),
      c.perNodeCidrPrefix === null ? '-' : `/${c.perNodeCidrPrefix}`,
      String(c.maxNodes ?? '-'),
      c.serviceCidr ?? '-',
      String(c.usableServices ?? '-'),
      String(c.nodeSubnetFreeIps),
      c.podSubnetFreeIps === undefined ? '-' : String(c.podSubnetFreeIps),
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    lines.push(`  ${paint('dim', head.map((h, i) => h.padEnd(widths[i]!)).join('  '))}`);
    for (const r of rows) lines.push(`  ${r.map((x, i) => x.padEnd(widths[i]!)).join('  ')}`);
  }
  return `${lines.join('\n')}\n`;
}
