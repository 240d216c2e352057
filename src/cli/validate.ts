// `cidr-canvas validate [options] PLAN.json...`: exit 0 without error findings, 1 with some, 2 when
// a file cannot be read as a plan (standard error then says where and why).
import { analyzePlan, type Analysis } from '../domain/analyze';
import { oneOf, parseOptions, UsageError, wantsColor } from './args';
import { displayName, readPlanFile } from './read-plan';
import { reportJson, reportText } from './report';
import { reportMarkdown } from './report-markdown';
import { toSarif, type SarifFailure, type SarifPlan } from './sarif';

export const USAGE = `Usage: cidr-canvas validate [options] PLAN.json...

Checks CIDR Canvas plans against the rules of Tencent Cloud TKE and prints the findings, the
communication paths and each cluster's capacity. A file - is read from standard input.

Options:
  -f, --format FORMAT    json (default), text (a table for a terminal), markdown (for a pull
                         request comment) or sarif (SARIF 2.1.0 for code-scanning tools)
      --color            colour the text even when not on a terminal
      --no-color         never colour it (NO_COLOR in the environment does the same)
  -h, --help             this help

With several plans, json prints a list of { file, findings, paths, capacity }, and sarif one
run with every plan as an artifact.
Exit status: 0 no error finding, 1 at least one error finding, 2 a file is not a readable plan.`;

const FORMATS = ['json', 'text', 'markdown', 'sarif'] as const;

interface Checked {
  readonly file: string;
  readonly text: string;
  readonly plan: SarifPlan['plan'];
  readonly analysis: Analysis;
}

export function main(argv: readonly string[]): number {
  const { values, positionals: files } = parseOptions(argv, {
    format: { type: 'string', short: 'f' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const format = oneOf('format', values.format, FORMATS, 'json');
  if (files.length === 0) throw new UsageError('no plan file given');
  if (files.filter((f) => f === '-').length > 1)
    throw new UsageError('standard input (-) can be read once');

  const checked: Checked[] = [];
  const failures: SarifFailure[] = [];
  for (const file of files) {
    const read = readPlanFile(file);
    if (!read.ok) {
      process.stderr.write(`${read.message}\n`);
      failures.push({ file, message: read.message });
      continue;
    }
    checked.push({ file, text: read.text, plan: read.plan, analysis: analyzePlan(read.plan) });
  }

  const color = wantsColor(values['no-color'] ? false : values.color, process.stdout);
  const single = files.length === 1;
  let out: string;
  if (format === 'sarif')
    out = `${JSON.stringify(
      toSarif(
        checked.map((c) => ({ ...c, findings: c.analysis.findings })),
        failures,
      ),
      null,
      2,
    )}\n`;
  else if (checked.length === 0) out = '';
  else if (format === 'json')
    out = single
      ? reportJson(checked[0]!.analysis)
      : `${JSON.stringify(
          checked.map((c) => ({ file: displayName(c.file), ...pick(c.analysis) })),
          null,
          2,
        )}\n`;
  else if (format === 'text')
    out = checked.map((c) => reportText(c.analysis, displayName(c.file), color)).join('\n');
  else out = checked.map((c) => reportMarkdown(c.analysis, displayName(c.file))).join('\n');
  process.stdout.write(out);

  if (failures.length > 0) return 2;
  return checked.some((c) => c.analysis.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

const pick = (a: Analysis) => ({ findings: a.findings, paths: a.paths, capacity: a.capacity });
