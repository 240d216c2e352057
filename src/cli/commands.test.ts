// The registry and the dispatcher in-process: each command plugs in with one entry, and loading
// one does nothing until it is run (a command file that still ran itself on import would run with
// the dispatcher's arguments).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commandModules } from '../../scripts/build-cli';
import { UsageError, wantsColor } from './args';
import { COMMANDS } from './commands';
import { run, USAGE } from './main';

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('the command registry', () => {
  it('loads every command without running it, each with its usage and main', async () => {
    const write = vi.spyOn(process.stdout, 'write');
    const writeErr = vi.spyOn(process.stderr, 'write');
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect(command.USAGE.startsWith(`Usage: cidr-canvas ${entry.name} `), entry.name).toBe(true);
      expect(typeof command.main).toBe('function');
      expect(USAGE).toContain(`\n  ${entry.name} `);
    }
    expect(write).not.toHaveBeenCalled();
    expect(writeErr).not.toHaveBeenCalled();
    expect(process.exitCode).toBeUndefined();
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
    // The build finds each command's module in the registry, to give it a file of its own.
    expect(commandModules()).toEqual(COMMANDS.map((c) => c.name));
  });

  it('answers --help, --version and help COMMAND, and refuses what it does not know', async () => {
    const h = capture();
    expect(await run(['--help'], h.io)).toBe(0);
    expect(h.out.join('')).toBe(`${USAGE}\n`);
    const v = capture();
    expect(await run(['-v'], v.io)).toBe(0);
    expect(v.out.join('')).toMatch(/^\d+\.\d+\.\d+\n$/);
    const u = capture();
    expect(await run(['expor'], u.io)).toBe(2);
    expect(u.err.join('')).toBe(
      `cidr-canvas: unknown command "expor" (did you mean export?)\n\n${USAGE}\n`,
    );
    const far = capture();
    expect(await run(['zzzzzzzz'], far.io)).toBe(2);
    expect(far.err.join('').split('\n')[0]).toBe('cidr-canvas: unknown command "zzzzzzzz"');
  });

  it('turns a UsageError of a command into one line and that command’s usage', async () => {
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const c = capture();
    expect(await run(['validate', '--nope'], c.io)).toBe(2);
    const validate = await COMMANDS.find((x) => x.name === 'validate')!.load();
    expect(c.err.join('')).toBe(
      `cidr-canvas validate: unknown option --nope\n\n${validate.USAGE}\n`,
    );
    expect(stdout).not.toHaveBeenCalled();
    expect(new UsageError('x')).toBeInstanceOf(Error);
  });
});

describe('colours', () => {
  const tty = { isTTY: true } as NodeJS.WriteStream;
  const pipe = { isTTY: false } as NodeJS.WriteStream;

  it('are on for a terminal, off for a pipe, off with NO_COLOR set to anything', () => {
    vi.stubEnv('NO_COLOR', undefined);
    expect(wantsColor(undefined, tty)).toBe(true);
    expect(wantsColor(undefined, pipe)).toBe(false);
    vi.stubEnv('NO_COLOR', '1');
    expect(wantsColor(undefined, tty)).toBe(false);
    vi.stubEnv('NO_COLOR', '');
    expect(wantsColor(undefined, tty)).toBe(true);
    vi.unstubAllEnvs();
  });

  it('follow --color and --no-color over everything', () => {
    vi.stubEnv('NO_COLOR', '1');
    expect(wantsColor(true, pipe)).toBe(true);
    expect(wantsColor(false, tty)).toBe(false);
    vi.unstubAllEnvs();
  });
});
