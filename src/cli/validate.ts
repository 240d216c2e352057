// `npm run validate -- PLAN.json [--format json|text]`: exit 0 without error findings, 1 with
// some, 2 when the file cannot be read as a plan (standard error then says where and why).
import { analyzePlan } from '../domain/analyze';
import { reportJson, reportText } from './report';
import { readPlanFile } from './read-plan';

const USAGE = `Usage: npm run validate -- PLAN.json [--format json|text] [--color|--no-color]

Checks a CIDR Canvas plan against the rules of Tencent Cloud TKE and prints the findings,
the communication paths and each cluster's capacity.
Exit status: 0 no error finding, 1 at least one error finding, 2 the file is not a readable plan.`;

interface Args {
  file?: string;
  format: 'json' | 'text';
  color: boolean | undefined;
  help: boolean;
  problem?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { format: 'json', color: undefined, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') args.help = true;
    else if (a === '--format' || a.startsWith('--format=')) {
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (value !== 'json' && value !== 'text')
        args.problem = `--format takes json or text, not ${value ?? 'nothing'}`;
      else args.format = value;
    } else if (a === '--color') args.color = true;
    else if (a === '--no-color') args.color = false;
    else if (a.startsWith('-') && a !== '-') args.problem = `unknown option ${a}`;
    else if (args.file === undefined) args.file = a;
    else args.problem = `one plan file at a time (got ${args.file} and ${a})`;
  }
  return args;
}

export function main(argv: readonly string[]): number {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.problem || args.file === undefined) {
    process.stderr.write(`validate: ${args.problem ?? 'no plan file given'}\n\n${USAGE}\n`);
    return 2;
  }
  const file = args.file;
  const read = readPlanFile(file);
  if (!read.ok) {
    process.stderr.write(`${read.message}\n`);
    return 2;
  }
  const analysis = analyzePlan(read.plan);
  const color = args.color ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);
  process.stdout.write(
    args.format === 'text' ? reportText(analysis, file, color) : reportJson(analysis),
  );
  return analysis.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

// Output to a pipe is written asynchronously: set the exit code and let Node finish writing.
process.exitCode = main(process.argv.slice(2));
