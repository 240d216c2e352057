// `npm start`: the designer's dev server and a workspace server (src/server) behind it, so plans
// can be edited together from the first run. The dev server passes /api and /live to the
// workspace; its data lives in ./data like `npm run serve`'s. The address is printed, and a
// browser opened on it when this machine has one (a server or a container has none).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createServer } from 'vite';
import { newToken } from '../src/server/auth';
import { DEFAULT_LIMITS, startWorkspace } from '../src/server/server';
import { decideOpen, onPath } from './browser';

/** The workspace token: CIDR_CANVAS_TOKEN, or one kept in the data folder so links outlive a restart. */
function workspaceToken(dataDir: string): string {
  const fromEnv = process.env.CIDR_CANVAS_TOKEN;
  if (fromEnv) return fromEnv;
  const file = join(dataDir, 'dev-token');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept) return kept;
  }
  const token = newToken();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

async function main(): Promise<void> {
  const dataDir = resolve(process.env.CIDR_CANVAS_DATA ?? 'data');
  const token = workspaceToken(dataDir);
  const workspace = await startWorkspace({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    token,
    ...DEFAULT_LIMITS,
  });
  const server = await createServer({
    server: {
      proxy: {
        '/api': { target: workspace.url },
        '/live': { target: workspace.url.replace(/^http/, 'ws'), ws: true },
      },
    },
  });
  await server.listen();
  server.printUrls();
  server.bindCLIShortcuts({ print: true });
  const url = server.resolvedUrls?.local[0] ?? `http://localhost:${server.config.server.port}/`;
  const workspaceUrl = `${url}#token=${token}`;
  process.stdout.write(
    `\n  Workspace (plans edited together): ${workspaceUrl}\n  data: ${dataDir}\n\n`,
  );
  const stop = () => {
    void Promise.allSettled([server.close(), workspace.close()]).then(() => {
      process.exitCode = 0;
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const decision = decideOpen(workspaceUrl, process.env, process.platform, (c) =>
    onPath(c, process.env.PATH),
  );
  if (!decision.open) {
    process.stdout.write(`  Open ${url} in a browser (not opened here: ${decision.why}).\n\n`);
    return;
  }
  const child = spawn(decision.opener.command, [...decision.opener.args], {
    stdio: 'ignore',
    detached: true,
  });
  child.on('error', (e) => {
    process.stdout.write(
      `\n  Open ${url} in a browser (${decision.opener.command} failed: ${e.message}).\n\n`,
    );
  });
  child.unref();
}

main().catch((e: unknown) => {
  console.error(`CIDR Canvas could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
