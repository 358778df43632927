/**
 * The `size` argument of the sampling methods: a count gives a flat array, a shape such
 * as `[10, 10]` gives nested arrays (row-major, last index fastest) — NumPy's `size`.
 */
import { describeValue } from './describeValue.js';
import { RngError } from './errors.js';

/** A count (`5` → a 5-element array) or a shape (`[2, 3]` → 2 arrays of 3). */
export type Size = number | readonly number[];

/** Arrays nested to any depth, for shapes whose length is not known statically. */
export type NestedArray<T> = Array<T | NestedArray<T>>;

/**
 * What a sampling method returns for `size`: `T[]` for a count, `T[][]` for a
 * two-element shape literal, and so on; {@link NestedArray} when the shape's length is
 * only known at run time.
 */
export type Sized<T, S extends Size> = S extends number
  ? T[]
  : S extends readonly [number]
    ? T[]
    : S extends readonly [number, ...infer Rest extends readonly number[]]
      ? Sized<T, Rest>[]
      : NestedArray<T>;

// Longest array a JavaScript engine will create.
const MAX_LENGTH = 0xffff_ffff;

/** Validates `size` and returns it as a shape (a count `n` becomes `[n]`). */
export function toShape(size: unknown): readonly number[] {
  const shape = typeof size === 'number' ? [size] : size;
  if (!Array.isArray(shape) || shape.length === 0) {
    throw new RngError(
      'RNG_INVALID_ARGUMENT',
      `size must be a count or a non-empty shape array such as [10, 10], got ${describeValue(size)}` +
        '; leave it out for a single value',
    );
  }
  let total = 1;
  for (const d of shape as unknown[]) {
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) {
      throw new RngError(
        'RNG_INVALID_ARGUMENT',
        `size entries must be non-negative integers, got ${describeValue(d)}`,
      );
    }
    total *= d;
  }
  if (total > MAX_LENGTH) {
    throw new RngError('RNG_INVALID_ARGUMENT', `size [${shape.join(', ')}] is too large`);
  }
  return shape as readonly number[];
}

/** Number of elements in a validated shape. */
export function shapeTotal(shape: readonly number[]): number {
  let total = 1;
  for (const d of shape) total *= d;
  return total;
}

/** Fills `shape` with values from `next()`, in row-major order. */
export function fillShape<T>(shape: readonly number[], next: () => T): NestedArray<T> {
  return build(shape, 0, next);
}

/** Lays the flat `values` out as `shape` (row-major); `values.length` must match. */
export function reshape<T>(values: readonly T[], shape: readonly number[]): NestedArray<T> {
  let i = 0;
  return build(shape, 0, () => values[i++] as T);
}

function build<T>(shape: readonly number[], dim: number, next: () => T): NestedArray<T> {
  const n = shape[dim] as number;
  // push keeps the array packed (new Array(n) would make it holey and slower).
  const out: NestedArray<T> = [];
  if (dim === shape.length - 1) {
    for (let i = 0; i < n; i++) out.push(next());
  } else {
    for (let i = 0; i < n; i++) out.push(build(shape, dim + 1, next));
  }
  return out;
}
