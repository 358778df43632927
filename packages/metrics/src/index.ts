/**
 * @scitex/metrics: numbers per step appended to a long-form metrics.csv, and read back.
 */
export { MetricsError, type MetricsErrorCode } from './errors.js';
export {
  openMetrics,
  FLUSH_INTERVAL_MS,
  type LogOptions,
  type MetricsHandle,
  type MetricsOptions,
} from './openMetrics.js';
export { readMetrics } from './readMetrics.js';
export type { MetricSeries, MetricsData } from './parseMetrics.js';
export { HEADER, METRICS_FILE } from './csv.js';
export { MAX_NAME_LENGTH } from './checks.js';
