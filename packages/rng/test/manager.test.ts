import { describe, expect, it } from 'vitest';
import {
  ALGORITHMS,
  DEFAULT_ALGORITHM,
  deriveSeed,
  RandomStateManager,
  Stream,
} from '../src/index.ts';
import { expectCode } from './expectCode.ts';

const BAD_SEEDS: unknown[] = [NaN, 1.5, -1, 2 ** 32, '42', Infinity, -Infinity, null, 1n, {}, [42]];

describe('RandomStateManager construction', () => {
  it('defaults to seed 42 and tychei, and accepts the edges of [0, 2^32)', () => {
    const rng = new RandomStateManager();
    expect(rng.seed).toBe(42);
    expect(rng.algorithm).toBe('tychei');
    expect(DEFAULT_ALGORITHM).toBe('tychei');
    expect(new RandomStateManager({ seed: 0 }).seed).toBe(0);
    expect(new RandomStateManager({ seed: 2 ** 32 - 1 }).seed).toBe(2 ** 32 - 1);
    for (const algorithm of ALGORITHMS) {
      expect(new RandomStateManager({ algorithm }).get('x').algorithm).toBe(algorithm);
    }
  });

  it('refuses every bad seed with RNG_INVALID_SEED, naming the value', () => {
    for (const seed of BAD_SEEDS) {
      const err = expectCode(
        () => new RandomStateManager({ seed: seed as number }),
        'RNG_INVALID_SEED',
      );
      expect(err.message).toMatch(/\[0, 2\^32\)/);
    }
    expect(
      expectCode(() => new RandomStateManager({ seed: '42' as never }), 'RNG_INVALID_SEED').message,
    ).toMatch(/"42".*Number\(\)/);
    for (const seed of BAD_SEEDS) {
      expectCode(
        () => new RandomStateManager().withSeed(seed as number, () => 0),
        'RNG_INVALID_SEED',
      );
      expectCode(() => new Stream({ seed: seed as number }), 'RNG_INVALID_SEED');
    }
  });

  it('refuses unknown algorithms and bad options', () => {
    for (const algorithm of ['arc4', 'TYCHEI', '', null, 3]) {
      expectCode(
        () => new RandomStateManager({ algorithm: algorithm as never }),
        'RNG_UNKNOWN_ALGORITHM',
      );
    }
    expectCode(() => new RandomStateManager(null as never), 'RNG_INVALID_ARGUMENT');
    expectCode(() => new RandomStateManager({ cacheDir: '' }), 'RNG_INVALID_ARGUMENT');
    expectCode(() => new RandomStateManager({ cacheDir: 5 as never }), 'RNG_INVALID_ARGUMENT');
    expectCode(() => new RandomStateManager().get(5 as never), 'RNG_INVALID_ARGUMENT');
  });
});

describe('named streams', () => {
  it('seeds each stream with deriveSeed(seed, name) and caches it', () => {
    const rng = new RandomStateManager({ seed: 42 });
    const data = rng.get('data');
    expect(data.seed).toBe(2373418850);
    expect(data.name).toBe('data');
    expect(rng.get('data')).toBe(data);
    const first = data.random();
    // get() again continues the stream, it does not restart it.
    expect(rng.get('data').random()).not.toBe(first);
    expect(new RandomStateManager({ seed: 42 }).get('data').random()).toBe(first);
  });

  it('gives the same numbers whatever order streams are created and used in', () => {
    const a = new RandomStateManager({ seed: 7 });
    const b = new RandomStateManager({ seed: 7 });
    const aData = a.get('data').random(5);
    const aModel = a.get('model').random(5);
    b.get('zzz').random(100);
    const bModel = b.get('model').random(5);
    b.random(3);
    const bData = b.get('data').random(5);
    expect(bData).toEqual(aData);
    expect(bModel).toEqual(aModel);
    expect(aData).not.toEqual(aModel);
  });

  it('different master seeds give different streams', () => {
    expect(new RandomStateManager({ seed: 1 }).get('data').random(4)).not.toEqual(
      new RandomStateManager({ seed: 2 }).get('data').random(4),
    );
  });

  it('forwards the sampling methods to the "default" stream', () => {
    const rng = new RandomStateManager({ seed: 3 });
    const ref = new Stream({ seed: deriveSeed(3, 'default') });
    expect(rng.random()).toBe(ref.random());
    expect(rng.random([2, 3])).toEqual(ref.random([2, 3]));
    expect(rng.integers(5, 50, 4)).toEqual(ref.integers(5, 50, 4));
    expect(rng.uniform(-1, 1)).toBe(ref.uniform(-1, 1));
    expect(rng.normal(2, 3, 3)).toEqual(ref.normal(2, 3, 3));
    expect(rng.choice(['a', 'b', 'c'], 5)).toEqual(ref.choice(['a', 'b', 'c'], 5));
    expect(rng.shuffle([1, 2, 3, 4, 5])).toEqual(ref.shuffle([1, 2, 3, 4, 5]));
    expect(rng.permutation(6)).toEqual(ref.permutation(6));
    expect(rng.get('default').draws).toBe(ref.draws);
  });

  it('toJSON: seed, algorithm and per stream its derived seed and 32-bit draws, sorted', () => {
    const rng = new RandomStateManager({ seed: 42, algorithm: 'xor4096' });
    expect(rng.toJSON()).toEqual({ seed: 42, algorithm: 'xor4096', streams: {} });
    rng.get('model').random(3); // 2 outputs per float
    rng.get('data').integers(0, 10); // 1 output (or more on a rejection)
    rng.get('__proto__').random();
    const json = rng.toJSON();
    expect(Object.keys(json.streams)).toEqual(['__proto__', 'data', 'model']);
    expect(json.streams['model']).toEqual({ seed: 552820365, draws: 6 });
    expect(json.streams['data']).toEqual({ seed: 2373418850, draws: 1 });
    expect(JSON.parse(JSON.stringify(rng))).toEqual(json);
    expect(Object.getPrototypeOf(json.streams)).toBe(Object.prototype);
  });

  it('does nothing at construction: no files, no patching', () => {
    const before = Math.random;
    const rng = new RandomStateManager({ cacheDir: '/nonexistent/should/not/be/created' });
    rng.get('x').random();
    expect(Math.random).toBe(before);
    expect(rng.mathRandomPatched).toBe(false);
  });
});
