/** Names of the manager's built-in streams. */

/** Name of the stream behind the manager's own `random()`, `integers()`, …. */
export const DEFAULT_STREAM = 'default';
/** Name of the stream behind a patched `Math.random`. */
export const MATH_RANDOM_STREAM = 'Math.random';
