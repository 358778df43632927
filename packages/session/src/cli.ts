#!/usr/bin/env node
// The `scitex-session` bin; all logic lives in cliMain.ts.
import { runCli } from './cliMain.js';

process.exitCode = runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
});
