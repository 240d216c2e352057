// `cidr-canvas export --format terraform|csv|svg [--force] PLAN.json`: the plan as Terraform for
// the tencentcloud provider, its address table as CSV, or a picture of it as SVG (drawn where its
// stored layout puts each object), on standard output. Exit 0 on success, 1 when the plan has
// error findings and Terraform was asked for without --force (they go to standard error), 2 when
// the file cannot be read as a plan (standard error then says where and why), when a picture is
// asked of a plan without a layout, or when the arguments are wrong.
import { analyzePlan } from '../domain/analyze';
import { planToCsv } from '../io/export/address-table';
import { NoLayoutError, pictureFromPlan } from '../io/export/picture/from-plan';
import { renderSvg } from '../io/export/picture/svg';
import { planToTerraform } from '../io/export/terraform';
import { readPlanFile } from './read-plan';

export const USAGE = `Usage: cidr-canvas export --format terraform|csv|svg [--force] PLAN.json

Writes a CIDR Canvas plan to standard output as Terraform (HCL) for the tencentcloud provider,
as a CSV table of every address range in it, or as an SVG picture of it with its paths (the
plan needs a layout: save it from CIDR Canvas). A plan with error findings is written as
Terraform only with --force; the file then opens with a comment listing them.
Exit status: 0 written, 1 the plan has error findings (Terraform without --force; they are
listed on standard error), 2 the file is not a readable plan, has no layout to draw, or the
arguments are wrong.`;

const FORMATS = ['terraform', 'csv', 'svg'] as const;
type Format = (typeof FORMATS)[number];

interface Args {
  file?: string;
  format?: Format;
  help: boolean;
  force: boolean;
  problem?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { help: false, force: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') args.help = true;
    else if (a === '--force') args.force = true;
    else if (a === '--format' || a.startsWith('--format=')) {
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!FORMATS.includes(value as Format))
        args.problem = `--format takes terraform, csv or svg, not ${value ?? 'nothing'}`;
      else args.format = value as Format;
    } else if (a.startsWith('-') && a !== '-') args.problem = `unknown option ${a}`;
    else if (args.file === undefined) args.file = a;
    else args.problem = `one plan file at a time (got ${args.file} and ${a})`;
  }
  if (!args.problem && !args.help && args.format === undefined)
    args.problem = 'no format given (--format terraform, csv or svg)';
  return args;
}

export function main(argv: readonly string[]): number {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.problem || args.file === undefined || args.format === undefined) {
    process.stderr.write(`export: ${args.problem ?? 'no plan file given'}\n\n${USAGE}\n`);
    return 2;
  }
  const file = args.file;
  const read = readPlanFile(file);
  if (!read.ok) {
    process.stderr.write(`${read.message}\n`);
    return 2;
  }
  if (args.format === 'csv') {
    process.stdout.write(planToCsv(read.plan));
    return 0;
  }
  if (args.format === 'svg') {
    try {
      process.stdout.write(`${renderSvg(pictureFromPlan(read.plan, analyzePlan(read.plan)))}\n`);
    } catch (e) {
      if (!(e instanceof NoLayoutError)) throw e;
      process.stderr.write(`${file}: ${e.message}\n`);
      return 2;
    }
    return 0;
  }
  const errors = analyzePlan(read.plan, { kind: 'none' }).findings.filter(
    (f) => f.severity === 'error',
  );
  if (errors.length > 0 && !args.force) {
    process.stderr.write(
      `export: ${file} has ${errors.length} error finding${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'}, or export anyway with --force:\n${errors
        .map((f) => `  ${f.code} (${f.objects.join(', ')}): ${f.message}\n`)
        .join('')}`,
    );
    return 1;
  }
  process.stdout.write(planToTerraform(read.plan, { errors }));
  return 0;
}
