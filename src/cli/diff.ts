// `cidr-canvas diff OLD.json NEW.json [--format json|text|markdown]`: what a change does, for
// review. Exit 0 when it introduces no error finding and makes no path worse, 1 when it does, 2
// when either file cannot be read (standard error then says which, where and why).
import { diffFails, diffPlans } from '../domain/diff/diff';
import { diffJson, diffMarkdown, diffText } from './diff-report';
import { readPlanFile } from './read-plan';
import { toSarif } from './sarif';

export const USAGE = `Usage: cidr-canvas diff OLD.json NEW.json [--format json|text|markdown|sarif] [--color|--no-color]

Compares two CIDR Canvas plans: the objects added, removed and changed (matched by id, layout
ignored), the findings introduced and resolved, the paths whose verdict changed and the capacity
that moved. --format markdown writes a summary fit for a pull-request comment; sarif the findings
introduced and the paths made worse as SARIF 2.1.0 results in NEW.json, for code scanning.
Exit status: 0 no error introduced and no path worse, 1 otherwise, 2 a file is not a readable plan.`;

const FORMATS = ['json', 'text', 'markdown', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

interface Args {
  files: string[];
  format: Format;
  color: boolean | undefined;
  help: boolean;
  problem?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { files: [], format: 'json', color: undefined, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') args.help = true;
    else if (a === '--format' || a.startsWith('--format=')) {
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!FORMATS.includes(value as Format))
        args.problem = `--format takes json, text, markdown or sarif, not ${value ?? 'nothing'}`;
      else args.format = value as Format;
    } else if (a === '--color') args.color = true;
    else if (a === '--no-color') args.color = false;
    else if (a.startsWith('-') && a !== '-') args.problem = `unknown option ${a}`;
    else args.files.push(a);
  }
  if (!args.problem && args.files.length !== 2)
    args.problem = `two plan files, the old and the new (got ${args.files.length})`;
  return args;
}

export function main(argv: readonly string[]): number {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.problem) {
    process.stderr.write(`diff: ${args.problem}\n\n${USAGE}\n`);
    return 2;
  }
  const [beforeFile, afterFile] = args.files as [string, string];
  const before = readPlanFile(beforeFile);
  const after = readPlanFile(afterFile);
  const problems = [before, after].flatMap((r) => (r.ok ? [] : [r.message]));
  if (!before.ok || !after.ok) {
    process.stderr.write(`${problems.join('\n')}\n`);
    return 2;
  }
  const d = diffPlans(before.plan, after.plan);
  const color = args.color ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);
  process.stdout.write(
    args.format === 'sarif'
      ? `${JSON.stringify(toSarif([{ file: afterFile, text: after.text, plan: after.plan, findings: d.findings.introduced, worsePaths: d.paths.changed.filter((p) => p.worse) }]), null, 2)}\n`
      : args.format === 'markdown'
        ? diffMarkdown(d, beforeFile, afterFile)
        : args.format === 'text'
          ? diffText(d, beforeFile, afterFile, color)
          : diffJson(d),
  );
  return diffFails(d) ? 1 : 0;
}
