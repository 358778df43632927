// @scitex/session bundles its own copy of this package: objects and Math.random patches
// made by one copy must be understood by another. `?copy` makes vite load a second,
// separate instance of the same source module.
import { describe, expect, it } from 'vitest';
import { RngError } from '../src/errors.ts';
import { RandomStateManager } from '../src/randomStateManager.ts';
import { Stream } from '../src/stream.ts';
import type * as ErrorsModule from '../src/errors.ts';
import type * as ManagerModule from '../src/randomStateManager.ts';
import type * as StreamModule from '../src/stream.ts';
import type * as PatchModule from '../src/mathRandomPatch.ts';

// A variable specifier keeps TypeScript from looking for a file named '…?copy'.
function copyOf<T>(path: string): Promise<T> {
  return import(/* @vite-ignore */ `${path}?copy`) as Promise<T>;
}

async function otherCopy(): Promise<{
  RngError: typeof RngError;
  RandomStateManager: typeof RandomStateManager;
  Stream: typeof Stream;
}> {
  const errors = await copyOf<typeof ErrorsModule>('../src/errors.ts');
  const manager = await copyOf<typeof ManagerModule>('../src/randomStateManager.ts');
  const stream = await copyOf<typeof StreamModule>('../src/stream.ts');
  return {
    RngError: errors.RngError,
    RandomStateManager: manager.RandomStateManager,
    Stream: stream.Stream,
  };
}

describe('another copy of the package', () => {
  it('is really a different module instance', async () => {
    const copy = await otherCopy();
    expect(copy.RngError).not.toBe(RngError);
    expect(copy.RandomStateManager).not.toBe(RandomStateManager);
  });

  it('makes errors and managers that pass instanceof here, and the other way round', async () => {
    const copy = await otherCopy();
    const theirs = new copy.RngError('RNG_INVALID_SEED', 'bad seed');
    expect(theirs instanceof RngError).toBe(true);
    expect(new RngError('RNG_INVALID_SEED', 'x') instanceof copy.RngError).toBe(true);
    expect(new copy.RandomStateManager({ seed: 1 }) instanceof RandomStateManager).toBe(true);
    expect(new copy.RandomStateManager({ seed: 1 }).get('a') instanceof Stream).toBe(true);
  });

  it('does not widen instanceof to unrelated values or to subclasses', async () => {
    const copy = await otherCopy();
    for (const v of [new Error('x'), {}, null, undefined, 'RngError', 42, () => 1]) {
      expect(v instanceof RngError).toBe(false);
    }
    class MyError extends RngError {}
    expect(new copy.RngError('RNG_INVALID_SEED', 'x') instanceof MyError).toBe(false);
    expect(new MyError('RNG_INVALID_SEED', 'x') instanceof MyError).toBe(true);
    expect(new MyError('RNG_INVALID_SEED', 'x') instanceof RngError).toBe(true);
    expect(new copy.RandomStateManager({ seed: 1 }) instanceof Stream).toBe(false);
  });

  it('shares the Math.random patch stack: restores in any order end at the original', async () => {
    const ours = await import('../src/mathRandomPatch.ts');
    const theirs = await copyOf<typeof PatchModule>('../src/mathRandomPatch.ts');
    expect(theirs.installMathRandom).not.toBe(ours.installMathRandom);
    const original = Math.random;
    try {
      const restoreOurs = ours.installMathRandom(() => 0.25);
      const restoreTheirs = theirs.installMathRandom(() => 0.75);
      // Ours is restored while theirs is on top: Math.random stays theirs…
      restoreOurs();
      expect(Math.random()).toBe(0.75);
      // …and restoring theirs skips our dead patch and lands on the original.
      restoreTheirs();
      expect(Math.random).toBe(original);
    } finally {
      Math.random = original;
    }
  });
});
