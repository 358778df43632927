#!/usr/bin/env node
// The project's test command: typecheck, lint, package checks and tests of every
// package through turbo, then one closing line totalled over all packages
// ("N passed, N failed"), which CI reads. Exits non-zero if any task failed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pnpm, root } from './pnpm.mjs';

const status = pnpm([
  'exec',
  'turbo',
  'run',
  'typecheck',
  'lint',
  'check:package',
  'test',
  '--continue',
  ...process.argv.slice(2),
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
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status);
