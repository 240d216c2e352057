// One way for the command tests to run the CLI from source and to keep their files: each
// command's test had its own copy of both.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `cidr-canvas <command> ...args` from the source tree, as a user's shell would. */
export function runCli(command: string, ...args: string[]): CliResult {
  const r = spawnSync('npx', ['tsx', 'src/cli/bin.ts', command, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder removed when the test file ends. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `cidr-canvas-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
