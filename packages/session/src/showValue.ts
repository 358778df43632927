/**
 * A bad value as error messages show it. JSON.stringify alone would throw on a BigInt (so
 * the user got a TypeError instead of the SessionError) and prints NaN and Infinity as
 * "null" (so "seed must be an integer, got null" for a NaN seed).
 */
export function showValue(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'bigint')
    return typeof v === 'bigint' ? `${v}n` : String(v);
  if (typeof v === 'symbol' || typeof v === 'function' || v === undefined) return String(v);
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}
