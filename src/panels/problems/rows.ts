// The problems list as the panel draws it: findings grouped by severity, then by code, each group
// with its count, filtered and folded, flattened into rows of one height for the windowed list.
import {
  RULES,
  type Finding,
  type RuleCode,
  type Severity,
  type Suggestion,
} from '../../domain/rules/codes';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface ProblemFilter {
  /** The severities shown. */
  readonly severities: ReadonlySet<Severity>;
  /** One code only, or every code. */
  readonly code: RuleCode | null;
  /** Part of the name or id of an object the finding names, any case. */
  readonly text: string;
}

export type ProblemRow =
  | {
      readonly kind: 'severity';
      readonly key: string;
      readonly severity: Severity;
      readonly count: number;
      readonly open: boolean;
    }
  | {
      readonly kind: 'code';
      readonly key: string;
      readonly severity: Severity;
      readonly code: RuleCode;
      readonly count: number;
      /** Indexes (into the findings) of this group's shown findings. */
      readonly findings: readonly number[];
      readonly open: boolean;
    }
  | { readonly kind: 'finding'; readonly key: string; readonly index: number };

const CODE_ORDER = new Map(Object.keys(RULES).map((c, i) => [c, i]));

/** Whether a finding passes the filter; `names` maps ids to the names people read. */
export function matches(
  f: Finding,
  filter: ProblemFilter,
  names: ReadonlyMap<string, string>,
): boolean {
  if (!filter.severities.has(f.severity)) return false;
  if (filter.code !== null && f.code !== filter.code) return false;
  const text = filter.text.trim().toLowerCase();
  if (text === '') return true;
  return f.objects.some(
    (id) => id.toLowerCase().includes(text) || names.get(id)?.toLowerCase().includes(text),
  );
}

/**
 * The rows: a severity header, its codes' headers, and under each open one its findings in
 * the order they came. Empty groups are left out; `closed` holds the keys of folded headers.
 */
export function problemRows(
  findings: readonly Finding[],
  filter: ProblemFilter,
  names: ReadonlyMap<string, string>,
  closed: ReadonlySet<string>,
): ProblemRow[] {
  const bySeverity = new Map<Severity, Map<RuleCode, number[]>>();
  findings.forEach((f, i) => {
    if (!matches(f, filter, names)) return;
    let codes = bySeverity.get(f.severity);
    if (!codes) bySeverity.set(f.severity, (codes = new Map<RuleCode, number[]>()));
    let list = codes.get(f.code);
    if (!list) codes.set(f.code, (list = []));
    list.push(i);
  });
  const rows: ProblemRow[] = [];
  for (const severity of SEVERITIES) {
    const codes = bySeverity.get(severity);
    if (!codes) continue;
    const sorted = [...codes].sort(
      ([a], [b]) => (CODE_ORDER.get(a) ?? 0) - (CODE_ORDER.get(b) ?? 0),
    );
    const sevKey = `s:${severity}`;
    const sevOpen = !closed.has(sevKey);
    let count = 0;
    for (const [, list] of sorted) count += list.length;
    rows.push({ kind: 'severity', key: sevKey, severity, count, open: sevOpen });
    if (!sevOpen) continue;
    for (const [code, list] of sorted) {
      const key = `c:${code}`;
      const open = !closed.has(key);
      rows.push({ kind: 'code', key, severity, code, count: list.length, findings: list, open });
      if (open) for (const index of list) rows.push({ kind: 'finding', key: `f:${index}`, index });
    }
  }
  return rows;
}

/** The codes present, each with its count, in catalogue order: the code filter's choices. */
export function codeCounts(findings: readonly Finding[]): [RuleCode, number][] {
  const counts = new Map<RuleCode, number>();
  for (const f of findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (CODE_ORDER.get(a) ?? 0) - (CODE_ORDER.get(b) ?? 0));
}

/**
 * A finding's message with the block it offers replaced by the one chosen for it among all the
 * findings: the rules name the first free block as if each finding were the only one.
 */
export function messageWith(f: Finding, chosen: Suggestion | undefined): string {
  const offered = f.suggestion?.value;
  if (offered === undefined || chosen === undefined || chosen.value === offered) return f.message;
  return f.message.split(offered).join(chosen.value);
}
