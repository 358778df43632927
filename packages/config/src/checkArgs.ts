/** Argument checks for callers without TypeScript: a coded error instead of a TypeError. */
import { ConfigError } from './errors.js';

/** Throws CONFIG_INVALID_ARGUMENT unless `value` is a non-empty string. */
export function checkPath(fn: string, name: string, value: unknown): string {
  if (typeof value === 'string' && value.length > 0) return value;
  throw new ConfigError(
    'CONFIG_INVALID_ARGUMENT',
    `${fn}(): ${name} must be a non-empty path string, got ${value === null ? 'null' : typeof value}`,
  );
}
