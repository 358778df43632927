#!/usr/bin/env node
// First Quick-start command: installs the workspace from the lockfile with the pinned
// pnpm, builds every package and runs the demo experiment.
import { pnpm } from './pnpm.mjs';

if (pnpm(['install', '--frozen-lockfile']) !== 0) process.exit(1);
if (pnpm(['run', 'build']) !== 0) process.exit(1);
process.exit(pnpm(['run', '--if-present', 'demo']));
