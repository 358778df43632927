/**
 * The lease: a small JSON file in every RUNNING session saying who owns it (pid, host,
 * boot, process start time) and when the owner last showed signs of life. Other
 * processes read it to decide whether the owner is dead (see ownerStatus.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomicWrite.js';
import { SdirError, errnoCode } from './errors.js';
import { selfIdentity, type ProcessIdentity } from './processInfo.js';
import { checkSessionDir, sessionDirIdentity } from './sessionDirIdentity.js';
import { LEASE_DEFAULTS, durationOption, envStaleAfterMs } from './thresholds.js';

/** File name of the lease inside a RUNNING session directory. */
export const LEASE_FILE = '.lease.json';

/** What a lease file holds (format version 1). Times are ISO 8601 strings. */
export interface LeaseInfo extends ProcessIdentity {
  version: 1;
  /** When the session directory was created. */
  sessionStart: string;
  /** Last time the owner refreshed the lease. */
  heartbeat: string;
  /** How often the owner refreshes it (0: only by explicit `heartbeat()` calls). */
  heartbeatMs: number;
  /** After how long without a heartbeat another host may call the owner dead. */
  staleAfterMs: number;
}

/** Options of a lease (also accepted as `createSessionDir({ lease: { … } })`). */
export interface LeaseOptions {
  /** Heartbeat interval in ms; 0 disables the timer. Default 10 000. */
  heartbeatMs?: number;
  /** Stale threshold recorded in the lease. Default `SCITEX_SDIR_STALE_MS` or 15 min. */
  staleAfterMs?: number;
  /** Session start time recorded in the lease. Default now. */
  now?: Date;
}

/** A live lease. `stop()` is idempotent; `using` calls it too. */
export interface Lease {
  /** Absolute path of the lease file. */
  readonly path: string;
  /** The content last written. */
  readonly info: LeaseInfo;
  /**
   * Refreshes the heartbeat now — call it inside synchronous loops that block the event
   * loop for minutes. Never throws: returns whether the lease was written (false once
   * stopped, or when the write failed).
   */
  heartbeat(): boolean;
  /** Stops the heartbeat (timer and `heartbeat()`); the file stays until finalize removes it. */
  stop(): void;
  [Symbol.dispose](): void;
}

/** Writes a lease into `dir` and starts its unref'd heartbeat timer. */
export function startLease(dir: string, opts: LeaseOptions = {}): Lease {
  const info = newLeaseInfo(opts);
  writeLeaseFile(dir, info);
  return keepLease(dir, info);
}

/** The lease content for this process, from options (validated). Internal. */
export function newLeaseInfo(opts: LeaseOptions = {}): LeaseInfo {
  const heartbeatMs = durationOption(
    'lease.heartbeatMs',
    opts.heartbeatMs,
    LEASE_DEFAULTS.heartbeatMs,
  );
  const staleAfterMs = durationOption(
    'lease.staleAfterMs',
    opts.staleAfterMs,
    envStaleAfterMs() ?? LEASE_DEFAULTS.staleAfterMs,
  );
  if (staleAfterMs <= heartbeatMs) {
    throw new SdirError(
      'SDIR_INVALID_OPTION',
      `lease.staleAfterMs (${staleAfterMs}) must be longer than lease.heartbeatMs (${heartbeatMs})`,
    );
  }
  return {
    version: 1,
    ...selfIdentity(),
    sessionStart: (opts.now ?? new Date()).toISOString(),
    heartbeat: new Date().toISOString(),
    heartbeatMs,
    staleAfterMs,
  };
}

/** Writes `info` as the lease file of `dir` (atomically). Internal. */
export function writeLeaseFile(dir: string, info: LeaseInfo): void {
  try {
    writeFileAtomic(join(dir, LEASE_FILE), JSON.stringify(info, null, 2) + '\n');
  } catch (cause) {
    throw new SdirError(
      'SDIR_CREATE_FAILED',
      `could not create lease in ${dir}: ${(cause as Error).message} (is it an existing, writable session directory?)`,
      { cause },
    );
  }
}

/** Keeps the lease already written in `dir` alive with its heartbeat. Internal. */
export function keepLease(dir: string, written: LeaseInfo): Lease {
  const path = join(dir, LEASE_FILE);
  const { heartbeatMs } = written;
  // A heartbeat never writes through a folder that became a symlink, nor re-creates one.
  const identity = sessionDirIdentity(dir);
  let info = written;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const stop = (): void => {
    stopped = true;
    if (timer) clearInterval(timer);
    timer = undefined;
  };
  const heartbeat = (): boolean => {
    if (stopped) return false;
    try {
      checkSessionDir(dir, identity);
    } catch {
      stop();
      return false;
    }
    const next = { ...info, heartbeat: new Date().toISOString() };
    try {
      writeFileAtomic(path, JSON.stringify(next, null, 2) + '\n');
    } catch (err) {
      // Moved or deleted under us: nothing left to keep alive. Other errors (a full
      // disk, a flaky network file system) may pass; the next beat tries again.
      if (errnoCode(err) === 'ENOENT') stop();
      return false;
    }
    info = next;
    return true;
  };
  if (heartbeatMs > 0) {
    // Armed on the next tick: no timer can fire before the event loop turns anyway, and
    // a lease stopped within this tick (a short script's start() and close()) needs none.
    process.nextTick(() => {
      if (stopped) return;
      timer = setInterval(heartbeat, heartbeatMs);
      // The lease must never keep a finished script alive.
      timer.unref();
    });
  }
  return {
    path,
    get info(): LeaseInfo {
      return { ...info };
    },
    heartbeat,
    stop,
    [Symbol.dispose]: stop,
  };
}

/** Result of reading a lease file: its content, or why there is none. */
export type LeaseRead =
  { state: 'ok'; info: LeaseInfo } | { state: 'missing' } | { state: 'corrupt'; error: string };

const isoOk = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const strOrNull = (v: unknown): boolean => v === null || typeof v === 'string';

/** Checks that a parsed value is a version-1 lease; returns what is wrong, or null. */
function leaseProblem(v: Record<string, unknown>): string | null {
  if (v['version'] !== 1) return `unknown lease version ${JSON.stringify(v['version'])}`;
  if (!Number.isInteger(v['pid']) || (v['pid'] as number) <= 0)
    return 'pid is not a positive integer';
  if (typeof v['hostname'] !== 'string' || v['hostname'] === '') return 'hostname missing';
  if (
    !strOrNull(v['bootId']) ||
    !strOrNull(v['pidNamespace']) ||
    !strOrNull(v['processStartTicks'])
  ) {
    return 'bootId, pidNamespace or processStartTicks has the wrong type';
  }
  if (!isoOk(v['processStart']) || !isoOk(v['sessionStart']) || !isoOk(v['heartbeat'])) {
    return 'a time field is not an ISO date';
  }
  if (typeof v['heartbeatMs'] !== 'number' || !(v['heartbeatMs'] >= 0))
    return 'heartbeatMs invalid';
  if (typeof v['staleAfterMs'] !== 'number' || !(v['staleAfterMs'] > 0))
    return 'staleAfterMs invalid';
  return null;
}

/** Reads the lease of a session directory, telling a missing file from a corrupt one. */
export function loadLease(dir: string): LeaseRead {
  let text: string;
  try {
    text = readFileSync(join(dir, LEASE_FILE), 'utf8');
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return { state: 'missing' };
    return { state: 'corrupt', error: `unreadable: ${(err as Error).message}` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { state: 'corrupt', error: `not JSON: ${(err as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { state: 'corrupt', error: 'not a JSON object' };
  }
  const problem = leaseProblem(value as Record<string, unknown>);
  return problem ? { state: 'corrupt', error: problem } : { state: 'ok', info: value as LeaseInfo };
}

/** The lease of a session directory, or null when it has none or it cannot be read. */
export function readLease(dir: string): LeaseInfo | null {
  const r = loadLease(dir);
  return r.state === 'ok' ? r.info : null;
}
