import { afterEach, describe, expect, it } from 'vitest';
import { deriveSeed, RandomStateManager, Stream } from '../src/index.ts';

const original = Math.random;
afterEach(() => {
  // Keep later tests safe even if an assertion failed mid-patch.
  Math.random = original;
});

describe('patchMathRandom', () => {
  it('makes Math.random the seeded "Math.random" stream, recorded in toJSON, then restores it', () => {
    const rng = new RandomStateManager({ seed: 42 });
    const restore = rng.patchMathRandom();
    expect(Math.random).not.toBe(original);
    expect(rng.mathRandomPatched).toBe(true);
    const ref = new Stream({ seed: deriveSeed(42, 'Math.random') });
    expect([Math.random(), Math.random()]).toEqual([ref.random(), ref.random()]);
    expect(rng.toJSON().streams['Math.random']).toEqual({
      seed: deriveSeed(42, 'Math.random'),
      draws: 4,
    });
    restore();
    expect(Math.random).toBe(original);
    expect(rng.mathRandomPatched).toBe(false);
    restore(); // idempotent
    expect(Math.random).toBe(original);
  });

  it('nested patches: Math.random comes back when every restore has run', () => {
    const rng = new RandomStateManager();
    const r1 = rng.patchMathRandom();
    const patched = Math.random;
    const r2 = rng.patchMathRandom();
    expect(Math.random).toBe(patched); // not re-wrapped
    r2();
    r2();
    expect(Math.random).toBe(patched);
    r1();
    expect(Math.random).toBe(original);
  });

  it('restoreMathRandom restores at once; stale restore functions then do nothing', () => {
    const rng = new RandomStateManager();
    const r1 = rng.patchMathRandom();
    rng.patchMathRandom();
    rng.restoreMathRandom();
    expect(Math.random).toBe(original);
    rng.restoreMathRandom(); // safe when not patched
    const r3 = rng.patchMathRandom();
    r1(); // from the earlier patch: must not undo the new one
    expect(Math.random).not.toBe(original);
    r3();
    expect(Math.random).toBe(original);
  });

  it('two managers restored out of order still end with the original Math.random', () => {
    const a = new RandomStateManager({ seed: 1 });
    const b = new RandomStateManager({ seed: 2 });
    const ra = a.patchMathRandom();
    const rb = b.patchMathRandom();
    ra(); // a's patch is under b's: b stays in charge
    expect(Math.random()).toBe(new Stream({ seed: deriveSeed(2, 'Math.random') }).random());
    rb();
    expect(Math.random).toBe(original);
  });

  it('is disposable: the restore function and the manager implement Symbol.dispose', () => {
    const rng = new RandomStateManager();
    {
      using _restore = rng.patchMathRandom();
      expect(Math.random).not.toBe(original);
    }
    expect(Math.random).toBe(original);
    {
      using m = new RandomStateManager();
      m.patchMathRandom();
      m.patchMathRandom();
    }
    expect(Math.random).toBe(original);
  });

  it('leaves crypto alone', () => {
    const rng = new RandomStateManager();
    const getRandomValues = crypto.getRandomValues;
    const randomUUID = crypto.randomUUID;
    const restore = rng.patchMathRandom();
    expect(crypto.getRandomValues).toBe(getRandomValues);
    expect(crypto.randomUUID).toBe(randomUUID);
    restore();
  });
});
