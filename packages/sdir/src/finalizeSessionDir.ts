/**
 * Closing a session: one atomic rename from RUNNING/ into the status folder. The
 * destination is computed from the output root (never by rewriting the path string),
 * is never overwritten, and RUNNING/ is removed only once it is empty.
 */
import { lstatSync, rmdirSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { SdirError, errnoCode } from './errors.js';
import { LEASE_FILE, loadLease, type LeaseInfo } from './lease.js';
import { moveDirNoReplace } from './moveDir.js';
import { selfIdentity } from './processInfo.js';
import {
  readReconciled,
  writeReconciled,
  type ReconcileCode,
  type ReconciledRecord,
} from './reconciledRecord.js';
import { parseSessionId } from './sessionName.js';
import { STATUS_FOLDERS, folderForExitStatus, type FinishedFolder } from './statusFolders.js';

/** Options of {@link finalizeSessionDir}. */
export interface FinalizeOptions {
  /**
   * Set when someone other than the owner files the session (a tool, a person): the
   * text is saved in `reconciled.json` (code `manual`) with the lease found.
   */
  reason?: string;
}

/** Where a RUNNING session directory sits. */
export interface RunningLocation {
  dir: string;
  name: string;
  running: string;
  outRoot: string;
}

function locate(dir: string | { dir: string }): RunningLocation {
  const raw = typeof dir === 'object' && dir !== null ? dir.dir : dir;
  if (typeof raw !== 'string' || raw === '') {
    throw new SdirError(
      'SDIR_NOT_A_SESSION',
      `expected a session directory path, got ${JSON.stringify(raw)}`,
    );
  }
  const abs = resolve(raw);
  const name = basename(abs);
  const running = dirname(abs);
  if (basename(running) !== STATUS_FOLDERS.running || parseSessionId(name) === null) {
    throw new SdirError(
      'SDIR_NOT_A_SESSION',
      `${abs} is not a session directory: expected <output root>/RUNNING/<session ID>[-<suffix>]`,
    );
  }
  return { dir: abs, name, running, outRoot: dirname(running) };
}

/** Removes RUNNING/ if (and only if) it is empty; a concurrent newcomer wins. */
export function removeRunningIfEmpty(running: string): void {
  try {
    rmdirSync(running);
  } catch {
    // ENOTEMPTY / EEXIST: another session is in it; ENOENT: already gone.
  }
}

/** Moves a checked RUNNING session into `folder`; writes `record` when given. Internal. */
export function fileSession(
  loc: RunningLocation,
  folder: FinishedFolder,
  record?: { code: ReconcileCode; reason: string; owner: LeaseInfo | null },
): string {
  const dest = join(loc.outRoot, folder, loc.name);
  moveDirNoReplace(loc.dir, dest);
  try {
    // unlinkSync, not rmSync: rmSync loads and runs Node's rimraf, ~1 ms cold, in every
    // close() — for one file.
    unlinkSync(join(dest, LEASE_FILE));
  } catch {
    // A stale lease in a FINISHED_* folder is ignored by scan and reconcile.
  }
  if (record) {
    const me = selfIdentity();
    const full: ReconciledRecord = {
      version: 1,
      at: new Date().toISOString(),
      code: record.code,
      reason: record.reason,
      from: 'RUNNING',
      to: folder,
      by: { pid: me.pid, hostname: me.hostname },
      owner: record.owner,
    };
    try {
      writeReconciled(dest, full);
    } catch {
      // The move is what matters; the note is best effort.
    }
  }
  removeRunningIfEmpty(loc.running);
  return dest;
}

/** Checks that `loc` is a real directory under a real RUNNING/. */
function checkRunning(loc: RunningLocation): 'ok' | 'missing' {
  try {
    if (lstatSync(loc.running).isSymbolicLink()) {
      throw new SdirError(
        'SDIR_UNSAFE_PATH',
        `${loc.running} is a symlink; sdir does not follow it`,
      );
    }
    const st = lstatSync(loc.dir);
    if (st.isSymbolicLink() || !st.isDirectory()) {
      throw new SdirError(
        'SDIR_NOT_A_SESSION',
        `${loc.dir} is not a directory (a symlink or a file)`,
      );
    }
    return 'ok';
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return 'missing';
    throw err;
  }
}

const sameProcess = (o: LeaseInfo): boolean => {
  const me = selfIdentity();
  return (
    o.pid === me.pid &&
    o.hostname === me.hostname &&
    o.bootId === me.bootId &&
    o.processStartTicks === me.processStartTicks &&
    o.processStart === me.processStart
  );
};

// A reconciler on another host may misjudge a live owner whose event loop was blocked
// for longer than the stale threshold. The owner then finds its session in
// FINISHED_ERROR, and files it where it belongs after all.
function reclaim(loc: RunningLocation, folder: FinishedFolder): string | null {
  const filed = join(loc.outRoot, STATUS_FOLDERS.error, loc.name);
  const r = readReconciled(filed);
  if (r.state !== 'ok' || r.record.owner === null || r.record.reclaimed) return null;
  if (typeof r.record.owner !== 'object' || !sameProcess(r.record.owner)) return null;
  const dest = join(loc.outRoot, folder, loc.name);
  if (folder !== STATUS_FOLDERS.error) moveDirNoReplace(filed, dest);
  try {
    writeReconciled(dest, { ...r.record, reclaimed: { at: new Date().toISOString(), to: folder } });
  } catch {
    // Best effort, as in fileSession.
  }
  removeRunningIfEmpty(loc.running);
  return dest;
}

/**
 * Moves a RUNNING session to `<outRoot>/FINISHED_SUCCESS/` (exit status 0),
 * `FINISHED_ERROR/` (any other integer) or `FINISHED/` (null/undefined) with one
 * atomic rename, and returns the new absolute path. Never overwrites
 * (`SDIR_DEST_EXISTS`); copies + verifies + removes only across devices. Removes the
 * lease file, and RUNNING/ when it is left empty. Stop the lease first.
 */
export function finalizeSessionDir(
  dir: string | { dir: string },
  exitStatus: number | null | undefined,
  opts: FinalizeOptions = {},
): string {
  const folder = folderForExitStatus(exitStatus);
  if (opts.reason !== undefined && (typeof opts.reason !== 'string' || opts.reason === '')) {
    throw new SdirError('SDIR_INVALID_OPTION', 'reason must be a non-empty string');
  }
  const loc = locate(dir);
  if (checkRunning(loc) === 'missing') {
    const reclaimed = reclaim(loc, folder);
    if (reclaimed !== null) return reclaimed;
    throw new SdirError('SDIR_NOT_A_SESSION', `${loc.dir} does not exist (already finalized?)`);
  }
  if (opts.reason === undefined) return fileSession(loc, folder);
  const lease = loadLease(loc.dir);
  return fileSession(loc, folder, {
    code: 'manual',
    reason: opts.reason,
    owner: lease.state === 'ok' ? lease.info : null,
  });
}
