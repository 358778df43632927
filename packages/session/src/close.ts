/**
 * close(): files the session under its status folder. Synchronous and idempotent; the
 * exit hooks call the same code on every way a process can end, and refile() corrects
 * the record when the ending turns out otherwise after the session was filed (a signal
 * that arrived while close() ran, an error thrown by a later 'exit' listener).
 */
import { rmdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { saveConfig } from '@scitex/config';
import {
  checkSessionDir,
  finalizeSessionDir,
  folderForExitStatus,
  refileSessionDir,
  SdirError,
} from '@scitex/sdir';
import { closing } from './banner.js';
import { SessionError, type SessionErrorCode } from './errors.js';
import { signalExitStatus } from './exitStatus.js';
import { notifyTarget, sendNotification } from './notify.js';
import { formatRunTime } from './runTime.js';
import type { ErrorRecord, SessionConfig } from './sessionConfig.js';
import { describeValue } from './describeValue.js';
import { getActive, records, setActive, type CloseResult, type SessionState } from './state.js';

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
  /** Closed by an exit hook: the process is ending, nobody can catch an error. */
  fromExitHook?: boolean;
  /** start() ran while the process was exiting: file now, keep the logs open. */
  provisional?: boolean;
}

function validExitStatus(opts: CloseOptions): number | null {
  if (!('exitStatus' in opts)) return 0;
  const v = opts.exitStatus;
  if (v === null || v === undefined) return null;
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new SessionError(
      'SESSION_INVALID_OPTION',
      `close(): exitStatus must be an integer or null, got ${describeValue(v)}. Use 0 for success, a non-zero number for failure, null for unknown.`,
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
  if (state.result && !state.provisional) return state.result;
  const { CONFIG } = state;
  if (opts.error !== undefined) state.error = errorRecord(opts.error, 'close');
  const exitStatus = ctx.signal ? signalExitStatus(ctx.signal) : validExitStatus(opts);
  endRecord(state, exitStatus, ctx.signal);

  const folder = folderForExitStatus(exitStatus);
  const message = opts.message ?? ':)';
  if ((opts.verbose ?? state.verbose) && !ctx.provisional) {
    process.stdout.write(
      closing({
        message,
        id: CONFIG.ID,
        status: folder,
        exitStatus,
        runTime: CONFIG.RUN_TIME!,
        dest: join(state.outRoot, folder, state.name),
        args: CONFIG.ARGS,
        signal: ctx.signal,
        error: CONFIG.ERROR,
        redact: state.redact,
      }),
    );
  }
  state.provisional = ctx.provisional === true;
  if (state.provisional) state.lease?.stop();
  else detach(state, !ctx.fromExitHook);

  let outcome: Filed;
  if (!ctx.fromExitHook && state.pending.size > 0) {
    // fig.save() without await: the figures land in the session first, then it moves.
    outcome = fileAfterSaves(state);
  } else {
    outcome = fileSession(state);
  }
  const { result, problem } = outcome;
  state.result = result;
  if (getActive() === state && !state.provisional) setActive(null);
  const rec = records.get(CONFIG.ID);
  if (rec) {
    Object.assign(rec, {
      status: 'closed',
      endTime: CONFIG.END_TIME,
      exitStatus,
      dir: result.dir,
      result,
    });
  }
  if (opts.notify) {
    const target = notifyTarget(opts.notify);
    if (typeof target === 'string') process.stderr.write(`scitex: ${target}\n`);
    else
      sendNotification(target, {
        id: CONFIG.ID,
        status: result.status,
        exitStatus,
        file: CONFIG.FILE,
        message,
        runTime: CONFIG.RUN_TIME!,
        dir: result.dir,
        host: CONFIG.HOST.hostname,
      });
  }
  if (!ctx.fromExitHook && !state.provisional && state.filing === null) state.hooks.release();
  if (problem) {
    // On an exit path there is nobody to catch it: report and let the process end as it would.
    process.stderr.write(`scitex: ${problem.message}\n`);
    if (!ctx.fromExitHook) throw problem;
  }
  return result;
}

/**
 * Files a closed session again under the folder of `exitStatus`: the run ended
 * otherwise than close() recorded. `why` is kept in `CONFIG.REFILED`.
 */
export function refile(
  state: SessionState,
  exitStatus: number,
  why: string,
  signal?: NodeJS.Signals,
): void {
  const { CONFIG } = state;
  CONFIG.EXIT_STATUS = exitStatus;
  if (signal) CONFIG.SIGNAL = signal;
  if (state.error && exitStatus !== 0) CONFIG.ERROR = state.error;
  CONFIG.REFILED = { at: new Date().toISOString(), why };
  const { result, problem } = fileSession(state);
  state.result = result;
  const rec = records.get(CONFIG.ID);
  if (rec) Object.assign(rec, { exitStatus, dir: result.dir, result });
  process.stderr.write(`scitex: session ${CONFIG.ID} re-filed under ${result.status}: ${why}\n`);
  if (problem) process.stderr.write(`scitex: ${problem.message}\n`);
}

/** END_TIME, RUN_TIME (monotonic), EXIT_STATUS, SIGNAL, ERROR and the RNG summary. */
function endRecord(
  state: SessionState,
  exitStatus: number | null,
  signal: NodeJS.Signals | undefined,
): void {
  const { CONFIG } = state;
  // A wall clock stepped back (or forward) during the run changes neither: END_TIME is
  // START_TIME plus the run time measured on the monotonic clock.
  const elapsed = Math.max(0, performance.now() - state.startedAt);
  CONFIG.END_TIME = new Date(CONFIG.START_TIME.getTime() + elapsed);
  CONFIG.RUN_TIME = formatRunTime(elapsed);
  CONFIG.EXIT_STATUS = exitStatus;
  if (signal) CONFIG.SIGNAL = signal;
  if (state.error && exitStatus !== 0) CONFIG.ERROR = state.error;
  CONFIG.RNG = state.rng.toJSON();
  if (state.metrics) {
    CONFIG.METRICS = state.metrics.last();
    state.metrics.close();
    state.metrics = null;
  }
}

/** Puts back what start() changed: console, pipes, Math.random; stops the lease. */
function detach(state: SessionState, mayDeferTee: boolean): void {
  // Output a worker thread printed before close() can still be on its way to the main
  // thread (it arrives as messages, on later turns of the event loop): with workers
  // about, the logs stay open until the process ends or the next session starts.
  state.teeKept = mayDeferTee && state.tee !== null && workerOutputMayFollow();
  if (!state.teeKept) state.tee?.close();
  state.unguardPipes();
  // Forced: Math.random comes back even if the script patched it again in between.
  if (state.restoreMathRandom) state.rng.restoreMathRandom();
  state.lease?.stop();
}

function workerOutputMayFollow(): boolean {
  return process.getActiveResourcesInfo().includes('MessagePort');
}

interface Filed {
  result: CloseResult;
  problem?: SessionError;
}

const save = (state: SessionState): { redact: boolean; fsync: boolean } => ({
  // Not fsync'ed, like the logs, the lease and the rename into FINISHED_*: the write is
  // atomic (a whole old or a whole new file); a flush would cost 1–20 ms of every run.
  redact: state.redact,
  fsync: false,
});

const folderOf = (dir: string): CloseResult['status'] =>
  basename(dirname(dir)) as CloseResult['status'];

/**
 * Saves the snapshot and moves the directory to the folder its EXIT_STATUS belongs in —
 * from RUNNING/, or from another FINISHED_* folder when refiled. Writes nothing when
 * the directory was deleted or a folder on its path became a symlink.
 */
function fileSession(state: SessionState): Filed {
  const { CONFIG } = state;
  const exitStatus = CONFIG.EXIT_STATUS;
  const from = state.dir;
  try {
    checkSessionDir(from, state.identity);
  } catch (err) {
    // Deleted: RUNNING/ is removed if that left it empty, as a move out of it would.
    if ((err as SdirError).code === 'SDIR_DIR_GONE' && folderOf(from) === 'RUNNING') {
      try {
        rmdirSync(dirname(from));
      } catch {
        // Other sessions are in it, or it is gone too.
      }
    }
    return {
      result: { dir: from, status: folderOf(from), exitStatus },
      problem: sessionProblem(state, err, 'nothing was written'),
    };
  }
  const dest = join(state.outRoot, folderForExitStatus(exitStatus), state.name);
  setDir(CONFIG, dest);
  let snapshotError: unknown;
  try {
    saveConfig(CONFIG, join(from, 'CONFIGS'), save(state));
  } catch (err) {
    snapshotError = err;
  }
  let problem: SessionError | undefined;
  let dir = from;
  try {
    dir =
      folderOf(from) === 'RUNNING'
        ? finalizeSessionDir(from, exitStatus)
        : refileSessionDir(from, exitStatus);
  } catch (err) {
    problem = sessionProblem(state, err, `it stays in ${folderOf(from)}/`);
  }
  if (snapshotError !== undefined && problem === undefined) {
    problem = new SessionError(
      'SESSION_CLOSE_FAILED',
      `close(): could not save the final CONFIG snapshot; the session is filed in ${dir} with the snapshot written at start: ${(snapshotError as Error).message}`,
      { cause: snapshotError },
    );
  }
  state.dir = dir;
  if (dir !== dest) {
    setDir(CONFIG, dir);
    try {
      saveConfig(CONFIG, join(dir, 'CONFIGS'), save(state));
    } catch {
      // The earlier snapshot stays; its SDIR is the only stale key.
    }
  }
  return { result: { dir, status: folderOf(dir), exitStatus }, problem };
}

/** Files the session once its pending figure saves are done; the result names the destination. */
function fileAfterSaves(state: SessionState): Filed {
  const { CONFIG } = state;
  const dest = join(state.outRoot, folderForExitStatus(CONFIG.EXIT_STATUS), state.name);
  const names = [...state.pending].map((p) => p.path).join(', ');
  process.stderr.write(
    `scitex: ${CONFIG.ID} is filed once the figure${state.pending.size > 1 ? 's' : ''} still being saved (${names}) ${state.pending.size > 1 ? 'are' : 'is'} written — await fig.save() to file it at once\n`,
  );
  state.filing = Promise.allSettled([...state.pending].map((p) => p.done)).then(() =>
    finishFiling(state),
  );
  return { result: { dir: dest, status: folderOf(dest), exitStatus: CONFIG.EXIT_STATUS } };
}

/** Completes a filing that waited for figures (or that the process's end cut short). */
export function finishFiling(state: SessionState, exiting = false): void {
  if (state.filing === null) return;
  state.filing = null;
  if (exiting && state.pending.size > 0) {
    const names = [...state.pending].map((p) => p.path);
    state.CONFIG.UNSAVED_FIGURES = names;
    process.stderr.write(
      `scitex: not saved, the process ended while they were being rendered: ${names.join(', ')}\n`,
    );
  }
  const { result, problem } = fileSession(state);
  Object.assign(state.result!, result);
  if (problem) process.stderr.write(`scitex: ${problem.message}\n`);
  if (!exiting) state.hooks.release();
}

function sessionProblem(state: SessionState, err: unknown, outcome: string): SessionError {
  const code = err instanceof SdirError ? err.code : undefined;
  const map: Record<string, SessionErrorCode> = {
    SDIR_DIR_GONE: 'SESSION_DIR_GONE',
    SDIR_UNSAFE_PATH: 'SESSION_UNSAFE_PATH',
  };
  return new SessionError(
    map[code ?? ''] ?? 'SESSION_CLOSE_FAILED',
    `close(): session ${state.CONFIG.ID} (exit status ${String(state.CONFIG.EXIT_STATUS)}) could not be filed; ${outcome}: ${(err as Error).message}`,
    { cause: err },
  );
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
    `close(): no open session has ID ${describeValue(CONFIG?.ID)}. Pass the CONFIG that start() returned.`,
  );
}
