/**
 * The CONFIG object a session hands to the script: the namespaces from ./config/*.yaml
 * plus the session's own keys (DESIGN §3).
 */
import type { ArgvRecord, CodeRecord, DepsRecord } from '@scitex/provenance';
import type { HostInfo } from './host.js';

/** Error details recorded when a run ends by an uncaught error. */
export interface ErrorRecord {
  name: string;
  message: string;
  stack?: string;
  /** 'uncaughtException', 'unhandledRejection' or 'run' (thrown by the run() main). */
  origin: string;
}

/** CONFIG: a plain object. Namespaces from ./config/<stem>.yaml sit beside the session keys. */
export interface SessionConfig {
  /** Session ID, e.g. `2025Y-11M-18D-07h53m37s_Z5MR` (`DEBUG_` prefix in debug mode). */
  ID: string;
  PID: number;
  START_TIME: Date;
  END_TIME?: Date;
  /** `HH:MM:SS`, hours not wrapped. */
  RUN_TIME?: string;
  /** Absolute real path of the script. */
  FILE: string;
  /** Session directory with a trailing `/`; moved to FINISHED_* by close. */
  SDIR: string;
  /** The same without the trailing `/`. */
  SDIR_PATH: string;
  /** The output root holding RUNNING/ and FINISHED_*. */
  SDIR_OUT: string;
  ARGS: Record<string, unknown>;
  EXIT_STATUS: number | null;
  SEED: number;
  /** Algorithm and, per named stream, derived seed and draw count (from `rng.toJSON()`). */
  RNG: unknown;
  HOST: HostInfo;
  /** True when debug mode was on (IS_DEBUG.yaml or SCITEX_DEBUG=1). */
  DEBUG: boolean;
  /** The config folder the namespaces were read from, or null when there was none. */
  CONFIG_DIR: string | null;
  /** Which file each configuration namespace came from. */
  CONFIG_FILES: Record<string, string>;
  /** Set when the run ended by a signal. */
  SIGNAL?: string;
  /** Set when the run ended by an error. */
  ERROR?: ErrorRecord;
  /** Set when the session was filed again after close() (a late signal or error), and why. */
  REFILED?: { at: string; why: string };
  /** Figures whose save was still running when the process ended. */
  UNSAVED_FIGURES?: string[];
  /** The last value of each metric logged with logMetrics(). */
  METRICS?: Record<string, number>;
  /** Overridden keys (`--set`, SCITEX_SET): key, value, where it came from. */
  OVERRIDES?: { key: string; value: unknown; source: string; added: boolean }[];
  /** The sweep this run is a task of (id, task index, attempt, previous attempt). */
  SWEEP?: Record<string, unknown>;
  /** The command line: script and arguments, and node's own flags. */
  ARGV?: ArgvRecord;
  /** The code that ran: script sha256, git commit/branch/dirty, or the sources copied. */
  CODE?: CodeRecord;
  /** Node version, lockfile sha256, installed versions of the direct dependencies. */
  DEPS?: DepsRecord;
  /** The session this run repeats (`scitex-session rerun`). */
  RERUN_OF?: string;
  /** The rerun was forced past a code change (`--force`). */
  RERUN_FORCED?: boolean;
  /** Set when a scheduler asked the run to stop early (SIGUSR1 under a sweep). */
  PREEMPTED?: { signal: string; at: string };
  /** Set by reconcile when the owner died: why, when, and its last sign of life. */
  RECONCILED?: { code: string; reason: string; at: string; lastSeen: string };
  [namespace: string]: unknown;
}

/**
 * The keys the session sets itself. A config file with one of these names
 * (`config/ARGS.yaml`) is refused rather than silently replaced.
 */
export const SESSION_KEYS: readonly string[] = [
  'ID',
  'PID',
  'START_TIME',
  'END_TIME',
  'RUN_TIME',
  'FILE',
  'SDIR',
  'SDIR_PATH',
  'SDIR_OUT',
  'ARGS',
  'EXIT_STATUS',
  'SEED',
  'RNG',
  'HOST',
  'DEBUG',
  'CONFIG_DIR',
  'CONFIG_FILES',
  'SIGNAL',
  'ERROR',
  'REFILED',
  'UNSAVED_FIGURES',
  'RECONCILED',
  'METRICS',
  'OVERRIDES',
  'SWEEP',
  'PREEMPTED',
  'ARGV',
  'CODE',
  'DEPS',
  'RERUN_OF',
  'RERUN_FORCED',
];
