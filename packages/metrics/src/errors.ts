/**
 * The one error class of @scitex/metrics. Every failure carries a stable string `code`
 * (listed in the README with what to do about it) and, where there was one, the `cause`.
 */

/**
 * - `METRICS_INVALID_VALUE`: a value is not a finite number (NaN, ±Infinity, a string…).
 * - `METRICS_INVALID_NAME`: a metric name is empty, too long, not a string or holds a control character.
 * - `METRICS_INVALID_STEP`: `step` is not a non-negative safe integer.
 * - `METRICS_INVALID_OPTION`: `openMetrics`/`log`/`readMetrics` got an argument of the wrong type.
 * - `METRICS_CLOSED`: `log()` after `close()`.
 * - `METRICS_OPEN_FAILED`: the directory or file cannot be created or opened, or the file is not a metrics CSV.
 * - `METRICS_WRITE_FAILED`: writing buffered values failed (disk full, file gone…); they are kept for the next flush.
 * - `METRICS_READ_FAILED`: `readMetrics` cannot read the file, or it is not a metrics CSV.
 */
export type MetricsErrorCode =
  | 'METRICS_INVALID_VALUE'
  | 'METRICS_INVALID_NAME'
  | 'METRICS_INVALID_STEP'
  | 'METRICS_INVALID_OPTION'
  | 'METRICS_CLOSED'
  | 'METRICS_OPEN_FAILED'
  | 'METRICS_WRITE_FAILED'
  | 'METRICS_READ_FAILED';

/** Thrown by openMetrics(), the handle's methods and readMetrics(). */
export class MetricsError extends Error {
  override readonly name = 'MetricsError' as const;
  /** What went wrong, stable across versions. */
  readonly code: MetricsErrorCode;

  /**
   * @param code what went wrong
   * @param message what went wrong and what to do
   * @param options `cause`: the underlying error
   */
  constructor(code: MetricsErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
