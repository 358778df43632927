#!/usr/bin/env node
// First Quick-start command: installs the workspace from the lockfile with the pinned
// pnpm, the Debian packages some tests use (as root, where apt-get exists), builds every
// package and runs the demo experiment. One heading per step.
import { spawnSync } from 'node:child_process';
import { pnpm, root } from './pnpm.mjs';

const steps = 4;
let n = 0;
const step = (what) => console.log(`\n[${++n}/${steps}] ${what}`);

step('installing the workspace (pinned pnpm, frozen lockfile)');
if (pnpm(['install', '--frozen-lockfile', '--reporter=append-only'], { echo: false }) !== 0)
  process.exit(1);

step('system packages for the tests (Chromium, NumPy/PyYAML, SLURM, fonts), where missing');
if (process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0) {
  const r = spawnSync('bash', ['scripts/install-system-deps.sh'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) console.log('note: some system packages could not be installed');
} else {
  console.log('skipped: needs root and apt-get (see scripts/install-system-deps.sh)');
}

step('building every package');
if (pnpm(['exec', 'turbo', 'run', 'build', '--output-logs=errors-only'], { echo: false }) !== 0)
  process.exit(1);

step('running the demo experiment');
process.exit(pnpm(['run', '--if-present', 'demo'], { echo: false }));
