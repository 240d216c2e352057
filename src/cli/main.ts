// `cidr-canvas <command> [options] FILES`: finds the command, loads only its code and runs it.
// Wrong arguments give one line and the usage with exit 2; nothing a user types or feeds in gives
// a stack trace (CIDR_CANVAS_DEBUG=1 shows it, for a bug report).
import { isUsageError } from './args';
import { COMMANDS, type CommandEntry } from './commands';
import { VERSION } from './version';

export const TOOL = 'cidr-canvas';

export const USAGE = `Usage: ${TOOL} <command> [options] FILES

Commands:
${commandList()}

Options:
  -h, --help     this help; \`${TOOL} <command> --help\` for a command's options
  -v, --version  the version of ${TOOL}

FILES are plan files (docs/spec/plan-format.md); - reads a plan from standard input.
Exit status: 0 success, 1 the plans have problems (e.g. error findings), 2 bad input or arguments.`;

function commandList(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
}

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

function usageError(io: Io, where: string, message: string, usage: string): number {
  io.err(`${where}: ${message}\n\n${usage}\n`);
  return 2;
}

/** The closest command name within two edits, for "did you mean". */
function closest(word: string): CommandEntry | undefined {
  const distance = (a: string, b: string): number => {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      for (let j = 1; j <= b.length; j++)
        row[j] = Math.min(
          prev[j]! + 1,
          row[j - 1]! + 1,
          prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
        );
      prev = row;
    }
    return prev[b.length]!;
  };
  let best: { entry: CommandEntry; d: number } | undefined;
  for (const entry of COMMANDS) {
    const d = distance(word, entry.name);
    if (d <= 2 && (!best || d < best.d)) best = { entry, d };
  }
  return best?.entry;
}

export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) return usageError(io, TOOL, 'no command given', USAGE);
  if (first === '--help' || first === '-h' || (first === 'help' && rest.length === 0)) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (first === '--version' || first === '-v') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  if (first === 'help') return run([rest[0]!, '--help', ...rest.slice(1)], io);
  if (first.startsWith('-')) return usageError(io, TOOL, `unknown option ${first}`, USAGE);
  const entry = COMMANDS.find((c) => c.name === first);
  if (!entry) {
    const near = closest(first);
    const hint = near ? ` (did you mean ${near.name}?)` : '';
    return usageError(io, TOOL, `unknown command ${JSON.stringify(first)}${hint}`, USAGE);
  }
  const command = await entry.load();
  try {
    return await command.main(rest);
  } catch (e) {
    if (isUsageError(e)) return usageError(io, `${TOOL} ${entry.name}`, e.message, command.USAGE);
    throw e;
  }
}

/** For the bin: anything thrown past the commands is a bug, said in one line. */
export async function runAsBin(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (process.env.CIDR_CANVAS_DEBUG) io.err(`${(e as Error).stack ?? String(e)}\n`);
    const message = e instanceof Error ? e.message : String(e);
    io.err(
      `${TOOL}: internal error: ${message.split('\n')[0]} (a bug: please report it with the plan; CIDR_CANVAS_DEBUG=1 shows where)\n`,
    );
    return 2;
  }
}
