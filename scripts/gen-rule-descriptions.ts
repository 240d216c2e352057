// `npm run gen:rules`: rewrites src/cli/rule-descriptions.ts from docs/spec/rules.md, so that the
// built command line tool carries the rules' descriptions without reading the spec at run time.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseRulesMarkdown } from '../src/cli/rules-md';

const spec = new URL('../docs/spec/rules.md', import.meta.url);
const target = new URL('../src/cli/rule-descriptions.ts', import.meta.url);
const rules = parseRulesMarkdown(readFileSync(spec, 'utf8'));
const body = JSON.stringify(rules, null, 2);
writeFileSync(
  target,
  `// Generated from docs/spec/rules.md by \`npm run gen:rules\`; rule-descriptions.test.ts checks it is current.
import type { RuleDescription } from './rules-md';

export const RULE_DESCRIPTIONS: Readonly<Record<string, RuleDescription>> = ${body};
`,
);
process.stderr.write(
  `${Object.keys(rules).length} rules written to src/cli/rule-descriptions.ts\n`,
);
