#!/usr/bin/env node
// The `scitex-session` bin; all logic lives in cliMain.ts.
import * as nodeModule from 'node:module';

// Node's own compile cache (Node ≥ 22.1; absent on Node 20) for the modules loaded below.
// NODE_DISABLE_COMPILE_CACHE=1 turns it off.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// A reader that goes away (`scitex-session show ID | head -1`) ends the command quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const { runCli } = await import('./cliMain.js');
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
});
