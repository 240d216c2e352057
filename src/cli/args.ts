// Options of every command through node:util's parseArgs, with its errors turned into the one-line
// messages the rest of the product gives (`unknown option --frmat`), never its stack or its
// advice about `--`.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Wrong arguments: the command prints this message and its usage, and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * By name, not instanceof: each command is bundled in a file of its own with its own copy of
 * this class, apart from the dispatcher's.
 */
export function isUsageError(e: unknown): e is UsageError {
  return e instanceof Error && e.name === 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed<O extends Options> {
  readonly values: { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string };
  readonly positionals: string[];
}

/** `--help`/`-h` is an option of every command. */
export function parseOptions<O extends Options>(
  argv: readonly string[],
  options: O,
): Parsed<O & { help: { type: 'boolean'; short: 'h' } }> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values, positionals };
  } catch (e) {
    throw new UsageError(describeParseError(e));
  }
}

function describeParseError(e: unknown): string {
  const err = e as { code?: string; message?: string };
  const message = err.message ?? String(e);
  // Node names the option as '--format <value>' or '-f, --format <value>': prefer the long form.
  const option = /--[\w-]+/.exec(message)?.[0] ?? /'(-\w)/.exec(message)?.[1];
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? message}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return option && /argument missing/.test(message)
        ? `${option} needs a value`
        : `${option ?? 'an option'} takes no value`;
    default:
      return message.split('\n')[0]!;
  }
}

/** The value of an option that takes one of a few words. */
export function oneOf<T extends string>(
  option: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} takes ${allowed.join(', ')}, not ${value || 'nothing'}`);
}

/** The value of an option that takes a count: a whole number from 1, or nothing when absent. */
export function positiveCount(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`--${option} takes a positive whole number, not ${value || 'nothing'}`);
  return Number(value);
}

/** Colours only on a terminal, never with NO_COLOR set (https://no-color.org), unless asked. */
export function wantsColor(flag: boolean | undefined, stream: NodeJS.WriteStream): boolean {
  if (flag !== undefined) return flag;
  const noColor = process.env.NO_COLOR;
  return Boolean(stream.isTTY) && (noColor === undefined || noColor === '');
}
