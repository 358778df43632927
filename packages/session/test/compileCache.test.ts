// The V8 code cache behind the published entry point (src/compileCache.ts): used when
// valid, refused when damaged, foreign or stale, never in the way when it cannot work.
// The cache is written when a process exits, so every case runs fixture processes.
import {
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join, sep } from 'node:path';
import { runFixture, useTempDir, type TempDir } from '@scitex/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { cacheDirectory, readCache } from '../src/compileCache.ts';

let tmp: TempDir;
const fixture = new URL('./fixtures/compile-cache.ts', import.meta.url).pathname;

interface Report {
  answer: number;
  outcome: { path: string | null; status: string; features: string[] };
  uses: { dep?: unknown; resolved?: unknown; sep?: unknown; feature?: unknown };
}

function bundle(body = ''): string {
  const file = join(tmp.path, 'bundle.cjs');
  // Enough functions that a cache is worth having, all called so they are compiled.
  const fns = Array.from({ length: 200 }, (_, i) => `function f${i}(x) { return x + ${i}; }`);
  const calls = Array.from({ length: 200 }, (_, i) => `s = f${i}(s);`).join(' ');
  writeFileSync(
    file,
    `"use strict";\n${fns.join('\n')}\n${body}\nexports.answer = () => { let s = 0; ${calls} return s; };\n`,
  );
  return file;
}

async function load(
  file: string,
  env: Record<string, string>,
  hash = 'h1',
): Promise<Report & { code: number | null; stderr: string }> {
  const r = await runFixture(fixture, { args: [file, 'pkg-1.0.0', hash], env });
  expect(r.stderr).toBe('');
  return { ...(JSON.parse(r.stdout) as Report), code: r.code, stderr: r.stderr };
}

const EXPECTED = (199 * 200) / 2;

describe('compile cache', () => {
  beforeEach(() => {
    tmp = useTempDir('scitex-compile-cache-');
  });

  it('misses once, writes the cache at exit, then hits; the bundle works either way', async () => {
    const env = { SCITEX_COMPILE_CACHE: join(tmp.path, 'cache') };
    const file = bundle();
    const first = await load(file, env);
    expect(first).toMatchObject({ answer: EXPECTED, code: 0, outcome: { status: 'miss' } });
    expect(first.outcome.path).toMatch(/pkg-1\.0\.0-h1-v8-.+\.bin$/);
    expect(existsSync(first.outcome.path!)).toBe(true);
    const second = await load(file, env);
    expect(second).toMatchObject({ answer: EXPECTED, outcome: { status: 'hit' } });
  });

  it('gives the bundle a require: built-ins, and packages beside the bundle', async () => {
    const dep = join(tmp.path, 'node_modules', 'dep');
    mkdirSync(dep, { recursive: true });
    writeFileSync(join(dep, 'package.json'), '{ "name": "dep", "main": "main.js" }');
    writeFileSync(join(dep, 'main.js'), 'module.exports = { value: 42 };');
    const file = bundle(
      [
        "exports.sep = require('node:path').sep;",
        "exports.dep = () => require('dep').value;",
        "exports.resolved = () => require.resolve('dep');",
      ].join('\n'),
    );
    for (const status of ['miss', 'hit']) {
      const r = await load(file, { SCITEX_COMPILE_CACHE: join(tmp.path, 'cache') });
      expect(r).toMatchObject({ answer: EXPECTED, outcome: { status } });
      expect(r.uses).toEqual({ dep: 42, resolved: join(dep, 'main.js'), sep });
    }
  });

  it('grows with use: a run that uses a feature the cache lacks rewrites it, once', async () => {
    const env = { SCITEX_COMPILE_CACHE: join(tmp.path, 'cache') };
    // The feature's 300 functions are compiled only by runs that call it.
    const extra = Array.from({ length: 300 }, (_, i) => `function g${i}(x) { return x * ${i}; }`);
    const file = bundle(
      [
        ...extra,
        'exports.feature = () => {',
        "  globalThis[Symbol.for('@scitex/session.compileCache')].use('extra');",
        `  let s = 1; ${extra.map((_, i) => `s = g${i}(s) % 1000003;`).join(' ')} return s;`,
        '};',
      ].join('\n'),
    );
    const first = await load(file, env);
    expect(first.outcome).toMatchObject({ status: 'miss', features: [] });
    const path = first.outcome.path!;
    const plain = readCache(path)!;
    expect(plain.features).toEqual([]);

    const second = await load(file, { ...env, USE_FEATURE: '1' });
    expect(second.outcome).toMatchObject({ status: 'hit', features: [] });
    expect(typeof second.uses.feature).toBe('number');
    const grown = readCache(path)!;
    expect(grown.features).toEqual(['extra']);
    expect(grown.data.length).toBeGreaterThan(plain.data.length);

    // From now on, with or without the feature: a hit that leaves the file as it is.
    for (const use of ['1', '0']) {
      const before = readFileSync(path);
      const r = await load(file, { ...env, USE_FEATURE: use });
      expect(r.outcome).toMatchObject({ status: 'hit', features: ['extra'] });
      expect(readFileSync(path).equals(before)).toBe(true);
    }
  });

  it('refuses a damaged cache file, runs without it and writes a good one', async () => {
    const env = { SCITEX_COMPILE_CACHE: join(tmp.path, 'cache') };
    const file = bundle();
    const { outcome } = await load(file, env);
    const path = outcome.path!;
    const bytes = readFileSync(path);
    // One flipped byte in the second copy of the payload.
    bytes[bytes.length - 100]! ^= 0xff;
    writeFileSync(path, bytes);
    expect(await load(file, env)).toMatchObject({ answer: EXPECTED, outcome: { status: 'miss' } });
    expect(await load(file, env)).toMatchObject({ outcome: { status: 'hit' } });
    // Truncated, and garbage.
    writeFileSync(path, readFileSync(path).subarray(0, 1000));
    expect(await load(file, env)).toMatchObject({ answer: EXPECTED, outcome: { status: 'miss' } });
    writeFileSync(path, 'not a cache');
    expect(await load(file, env)).toMatchObject({ answer: EXPECTED, outcome: { status: 'miss' } });
  });

  it('a bundle that changed under the same name is run from its new text (V8 rejects the cache)', async () => {
    const env = { SCITEX_COMPILE_CACHE: join(tmp.path, 'cache') };
    const file = bundle();
    await load(file, env);
    bundle('exports.extra = 1;');
    const r = await load(file, env);
    expect(r).toMatchObject({ answer: EXPECTED, outcome: { status: 'rejected' } });
    expect(await load(file, env)).toMatchObject({ outcome: { status: 'hit' } });
  });

  it('is off with SCITEX_COMPILE_CACHE=0 and writes nothing', async () => {
    const home = join(tmp.path, 'home');
    const env = { SCITEX_COMPILE_CACHE: '0', HOME: home, XDG_CACHE_HOME: join(home, 'xdg') };
    const r = await load(bundle(), env);
    expect(r).toMatchObject({ answer: EXPECTED, code: 0, outcome: { path: null, status: 'off' } });
    expect(existsSync(home)).toBe(false);
  });

  it('gets out of the way when the cache directory cannot be made', async () => {
    const blocker = join(tmp.path, 'a-file');
    writeFileSync(blocker, '');
    const env = { SCITEX_COMPILE_CACHE: join(blocker, 'cache') };
    for (let i = 0; i < 2; i++) {
      const r = await load(bundle(), env);
      expect(r).toMatchObject({ answer: EXPECTED, code: 0, outcome: { status: 'miss' } });
    }
  });

  it.runIf(process.getuid?.() === 0)('ignores a cache file owned by another user', async () => {
    const env = { SCITEX_COMPILE_CACHE: join(tmp.path, 'cache') };
    const file = bundle();
    const { outcome } = await load(file, env);
    chownSync(outcome.path!, 12345, 12345);
    expect(await load(file, env)).toMatchObject({ answer: EXPECTED, outcome: { status: 'miss' } });
  });

  it('keeps the three newest caches of other builds of the same version', async () => {
    const dir = join(tmp.path, 'cache');
    const env = { SCITEX_COMPILE_CACHE: dir };
    const file = bundle();
    const names: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { outcome } = await load(file, env, `build${i}`);
      names.push(outcome.path!.slice(dir.length + 1));
      // Distinct, increasing modification times.
      utimesSync(outcome.path!, 1_000_000 + i, 1_000_000 + i);
    }
    expect(readdirSync(dir).sort()).toEqual(names.slice(1).sort());
  });
});

describe('cacheDirectory', () => {
  it('follows SCITEX_COMPILE_CACHE, then XDG_CACHE_HOME, then ~/.cache', () => {
    expect(cacheDirectory({ SCITEX_COMPILE_CACHE: 'off' })).toBeNull();
    expect(cacheDirectory({ SCITEX_COMPILE_CACHE: 'false' })).toBeNull();
    expect(cacheDirectory({ SCITEX_COMPILE_CACHE: '/x/y' })).toBe('/x/y');
    if (process.platform !== 'win32') {
      expect(cacheDirectory({ SCITEX_COMPILE_CACHE: '1', XDG_CACHE_HOME: '/xdg' })).toBe(
        '/xdg/scitex/v8',
      );
      // A relative XDG_CACHE_HOME is invalid by the spec and ignored.
      expect(cacheDirectory({ XDG_CACHE_HOME: 'rel' })).toMatch(/\.cache\/scitex\/v8$/);
    }
  });
});
