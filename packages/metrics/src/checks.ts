/**
 * What a metric name, value and step may be, and how a bad one is described in an error.
 */
import { MetricsError } from './errors.js';
import { describeValue } from './describeValue.js';

/** Longest metric name accepted, in UTF-16 code units. */
export const MAX_NAME_LENGTH = 200;

/** Throws METRICS_INVALID_NAME unless `name` is a usable metric name. */
export function checkName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME_LENGTH) {
    throw new MetricsError(
      'METRICS_INVALID_NAME',
      `metric name ${describeValue(name)} is not usable: give a non-empty string of at most ${MAX_NAME_LENGTH} characters, e.g. 'loss' or 'val/acc'.`,
    );
  }
  // Control characters would break the one-record-per-line format.
  if (/[\x00-\x1f\x7f]/.test(name)) {
    throw new MetricsError(
      'METRICS_INVALID_NAME',
      `metric name ${JSON.stringify(name)} holds a control character (newline, tab…): remove it.`,
    );
  }
}

/** Throws METRICS_INVALID_VALUE unless `value` is a finite number. */
export function checkValue(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new MetricsError(
      'METRICS_INVALID_VALUE',
      `metric ${JSON.stringify(name)} got ${describeValue(value)}: values must be finite numbers. Convert it (Number(x)) or skip the step; nothing of this call was written.`,
    );
  }
}

/** Throws METRICS_INVALID_STEP unless `step` is a non-negative safe integer. */
export function checkStep(step: unknown): asserts step is number {
  if (typeof step !== 'number' || !Number.isSafeInteger(step) || step < 0) {
    throw new MetricsError(
      'METRICS_INVALID_STEP',
      `step ${describeValue(step)} is not usable: give a whole number ≥ 0, or leave it out to count per name; nothing of this call was written.`,
    );
  }
}
