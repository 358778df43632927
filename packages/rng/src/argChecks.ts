/**
 * Checks of the arguments the streams take (default, NumPy and legacy alike), so that one
 * bad value is refused the same way — `RNG_INVALID_ARGUMENT`, saying what was given —
 * whichever stream it was passed to.
 */
import { describeValue } from './describeValue.js';
import { RngError } from './errors.js';

/** An `RNG_INVALID_ARGUMENT` error. */
export function invalid(message: string): RngError {
  return new RngError('RNG_INVALID_ARGUMENT', message);
}

/** An array or typed array whose items can be swapped in place (not a DataView). */
export function isList(x: unknown): x is ArrayLike<unknown> & { [i: number]: unknown } {
  return Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView));
}

/** `value` if it is a finite number, else `RNG_INVALID_ARGUMENT` naming `what`. */
export function checkFinite(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalid(`${what} must be a finite number, got ${describeValue(value)}`);
  }
  return value;
}

/** `value` if it is a non-negative safe integer, else `RNG_INVALID_ARGUMENT` naming `what`. */
export function checkCount(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw invalid(`${what} must be a non-negative integer, got ${describeValue(value)}`);
  }
  return value;
}
