/**
 * tee(): everything written to stdout and stderr also goes, cleaned, into log files —
 * complete on every exit path Node can observe. This file wires the parts together:
 * options and files first (so a failure leaves nothing patched), then the write patches,
 * the flush schedule, the exit hook and the uncaught-exception copy. What a failed write
 * means (hold the output while the disk is full, or drop that log) is logSinks.ts.
 */
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { makePipeBlocking } from './blockingPipe.js';
import { CleanLog } from './cleanLog.js';
import { crashReport } from './crashReport.js';
import { TeeError } from './errors.js';
import { FlushScheduler } from './flushScheduler.js';
import { LogSinks } from './logSinks.js';
import { openLogFiles } from './openLogFiles.js';
import { onProcessEnd } from './processEnd.js';
import { RawLog } from './rawLog.js';
import { isTeed, patchWrite, type WritePatch } from './writePatch.js';

/** Streams to capture instead of the process's own (tests pass fakes here). */
export interface TeeStreams {
  /** Default: `process.stdout`. */
  stdout?: Writable;
  /** Default: `process.stderr`. */
  stderr?: Writable;
}

/** Options of {@link tee}. */
export interface TeeOptions {
  /** Directory of the log files; created (with parents) when missing. Relative to the cwd. */
  dir: string;
  /** File name (or path relative to `dir`) of the stdout log. Default `'stdout.log'`. */
  stdoutFile?: string;
  /**
   * File name of the stderr log. Default `'stderr.log'`. The same name as `stdoutFile`
   * gives one combined log, interleaved as on a terminal.
   */
  stderrFile?: string;
  /** Append to existing logs (starting on a new line) instead of truncating them. Default `false`. */
  append?: boolean;
  /** Also write byte-exact copies, `<name>.raw<ext>` (e.g. `stdout.raw.log`). Default `false`. */
  raw?: boolean;
  /** Capture these streams instead of `process.stdout` / `process.stderr`. */
  streams?: TeeStreams;
  /**
   * Make `process.stdout`/`process.stderr` blocking when they are pipes, so output written
   * just before `process.exit()` is not cut off on the terminal side either (the logs are
   * complete regardless). Restored by `close()`. Default `true`.
   */
  syncPipes?: boolean;
  /**
   * How much output to keep in memory per log file while its disk is full (ENOSPC,
   * EDQUOT), to be written as soon as a later flush succeeds: bytes (characters for the
   * clean logs). Past this, or on any other write error, that log stops (with a
   * warning). `0` stops it at the first failure. Default 64 MiB.
   */
  holdWhileFull?: number;
  /**
   * Flush the logs when SIGINT, SIGTERM, SIGHUP (and the other signals that end a process
   * by default) arrive, then let the process die of the signal if nobody else listens for
   * it. Pass `false` when your code handles those signals itself and closes or flushes
   * the tee there (as `@scitex/session` does). Default `true`.
   */
  signals?: boolean;
}

/** Default of {@link TeeOptions.holdWhileFull}. */
const HOLD_WHILE_FULL = 64 * 1024 * 1024;

/** Absolute paths of the files a tee writes. */
export interface TeePaths {
  stdout: string;
  stderr: string;
  /** Only with `raw: true`. */
  stdoutRaw?: string;
  /** Only with `raw: true`. */
  stderrRaw?: string;
}

/** A running tee. */
export interface TeeHandle {
  /** Where the logs are. */
  readonly paths: TeePaths;
  /**
   * Writes everything captured so far, including the unterminated current line, to the
   * files. Synchronous: done when it returns (safe in 'exit' and signal handlers).
   */
  flush(): void;
  /**
   * Puts the original `write` methods back, flushes and closes the files. Idempotent and
   * synchronous. Output after close() reaches the terminal only.
   */
  close(): void;
  /** Same as {@link TeeHandle.close}, for `using`. */
  [Symbol.dispose](): void;
}

interface Role {
  readonly stream: Writable;
  readonly clean: CleanLog | null;
  readonly raw: RawLog | null;
  patch: WritePatch | null;
}

const handleStreams = new WeakMap<TeeHandle, { stdout: Writable; stderr: Writable }>();

/** The streams a handle captures (for pipeChild); undefined for foreign objects. */
export function teeStreams(handle: TeeHandle): { stdout: Writable; stderr: Writable } | undefined {
  return handleStreams.get(handle);
}

/**
 * Starts copying what is written to stdout and stderr into clean log files in `dir`
 * (no escape codes, `\r` redraws collapsed). The terminal output is unchanged.
 *
 * @throws {TeeError} `TEE_INVALID_OPTION` for bad options, `TEE_ALREADY_ACTIVE` when a
 * stream is already tee'd, `TEE_OPEN_FAILED` when a log file cannot be opened — in every
 * case before anything is patched.
 */
export function tee(options: TeeOptions): TeeHandle {
  const opts = checkOptions(options);
  const { stdout, stderr } = captureStreams(opts);
  const { paths, cleanPaths, rawPaths } = logPaths(opts);

  const files = new Map(
    openLogFiles([...cleanPaths, ...rawPaths], opts.append === true).map((f) => [f.path, f]),
  );
  const open = (p: string): { fd: number; start: number } => files.get(p)!;
  const cleans = new Map(cleanPaths.map((p) => [p, new CleanLog(p, open(p).fd, open(p).start)]));
  const raws = new Map(rawPaths.map((p) => [p, new RawLog(p, open(p).fd, open(p).start)]));

  const out: Role = {
    stream: stdout,
    clean: cleans.get(paths.stdout)!,
    raw: paths.stdoutRaw !== undefined ? raws.get(paths.stdoutRaw)! : null,
    patch: null,
  };
  const err: Role = {
    stream: stderr,
    clean: cleans.get(paths.stderr)!,
    raw: paths.stderrRaw !== undefined ? raws.get(paths.stderrRaw)! : null,
    patch: null,
  };
  const roles = [out, err];

  let closed = false;
  let exiting = false;

  // Written past the capture, so a warning is not itself captured into the log it is about.
  const warn = (message: string): void => {
    try {
      const write = err.patch?.original ?? stderr.write;
      Reflect.apply(write, stderr, [`[@scitex/tee-log] ${message}\n`]);
    } catch {
      // stderr itself is gone: nowhere left to report
    }
  };
  const sinks = new LogSinks(
    [...cleans.values(), ...raws.values()],
    opts.holdWhileFull ?? HOLD_WHILE_FULL,
    warn,
  );
  const scheduler = new FlushScheduler((withLine) => sinks.flushAll(withLine));

  const capture = (role: Role, chunk: unknown, encoding: unknown): void => {
    sinks.add(role.clean, (s) => s.write(chunk, encoding));
    sinks.add(role.raw, (s) => s.write(chunk, encoding));
    scheduler.wrote(sizeOf(chunk));
  };

  const unblock: (() => void)[] = [];
  if (opts.syncPipes !== false) {
    for (const r of roles) {
      if (r.stream !== process.stdout && r.stream !== process.stderr) continue;
      const undo = makePipeBlocking(r.stream);
      if (undo !== null) unblock.push(undo);
    }
  }
  out.patch = patchWrite(stdout, (c, e) => capture(out, c, e));
  err.patch = patchWrite(stderr, (c, e) => capture(err, c, e));

  // At exit (and on a signal) every later write goes to disk at once, and what is
  // buffered now is written: the output of 'exit' listeners registered before or after
  // this one (a closing message, say) is in the log. close() removes the hook.
  const removeExitHook = onProcessEnd(() => {
    exiting = true;
    scheduler.goSync();
    sinks.exiting();
  }, opts.signals !== false);
  // Started from an 'exit' listener: no timer fires and no later hook runs, so from now
  // on every write goes to disk as it happens. (`_exiting` is Node's own flag.)
  if ((process as { _exiting?: boolean })._exiting === true) {
    exiting = true;
    scheduler.goSync();
  }

  // Node prints the stack of a fatal exception natively, past process.stderr.write. The
  // monitor does not change how the process dies; it only copies what Node will print.
  const onCrash =
    stderr === process.stderr
      ? (e: unknown): void => {
          if (process.listenerCount('uncaughtException') > 0) return; // handled: nothing printed
          if (process.hasUncaughtExceptionCaptureCallback()) return;
          const report = crashReport(e);
          sinks.add(err.clean, (s) => s.writeText((s.atLineStart ? '' : '\n') + report));
          sinks.add(err.raw, (s) => s.writeText(report));
          exiting = true;
          scheduler.goSync();
        }
      : null;
  if (onCrash !== null) process.on('uncaughtExceptionMonitor', onCrash);

  const close = (): void => {
    if (closed) return;
    closed = true;
    for (const r of roles) r.patch?.restore();
    removeExitHook();
    if (onCrash !== null) process.off('uncaughtExceptionMonitor', onCrash);
    scheduler.stop();
    sinks.finishAll();
    // At exit, keep pipes blocking: later writes (other exit hooks) must not be cut off.
    if (!exiting) for (const undo of unblock) undo();
  };

  const handle: TeeHandle = {
    paths,
    flush(): void {
      if (!closed) scheduler.flushNow();
    },
    close,
    [Symbol.dispose]: close,
  };
  handleStreams.set(handle, { stdout, stderr });
  return handle;
}

/** The two streams to capture; refused when they are one object or already tee'd. */
function captureStreams(opts: TeeOptions): { stdout: Writable; stderr: Writable } {
  const stdout = opts.streams?.stdout ?? process.stdout;
  const stderr = opts.streams?.stderr ?? process.stderr;
  if (stdout === stderr) {
    throw new TeeError(
      'TEE_INVALID_OPTION',
      'tee(): streams.stdout and streams.stderr are the same object; pass two streams (use the same stdoutFile and stderrFile for one combined log)',
    );
  }
  for (const [name, s] of [
    ['stdout', stdout],
    ['stderr', stderr],
  ] as const) {
    if (isTeed(s)) {
      throw new TeeError(
        'TEE_ALREADY_ACTIVE',
        `tee(): ${name} is already being tee'd; close() that handle first`,
      );
    }
  }
  return { stdout, stderr };
}

/** Where the logs go: the handle's paths, and the distinct clean and raw files to open. */
function logPaths(opts: TeeOptions): { paths: TeePaths; cleanPaths: string[]; rawPaths: string[] } {
  const dir = resolve(opts.dir);
  const paths: TeePaths = {
    stdout: resolve(dir, opts.stdoutFile ?? 'stdout.log'),
    stderr: resolve(dir, opts.stderrFile ?? 'stderr.log'),
  };
  if (opts.raw === true) {
    paths.stdoutRaw = rawPath(paths.stdout);
    paths.stderrRaw = rawPath(paths.stderr);
  }
  const cleanPaths = [...new Set([paths.stdout, paths.stderr])];
  const rawPaths = [
    ...new Set([paths.stdoutRaw, paths.stderrRaw].filter((p): p is string => p !== undefined)),
  ];
  const clash = rawPaths.find((p) => cleanPaths.includes(p));
  if (clash !== undefined) {
    throw new TeeError(
      'TEE_INVALID_OPTION',
      `tee(): ${clash} would be both a clean and a raw log; choose other stdoutFile/stderrFile names`,
    );
  }
  return { paths, cleanPaths, rawPaths };
}

/** `stdout.log` → `stdout.raw.log`; `out.txt` → `out.raw.txt`; `out` → `out.raw`. */
function rawPath(p: string): string {
  const ext = extname(p);
  return join(dirname(p), `${basename(p, ext)}.raw${ext}`);
}

function sizeOf(chunk: unknown): number {
  if (typeof chunk === 'string') return chunk.length;
  if (chunk instanceof Uint8Array) return chunk.byteLength;
  return 0;
}

function checkOptions(options: TeeOptions): TeeOptions {
  const bad = (what: string): never => {
    throw new TeeError('TEE_INVALID_OPTION', `tee(): ${what}`);
  };
  if (typeof options !== 'object' || options === null) {
    bad('expects an options object, e.g. tee({ dir: "logs" })');
  }
  if (typeof options.dir !== 'string' || options.dir.length === 0) {
    bad('`dir` must be a non-empty string: the directory for the log files');
  }
  for (const key of ['stdoutFile', 'stderrFile'] as const) {
    const v = options[key];
    if (v !== undefined && (typeof v !== 'string' || v.length === 0 || v.includes('\0'))) {
      bad(`\`${key}\` must be a non-empty file name`);
    }
  }
  for (const key of ['append', 'raw', 'syncPipes', 'signals'] as const) {
    const v = options[key];
    if (v !== undefined && typeof v !== 'boolean') bad(`\`${key}\` must be true or false`);
  }
  const hold = options.holdWhileFull;
  if (hold !== undefined && !(Number.isSafeInteger(hold) && hold >= 0)) {
    bad('`holdWhileFull` must be a whole number of bytes, 0 or more');
  }
  const streams = options.streams;
  if (streams !== undefined) {
    if (typeof streams !== 'object' || streams === null) {
      bad('`streams` must be an object like { stdout, stderr }');
    }
    for (const key of ['stdout', 'stderr'] as const) {
      const s: unknown = streams[key];
      if (s !== undefined && typeof (s as { write?: unknown } | null)?.write !== 'function') {
        bad(`\`streams.${key}\` must be a writable stream`);
      }
    }
  }
  return options;
}
