import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFixture, useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { cacheFileName, hashValue, RandomStateManager } from '../src/index.ts';
import { expectCode } from './expectCode.ts';

const fixture = fileURLToPath(new URL('./fixtures/verify.ts', import.meta.url));

describe('verify', () => {
  it('records the hash on the first call, then accepts equal values and refuses changed ones', () => {
    const dir = useTempDir();
    const rng = new RandomStateManager({ seed: 42, cacheDir: dir.path });
    const value = { weights: [0.5, 0.25], epochs: 3 };
    expect(existsSync(dir.join('model.json'))).toBe(false);
    expect(rng.verify(value, 'model')).toBe(true);
    const record = JSON.parse(readFileSync(dir.join('model.json'), 'utf8'));
    expect(record).toEqual({
      name: 'model',
      hash: hashValue(value),
      seed: 42,
      algorithm: 'tychei',
      recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(rng.verify({ epochs: 3, weights: [0.5, 0.25] }, 'model')).toBe(true);

    const changed = { weights: [0.5, 0.26], epochs: 3 };
    const err = expectCode(() => rng.verify(changed, 'model'), 'RNG_VERIFY_MISMATCH');
    expect(err.message).toContain(`expected hash ${hashValue(value)}`);
    expect(err.message).toContain(`got ${hashValue(changed)}`);
    expect(err.message).toContain(dir.join('model.json'));
    expect(rng.verify(changed, 'model', { throw: false })).toBe(false);
    // The recorded hash is never overwritten by a mismatch.
    expect(JSON.parse(readFileSync(dir.join('model.json'), 'utf8')).hash).toBe(hashValue(value));
    // No temporary files are left behind.
    expect(readdirSync(dir.path)).toEqual(['model.json']);
  });

  it('mentions a changed seed in the mismatch message', () => {
    const dir = useTempDir();
    new RandomStateManager({ seed: 1, cacheDir: dir.path }).verify('a', 'x');
    const err = expectCode(
      () => new RandomStateManager({ seed: 2, cacheDir: dir.path }).verify('b', 'x'),
      'RNG_VERIFY_MISMATCH',
    );
    expect(err.message).toContain('recorded with seed 1, now seed 2');
  });

  it('keeps every name in its own file inside the cache directory', () => {
    const dir = useTempDir();
    const rng = new RandomStateManager({ cacheDir: dir.path });
    const names = ['data', 'Data', 'DATA', 'a/b', 'a_b', '../escape', 'x'.repeat(300), 'con', 'ü'];
    names.forEach((name, i) => rng.verify(i, name));
    const files = readdirSync(dir.path);
    expect(files).toHaveLength(names.length);
    expect(files.every((f) => /^[A-Za-z0-9_-]{1,109}\.json$/.test(f))).toBe(true);
    // Lower-case file names must not collide on case-insensitive file systems either.
    expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(names.length);
    expect(cacheFileName('data')).toBe('data.json');
    expect(cacheFileName('a/b')).toMatch(/^a_b-[0-9a-f]{8}\.json$/);
    names.forEach((name, i) => expect(rng.verify(i, name)).toBe(true));
  });

  it('refuses bad names and options with RNG_INVALID_ARGUMENT', () => {
    const dir = useTempDir();
    const rng = new RandomStateManager({ cacheDir: dir.path });
    expectCode(() => rng.verify(1, ''), 'RNG_INVALID_ARGUMENT');
    expectCode(() => rng.verify(1, 5 as never), 'RNG_INVALID_ARGUMENT');
    expectCode(() => rng.verify(1, 'x', null as never), 'RNG_INVALID_ARGUMENT');
    expectCode(() => rng.verify(() => 1, 'fn'), 'RNG_INVALID_ARGUMENT');
    expect(readdirSync(dir.path)).toEqual([]);
  });

  it('reports an unusable cache entry with RNG_BAD_CACHE_ENTRY', () => {
    const dir = useTempDir();
    const rng = new RandomStateManager({ cacheDir: dir.path });
    writeFileSync(dir.join('broken.json'), '{"name": "broken", "ha');
    expect(expectCode(() => rng.verify(1, 'broken'), 'RNG_BAD_CACHE_ENTRY').message).toContain(
      'Delete it',
    );
    writeFileSync(dir.join('nohash.json'), '{"name": "nohash"}');
    expectCode(() => rng.verify(1, 'nohash'), 'RNG_BAD_CACHE_ENTRY');
    writeFileSync(dir.join('other.json'), JSON.stringify({ name: 'else', hash: '0'.repeat(32) }));
    expectCode(() => rng.verify(1, 'other'), 'RNG_BAD_CACHE_ENTRY');
  });

  it('reports a cache directory it cannot create with RNG_IO_FAILED', () => {
    const dir = useTempDir();
    writeFileSync(dir.join('file'), '');
    const rng = new RandomStateManager({ cacheDir: join(dir.path, 'file', 'sub') });
    expectCode(() => rng.verify(1, 'x'), 'RNG_IO_FAILED');
  });

  it('defaults to .scitex/rng under the current directory, created only by verify; reruns match', async () => {
    const dir = useTempDir();
    const first = await runFixture(fixture, { args: ['42', '100'], cwd: dir.path });
    expect(first.stderr).toBe('');
    const out1 = JSON.parse(first.stdout);
    expect(out1).toEqual({
      ok: true,
      createdEarly: false,
      cacheDir: join(dir.path, '.scitex', 'rng'),
      exists: true,
    });
    expect(readdirSync(dir.join('.scitex', 'rng'))).toEqual(['fixture-data.json']);
    const [same, otherSeed] = await Promise.all([
      runFixture(fixture, { args: ['42', '100'], cwd: dir.path }),
      runFixture(fixture, { args: ['43', '100'], cwd: dir.path }),
    ]);
    expect(JSON.parse(same.stdout).ok).toBe(true);
    expect(JSON.parse(otherSeed.stdout).ok).toBe(false);
  });

  it('concurrent first calls with different values: exactly one is recorded', async () => {
    const dir = useTempDir();
    const runs = await Promise.all(
      ['1', '2', '3', '4'].map((seed) =>
        runFixture(fixture, { args: [seed, '10', 'race'], cwd: dir.path }),
      ),
    );
    const oks = runs.map((r) => JSON.parse(r.stdout).ok);
    expect(oks.filter(Boolean)).toHaveLength(1);
    expect(readdirSync(dir.join('.scitex', 'rng'))).toEqual(['race.json']);
  });
});
