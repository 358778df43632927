/** Validation and sampling for `choice(..., { p })`. */
import { describeValue } from './describeValue.js';
import { RngError } from './errors.js';

// NumPy's tolerance for p summing to 1: sqrt(float64 eps).
const SUM_TOLERANCE = Math.sqrt(Number.EPSILON);

/**
 * Checks `p` against a population of `n` and returns it as a Float64Array: same length,
 * every entry finite and ≥ 0, summing to 1 within √ε (NumPy's rule).
 */
export function checkProbabilities(p: unknown, n: number): Float64Array {
  const isList = Array.isArray(p) || (ArrayBuffer.isView(p) && !(p instanceof DataView));
  if (!isList) {
    throw new RngError(
      'RNG_INVALID_ARGUMENT',
      `p must be an array of probabilities, got ${describeValue(p)}`,
    );
  }
  const list = p as ArrayLike<unknown>;
  if (list.length !== n) {
    throw new RngError(
      'RNG_INVALID_ARGUMENT',
      `p has ${list.length} entries but the population has ${n}; give one probability per element`,
    );
  }
  const out = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = list[i];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new RngError(
        'RNG_INVALID_ARGUMENT',
        `p[${i}] must be a finite number ≥ 0, got ${describeValue(v)}`,
      );
    }
    out[i] = v;
    sum += v;
  }
  if (!(Math.abs(sum - 1) <= SUM_TOLERANCE)) {
    throw new RngError(
      'RNG_INVALID_ARGUMENT',
      `p must sum to 1, but sums to ${sum}; divide each entry by the sum to normalise`,
    );
  }
  return out;
}

/** Running sums of `weights`; the last entry is the total. */
export function cumulative(weights: Float64Array): Float64Array {
  const cdf = new Float64Array(weights.length);
  let acc = 0;
  for (let i = 0; i < weights.length; i++) cdf[i] = acc += weights[i] as number;
  return cdf;
}

/**
 * The index drawn by a uniform `u` in [0, 1): the first i with `cdf[i] > u · total`.
 * Zero-weight entries are never returned; if rounding puts the target at the very top,
 * the last entry with positive weight is returned.
 */
export function searchCumulative(cdf: Float64Array, u: number): number {
  const n = cdf.length;
  const total = cdf[n - 1] as number;
  const target = u * total;
  let lo = 0;
  let hi = n - 1;
  if (!((cdf[hi] as number) > target)) {
    // Only reachable through rounding: step back over trailing zero weights.
    while (hi > 0 && cdf[hi] === cdf[hi - 1]) hi--;
    return hi;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cdf[mid] as number) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
