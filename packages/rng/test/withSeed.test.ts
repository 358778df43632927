import { describe, expect, it } from 'vitest';
import { deriveSeed, RandomStateManager, Stream } from '../src/index.ts';

describe('withSeed', () => {
  it('runs fn under the temporary seed, then every stream continues where it was', () => {
    const rng = new RandomStateManager({ seed: 42 });
    const ref = new RandomStateManager({ seed: 42 });
    const data = rng.get('data');
    data.random(3);
    ref.get('data').random(3);
    const inside = rng.withSeed(7, () => {
      expect(rng.seed).toBe(7);
      // Re-seeded in place: the held reference and get() agree.
      expect(rng.get('data')).toBe(data);
      return [data.random(), rng.get('fresh').random(), rng.random()];
    });
    expect(inside).toEqual([
      new Stream({ seed: deriveSeed(7, 'data') }).random(),
      new Stream({ seed: deriveSeed(7, 'fresh') }).random(),
      new Stream({ seed: deriveSeed(7, 'default') }).random(),
    ]);
    expect(rng.seed).toBe(42);
    expect(data.random(5)).toEqual(ref.get('data').random(5));
    // Streams first used inside are forgotten: outside they derive from the real seed.
    expect(rng.get('fresh').seed).toBe(deriveSeed(42, 'fresh'));
    ref.get('fresh');
    expect(rng.random()).toBe(ref.random());
    expect(rng.toJSON()).toEqual(ref.toJSON());
  });

  it('is the same whether or not fn runs, as far as the outer streams are concerned', () => {
    const a = new RandomStateManager({ seed: 5 });
    const b = new RandomStateManager({ seed: 5 });
    a.get('x').normal(); // leaves a normal() spare, which must survive too
    b.get('x').normal();
    a.withSeed(1, () => a.get('x').normal(0, 1, 5));
    expect(a.get('x').normal(0, 1, 3)).toEqual(b.get('x').normal(0, 1, 3));
    expect(a.toJSON()).toEqual(b.toJSON());
  });

  it('restores also when fn throws, and rethrows the same error', () => {
    const rng = new RandomStateManager({ seed: 42 });
    const ref = new RandomStateManager({ seed: 42 });
    rng.get('data').random();
    ref.get('data').random();
    const boom = new Error('boom');
    expect(() =>
      rng.withSeed(3, () => {
        rng.get('data').random(10);
        throw boom;
      }),
    ).toThrow(boom);
    expect(rng.seed).toBe(42);
    expect(rng.get('data').random()).toBe(ref.get('data').random());
  });

  it('nests', () => {
    const rng = new RandomStateManager({ seed: 1 });
    const outer = rng.withSeed(2, () => {
      const before = rng.get('s').random();
      const inner = rng.withSeed(3, () => rng.get('s').random());
      return [before, inner, rng.get('s').random(), rng.seed];
    });
    const s2 = new Stream({ seed: deriveSeed(2, 's') });
    expect(outer).toEqual([
      s2.random(),
      new Stream({ seed: deriveSeed(3, 's') }).random(),
      s2.random(),
      2,
    ]);
    expect(rng.seed).toBe(1);
  });

  it('with an async fn, restores when the promise settles (resolved or rejected)', async () => {
    const rng = new RandomStateManager({ seed: 42 });
    const value = await rng.withSeed(9, async () => {
      await new Promise((r) => setTimeout(r, 1));
      expect(rng.seed).toBe(9);
      return rng.get('a').random();
    });
    expect(value).toBe(new Stream({ seed: deriveSeed(9, 'a') }).random());
    expect(rng.seed).toBe(42);
    await expect(
      rng.withSeed(9, async () => {
        throw new Error('late');
      }),
    ).rejects.toThrow('late');
    expect(rng.seed).toBe(42);
  });

  it('re-seeds a patched Math.random too', () => {
    const rng = new RandomStateManager({ seed: 42 });
    const restore = rng.patchMathRandom();
    try {
      const inside = rng.withSeed(4, () => Math.random());
      expect(inside).toBe(new Stream({ seed: deriveSeed(4, 'Math.random') }).random());
      expect(Math.random()).toBe(new Stream({ seed: deriveSeed(42, 'Math.random') }).random());
    } finally {
      restore();
    }
  });

  it('refuses a non-function', () => {
    expect(() => new RandomStateManager().withSeed(1, 5 as never)).toThrow(
      expect.objectContaining({ code: 'RNG_INVALID_ARGUMENT' }),
    );
  });
});
