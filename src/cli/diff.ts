// `cidr-canvas diff OLD.json NEW.json [--format json|text|markdown]`: what a change does, for
// review. Exit 0 when it introduces no error finding and makes no path worse, 1 when it does, 2
// when either file cannot be read (standard error then says which, where and why).
import { diffFails, diffPlans } from '../domain/diff/diff';
import { diffJson, diffMarkdown, diffText } from './diff-report';
import { oneOf, parseOptions, UsageError, wantsColor } from './args';
import { readPlanFile } from './read-plan';
import { toSarif } from './sarif';

export const USAGE = `Usage: cidr-canvas diff OLD.json NEW.json [--format json|text|markdown|sarif] [--color|--no-color]

Compares two CIDR Canvas plans: the objects added, removed and changed (matched by id, layout
ignored), the findings introduced and resolved, the paths whose verdict changed and the capacity
that moved. --format markdown writes a summary fit for a pull-request comment; sarif the findings
introduced and the paths made worse as SARIF 2.1.0 results in NEW.json, for code scanning.
Exit status: 0 no error introduced and no path worse, 1 otherwise, 2 a file is not a readable plan.`;

const FORMATS = ['json', 'text', 'markdown', 'sarif'] as const;

export function main(argv: readonly string[]): number {
  const { values, positionals: files } = parseOptions(argv, {
    format: { type: 'string' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const format = oneOf('format', values.format, FORMATS, 'json');
  if (files.length !== 2)
    throw new UsageError(`two plan files, the old and the new (got ${files.length})`);
  const [beforeFile, afterFile] = files as [string, string];
  const before = readPlanFile(beforeFile);
  const after = readPlanFile(afterFile);
  const problems = [before, after].flatMap((r) => (r.ok ? [] : [r.message]));
  if (!before.ok || !after.ok) {
    process.stderr.write(`${problems.join('\n')}\n`);
    return 2;
  }
  const d = diffPlans(before.plan, after.plan);
  const color = wantsColor(values['no-color'] ? false : values.color, process.stdout);
  process.stdout.write(
    format === 'sarif'
      ? `${JSON.stringify(toSarif([{ file: afterFile, text: after.text, plan: after.plan, findings: d.findings.introduced, worsePaths: d.paths.changed.filter((p) => p.worse) }]), null, 2)}\n`
      : format === 'markdown'
        ? diffMarkdown(d, beforeFile, afterFile)
        : format === 'text'
          ? diffText(d, beforeFile, afterFile, color)
          : diffJson(d),
  );
  return diffFails(d) ? 1 : 0;
}
