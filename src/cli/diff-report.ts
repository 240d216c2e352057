// What `diff` prints: the JSON of docs/spec/cli.md, a table for a terminal, or Markdown for a
// pull-request comment. Kept apart from the command so that other outputs (SARIF) can reuse it.
import type { PlanDiff } from '../domain/diff/diff';
import type { Finding } from '../domain/rules/codes';

export function diffJson(d: PlanDiff): string {
  return `${JSON.stringify(d, null, 2)}\n`;
}

/** A field's value as a person reads it; null is a field the object does not have. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined) return '(none)';
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string'))
    return v.length === 0 ? '[]' : v.join(', ');
  return JSON.stringify(v);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const verdictText = (v: string | null) => v ?? '(none)';

export function headline(d: PlanDiff): string {
  const s = d.summary;
  const objects = `${s.added} added, ${s.removed} removed, ${s.changed} changed`;
  return `${objects}; ${plural(s.errorsIntroduced, 'error')} introduced, ${plural(d.findings.resolved.length, 'finding')} resolved; ${plural(s.pathsWorse, 'path')} worse`;
}

// ---------------------------------------------------------------- Markdown

/** A table cell: pipes and line breaks would end the row. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

const code = (text: string) => (text === '' ? '' : `\`${text.replace(/`/g, "'")}\``);

/** Rows beyond this are counted, not listed: a comment has to stay readable (and under GitHub's size limit). */
export const MARKDOWN_ROWS = 50;

function mdTable(head: string[], rows: string[][]): string[] {
  const out = [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`];
  for (const r of rows.slice(0, MARKDOWN_ROWS)) out.push(`| ${r.join(' | ')} |`);
  if (rows.length > MARKDOWN_ROWS) out.push('', `…and ${rows.length - MARKDOWN_ROWS} more.`);
  return out;
}

const SEVERITY_MARK = { error: '🔴 error', warning: '🟡 warning', info: '🔵 info' } as const;

function findingRows(list: readonly Finding[]): string[][] {
  return list.map((f) => [
    SEVERITY_MARK[f.severity],
    code(f.code),
    cell(f.objects.join(', ')),
    cell(f.message),
  ]);
}

export function diffMarkdown(d: PlanDiff, before: string, after: string): string {
  const s = d.summary;
  const fails = s.errorsIntroduced > 0 || s.pathsWorse > 0;
  const out: string[] = [];
  out.push(`### CIDR Canvas: ${cell(before)} → ${cell(after)}`, '');
  out.push(
    fails
      ? `❌ **This change introduces ${plural(s.errorsIntroduced, 'error')} and makes ${plural(s.pathsWorse, 'path')} worse.**`
      : '✅ **No error introduced, no path made worse.**',
    '',
  );
  out.push(
    `- **Objects:** ${s.added} added, ${s.removed} removed, ${s.changed} changed`,
    `- **Findings:** ${d.findings.introduced.length} introduced (${plural(s.errorsIntroduced, 'error')}), ${d.findings.resolved.length} resolved`,
    `- **Paths:** ${d.paths.changed.length} changed, ${s.pathsWorse} worse`,
    `- **Capacity:** ${plural(d.capacity.changed.length, 'change')}`,
  );
  const worse = d.paths.changed.filter((p) => p.worse);
  if (d.findings.introduced.length > 0) {
    out.push('', `#### Findings introduced (${d.findings.introduced.length})`, '');
    out.push(
      ...mdTable(['severity', 'code', 'objects', 'message'], findingRows(d.findings.introduced)),
    );
  }
  if (d.paths.changed.length > 0) {
    out.push('', `#### Paths changed (${d.paths.changed.length}, ${worse.length} worse)`, '');
    const ordered = [...worse, ...d.paths.changed.filter((p) => !p.worse)];
    out.push(
      ...mdTable(
        ['', 'from', 'to', 'before', 'after', 'reason'],
        ordered.map((p) => [
          p.worse
            ? '⬇️ worse'
            : p.after === null
              ? 'gone'
              : p.before === null
                ? 'new'
                : '⬆️ better',
          code(p.from),
          code(p.to),
          verdictText(p.before),
          verdictText(p.after),
          p.reasonAfter ? code(p.reasonAfter) : '',
        ]),
      ),
    );
  }
  if (d.findings.resolved.length > 0) {
    out.push('', `#### Findings resolved (${d.findings.resolved.length})`, '');
    out.push(
      ...mdTable(['severity', 'code', 'objects', 'message'], findingRows(d.findings.resolved)),
    );
  }
  const o = d.objects;
  if (o.added.length + o.removed.length + o.changed.length > 0) {
    out.push(
      '',
      `#### Objects (${o.added.length} added, ${o.removed.length} removed, ${o.changed.length} changed)`,
      '',
    );
    const rows: string[][] = [
      ...o.added.map((x) => ['added', x.kind, code(x.id), '', '', '']),
      ...o.removed.map((x) => ['removed', x.kind, code(x.id), '', '', '']),
      ...o.changed.flatMap((x) =>
        x.fields.map((f) => [
          'changed',
          x.kind,
          code(x.id),
          code(f.field),
          cell(showValue(f.before)),
          cell(showValue(f.after)),
        ]),
      ),
    ];
    out.push(...mdTable(['', 'kind', 'id', 'field', 'before', 'after'], rows));
  }
  if (d.capacity.changed.length > 0) {
    out.push('', `#### Capacity (${plural(d.capacity.changed.length, 'change')})`, '');
    out.push(
      ...mdTable(
        ['cluster', 'figure', 'before', 'after'],
        d.capacity.changed.map((c) => [
          code(c.cluster),
          c.field,
          cell(showValue(c.before)),
          cell(showValue(c.after)),
        ]),
      ),
    );
  }
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------- text

const COLORS = { red: 31, yellow: 33, blue: 34, green: 32, dim: 2, bold: 1, cyan: 36 } as const;
type Color = keyof typeof COLORS;

function columns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) =>
    r.map((x, i) => (i === r.length - 1 ? x : x.padEnd(widths[i]!))).join('  '),
  );
}

export function diffText(d: PlanDiff, before: string, after: string, color: boolean): string {
  const paint = (c: Color, s: string) => (color ? `\u001b[${COLORS[c]}m${s}\u001b[0m` : s);
  const s = d.summary;
  const fails = s.errorsIntroduced > 0 || s.pathsWorse > 0;
  const lines: string[] = [];
  lines.push(`${paint('bold', `${before} → ${after}`)}: ${headline(d)}`);
  lines.push(
    fails
      ? paint(
          'red',
          `FAIL: ${plural(s.errorsIntroduced, 'error')} introduced, ${plural(s.pathsWorse, 'path')} worse`,
        )
      : paint('green', 'OK: no error introduced, no path worse'),
  );
  const o = d.objects;
  if (o.added.length + o.removed.length + o.changed.length > 0) {
    lines.push('', paint('bold', 'OBJECTS'));
    const rows: string[][] = [
      ...o.added.map((x) => ['+', x.kind, x.id, '']),
      ...o.removed.map((x) => ['-', x.kind, x.id, '']),
      ...o.changed.flatMap((x) =>
        x.fields.map((f) => [
          '~',
          x.kind,
          x.id,
          `${f.field}: ${showValue(f.before)} → ${showValue(f.after)}`,
        ]),
      ),
    ];
    for (const line of columns(rows)) {
      const mark = line[0] === '+' ? 'green' : line[0] === '-' ? 'red' : 'yellow';
      lines.push(`  ${paint(mark, line)}`);
    }
  }
  const findings = (title: string, list: readonly Finding[], mark: string) => {
    if (list.length === 0) return;
    lines.push('', paint('bold', `${title} (${list.length})`));
    const sev = { error: 'red', warning: 'yellow', info: 'blue' } as const;
    for (const f of list) {
      lines.push(
        `  ${mark} ${paint(sev[f.severity], `${f.severity} ${f.code}`)} ${paint('dim', `[${f.objects.join(', ')}]`)}`,
      );
      lines.push(`      ${f.message}`);
    }
  };
  findings('FINDINGS INTRODUCED', d.findings.introduced, '+');
  findings('FINDINGS RESOLVED', d.findings.resolved, '-');
  if (d.paths.changed.length > 0) {
    lines.push('', paint('bold', `PATHS CHANGED (${d.paths.changed.length})`));
    const rows = d.paths.changed.map((p) => [
      p.worse ? 'worse' : p.after === null ? 'gone' : p.before === null ? 'new' : 'better',
      `${p.from} → ${p.to}`,
      `${verdictText(p.before)} → ${verdictText(p.after)}`,
      p.reasonAfter ?? '',
    ]);
    columns(rows).forEach((line, i) =>
      lines.push(`  ${d.paths.changed[i]!.worse ? paint('red', line) : line}`),
    );
  }
  if (d.capacity.changed.length > 0) {
    lines.push('', paint('bold', `CAPACITY (${d.capacity.changed.length})`));
    const rows = d.capacity.changed.map((c) => [
      c.cluster,
      c.field,
      `${showValue(c.before)} → ${showValue(c.after)}`,
    ]);
    for (const line of columns(rows)) lines.push(`  ${line}`);
  }
  return `${lines.join('\n')}\n`;
}
