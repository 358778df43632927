import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { ALGORITHMS, CHECKPOINT_FORMAT, RandomStateManager } from '../src/index.ts';
import { expectCode } from './expectCode.ts';

function advance(rng: RandomStateManager): void {
  rng.get('data').random(17);
  rng.get('model').integers(0, 10, 5);
  rng.get('noise').normal(); // leaves a pending second deviate
  rng.random(3);
}

function sample(rng: RandomStateManager): unknown {
  return {
    noise: rng.get('noise').normal(0, 1, 3),
    data: rng.get('data').random(5),
    model: rng.get('model').choice(100, 4, { replace: false }),
    main: rng.permutation(6),
    fresh: rng.get('fresh').random(),
  };
}

describe('checkpoint / restore', () => {
  it.each(ALGORITHMS)(
    '%s: a restored manager continues every stream exactly, mid-stream',
    (algorithm) => {
      const dir = useTempDir();
      const rng = new RandomStateManager({ seed: 1234, algorithm });
      advance(rng);
      const file = rng.checkpoint(dir.join('sub', 'rng.json'));
      expect(file).toBe(dir.join('sub', 'rng.json'));
      const summary = rng.toJSON();
      const restored = RandomStateManager.restore(file);
      expect(restored.seed).toBe(1234);
      expect(restored.algorithm).toBe(algorithm);
      expect(restored.toJSON()).toEqual(summary);
      expect(sample(restored)).toEqual(sample(rng));
      expect(restored.toJSON()).toEqual(rng.toJSON());
    },
  );

  it('saves the pending normal() deviate', () => {
    const dir = useTempDir();
    const rng = new RandomStateManager();
    rng.get('noise').normal();
    rng.checkpoint(dir.join('c.json'));
    const saved = JSON.parse(readFileSync(dir.join('c.json'), 'utf8'));
    expect(saved.streams.noise.spare).toEqual(expect.any(Number));
    const expected = rng.get('noise').normal();
    expect(expected).toBe(saved.streams.noise.spare);
    expect(RandomStateManager.restore(dir.join('c.json')).get('noise').normal()).toBe(expected);
  });

  it('writes readable JSON atomically and replaces an older checkpoint', () => {
    const dir = useTempDir();
    const rng = new RandomStateManager({ seed: 5 });
    rng.get('a').random();
    rng.checkpoint(dir.join('c.json'));
    rng.get('a').random();
    rng.checkpoint(dir.join('c.json'));
    expect(readdirSync(dir.path)).toEqual(['c.json']);
    const saved = JSON.parse(readFileSync(dir.join('c.json'), 'utf8'));
    expect(saved).toMatchObject({
      format: CHECKPOINT_FORMAT,
      version: 1,
      seed: 5,
      algorithm: 'tychei',
    });
    expect(saved.streams.a).toMatchObject({ seed: rng.get('a').seed, draws: 4, spare: null });
  });

  it('reports unreadable files with RNG_IO_FAILED', () => {
    const dir = useTempDir();
    expectCode(() => RandomStateManager.restore(dir.join('missing.json')), 'RNG_IO_FAILED');
    expectCode(() => RandomStateManager.restore(dir.path), 'RNG_IO_FAILED');
    writeFileSync(dir.join('file'), '');
    expectCode(
      () => new RandomStateManager().checkpoint(dir.join('file', 'c.json')),
      'RNG_IO_FAILED',
    );
    mkdirSync(dir.join('isdir'));
    expectCode(() => new RandomStateManager().checkpoint(dir.join('isdir')), 'RNG_IO_FAILED');
  });

  it('refuses corrupt, foreign and inconsistent files with RNG_BAD_CHECKPOINT', () => {
    const dir = useTempDir();
    const rng = new RandomStateManager({ seed: 42 });
    rng.get('data').random();
    const good = JSON.parse(readFileSync(rng.checkpoint(dir.join('good.json')), 'utf8'));
    const data = good.streams.data;
    const cases: Record<string, unknown> = {
      truncated: JSON.stringify(good).slice(0, 40),
      empty: '',
      array: [],
      null: null,
      foreign: { seed: 42, generators: {} },
      otherFormat: { ...good, format: 'something else' },
      newerVersion: { ...good, version: 2 },
      badSeed: { ...good, seed: 1.5 },
      stringSeed: { ...good, seed: '42' },
      badAlgorithm: { ...good, algorithm: 'arc4' },
      noStreams: { ...good, streams: undefined },
      streamsArray: { ...good, streams: [] },
      tamperedSeed: { ...good, streams: { data: { ...data, seed: data.seed + 1 } } },
      wrongAlgorithm: { ...good, streams: { data: { ...data, algorithm: 'alea' } } },
      badGenerator: { ...good, streams: { data: { ...data, generator: { a: 'x' } } } },
      negativeDraws: { ...good, streams: { data: { ...data, draws: -1 } } },
      badSpare: { ...good, streams: { data: { ...data, spare: 'x' } } },
    };
    for (const [name, content] of Object.entries(cases)) {
      const file = dir.join(`${name}.json`);
      writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
      const err = expectCode(() => RandomStateManager.restore(file), 'RNG_BAD_CHECKPOINT');
      expect(err.message).toContain(file);
    }
    expect(() => RandomStateManager.restore(dir.join('good.json'))).not.toThrow();
  });

  it('refuses bad paths with RNG_INVALID_ARGUMENT', () => {
    expectCode(() => new RandomStateManager().checkpoint(''), 'RNG_INVALID_ARGUMENT');
    expectCode(() => RandomStateManager.restore(3 as never), 'RNG_INVALID_ARGUMENT');
  });

  it('keeps the cacheDir option on restore', () => {
    const dir = useTempDir();
    const file = new RandomStateManager().checkpoint(dir.join('c.json'));
    expect(RandomStateManager.restore(file, { cacheDir: dir.join('cache') }).cacheDir).toBe(
      dir.join('cache'),
    );
  });
});
