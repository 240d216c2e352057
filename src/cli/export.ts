// `cidr-canvas export --format terraform|csv [--force] PLAN.json`: the plan as Terraform for the
// tencentcloud provider, or its address table as CSV, on standard output. Exit 0 on success, 1 when
// the plan has error findings and Terraform was asked for without --force (they go to standard
// error), 2 when the file cannot be read as a plan (standard error then says where and why) or the
// arguments are wrong.
import { analyzePlan } from '../domain/analyze';
import { planToCsv } from '../io/export/address-table';
import { planToTerraform } from '../io/export/terraform';
import { readPlanFile } from './read-plan';

export const USAGE = `Usage: cidr-canvas export --format terraform|csv [--force] PLAN.json

Writes a CIDR Canvas plan to standard output as Terraform (HCL) for the tencentcloud provider,
or as a CSV table of every address range in it. A plan with error findings is written as
Terraform only with --force; the file then opens with a comment listing them.
Exit status: 0 written, 1 the plan has error findings (Terraform without --force; they are
listed on standard error), 2 the file is not a readable plan or the arguments are wrong.`;

type Format = 'terraform' | 'csv';

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
      if (value !== 'terraform' && value !== 'csv')
        args.problem = `--format takes terraform or csv, not ${value ?? 'nothing'}`;
      else args.format = value;
    } else if (a.startsWith('-') && a !== '-') args.problem = `unknown option ${a}`;
    else if (args.file === undefined) args.file = a;
    else args.problem = `one plan file at a time (got ${args.file} and ${a})`;
  }
  if (!args.problem && !args.help && args.format === undefined)
    args.problem = 'no format given (--format terraform or --format csv)';
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
