#!/usr/bin/env node
// Builds the package in the current directory: each entry given on the command line is
// bundled with its own modules by esbuild (dependencies stay external imports), and tsc
// emits the declarations. Why a bundle and not plain tsc output: Node's ESM loader pays
// about 1 ms per module file at start-up, and a session imports six packages of 15–30
// files each — bundling halves the import time, which is most of start()'s cost.
//   node ../../scripts/build-package.mjs src/index.ts [src/cli.ts …]
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const entries = process.argv.slice(2);
if (entries.length === 0) {
  console.error('usage: build-package.mjs ENTRY.ts [ENTRY.ts …]');
  process.exit(2);
}
rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: entries,
  outdir: 'dist',
  outbase: 'src',
  bundle: true,
  splitting: entries.length > 1,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--emitDeclarationOnly'], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
