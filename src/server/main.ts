// `npm run serve -- [--port P] [--data DIR] [--host H]`: the workspace server (docs/spec/cli.md).
// The designer it serves is the production build in dist/, built first when it is missing.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { newToken } from './auth';
import { relayFromEnv } from './relay';
import { DEFAULT_LIMITS, startWorkspace } from './server';

const USAGE = `usage: cidr-canvas serve [--port P] [--host H] [--data DIR] [--no-build]
  --port P     port to listen on (default 8080; 0 picks a free one)
  --host H     address to listen on (default 127.0.0.1; 0.0.0.0 for the whole network)
  --data DIR   where the workspace keeps its database (default ./data)
  --no-build   do not build the designer when dist/ is missing (API and live connection only)
environment: CIDR_CANVAS_TOKEN (the workspace token; a new one is printed when unset),
  REDIS_URL (several server processes behind one Redis)`;

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: './data' },
      'no-build': { type: 'boolean', default: false },
      'max-message-bytes': { type: 'string' },
      'max-document-bytes': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: expected a port number, got ${values.port}`);
  const bytes = (flag: string, value: string | undefined, fallback: number) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`--${flag}: expected a number of bytes, got ${value}`);
    return n;
  };
  const staticDir = resolve('dist');
  if (!existsSync(resolve(staticDir, 'index.html')) && !values['no-build']) {
    process.stdout.write('Building the designer (dist/ is missing)…\n');
    const { build } = await import('vite');
    await build({ logLevel: 'warn' });
  }
  const fromEnv = process.env.CIDR_CANVAS_TOKEN;
  const token = fromEnv && fromEnv.length > 0 ? fromEnv : newToken();
  const relay = await relayFromEnv(process.env.REDIS_URL);
  const workspace = await startWorkspace({
    port,
    host: values.host,
    dataDir: resolve(values.data),
    token,
    staticDir: existsSync(resolve(staticDir, 'index.html')) ? staticDir : undefined,
    maxMessageBytes: bytes(
      'max-message-bytes',
      values['max-message-bytes'],
      DEFAULT_LIMITS.maxMessageBytes,
    ),
    maxDocumentBytes: bytes(
      'max-document-bytes',
      values['max-document-bytes'],
      DEFAULT_LIMITS.maxDocumentBytes,
    ),
    extensions: relay?.extensions,
    isRelayed: relay?.isRelayed,
  });
  const lines = [
    `CIDR Canvas workspace at ${workspace.url}`,
    `  data: ${resolve(values.data)}`,
    fromEnv
      ? '  token: from CIDR_CANVAS_TOKEN'
      : `  token: ${token}   (set CIDR_CANVAS_TOKEN to keep one)`,
    `  open: ${workspace.url}/#token=${token}`,
    ...(relay ? [`  redis: ${relay.url}`] : []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = () => {
    // Whatever still holds the event loop (a client's timer, Redis) must not keep a stopped
    // server alive: every edit is already on disk.
    setTimeout(() => process.exit(), 3000).unref();
    workspace
      .close()
      .then(() => relay?.close())
      .catch((e: unknown) => console.error('workspace: closing failed', e));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(`cidr-canvas serve: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
});
