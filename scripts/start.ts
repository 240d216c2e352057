// `npm start`: the designer's dev server, its address printed, and a browser opened on it when
// this machine has one (a server or a container has none: the address is enough there).
import { spawn } from 'node:child_process';
import { createServer } from 'vite';
import { decideOpen, onPath } from './browser';

async function main(): Promise<void> {
  const server = await createServer();
  await server.listen();
  server.printUrls();
  server.bindCLIShortcuts({ print: true });
  const url = server.resolvedUrls?.local[0] ?? `http://localhost:${server.config.server.port}/`;
  const decision = decideOpen(url, process.env, process.platform, (c) =>
    onPath(c, process.env.PATH),
  );
  if (!decision.open) {
    process.stdout.write(`\n  Open ${url} in a browser (not opened here: ${decision.why}).\n\n`);
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
