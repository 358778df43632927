#!/usr/bin/env node
// The project's test command: typecheck, lint, package checks and tests of every
// package through turbo, then one closing line totalled over all packages
// ("N passed, N failed"), which CI reads. Exits non-zero if any task failed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pnpm, root } from './pnpm.mjs';

// `--tests-only`: the test tasks alone, run again whatever turbo has cached (for the
// other Node versions in .ci/run: the cache does not know which Node ran a test).
const testsOnly = process.argv.includes('--tests-only');
const extra = process.argv.slice(2).filter((a) => a !== '--tests-only');
const tasks = testsOnly ? ['test', '--force'] : ['typecheck', 'lint', 'check:package', 'test'];
// As many tasks at once as there are cores: each test task runs its own processes, and a
// machine asked for more than it has makes every test slower, not the run shorter.
const concurrency = String(Math.max(1, availableParallelism()));
console.log(`Node ${process.version}: turbo run ${tasks.join(' ')} (concurrency ${concurrency})`);
const status = pnpm([
  'exec',
  'turbo',
  'run',
  ...tasks,
  '--continue',
  `--concurrency=${concurrency}`,
  ...extra,
]);

let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];
for (const group of ['packages', 'tests', 'bench']) {
  const base = join(root, group);
  if (!existsSync(base)) continue;
  const dirs = group === 'bench' ? [''] : readdirSync(base);
  for (const d of dirs) {
    const file = join(base, d, '.vitest-result.json');
    if (!existsSync(file)) continue;
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    lines.push(`  ${join(group, d)}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  }
}
console.log(`\nTests by package:\n${lines.join('\n')}`);
// A typecheck, lint or package-check failure fails the run even when every test passed.
if (status !== 0 && failed === 0) failed = 1;
console.log(
  `${process.env['SCITEX_TEST_LABEL'] ?? ''}${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`,
);
process.exit(status);
