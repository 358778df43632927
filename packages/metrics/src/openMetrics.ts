/**
 * `openMetrics(dir)`: a handle that appends values to `<dir>/metrics.csv`.
 *
 * Speed: `log()` only checks the values and appends text to an in-memory buffer; the buffer
 * goes to disk in one write when it is `flushIntervalMs` old (an unref'd timer, or the next
 * `log()` call when a busy loop keeps timers from firing), when it passes 1 MiB, at
 * `flush()`/`close()`, and when the process ends (the 'exit' event: normal end,
 * `process.exit`, a fatal exception; and SIGINT/SIGTERM/SIGHUP… unless `signals: false`).
 * So a SIGKILL loses at most the last `flushIntervalMs` of values.
 */
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkName, checkStep, checkValue } from './checks.js';
import { describeValue } from './describeValue.js';
import { csvField, HEADER, METRICS_FILE } from './csv.js';
import { MetricsError } from './errors.js';
import { isHeader, parseMetrics } from './parseMetrics.js';
import { onProcessEnd } from './processEnd.js';
import { timeText } from './timeText.js';

/** Options of {@link openMetrics}. */
export interface MetricsOptions {
  /** File name (or path relative to `dir`); default `'metrics.csv'`. */
  file?: string;
  /** How old buffered values may get before they are written, ms; default 100. */
  flushIntervalMs?: number;
  /**
   * Write buffered values when SIGINT, SIGTERM, SIGHUP (and the other signals that end a
   * process by default) arrive, then let the process die of the signal if nobody else
   * listens for it. Pass `false` when your code handles those signals and calls `close()`
   * itself (as `@scitex/session` does). Default `true`.
   */
  signals?: boolean;
}

/** Options of {@link MetricsHandle.log}. */
export interface LogOptions {
  /**
   * The step of every value in this call: a whole number ≥ 0. Left out, each name counts
   * on its own: one more than the step that name last got (0 for its first value).
   */
  step?: number;
}

/** What {@link openMetrics} returns. */
export interface MetricsHandle {
  /** Absolute path of the CSV file. */
  readonly path: string;
  /** Whether `close()` has run. */
  readonly closed: boolean;
  /**
   * Appends one record per entry of `values`. Every value is checked first: on a bad name,
   * value or step nothing of the call is written and a MetricsError is thrown.
   */
  log(values: Readonly<Record<string, number>>, options?: LogOptions): void;
  /** Writes buffered values now; when it returns they are in the file. */
  flush(): void;
  /** The last value logged for each name (including those found in an existing file). */
  last(): Record<string, number>;
  /** Flushes and closes the file; idempotent. */
  close(): void;
  /** `close()`, for `using m = openMetrics(dir)`. */
  [Symbol.dispose](): void;
}

/** Default of `flushIntervalMs`. */
export const FLUSH_INTERVAL_MS = 100;
/** Buffered text (UTF-16 code units) that is written at once regardless of age. */
const MAX_PENDING = 1 << 20;

interface NameState {
  /** The name as a CSV field. */
  field: string;
  /** The step an unstepped value gets. */
  next: number;
  last: number | undefined;
}

function badOption(message: string): MetricsError {
  return new MetricsError('METRICS_INVALID_OPTION', message);
}

function checkOptions(
  dir: unknown,
  opts: unknown,
): { file: string; interval: number; signals: boolean } {
  if (typeof dir !== 'string' || dir === '')
    throw badOption(
      `openMetrics(dir): dir must be a non-empty path string, got ${describeValue(dir)}.`,
    );
  if (opts === undefined) return { file: METRICS_FILE, interval: FLUSH_INTERVAL_MS, signals: true };
  if (typeof opts !== 'object' || opts === null || Array.isArray(opts))
    throw badOption(`openMetrics options must be an object, got ${describeValue(opts)}.`);
  const o = opts as Record<string, unknown>;
  for (const k of Object.keys(o))
    if (k !== 'file' && k !== 'flushIntervalMs' && k !== 'signals')
      throw badOption(
        `openMetrics: unknown option ${JSON.stringify(k)} (known: file, flushIntervalMs, signals).`,
      );
  const file = o['file'] ?? METRICS_FILE;
  if (typeof file !== 'string' || file === '')
    throw badOption(`openMetrics: file must be a non-empty string, got ${describeValue(file)}.`);
  const interval = o['flushIntervalMs'] ?? FLUSH_INTERVAL_MS;
  if (
    typeof interval !== 'number' ||
    !Number.isFinite(interval) ||
    interval < 1 ||
    interval > 3_600_000
  )
    throw badOption(
      `openMetrics: flushIntervalMs must be a number of milliseconds from 1 to 3600000, got ${describeValue(interval)}.`,
    );
  const signals = o['signals'] ?? true;
  if (typeof signals !== 'boolean')
    throw badOption(`openMetrics: signals must be true or false, got ${describeValue(signals)}.`);
  return { file, interval, signals };
}

/** Opens (creates, or continues) the file; returns its descriptor and what it already holds. */
function openFile(path: string): {
  fd: number;
  states: Map<string, NameState>;
  needsNewline: boolean;
} {
  const states = new Map<string, NameState>();
  let fd: number;
  try {
    mkdirSync(resolve(path, '..'), { recursive: true });
    fd = openSync(path, 'a');
  } catch (err) {
    throw new MetricsError(
      'METRICS_OPEN_FAILED',
      `cannot open ${path}: ${(err as Error).message}. Choose a directory you can write to.`,
      { cause: err },
    );
  }
  try {
    if (!fstatSync(fd).isFile()) throw new Error('not a regular file');
    if (fstatSync(fd).size === 0) {
      // The header goes out at once, so two handles on one new file cannot both write it.
      writeSync(fd, `${HEADER}\n`);
      return { fd, states, needsNewline: false };
    }
    const text = readFileSync(path, 'utf8');
    const nl = text.indexOf('\n');
    if (!isHeader(nl < 0 ? text : text.slice(0, nl)))
      throw new Error(`its first line is not "${HEADER}", so it is not a metrics file`);
    // Continue where the file ends: per-name step counts and last values.
    for (const s of parseMetrics(text).series) {
      const n = s.steps.length;
      states.set(s.name, {
        field: csvField(s.name),
        next: n ? s.steps[n - 1]! + 1 : 0,
        last: n ? s.values[n - 1] : undefined,
      });
    }
    return { fd, states, needsNewline: !text.endsWith('\n') };
  } catch (err) {
    closeSync(fd);
    throw new MetricsError(
      'METRICS_OPEN_FAILED',
      `cannot continue ${path}: ${(err as Error).message}. Move it away or choose another file.`,
      { cause: err },
    );
  }
}

function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
}

/**
 * Opens `<dir>/metrics.csv` for appending metric values (the directory is created; an
 * existing metrics file is continued: header kept, step counts and last values resumed).
 * @throws MetricsError `METRICS_INVALID_OPTION`, `METRICS_OPEN_FAILED`
 */
export function openMetrics(dir: string, options?: MetricsOptions): MetricsHandle {
  const { file, interval, signals } = checkOptions(dir, options);
  const path = join(resolve(dir), file);
  const opened = openFile(path);
  const fd = opened.fd;
  const states = opened.states;
  let pending = opened.needsNewline ? '\n' : '';
  let lastFlush = Date.now();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const writePending = (): void => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    lastFlush = Date.now();
    if (pending === '') return;
    // Written before the buffer is cleared: on failure the values stay for the next flush.
    writeAll(fd, pending);
    pending = '';
  };
  // From the timer or the exit hook there is nobody to throw to; the values stay buffered.
  const quietFlush = (): void => {
    try {
      writePending();
    } catch {
      // kept for the next flush(), which reports the failure
    }
  };
  const onTimer = (): void => {
    timer = null;
    quietFlush();
  };
  // At exit (and on a signal) what is buffered is written, and from then on every call
  // writes at once: values logged by 'exit' listeners that run later are kept too.
  // Plain listeners: Node's own exit code is left exactly as it is.
  let exiting = (process as { _exiting?: boolean })._exiting === true; // opened in an 'exit' listener
  const removeExitHook = onProcessEnd(() => {
    exiting = true;
    quietFlush();
  }, signals);

  const flush = (): void => {
    if (closed) return;
    try {
      writePending();
    } catch (err) {
      throw new MetricsError(
        'METRICS_WRITE_FAILED',
        `cannot write to ${path}: ${(err as Error).message}. The values are kept and written at the next flush.`,
        { cause: err },
      );
    }
  };

  const close = (): void => {
    if (closed) return;
    let failure: unknown;
    try {
      writePending();
    } catch (err) {
      failure = err;
    }
    closed = true;
    removeExitHook();
    try {
      closeSync(fd);
    } catch {
      // already closed by someone else: nothing more to write anyway
    }
    if (failure !== undefined) {
      throw new MetricsError(
        'METRICS_WRITE_FAILED',
        `cannot write the last values to ${path}: ${(failure as Error).message}.`,
        { cause: failure },
      );
    }
  };

  const log = (values: Readonly<Record<string, number>>, options?: LogOptions): void => {
    if (closed)
      throw new MetricsError(
        'METRICS_CLOSED',
        `log() after close(): ${path} is closed. Open it again.`,
      );
    if (typeof values !== 'object' || values === null || Array.isArray(values))
      throw badOption(
        `log(values): values must be an object of name → number, got ${describeValue(values)}.`,
      );
    let step: number | undefined;
    if (options !== undefined) {
      if (typeof options !== 'object' || options === null)
        throw badOption(
          `log(values, options): options must be an object, got ${describeValue(options)}.`,
        );
      if (options.step !== undefined) {
        checkStep(options.step);
        step = options.step;
      }
    }
    const keys = Object.keys(values);
    const time = timeText(Date.now());
    // Check and format everything first: a bad entry leaves nothing written.
    let text = '';
    for (let i = 0; i < keys.length; i++) {
      const name = keys[i]!;
      const value = values[name];
      let st = states.get(name);
      if (st === undefined) {
        checkName(name);
        st = { field: csvField(name), next: 0, last: undefined };
        states.set(name, st);
      }
      checkValue(name, value);
      text += `${step ?? st.next},${st.field},${value},${time}\n`;
    }
    for (let i = 0; i < keys.length; i++) {
      const st = states.get(keys[i]!)!;
      st.next = (step ?? st.next) + 1;
      st.last = values[keys[i]!];
    }
    pending += text;
    const now = Date.now();
    if (exiting || now - lastFlush >= interval || pending.length >= MAX_PENDING) quietFlush();
    else if (timer === null) {
      timer = setTimeout(onTimer, interval);
      timer.unref();
    }
  };

  const last = (): Record<string, number> => {
    const out: [string, number][] = [];
    for (const [name, st] of states) if (st.last !== undefined) out.push([name, st.last]);
    // fromEntries defines own properties, so a metric named "__proto__" stays a metric.
    return Object.fromEntries(out);
  };

  return {
    path,
    get closed() {
      return closed;
    },
    log,
    flush,
    last,
    close,
    [Symbol.dispose]: close,
  };
}
