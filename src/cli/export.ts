// `cidr-canvas export --format terraform|csv PLAN.json`: the plan as Terraform for the tencentcloud
// provider, or its address table as CSV, on standard output. Exit 0 on success, 2 when the file
// cannot be read as a plan (standard error then says where and why) or the arguments are wrong.
import { planToCsv } from '../io/export/address-table';
import { planToTerraform } from '../io/export/terraform';
import { readPlanFile } from './read-plan';

export const USAGE = `Usage: cidr-canvas export --format terraform|csv PLAN.json

Writes a CIDR Canvas plan to standard output as Terraform (HCL) for the tencentcloud provider,
or as a CSV table of every address range in it.
Exit status: 0 written, 2 the file is not a readable plan or the arguments are wrong.`;

type Format = 'terraform' | 'csv';

interface Args {
  file?: string;
  format?: Format;
  help: boolean;
  problem?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') args.help = true;
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
  process.stdout.write(
    args.format === 'terraform' ? planToTerraform(read.plan) : planToCsv(read.plan),
  );
  return 0;
}
