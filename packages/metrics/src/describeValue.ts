/**
 * A bad value as error messages show it: short, and safe for any value — a BigInt, NaN, a
 * cycle, a Proxy, a getter that throws. Strings are quoted and cut at 60 characters;
 * everything else is `util.inspect` with small limits (one level deep, five items).
 *
 * This file is identical in every @scitex package whose errors describe values (a root
 * test compares the copies): one way to say "got …", wherever the error comes from.
 */
import { inspect } from 'node:util';

const LIMITS = {
  depth: 1,
  maxArrayLength: 5,
  maxStringLength: 60,
  breakLength: Infinity,
  customInspect: false,
  getters: false,
} as const;

/** `"abc"`, `NaN`, `5n`, `[ 1, 2, 3, ... 7 more items ]`, `{ a: 1 }`, `[Function: f]`. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  try {
    return inspect(value, LIMITS);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
