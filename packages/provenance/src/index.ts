/**
 * @scitex/provenance — what it takes to run an experiment again (command line, code
 * version, dependencies), whether the code is still that code, and how two runs differ.
 */
export { ProvenanceError, type ProvenanceErrorCode } from './errors.js';
export type {
  ArgvRecord,
  ChangedFile,
  CodeRecord,
  DepsRecord,
  DiffRecord,
  GitRecord,
  ProvenanceRecord,
  SkippedFile,
  SourceRecord,
} from './record.js';
export {
  collectCode,
  collectProvenance,
  redactArgv,
  type CollectCodeOptions,
  type CollectProvenanceOptions,
} from './collectProvenance.js';
export { collectDeps, LOCKFILES } from './dependencies.js';
export { GIT_DIFF_FILE, type GitOptions } from './git.js';
export { SOURCE_EXTENSIONS, type SourceOptions } from './sourceTree.js';
export { SOURCE_DIR, writeProvenanceFiles } from './writeProvenanceFiles.js';
export {
  checkCode,
  compareDeps,
  type CheckCodeOptions,
  type CodeDifference,
  type DepDifference,
} from './checkCode.js';
export { BOOKKEEPING_KEYS, flattenConfig } from './flattenConfig.js';
export { maskLog } from './maskLog.js';
export { csvCompare, csvMaxAbsDiff, parseCsv, type CsvComparison } from './csvDiff.js';
export {
  compareSessions,
  NOT_OUTPUTS,
  type FileComparison,
  type LogDifference,
  type ParamDifference,
  type SessionComparison,
  type SessionEnd,
} from './compareSessions.js';
export { resolveSessionId, type SessionRef } from './resolveSessionId.js';
