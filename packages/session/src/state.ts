/**
 * The session's in-process state, in one place: the one open session (a process has at
 * most one, since it owns process.stdout and Math.random) and the record of every
 * session this process ran, as `SessionManager` reports them.
 */
import type { MetricsHandle } from '@scitex/metrics';
import type { RandomStateManager } from '@scitex/rng';
import type { Lease, SessionDirIdentity } from '@scitex/sdir';
import type { TeeHandle } from '@scitex/tee-log';
import type { ErrorRecord, SessionConfig } from './sessionConfig.js';

/** What close() returns. */
export interface CloseResult {
  /** Where the session directory ended up. */
  dir: string;
  status: 'FINISHED_SUCCESS' | 'FINISHED_ERROR' | 'FINISHED' | 'RUNNING';
  exitStatus: number | null;
}

/** A figure save still running (`fig.save()` without `await`). */
export interface PendingSave {
  path: string;
  done: Promise<unknown>;
}

export interface SessionState {
  CONFIG: SessionConfig;
  /** Where the session directory is now: under RUNNING/ while open, FINISHED_*∕ after. */
  dir: string;
  /** Device and inode of the directory: close() writes nothing if it was replaced. */
  identity: SessionDirIdentity;
  /** Directory name (ID plus suffix). */
  name: string;
  outRoot: string;
  /** `performance.now()` at start: RUN_TIME is measured on the monotonic clock. */
  startedAt: number;
  tee: TeeHandle | null;
  /** The tee stays open after close() for output worker threads may still deliver. */
  teeKept: boolean;
  rng: RandomStateManager;
  restoreMathRandom: (() => void) | null;
  /** Removes the EPIPE guard of stdout/stderr (kept on a stream whose pipe broke). */
  unguardPipes: () => void;
  lease: Lease | null;
  redact: boolean;
  verbose: boolean;
  /** Recorded by the uncaught-exception monitor, used by the exit hook. */
  error: ErrorRecord | undefined;
  /** metrics.csv, opened by the first logMetrics(). */
  metrics: MetricsHandle | null;
  /** Figure saves in flight; close() files the session once they are done. */
  pending: Set<PendingSave>;
  /** Set while a closed session waits for its figure saves before it is moved. */
  filing: Promise<void> | null;
  hooks: ExitHooks;
  result: CloseResult | undefined;
  /**
   * Filed at start() because the process was already exiting (start() from an 'exit'
   * listener): the record is final unless the script calls close() after all.
   */
  provisional: boolean;
}

/** The exit hooks of a session (exitHooks.ts). */
export interface ExitHooks {
  /**
   * After an explicit close(): keep watching for one turn of the event loop — a signal
   * that arrived while close() ran is delivered then and re-files the run — then remove
   * every listener and close a tee kept open for worker-thread output.
   */
  release(): void;
  /** Removes every listener now. */
  remove(): void;
}

/** One session this process started, as `SessionManager` reports it. */
export interface SessionRecord {
  id: string;
  config: SessionConfig;
  status: 'running' | 'closed';
  startTime: Date;
  endTime?: Date;
  exitStatus?: number | null;
  /** Where the session directory is now. */
  dir: string;
  scriptPath: string;
  /** What close() returned. */
  result?: CloseResult;
}

/** Every session this process started, by ID. */
export const records: Map<string, SessionRecord> = new Map();

let active: SessionState | null = null;

export function getActive(): SessionState | null {
  return active;
}

export function setActive(s: SessionState | null): void {
  active = s;
}
