/**
 * Filing runs whose owner died without closing (SIGKILL, OOM, power loss, a node that
 * vanished): RUNNING sessions with a dead owner move to FINISHED_ERROR with a
 * `reconciled.json` saying why and when. Safe to run from many processes at once —
 * the exclusive claim of the destination decides who moves each session.
 */
import { join, resolve } from 'node:path';
import { SdirError } from './errors.js';
import { TEMP_FILE_PATTERN } from './atomicWrite.js';
import { LEASE_FILE, loadLease } from './lease.js';
import { listStatusFolder, type SkippedEntry } from './listStatusFolder.js';
import { fileSession, removeRunningIfEmpty } from './finalizeSessionDir.js';
import { lstatSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { ownerStatus } from './ownerStatus.js';
import type { ReconcileCode } from './reconciledRecord.js';
import { lastActivityMs } from './sessionFiles.js';
import { STATUS_FOLDERS } from './statusFolders.js';
import { LEASE_DEFAULTS, durationOption, envStaleAfterMs } from './thresholds.js';

/** Options of {@link reconcile}. */
export interface ReconcileOptions {
  /** Stale threshold for heartbeat judgements. Default: the one each lease records. */
  staleAfterMs?: number;
  /** A session without a lease is filed once idle this long. Default 24 h. */
  noLeaseGraceMs?: number;
  /** Judge as of this time. Default now. */
  now?: Date;
  /** Report what would move, move nothing. Default false. */
  dryRun?: boolean;
  /**
   * Called with each session right after it was filed — e.g. to bring its CONFIG
   * snapshot up to date (`@scitex/session` records END_TIME and why there). An error it
   * throws is kept as the move's `note`; the move stands.
   */
  onFiled?: (move: ReconcileMove) => void;
}

/** One session filed by {@link reconcile}. */
export interface ReconcileMove {
  name: string;
  /** Absolute paths before and after. */
  from: string;
  to: string;
  code: ReconcileCode;
  /** One sentence for people. */
  reason: string;
  /** The owner's last sign of life: its lease's heartbeat or the newest write in the session, whichever is later. */
  lastSeen: Date;
  /** What went wrong in `onFiled`, if anything. */
  note?: string;
}

/** What {@link reconcile} did. */
export interface ReconcileResult {
  /** Sessions moved to FINISHED_ERROR (or that would be, with `dryRun`). */
  moved: ReconcileMove[];
  /** Names of RUNNING sessions whose owner is alive: left alone. */
  alive: string[];
  /** Entries left alone for another reason (junk, no lease yet, a failed move), and why. */
  skipped: SkippedEntry[];
  /** Hidden folders of session starts that died halfway (see `stagingName`), removed. */
  removedStaging: string[];
}

// A staging folder lives for the milliseconds between its mkdir and its rename; one
// without a lease this old belongs to a start() that died before writing it.
const STAGING_NO_LEASE_GRACE_MS = 60_000;

/** Removes a staging folder whose owner is dead: it holds at most a lease. */
function removeDeadStaging(dir: string, now: Date, staleAfterMs: number | undefined): boolean {
  const lease = loadLease(dir);
  if (lease.state === 'ok') {
    if (ownerStatus(lease.info, { now, staleAfterMs }).alive) return false;
  } else if (now.getTime() - lastActivityMs(dir) <= STAGING_NO_LEASE_GRACE_MS) {
    return false;
  }
  try {
    // The lease and the temporary file of a lease write cut short; anything else stays.
    for (const n of readdirSync(dir)) {
      if (n === LEASE_FILE || TEMP_FILE_PATTERN.exec(n)?.[1] === LEASE_FILE)
        rmSync(join(dir, n), { force: true });
    }
    rmdirSync(dir);
    return true;
  } catch {
    // Not empty after all (not ours), or another reconciler removed it first.
    return false;
  }
}

const fmtAge = (ms: number): string =>
  ms >= 2 * 3_600_000 ? `${Math.round(ms / 3_600_000)} h` : `${Math.round(ms / 60_000)} min`;

function sourceGoneSoon(dir: string): boolean {
  // The winner of a claim renames right after its mkdir; give it a moment.
  for (let i = 0; i < 20; i++) {
    try {
      lstatSync(dir);
    } catch {
      return true;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
  }
  return false;
}

/**
 * Moves every RUNNING session of `outRoot` whose owner is dead to FINISHED_ERROR:
 * same machine — the pid is gone, a zombie, or reused (start time differs), or the
 * machine rebooted; another host or PID namespace — no heartbeat for the stale
 * threshold. A session without a lease is filed after `noLeaseGraceMs` of inactivity;
 * one with an unreadable lease after the stale threshold. Never throws for what it
 * finds on disk; returns what it did.
 */
export function reconcile(outRoot: string, opts: ReconcileOptions = {}): ReconcileResult {
  const staleAfterMs =
    opts.staleAfterMs === undefined
      ? undefined
      : durationOption('staleAfterMs', opts.staleAfterMs, 0);
  const noLeaseGraceMs = durationOption(
    'noLeaseGraceMs',
    opts.noLeaseGraceMs,
    LEASE_DEFAULTS.noLeaseGraceMs,
  );
  if (opts.now !== undefined && (!(opts.now instanceof Date) || Number.isNaN(opts.now.getTime()))) {
    throw new SdirError('SDIR_INVALID_OPTION', 'now must be a valid Date');
  }
  const now = opts.now ?? new Date();
  const root = resolve(outRoot);
  const running = join(root, STATUS_FOLDERS.running);
  const result: ReconcileResult = { moved: [], alive: [], skipped: [], removedStaging: [] };
  const listed = listStatusFolder(running, { allowSymlinkFolder: false });
  result.skipped.push(...listed.skipped);
  for (const dir of listed.staging) {
    if (!opts.dryRun && removeDeadStaging(dir, now, staleAfterMs)) result.removedStaging.push(dir);
  }

  for (const { name, dir } of listed.entries) {
    let code: ReconcileCode;
    let reason: string;
    const lease = loadLease(dir);
    if (lease.state === 'ok') {
      const verdict = ownerStatus(lease.info, { now, staleAfterMs });
      if (verdict.alive) {
        result.alive.push(name);
        continue;
      }
      code = verdict.code as ReconcileCode;
      reason = verdict.reason;
    } else {
      const idle = now.getTime() - lastActivityMs(dir);
      const limit =
        lease.state === 'missing'
          ? noLeaseGraceMs
          : (staleAfterMs ?? envStaleAfterMs() ?? LEASE_DEFAULTS.staleAfterMs);
      const what = lease.state === 'missing' ? 'no lease' : `lease unreadable (${lease.error})`;
      if (idle <= limit) {
        result.skipped.push({
          path: dir,
          reason: `${what}; owner unknown; idle ${fmtAge(Math.max(idle, 0))}, filed after ${fmtAge(limit)}`,
        });
        continue;
      }
      code = lease.state === 'missing' ? 'no-lease' : 'lease-unreadable';
      reason = `${what} and no activity for ${fmtAge(idle)}`;
    }
    const to = join(root, STATUS_FOLDERS.error, name);
    const heartbeat = lease.state === 'ok' ? Date.parse(lease.info.heartbeat) : 0;
    const lastSeen = new Date(Math.max(heartbeat || 0, lastActivityMs(dir)));
    const move: ReconcileMove = { name, from: dir, to, code, reason, lastSeen };
    if (opts.dryRun) {
      result.moved.push(move);
      continue;
    }
    try {
      fileSession({ dir, name, running, outRoot: root }, 'FINISHED_ERROR', {
        code,
        reason,
        owner: lease.state === 'ok' ? lease.info : null,
      });
      result.moved.push(move);
    } catch (err) {
      const e = err as SdirError;
      // Lost the race to another reconciler (or the owner finished after all): not an error.
      if (e.code === 'SDIR_NOT_A_SESSION') continue;
      if (e.code === 'SDIR_DEST_EXISTS' && sourceGoneSoon(dir)) continue;
      result.skipped.push({
        path: dir,
        reason: `owner dead (${reason}) but not moved: ${e.message}`,
      });
    }
  }
  if (opts.onFiled && !opts.dryRun) {
    for (const m of result.moved) {
      try {
        opts.onFiled(m);
      } catch (err) {
        m.note = `filed, but updating it failed: ${(err as Error).message}`;
      }
    }
  }
  // A live or skipped entry keeps RUNNING/ non-empty: no need to try.
  if (!opts.dryRun && result.alive.length === 0 && result.skipped.length === 0) {
    removeRunningIfEmpty(running);
  }
  return result;
}
