#!/usr/bin/env node
// The entry of `cidr-canvas` and of the npm run scripts (`tsx src/cli/bin.ts validate ...`).
import { runAsBin } from './main';

// A reader that stops early (`| head`) closes the pipe: that is not an error of ours.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });

// Output to a pipe is written asynchronously: set the exit code and let Node finish writing.
process.exitCode = await runAsBin(process.argv.slice(2));
