#!/usr/bin/env node
// Builds @scitex/session. Unlike the other packages (scripts/build-package.mjs at the
// root), the library is shipped as one CommonJS bundle that carries its own copies of
// @scitex/rng, tee-log, sdir, config and `@scitex/plt/settings` and their small
// dependencies, loaded through a V8 code cache by a small ES-module facade:
//
//   dist/index.js     ES module (src/compileCache.ts): runs session.cjs through a V8
//                     code cache and re-exports what it exports
//   dist/session.cjs  the bundle (run inside a CommonJS wrapper by the facade)
//   dist/cli.js       the `scitex-session` bin (an ES-module bundle; dependencies external)
//   dist/*.d.ts       declarations from tsc
//
// Why: start()+close() must add little to a short script. Six packages imported as ES
// modules cost ~45 ms of module loading and cold compilation; one cached bundle ~10 ms.
// @scitex/plt stays a separate package, required on first use (src/pltModule.lazy.ts);
// rng's seedrandom files, required lazily in rng itself, are bundled statically here;
// config's js-yaml is bundled too, and still runs only when first needed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
rmSync('dist', { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
};

/** @scitex/plt itself is loaded on first use; its light `settings` entry is bundled. */
const lazyPlt = {
  name: 'lazy-plt',
  setup(b) {
    b.onResolve({ filter: /^\.\/pltModule\.js$/ }, () => ({
      path: new URL('../src/pltModule.lazy.ts', import.meta.url).pathname,
    }));
    b.onResolve({ filter: /^@scitex\/plt$/ }, () => ({ path: '@scitex/plt', external: true }));
  },
};

/** rng's lazy require of seedrandom's files becomes static imports: bundled, not resolved. */
const staticSeedrandom = {
  name: 'static-seedrandom',
  setup(b) {
    b.onResolve({ filter: /^\.\/seedrandomLib\.js$/ }, (args) => ({
      path: 'seedrandomLib',
      namespace: 'static-seedrandom',
      pluginData: { resolveDir: args.resolveDir },
    }));
    b.onLoad({ filter: /.*/, namespace: 'static-seedrandom' }, (args) => ({
      contents: [
        "import tychei from 'seedrandom/lib/tychei.js';",
        "import xor4096 from 'seedrandom/lib/xor4096.js';",
        "import alea from 'seedrandom/lib/alea.js';",
        'const seeders = { tychei, xor4096, alea };',
        'export function requireSeeder(algorithm) { return seeders[algorithm]; }',
      ].join('\n'),
      resolveDir: args.pluginData.resolveDir,
      loader: 'js',
    }));
  },
};

/**
 * config's lazy require of js-yaml becomes a require of the bundled copy: esbuild wraps
 * js-yaml's CommonJS build so that its module code still runs only on first use. That
 * first use is reported to the code cache as the feature 'js-yaml', so a cache made by a
 * run without config files is redone, once, by the first run with them.
 */
const lazyJsYaml = {
  name: 'lazy-js-yaml',
  setup(b) {
    b.onResolve({ filter: /^\.\/jsYaml\.js$/ }, (args) => ({
      path: 'jsYaml',
      namespace: 'lazy-js-yaml',
      pluginData: { resolveDir: args.resolveDir },
    }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-js-yaml' }, (args) => ({
      contents: [
        'let lib;',
        'exports.jsYaml = () => {',
        "  if (!lib) globalThis[Symbol.for('@scitex/session.compileCache')]?.use?.('js-yaml');",
        "  return (lib ??= require('js-yaml'));",
        '};',
      ].join('\n'),
      resolveDir: args.pluginData.resolveDir,
      loader: 'js',
    }));
  },
};

// 1. The library bundle.
await build({
  ...common,
  entryPoints: ['src/index.ts'],
  outfile: 'dist/session.cjs',
  format: 'cjs',
  // Sibling packages are bundled from their sources.
  conditions: ['@scitex/source'],
  external: ['commander'],
  plugins: [lazyPlt, staticSeedrandom, lazyJsYaml],
  define: { 'import.meta.url': '__scitexBundleUrl' },
  // No comments or indentation (the source map keeps the lines): a third less text to
  // read and hand to V8 at every start; ASCII, so the loader decodes it as latin1.
  minifyWhitespace: true,
  charset: 'ascii',
  banner: {
    js: '"use strict";\nvar __scitexBundleUrl = require("node:url").pathToFileURL(__filename).href;',
  },
});
const bundleText = readFileSync('dist/session.cjs');
if (bundleText.some((byte) => byte > 0x7f)) {
  console.error('dist/session.cjs is not ASCII; the loader reads it as latin1.');
  process.exit(1);
}

// 2. The export names, from an ES-module build of the same entry (not written).
const esm = await build({
  ...common,
  entryPoints: ['src/index.ts'],
  outfile: 'dist/names.js',
  format: 'esm',
  conditions: ['@scitex/source'],
  packages: 'external',
  write: false,
  metafile: true,
});
const names = Object.values(esm.metafile.outputs).find((o) => o.entryPoint)?.exports ?? [];
if (names.length === 0) {
  console.error('found no exports in src/index.ts');
  process.exit(1);
}

// 3. The ES-module facade: src/compileCache.ts, then the exports of the bundle it loads.
const hash = createHash('sha256').update(bundleText).digest('hex').slice(0, 16);
const spec = { name: `session-${pkg.version}`, hash };
await build({
  ...common,
  stdin: {
    contents: [
      "import { loadBundle } from './src/compileCache.ts';",
      `const m = loadBundle({ file: new URL('./session.cjs', import.meta.url), name: ${JSON.stringify(spec.name)}, hash: ${JSON.stringify(spec.hash)} });`,
      ...names.map((n) => `export const ${n} = m.${n};`),
    ].join('\n'),
    resolveDir: '.',
    sourcefile: 'facade.js',
    loader: 'js',
  },
  outfile: 'dist/index.js',
  format: 'esm',
  packages: 'external',
});

// 4. The bin.
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  format: 'esm',
  packages: 'external',
});

// 5. Declarations.
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--emitDeclarationOnly'], {
  stdio: 'inherit',
});
if (r.status !== 0) process.exit(r.status ?? 1);
