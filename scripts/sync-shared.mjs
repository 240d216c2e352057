#!/usr/bin/env node
// Copies the shared contract (spec and acceptance scenarios) into the repo, so that the tests
// run on a machine that has only the project. Run it when ../shared changes.
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const shared = resolve(process.argv[2] ?? join(root, '..', 'shared'));
if (!existsSync(shared)) {
  console.error(`No shared folder at ${shared}`);
  process.exitCode = 1;
} else {
  for (const f of readdirSync(join(shared, 'scenarios'))) {
    cpSync(join(shared, 'scenarios', f), join(root, 'test', 'scenarios', f));
  }
  for (const f of readdirSync(join(shared, 'spec'))) {
    cpSync(join(shared, 'spec', f), join(root, 'docs', 'spec', f));
  }
  process.stdout.write(`Synced scenarios and spec from ${shared}\n`);
}
