/**
 * Input checking: every plotted series becomes a Float64Array. `null`, `undefined` and
 * NaN are kept as NaN (a gap in the drawing, an empty CSV cell); anything that is not a
 * number is refused with PLT_BAD_DATA, naming the call, the argument and the index.
 */
import { PltError } from './errors.js';
import { describeValue } from './describeValue.js';

/** Numbers as a plain array or any typed array; `null`/`undefined`/NaN mark missing values. */
export type NumericArray = ArrayLike<number | null | undefined> | ArrayLike<number>;

function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return (
    Array.isArray(v) ||
    ArrayBuffer.isView(v) ||
    (typeof v === 'object' && v !== null && typeof (v as { length?: unknown }).length === 'number')
  );
}

/** Converts `v` to a Float64Array, or throws PLT_BAD_DATA saying where and why. */
export function toNumbers(v: unknown, where: string): Float64Array {
  if (v instanceof Float64Array) return v.slice();
  if (!isArrayLike(v) || typeof v === 'string') {
    throw new PltError(
      'PLT_BAD_DATA',
      `${where} must be an array of numbers; got ${describeValue(v)}`,
    );
  }
  if (ArrayBuffer.isView(v)) {
    if (v instanceof DataView || isBig(v)) {
      throw new PltError('PLT_BAD_DATA', `${where} must hold numbers; got a ${v.constructor.name}`);
    }
    return Float64Array.from(v as unknown as ArrayLike<number>);
  }
  const n = v.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = v[i];
    if (typeof x === 'number') out[i] = x;
    else if (x === null || x === undefined) out[i] = NaN;
    else {
      throw new PltError(
        'PLT_BAD_DATA',
        `${where}[${i}] is ${describeValue(x)}, not a number (use null or NaN for a missing value)`,
      );
    }
  }
  return out;
}

function isBig(v: ArrayBufferView): boolean {
  return v instanceof BigInt64Array || v instanceof BigUint64Array;
}

/** Throws PLT_BAD_DATA unless all series have the same length. */
export function sameLength(where: string, series: Record<string, { length: number }>): void {
  const entries = Object.entries(series);
  const first = entries[0];
  if (!first) return;
  for (const [name, s] of entries) {
    if (s.length !== first[1].length) {
      throw new PltError(
        'PLT_BAD_DATA',
        `${where}: ${first[0]} has ${first[1].length} values but ${name} has ${s.length}; they must be the same length`,
      );
    }
  }
}

/** Whether `v` looks like an array (not a string). */
export function looksLikeArray(v: unknown): boolean {
  return isArrayLike(v) && typeof v !== 'string';
}

/** A positive finite number or a PLT_BAD_DATA error. */
export function finiteNumber(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new PltError('PLT_BAD_DATA', `${where} must be a finite number; got ${describeValue(v)}`);
  }
  return v;
}
