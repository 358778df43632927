/**
 * The seed of a named stream, by the Python original's rule, so the derived seeds are the
 * same in both languages.
 */
import { md5 } from '@noble/hashes/legacy.js';
import { describeValue } from './describeValue.js';
import { RngError } from './errors.js';
import { checkSeed, SEED_LIMIT } from './seed.js';

/**
 * `(seed + parseInt(md5(utf8(name)).slice(0, 8), 16)) mod 2**32` — the rule of the Python
 * `RandomStateManager`, so `deriveSeed(42, 'data') === 2373418850` in both.
 *
 * @throws RngError `RNG_INVALID_SEED` for a bad seed, `RNG_INVALID_ARGUMENT` when `name`
 * is not a string.
 */
export function deriveSeed(seed: number, name: string): number {
  checkSeed(seed);
  if (typeof name !== 'string') {
    throw new RngError(
      'RNG_INVALID_ARGUMENT',
      `stream name must be a string, got ${describeValue(name)}`,
    );
  }
  // @noble/hashes rather than node:crypto, which would cost every session ~1.5 ms to load.
  const d = md5(new TextEncoder().encode(name));
  const prefix = ((d[0]! << 24) | (d[1]! << 16) | (d[2]! << 8) | d[3]!) >>> 0;
  return (seed + prefix) % SEED_LIMIT;
}
