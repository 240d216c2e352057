#!/usr/bin/env node
// What the tests need from the machine beyond npm: Debian's Chromium (Playwright cannot download
// its own browser here), redis-server (the workspace server's scale-out test runs a real one)
// and the Liberation fonts. The designer's font stack ends in Arial; without a font of Arial's
// widths Chromium falls back to DejaVu Sans, a tenth wider, and the screen the tests read is not
// the one users see (a 10-letter NAT gateway name no longer fits its node). Installs whatever is
// missing with apt-get (as root, on a fresh machine).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const onPath = (cmd) =>
  (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(`${dir}/${cmd}`));

const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  .filter(Boolean)
  .find((p) => existsSync(p));
const missing = [];
if (chromium) process.stdout.write(`Chromium: ${chromium}\n`);
else missing.push('chromium');
if (onPath('redis-server')) process.stdout.write('redis-server: on PATH\n');
else missing.push('redis-server');
const liberation = '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf';
if (existsSync(liberation)) process.stdout.write('Liberation fonts: installed\n');
else missing.push('fonts-liberation');

if (missing.length > 0) {
  process.stdout.write(`Installing ${missing.join(', ')} from Debian with apt-get...\n`);
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
    !run(['apt-get', 'install', '-y', '--no-install-recommends', ...missing])
  ) {
    console.error(
      `Could not install ${missing.join(', ')}: install them with apt-get (or set CHROMIUM_PATH).`,
    );
    process.exitCode = 1;
  } else if (missing.includes('chromium') && !existsSync('/usr/bin/chromium')) {
    console.error('apt-get reported success but /usr/bin/chromium is missing.');
    process.exitCode = 1;
  }
}
