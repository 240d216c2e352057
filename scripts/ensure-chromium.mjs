#!/usr/bin/env node
// Playwright cannot download its own browser here, so the end-to-end tests drive Debian's
// Chromium. Installs it with apt-get when no browser is found (as root, on a fresh machine).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
].filter(Boolean);
const found = candidates.find((p) => existsSync(p));
if (found) {
  process.stdout.write(`Chromium: ${found}\n`);
} else {
  process.stdout.write("No Chromium found: installing Debian's chromium with apt-get...\n");
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
  const run = (args) => {
    const [cmd, ...rest] = [...asRoot, ...args];
    const r = spawnSync(cmd, rest, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return r.status === 0;
  };
  if (
    !run(['apt-get', 'update']) ||
    !run(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium'])
  ) {
    console.error(
      'Could not install chromium: install it (apt-get install chromium) or set CHROMIUM_PATH.',
    );
    process.exitCode = 1;
  } else if (!existsSync('/usr/bin/chromium')) {
    console.error('apt-get reported success but /usr/bin/chromium is missing.');
    process.exitCode = 1;
  }
}
