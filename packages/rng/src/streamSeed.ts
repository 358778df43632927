/** The one rule for the seed a named stream starts from. */
import type { Algorithm } from './algorithms.js';
import { deriveSeed } from './deriveSeed.js';
import { MATH_RANDOM_STREAM } from './streamNames.js';

/**
 * `deriveSeed(seed, name)` — except the `'Math.random'` stream of a numpy manager, which is
 * Python's `random` seeded with the master seed itself (`random.seed(seed)`).
 */
export function streamSeed(algorithm: Algorithm, seed: number, name: string): number {
  return algorithm === 'numpy' && name === MATH_RANDOM_STREAM ? seed : deriveSeed(seed, name);
}
