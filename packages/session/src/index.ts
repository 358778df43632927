/**
 * @scitex/session — reproducible experiment sessions: start()/close()/run(), the
 * SessionManager and (as the `scitex-session` bin) the CLI.
 */
export { start } from './start.js';
export { close, type CloseOptions } from './close.js';
export { run, type RunContext, type RunOptions } from './run.js';
export {
  parseArgs,
  type ArgSpec,
  type ArgsSchema,
  type ParsedArgs,
  type ParseOptions,
  type ParseOutcome,
} from './cliArgs.js';
export { SessionManager } from './manager.js';
export { logMetrics } from './metrics.js';
export type { MetricsErrorCode, LogOptions } from '@scitex/metrics';
export { buildReport, writeReport } from './reportLazy.js';
export type { ReportOptions, ReportSummary } from './report/index.js';
export { SessionError, type SessionErrorCode } from './errors.js';
export { formatRunTime } from './runTime.js';
export { statusFolder, signalExitStatus, type StatusFolder } from './exitStatus.js';
export { createLogger, type Logger, type LogLevel } from './logger.js';
export type { StartOptions } from './options.js';
export type { Session, SessionHandle, SessionTuple } from './session.js';
export type { SessionConfig, ErrorRecord } from './sessionConfig.js';
export type { CloseResult, SessionRecord } from './state.js';
export type { HostInfo } from './host.js';
export { VERSION } from './version.js';
