/**
 * @scitex/sdir — session IDs, RUNNING/ → FINISHED_*∕ directories, leases, scan and reconcile.
 */
export { SdirError, type SdirErrorCode } from './errors.js';
export { genId, ID_TAIL_ALPHABET, type GenIdOptions } from './genId.js';
export { SESSION_ID_PATTERN, parseSessionId, type ParsedSessionId } from './sessionName.js';
export { resolveScript, type ScriptInfo, type ScriptKind } from './resolveScript.js';
export {
  createSessionDir,
  type CreateSessionDirOptions,
  type SessionDir,
} from './createSessionDir.js';
export {
  LEASE_FILE,
  readLease,
  startLease,
  type Lease,
  type LeaseInfo,
  type LeaseOptions,
} from './lease.js';
export type { ProcessIdentity } from './processInfo.js';
export {
  isOwnerAlive,
  ownerStatus,
  type OwnerStatusOptions,
  type OwnerVerdict,
  type OwnerVerdictCode,
} from './ownerStatus.js';
export { finalizeSessionDir, type FinalizeOptions } from './finalizeSessionDir.js';
export { refileSessionDir } from './refileSessionDir.js';
export {
  checkSessionDir,
  sessionDirIdentity,
  type SessionDirIdentity,
} from './sessionDirIdentity.js';
export {
  scanSessions,
  type ScanOptions,
  type ScanResult,
  type SessionInfo,
} from './scanSessions.js';
export type { SkippedEntry } from './listStatusFolder.js';
export {
  reconcile,
  type ReconcileMove,
  type ReconcileOptions,
  type ReconcileResult,
} from './reconcile.js';
export { RECONCILED_FILE, type ReconcileCode, type ReconciledRecord } from './reconciledRecord.js';
export {
  STATUS_FOLDERS,
  folderForExitStatus,
  type FinishedFolder,
  type SessionStatus,
} from './statusFolders.js';
export { LEASE_DEFAULTS, STALE_ENV } from './thresholds.js';
