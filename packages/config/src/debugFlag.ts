/**
 * The spellings a debug switch may take. Unlike the Python original (B17: the string
 * "false" counted as true), every value is either clearly on, clearly off, or an error.
 */

/** Values that switch debug mode on (strings compared trimmed and case-insensitively). */
export const TRUE_SPELLINGS: readonly string[] = ['true', 'yes', 'on', '1'];
/** Values that leave debug mode off; an empty string counts as off too. */
export const FALSE_SPELLINGS: readonly string[] = ['false', 'no', 'off', '0', ''];

/**
 * `true`/`false` for a recognised value (booleans, 1/0, the spellings above, null and
 * undefined as off), `undefined` for anything else.
 */
export function parseDebugFlag(value: unknown): boolean | undefined {
  if (value === null || value === undefined || value === false || value === 0) return false;
  if (value === true || value === 1) return true;
  if (typeof value === 'string') {
    const s = value.trim().toLowerCase();
    if (TRUE_SPELLINGS.includes(s)) return true;
    if (FALSE_SPELLINGS.includes(s)) return false;
  }
  return undefined;
}
