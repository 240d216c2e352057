// The rule table rows of docs/spec/rules.md (`| CODE | severity | when | objects |`), read so that
// SARIF can describe each rule in the contract's own words. Used by the generator of
// rule-descriptions.ts and by the test that keeps that file in step with the spec.
import type { Severity } from '../domain/rules/codes';

export interface RuleDescription {
  readonly severity: Severity;
  /** The severity column as written, e.g. `error (warning when the cluster has ignoreRouteConflict)`. */
  readonly severityNote: string;
  /** When the rule fires, as Markdown. */
  readonly when: string;
  /** The ids a finding names, offending object first. */
  readonly objects: string;
}

function cells(row: string): string[] {
  // Cells split on | outside backticks: a rule's text may quote `a|b`.
  const out: string[] = [];
  let cell = '';
  let code = false;
  for (const ch of row.trim().replace(/^\|/, '').replace(/\|$/, '')) {
    if (ch === '`') code = !code;
    if (ch === '|' && !code) {
      out.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  out.push(cell.trim());
  return out;
}

export function parseRulesMarkdown(markdown: string): Record<string, RuleDescription> {
  const rules: Record<string, RuleDescription> = {};
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const row = cells(line);
    const code = /^`([A-Z0-9_]+)`$/.exec(row[0] ?? '')?.[1];
    const severity = /^(error|warning|info)\b/.exec(row[1] ?? '')?.[1] as Severity | undefined;
    if (!code || !severity || row.length !== 4) continue;
    rules[code] = { severity, severityNote: row[1]!, when: row[2]!, objects: row[3]! };
  }
  return rules;
}
