/**
 * logMetrics(): numbers per step into the open session's `metrics.csv` (long form:
 * step,name,value,time), through @scitex/metrics — buffered, flushed with the logs'
 * durability, opened on first use (a run that logs nothing has no file). close() records
 * the last value of each name as `CONFIG.METRICS`.
 */
import type * as Metrics from '@scitex/metrics';
import type { LogOptions } from '@scitex/metrics';
import { SessionError } from './errors.js';
import { requireLazily } from './requireLazily.js';
import { getActive } from './state.js';

// Loaded on the first logMetrics(): most runs log none, and every run would pay to load it.
let metrics: typeof Metrics | undefined;
const openMetrics: typeof Metrics.openMetrics = (...args) =>
  (metrics ??= requireLazily('@scitex/metrics') as typeof Metrics).openMetrics(...args);

/**
 * Appends `values` (`{ loss: 0.12, acc: 0.9 }`) at `step` to `<SDIR>/metrics.csv`.
 * Without `step`, each name counts its own steps from 0. Throws `SessionError`
 * `SESSION_NOT_ACTIVE` outside a session, `MetricsError` for a non-finite or non-number
 * value, a bad name or step — nothing is written then.
 */
export function logMetrics(values: Readonly<Record<string, number>>, options?: LogOptions): void {
  const state = getActive();
  if (!state || state.result) {
    throw new SessionError(
      'SESSION_NOT_ACTIVE',
      'logMetrics(): no session is open; call start() (or run()) first',
    );
  }
  // The session handles signals itself and closes the metrics there.
  state.metrics ??= openMetrics(state.dir, { signals: false });
  state.metrics.log(values, options);
}
