import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveSeed } from '../src/index.ts';
import { expectCode } from './expectCode.ts';

describe('deriveSeed', () => {
  it('matches the Python original for every published vector (seed 42)', () => {
    expect(deriveSeed(42, 'data')).toBe(2373418850);
    expect(deriveSeed(42, 'model')).toBe(552820365);
    expect(deriveSeed(42, 'test')).toBe(160394231);
    expect(deriveSeed(42, 'experiment')).toBe(3997523470);
    expect(deriveSeed(42, 'split')).toBe(4009673517);
    expect(deriveSeed(42, '')).toBe(3558706435);
  });

  it('is (seed + first 32 bits of md5(utf8 name)) mod 2^32, wrapping at the top', () => {
    const md5 = (s: string): number =>
      parseInt(createHash('md5').update(s, 'utf8').digest('hex').slice(0, 8), 16);
    for (const name of ['data', 'ü-ñ', '日本語', 'Math.random']) {
      for (const seed of [0, 1, 42, 2 ** 31, 2 ** 32 - 1]) {
        const expected = (seed + md5(name)) % 2 ** 32;
        expect(deriveSeed(seed, name)).toBe(expected);
      }
    }
    // md5('data') starts with 0x8d777f38 = 2373418808, so this seed wraps to 0.
    expect(deriveSeed(2 ** 32 - 2373418808, 'data')).toBe(0);
  });

  it('rejects bad seeds and non-string names with their codes', () => {
    for (const bad of [NaN, 1.5, -1, 2 ** 32, '42', Infinity, null, undefined]) {
      expectCode(() => deriveSeed(bad as number, 'x'), 'RNG_INVALID_SEED');
    }
    expectCode(() => deriveSeed(42, 7 as unknown as string), 'RNG_INVALID_ARGUMENT');
  });
});
