#!/usr/bin/env node
// `pnpm bench [-- --quick|--check|--only a,b]`: builds the packages (benchmarks measure the
// published dist/), makes sure the comparison tools are there, and runs bench/run.ts.
import { spawnSync } from 'node:child_process';
import { pnpm, root } from './pnpm.mjs';

const args = process.argv.slice(2).filter((a) => a !== '--');
const quick = args.includes('--quick');
if (!quick && process.getuid?.() === 0 && spawnSync('which', ['apt-get']).status === 0) {
  // matplotlib (the figure comparison) and fonts come from Debian; installed once, if missing.
  spawnSync('bash', ['scripts/install-system-deps.sh', '--bench'], { cwd: root, stdio: 'inherit' });
}
if (pnpm(['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']) !== 0) process.exit(1);
process.exit(pnpm(['--filter', '@scitex/bench', 'run', 'bench', ...args]));
