/** Error-bar sizes as matplotlib takes them: a scalar, one per point, or [lower, upper]. */
import { PltError } from '../errors.js';
import { looksLikeArray, toNumbers } from '../data.js';
import type { ErrorInput } from '../plotOptions.js';

/** Lower and upper error per point (non-negative; NaN allowed). */
export interface Errors {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly symmetric: boolean;
}

function check(a: Float64Array, n: number, what: string): Float64Array {
  if (a.length !== n) {
    throw new PltError('PLT_BAD_DATA', `${what} has ${a.length} values but there are ${n} points`);
  }
  for (let i = 0; i < n; i++) {
    if (a[i]! < 0)
      throw new PltError('PLT_BAD_DATA', `${what}[${i}] is negative (${a[i]}); errors are sizes`);
  }
  return a;
}

/** Parses `e` for `n` points; undefined when no errors were given. */
export function parseErrors(
  e: ErrorInput | undefined,
  n: number,
  what: string,
): Errors | undefined {
  if (e === undefined) return undefined;
  if (typeof e === 'number') {
    const a = check(new Float64Array(n).fill(e), n, what);
    return { lo: a, hi: a, symmetric: true };
  }
  const arr = e as ArrayLike<unknown>;
  if (arr.length === 2 && looksLikeArray(arr[0]) && looksLikeArray(arr[1])) {
    const lo = check(toNumbers(arr[0], `${what}[0]`), n, `${what}[0]`);
    const hi = check(toNumbers(arr[1], `${what}[1]`), n, `${what}[1]`);
    return { lo, hi, symmetric: false };
  }
  const a = check(toNumbers(e, what), n, what);
  return { lo: a, hi: a, symmetric: true };
}

/** CSV columns for errors named `name` (e.g. `yerr`). */
export function errorColumns(name: string, e: Errors | undefined): Array<[string, Float64Array]> {
  if (!e) return [];
  return e.symmetric
    ? [[name, e.lo]]
    : [
        [`${name}_lower`, e.lo],
        [`${name}_upper`, e.hi],
      ];
}
