/** The one rule every seed obeys: an integer in [0, 2^32). */
import { describeValue } from './describeValue.js';
import { RngError } from './errors.js';

/** 2^32: seeds are below this. */
export const SEED_LIMIT = 0x1_0000_0000;

/** True when `value` is a valid seed: a number that is an integer in [0, 2^32). */
export function isSeed(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < SEED_LIMIT;
}

/**
 * Returns `value` if it is a valid seed, else throws `RNG_INVALID_SEED`. Strings such as
 * `"42"` are refused rather than parsed: a seed read from the command line should be
 * converted on purpose, where a typo can be reported.
 */
export function checkSeed(value: unknown, what = 'seed'): number {
  if (isSeed(value)) return value;
  throw new RngError(
    'RNG_INVALID_SEED',
    `${what} must be an integer in [0, 2^32) (0 … 4294967295), got ${describeValue(value)}` +
      (typeof value === 'string' ? '; convert strings with Number() first' : ''),
  );
}
