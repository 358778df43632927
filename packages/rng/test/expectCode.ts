import { expect } from 'vitest';
import { RngError, type RngErrorCode } from '../src/index.ts';

/** Asserts that `fn` throws an RngError with `code`; returns it for further checks. */
export function expectCode(fn: () => unknown, code: RngErrorCode): RngError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught, `expected ${code} to be thrown`).toBeInstanceOf(RngError);
  expect((caught as RngError).code).toBe(code);
  return caught as RngError;
}
