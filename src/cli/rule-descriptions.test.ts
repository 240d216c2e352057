import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_DESCRIPTIONS } from './rule-descriptions';
import { parseRulesMarkdown } from './rules-md';

describe('rule descriptions', () => {
  it('are those of docs/spec/rules.md (run `npm run gen:rules` when the spec changes)', () => {
    const spec = parseRulesMarkdown(readFileSync('docs/spec/rules.md', 'utf8'));
    expect(RULE_DESCRIPTIONS).toEqual(spec);
  });

  it('read every rule row of the spec, and no path reason', () => {
    const rows = readFileSync('docs/spec/rules.md', 'utf8')
      .split('\n')
      .filter((l) => /^\| `[A-Z_0-9]+` \| (error|warning|info)/.test(l));
    expect(Object.keys(RULE_DESCRIPTIONS)).toHaveLength(rows.length);
    expect(RULE_DESCRIPTIONS.NO_ROUTE).toBeUndefined();
    expect(RULE_DESCRIPTIONS.ROUTE_INSIDE_CLUSTER_CIDR).toMatchObject({
      severity: 'error',
      severityNote: 'error (warning when the cluster has ignoreRouteConflict)',
      objects: 'route table, cluster',
    });
  });

  it('keep a | inside backticks within its cell', () => {
    const md = '| `A_RULE` | warning | when `a|b` is set | x, y |\n| `NO` | a reason only |';
    expect(parseRulesMarkdown(md)).toEqual({
      A_RULE: {
        severity: 'warning',
        severityNote: 'warning',
        when: 'when `a|b` is set',
        objects: 'x, y',
      },
    });
  });
});
