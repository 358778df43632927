// A manager with algorithm 'numpy': withSeed, checkpoints, the Math.random stream and misuse.
import { useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { NumpyStream, PythonRandomStream, RandomStateManager, Stream } from '../src/index.ts';
import { expectCode } from './expectCode.ts';

describe("RandomStateManager({ algorithm: 'numpy' })", () => {
  it('hands out NumpyStreams, and a PythonRandomStream seeded with the master seed for Math.random', () => {
    const rng = new RandomStateManager({ seed: 5, algorithm: 'numpy' });
    expect(rng.get('data')).toBeInstanceOf(NumpyStream);
    expect(rng.get('data')).toBeInstanceOf(Stream);
    expect(rng.get('Math.random')).toBeInstanceOf(PythonRandomStream);
    expect(rng.get('Math.random').seed).toBe(5);
    expectCode(() => rng.get('Math.random').integers(0, 3), 'RNG_INVALID_ARGUMENT');
  });

  it('withSeed re-seeds streams, Math.random and legacy(), then puts everything back', () => {
    const rng = new RandomStateManager({ seed: 1, algorithm: 'numpy' });
    const data = rng.get('data');
    const legacy = rng.legacy();
    data.integers(0, 10); // leaves a buffered 32-bit half
    legacy.randn(); // leaves a cached deviate
    const restore = rng.patchMathRandom();
    Math.random();
    const before = [data.getState(), legacy.getState()];
    const inside = rng.withSeed(9, () => [data.random(), Math.random(), legacy.rand()]);
    const fresh = new RandomStateManager({ seed: 9, algorithm: 'numpy' });
    const r2 = fresh.patchMathRandom();
    const expected = [fresh.get('data').random(), Math.random(), fresh.legacy().rand()];
    r2();
    expect(inside).toEqual(expected);
    expect([data.getState(), legacy.getState()]).toEqual(before);
    restore();
  });

  it('checkpoints and restores numpy streams exactly, pending 32-bit half included', () => {
    const dir = useTempDir();
    const rng = new RandomStateManager({ seed: 3, algorithm: 'numpy' });
    rng.get('data').integers(0, 100, 3); // odd count: one 32-bit half is waiting
    rng.get('Math.random').random(5);
    const file = rng.checkpoint(dir.join('ck.json'));
    const back = RandomStateManager.restore(file);
    expect(back.algorithm).toBe('numpy');
    expect(back.get('data').integers(0, 100, 50)).toEqual(rng.get('data').integers(0, 100, 50));
    expect(back.get('Math.random').random(5)).toEqual(rng.get('Math.random').random(5));
    expect(back.toJSON()).toEqual(rng.toJSON());
  });

  it('refuses a plain Stream with algorithm numpy, and foreign states', () => {
    expectCode(() => new Stream({ seed: 1, algorithm: 'numpy' }), 'RNG_INVALID_ARGUMENT');
    const s = new NumpyStream({ seed: 1 });
    const mt = new PythonRandomStream({ seed: 1 });
    expectCode(() => s.setState(mt.getState()), 'RNG_INVALID_ARGUMENT');
    expectCode(() => mt.setState(s.getState()), 'RNG_INVALID_ARGUMENT');
    expectCode(() => s.uniform(1, 0), 'RNG_INVALID_ARGUMENT');
    expectCode(() => s.choice(3, 4, { replace: false }), 'RNG_INVALID_ARGUMENT');
    expectCode(() => s.choice([], 1), 'RNG_INVALID_ARGUMENT');
  });

  it('toJSON counts 64-bit outputs for numpy streams', () => {
    const rng = new RandomStateManager({ seed: 3, algorithm: 'numpy' });
    rng.get('data').random(10);
    rng.get('data').integers(0, 10, 3); // two 64-bit outputs give four 32-bit draws
    expect(rng.toJSON().streams['data']).toEqual({ seed: rng.get('data').seed, draws: 12 });
  });
});
