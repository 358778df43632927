/**
 * close(): files the session under its status folder. Synchronous and idempotent; the
 * exit hooks call the same code on every way a process can end.
 */
import { join } from 'node:path';
import { saveConfig } from '@scitex/config';
import { finalizeSessionDir } from '@scitex/sdir';
import { closing } from './banner.js';
import { SessionError } from './errors.js';
import { showValue } from './showValue.js';
import { signalExitStatus, statusFolder } from './exitStatus.js';
import { notifyTarget, sendNotification } from './notify.js';
import { records } from './registry.js';
import { formatRunTime } from './runTime.js';
import type { ErrorRecord, SessionConfig } from './sessionConfig.js';
import { getActive, setActive, type CloseResult, type SessionState } from './state.js';

/** Options of `close()`. */
export interface CloseOptions {
  /** Printed at the end of the run (and so in the log). Default ':)'. */
  message?: string;
  /** `true`: POST a JSON summary to SCITEX_NOTIFY_URL; a string: POST to that URL. Default false. */
  notify?: boolean | string;
  /** Print the closing message and summary. Default true. */
  verbose?: boolean;
  /**
   * 0 → FINISHED_SUCCESS, other numbers → FINISHED_ERROR, `null` (or given as
   * `undefined`) → FINISHED. Left out: 0, since reaching close() means the run got to the end.
   */
  exitStatus?: number | null;
  /** The error that ended the run, recorded as `CONFIG.ERROR` (name, message, stack). */
  error?: unknown;
}

/** What the exit hooks add when they close a session. */
export interface ExitContext {
  signal?: NodeJS.Signals;
  fromExitHook?: boolean;
}

function validExitStatus(opts: CloseOptions): number | null {
  if (!('exitStatus' in opts)) return 0;
  const v = opts.exitStatus;
  if (v === null || v === undefined) return null;
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new SessionError(
      'SESSION_INVALID_OPTION',
      `close(): exitStatus must be an integer or null, got ${showValue(v)}. Use 0 for success, a non-zero number for failure, null for unknown.`,
    );
  }
  return v;
}

/** The shared close path of close(), session.close() and the exit hooks. */
export function closeState(
  state: SessionState,
  opts: CloseOptions,
  ctx: ExitContext = {},
): CloseResult {
  if (state.result) return state.result;
  const { CONFIG } = state;
  if (opts.error !== undefined) state.error = errorRecord(opts.error, 'close');
  const exitStatus = ctx.signal ? signalExitStatus(ctx.signal) : validExitStatus(opts);
  const verbose = opts.verbose ?? state.verbose;
  const end = new Date();
  CONFIG.END_TIME = end;
  CONFIG.RUN_TIME = formatRunTime(end.getTime() - CONFIG.START_TIME.getTime());
  CONFIG.EXIT_STATUS = exitStatus;
  if (ctx.signal) CONFIG.SIGNAL = ctx.signal;
  if (state.error && exitStatus !== 0) CONFIG.ERROR = state.error;
  CONFIG.RNG = state.rng.toJSON();

  const folder = statusFolder(exitStatus);
  const dest = join(state.outRoot, folder, state.name);
  const message = opts.message ?? ':)';
  if (verbose) {
    process.stdout.write(
      closing({
        message,
        id: CONFIG.ID,
        status: folder,
        exitStatus,
        runTime: CONFIG.RUN_TIME,
        dest,
        args: CONFIG.ARGS,
        signal: ctx.signal,
        error: CONFIG.ERROR,
        redact: state.redact,
      }),
    );
  }
  // The snapshot names the directory the session is about to have.
  setDir(CONFIG, dest);
  let snapshotError: unknown;
  // Not fsync'ed, like the logs, the lease and the rename into FINISHED_*: the write is
  // atomic (a whole old or a whole new file), and a flush would cost 1–20 ms of every run
  // to protect only against a power loss in the instant after close.
  const save = { redact: state.redact, fsync: false };
  try {
    saveConfig(CONFIG, join(state.runningDir, 'CONFIGS'), save);
  } catch (err) {
    snapshotError = err;
  }
  state.tee?.close();
  state.unguardPipes();
  // Forced: Math.random comes back even if the script patched it again in between.
  if (state.restoreMathRandom) state.rng.restoreMathRandom();
  state.lease?.stop();

  let finalDir: string;
  let finalFolder: CloseResult['status'] = folder;
  let moveError: unknown;
  try {
    finalDir = finalizeSessionDir(state.runningDir, exitStatus);
  } catch (err) {
    moveError = err;
    finalDir = state.runningDir;
    finalFolder = 'RUNNING';
  }
  if (finalDir !== dest) {
    setDir(CONFIG, finalDir);
    try {
      saveConfig(CONFIG, join(finalDir, 'CONFIGS'), save);
    } catch {
      // The earlier snapshot stays; its SDIR is the only stale key.
    }
  }
  state.removeHooks();
  const result: CloseResult = { dir: finalDir, status: finalFolder, exitStatus };
  state.result = result;
  if (getActive() === state) setActive(null);
  const rec = records.get(CONFIG.ID);
  if (rec)
    Object.assign(rec, { status: 'closed', endTime: end, exitStatus, dir: finalDir, result });

  if (opts.notify) {
    const target = notifyTarget(opts.notify);
    if (typeof target === 'string') process.stderr.write(`scitex: ${target}\n`);
    else
      sendNotification(target, {
        id: CONFIG.ID,
        status: finalFolder,
        exitStatus,
        file: CONFIG.FILE,
        message,
        runTime: CONFIG.RUN_TIME,
        dir: finalDir,
        host: CONFIG.HOST.hostname,
      });
  }

  const problem = moveError ?? snapshotError;
  if (problem) {
    const what = moveError
      ? `could not move ${state.runningDir} to ${dest}; it stays in RUNNING/ (reconcile will file it)`
      : `could not save the final CONFIG snapshot; the session is filed in ${finalDir} with the snapshot written at start`;
    const err = new SessionError(
      'SESSION_CLOSE_FAILED',
      `close(): ${what}: ${(problem as Error).message}`,
      { cause: problem },
    );
    // On an exit path there is nobody to catch it: report and let the process end as it would.
    if (ctx.fromExitHook) process.stderr.write(`scitex: ${err.message}\n`);
    else throw err;
  }
  return result;
}

/** The error fields CONFIG.ERROR keeps. */
export function errorRecord(err: unknown, origin: string): ErrorRecord {
  const e = err instanceof Error ? err : new Error(String(err));
  return { name: e.name, message: e.message, stack: e.stack, origin };
}

function setDir(CONFIG: SessionConfig, dir: string): void {
  CONFIG.SDIR = dir + '/';
  CONFIG.SDIR_PATH = dir;
}

/**
 * Closes the session that `CONFIG` belongs to: records END_TIME, RUN_TIME, EXIT_STATUS
 * and the RNG summary, prints the closing message, saves the snapshot, restores the
 * console and Math.random, and renames the directory into its status folder (updating
 * `CONFIG.SDIR`/`SDIR_PATH` in place). Calling it again returns the first result.
 */
export function close(CONFIG: SessionConfig, opts: CloseOptions = {}): CloseResult {
  const state = getActive();
  if (state && (state.CONFIG === CONFIG || state.CONFIG.ID === CONFIG?.ID))
    return closeState(state, opts);
  const rec = CONFIG && typeof CONFIG === 'object' ? records.get(CONFIG.ID) : undefined;
  if (rec?.result) return rec.result;
  throw new SessionError(
    'SESSION_NOT_ACTIVE',
    `close(): no open session has ID ${showValue(CONFIG?.ID)}. Pass the CONFIG that start() returned.`,
  );
}
