/**
 * The `time` column: ISO-8601 UTC with milliseconds. Formatting a date costs more than the
 * rest of a logged value, and a training loop logs many values per millisecond, so the
 * text of the current millisecond is kept.
 */
let lastMs = -1;
let lastText = '';

/** ISO-8601 text of `ms` (epoch milliseconds), cached for repeated calls in one millisecond. */
export function timeText(ms: number): string {
  if (ms !== lastMs) {
    lastMs = ms;
    lastText = new Date(ms).toISOString();
  }
  return lastText;
}
