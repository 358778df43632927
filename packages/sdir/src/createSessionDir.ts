/**
 * Creating `<output root>/RUNNING/<ID>[-<suffix>]/` so that hundreds of processes
 * starting in the same second all get their own directory: the final mkdir is
 * exclusive (never recursive), a taken name means drawing a new ID, and a symlink is
 * never followed at RUNNING/ or at the session path.
 */
import {
  existsSync,
  lstatSync,
  mkdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  unlinkSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SdirError, errnoCode } from './errors.js';
import { genId } from './genId.js';
import {
  LEASE_FILE,
  keepLease,
  newLeaseInfo,
  writeLeaseFile,
  type Lease,
  type LeaseInfo,
  type LeaseOptions,
} from './lease.js';
import { resolveScript, type ScriptInfo } from './resolveScript.js';
import { SESSION_ID_PATTERN, sessionDirName, stagingName, validateSuffix } from './sessionName.js';
import { STATUS_FOLDERS } from './statusFolders.js';

/** Options of {@link createSessionDir}. */
export interface CreateSessionDirOptions {
  /**
   * The script the session belongs to: a path, a `file:` URL or a {@link resolveScript}
   * result. Default: the main script. Ignored when `sdir` is given.
   */
  script?: string | URL | ScriptInfo;
  /** Output root to use instead of `<script dir>/<script stem>_out` (relative to the cwd). */
  sdir?: string | URL;
  /** Appended to the directory name as `-<suffix>` (not to the ID). */
  suffix?: string;
  /** Prefix the ID with `DEBUG_`. Default false. */
  debug?: boolean;
  /** Use this ID instead of drawing one; it must match {@link SESSION_ID_PATTERN}. */
  id?: string;
  /** Random characters in a drawn ID. Default 4. */
  idLength?: number;
  /** The time drawn IDs show and the lease records as session start. Default now. */
  now?: Date;
  /** Write a lease (with a heartbeat timer). Default true; an object sets its options. */
  lease?: boolean | LeaseOptions;
}

/** A freshly created RUNNING session directory. */
export interface SessionDir {
  /** The session ID (what `CONFIG.ID` holds; no suffix). */
  id: string;
  /** The directory name: the ID plus `-<suffix>` when given. */
  name: string;
  /** Absolute path: `<outRoot>/RUNNING/<name>`. */
  dir: string;
  /** Absolute output root holding RUNNING/ and FINISHED_*∕. */
  outRoot: string;
  /** The lease, or null with `lease: false`. Stop it before finalizing. */
  lease: Lease | null;
}

// A drawn ID is taken only when another run drew the same tail in the same second
// (1 in 14.8 million with 4 characters); the bound only stops a pathological loop.
const MAX_ATTEMPTS = 1000;

const createFailed = (path: string, what: string, err: unknown): SdirError =>
  new SdirError(
    'SDIR_CREATE_FAILED',
    `could not create ${what} ${path}: ${(err as Error).message ?? String(err)}`,
    { cause: err },
  );

function outputRoot(opts: CreateSessionDirOptions): string {
  const { sdir, script } = opts;
  if (sdir !== undefined) {
    if (sdir instanceof URL) return fileURLToPath(sdir);
    if (typeof sdir !== 'string' || sdir === '' || sdir.includes('\0')) {
      throw new SdirError(
        'SDIR_INVALID_OPTION',
        `sdir must be a non-empty path, got ${JSON.stringify(sdir)}`,
      );
    }
    return resolve(sdir);
  }
  const info =
    typeof script === 'object' && script !== null && !(script instanceof URL)
      ? script
      : resolveScript(script);
  return join(info.dir, `${info.stem}_out`);
}

function ensureOutRoot(outRoot: string): void {
  try {
    mkdirSync(outRoot, { recursive: true });
  } catch (err) {
    if (errnoCode(err) === 'EEXIST') {
      throw new SdirError(
        'SDIR_CREATE_FAILED',
        `could not create output root ${outRoot}: it exists and is not a directory`,
        { cause: err },
      );
    }
    throw createFailed(outRoot, 'output root', err);
  }
}

/** Returns false when RUNNING/ vanished in between (another run removed it when empty). */
function ensureRunning(running: string): boolean {
  try {
    mkdirSync(running);
  } catch (err) {
    if (errnoCode(err) !== 'EEXIST') throw createFailed(running, 'directory', err);
  }
  let st;
  try {
    st = lstatSync(running);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return false;
    throw createFailed(running, 'directory', err);
  }
  if (st.isSymbolicLink()) {
    throw new SdirError(
      'SDIR_UNSAFE_PATH',
      `${running} is a symlink; sdir does not follow it. Remove it (RUNNING/ must be a real directory).`,
    );
  }
  if (!st.isDirectory()) {
    throw new SdirError(
      'SDIR_CREATE_FAILED',
      `${running} exists and is not a directory; remove it`,
    );
  }
  return true;
}

function isRealDir(path: string): boolean {
  try {
    const st = lstatSync(path);
    return st.isDirectory() && !st.isSymbolicLink();
  } catch {
    return false;
  }
}

/** The path of a finished session named `name` next to `running`, or null. */
function finishedHolding(running: string, name: string): string | null {
  const root = dirname(running);
  for (const folder of [STATUS_FOLDERS.success, STATUS_FOLDERS.error, STATUS_FOLDERS.finished]) {
    const path = join(root, folder, name);
    try {
      lstatSync(path);
      return path;
    } catch {
      // Not there: good.
    }
  }
  return null;
}

/** Creates `dir`: with a lease, prepared under a staging name and renamed into place. */
function makeSessionDir(running: string, name: string, lease: LeaseInfo | null): void {
  const dir = join(running, name);
  if (lease === null) {
    // Not recursive: EEXIST is how a taken name (or a planted symlink) shows.
    mkdirSync(dir);
    return;
  }
  const staging = join(running, stagingName(name));
  mkdirSync(staging);
  try {
    writeLeaseFile(staging, lease);
    // rename() would replace an empty directory of that name: a taken name must show.
    if (existsSync(dir)) throw Object.assign(new Error(`${dir} exists`), { code: 'EEXIST' });
    // Fails with ENOTEMPTY/EEXIST on a session of that name, ENOTDIR on a planted symlink.
    renameSync(staging, dir);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}

/** Draws IDs until a new `RUNNING/<name>` is ours. */
function claimSessionDir(
  running: string,
  opts: CreateSessionDirOptions,
  suffix: string | undefined,
  lease: LeaseInfo | null,
): { id: string; name: string; dir: string } {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (!ensureRunning(running)) continue;
    const id = opts.id ?? genId({ length: opts.idLength, debug: opts.debug, now: opts.now });
    const name = sessionDirName(id, suffix);
    const dir = join(running, name);
    try {
      makeSessionDir(running, name, lease);
    } catch (err) {
      const code = errnoCode(err);
      const taken = code === 'EEXIST' || code === 'ENOTEMPTY' || code === 'ENOTDIR';
      if (taken && opts.id !== undefined) {
        throw new SdirError('SDIR_CREATE_FAILED', `could not create ${dir}: it already exists`, {
          cause: err,
        });
      }
      // ENOENT: another run removed the empty RUNNING/ in between; recreate it.
      if (!taken && code !== 'ENOENT') {
        try {
          rmdirSync(running); // made by us, and empty: leave nothing half-made
        } catch {
          // Other sessions are in it.
        }
        if (err instanceof SdirError) throw err;
        throw createFailed(dir, 'session directory', err);
      }
      continue;
    }
    // Holding RUNNING/<name> makes the name ours among running sessions; it must also be
    // new to the finished ones, or finalizing would meet SDIR_DEST_EXISTS. A session
    // leaves RUNNING/ only by an atomic rename (or after its copy is complete), so a
    // name finished earlier is always visible here.
    const usedBy = finishedHolding(running, name);
    if (usedBy === null) return { id, name, dir };
    rmSync(dir, { recursive: true, force: true });
    if (opts.id !== undefined) {
      throw new SdirError(
        'SDIR_CREATE_FAILED',
        `could not create ${dir}: ${usedBy} already exists`,
      );
    }
  }
  throw new SdirError(
    'SDIR_CREATE_FAILED',
    `could not create a session directory in ${running}: every one of ${MAX_ATTEMPTS} IDs drawn was taken`,
  );
}

function checkOptions(opts: CreateSessionDirOptions): void {
  if (opts.debug !== undefined && typeof opts.debug !== 'boolean') {
    throw new SdirError(
      'SDIR_INVALID_OPTION',
      `debug must be a boolean, got ${JSON.stringify(opts.debug)}`,
    );
  }
  if (opts.id !== undefined && (typeof opts.id !== 'string' || !SESSION_ID_PATTERN.test(opts.id))) {
    throw new SdirError(
      'SDIR_INVALID_OPTION',
      `id ${JSON.stringify(opts.id)} is not a session ID such as 2025Y-11M-18D-07h53m37s_Z5MR`,
    );
  }
  if (opts.now !== undefined && (!(opts.now instanceof Date) || Number.isNaN(opts.now.getTime()))) {
    throw new SdirError('SDIR_INVALID_OPTION', 'now must be a valid Date');
  }
  const len = opts.idLength;
  if (len !== undefined && (!Number.isInteger(len) || len < 1 || len > 64)) {
    throw new SdirError(
      'SDIR_INVALID_OPTION',
      `idLength must be an integer from 1 to 64, got ${String(len)}`,
    );
  }
  const l = opts.lease;
  if (l !== undefined && typeof l !== 'boolean' && (typeof l !== 'object' || l === null)) {
    throw new SdirError('SDIR_INVALID_OPTION', `lease must be a boolean or an options object`);
  }
}

/**
 * Creates `<outRoot>/RUNNING/<ID>[-<suffix>]/` with an exclusive mkdir and writes its
 * lease. `outRoot` is `sdir` or `<script dir>/<script stem>_out`; it and RUNNING/ are
 * created when missing. The output root may be a symlink (to another disk, say);
 * RUNNING/ and the session directory never are.
 */
export function createSessionDir(opts: CreateSessionDirOptions = {}): SessionDir {
  checkOptions(opts);
  const suffix = opts.suffix === undefined ? undefined : validateSuffix(opts.suffix);
  // A name too long for the file system fails now, before anything is created.
  sessionDirName(
    opts.id ?? genId({ length: opts.idLength, debug: opts.debug, now: opts.now }),
    suffix,
  );
  const outRoot = outputRoot(opts);
  ensureOutRoot(outRoot);
  const running = join(outRoot, STATUS_FOLDERS.running);

  let info: LeaseInfo | null = null;
  if (opts.lease !== false) {
    const leaseOpts: LeaseOptions = typeof opts.lease === 'object' ? { ...opts.lease } : {};
    leaseOpts.now ??= opts.now;
    info = newLeaseInfo(leaseOpts);
  }
  const { id, name, dir } = claimSessionDir(running, opts, suffix, info);
  // RUNNING/ could have been swapped for a symlink between the check and the rename.
  if (!isRealDir(running)) {
    try {
      // Only what we made: our lease, then the directory if that left it empty.
      unlinkSync(join(dir, LEASE_FILE));
      rmdirSync(dir);
    } catch {
      // It was created through someone else's link; leave their tree alone.
    }
    throw new SdirError(
      'SDIR_UNSAFE_PATH',
      `${running} was replaced while creating ${name}; aborted`,
    );
  }
  const lease = info === null ? null : keepLease(dir, info);
  return { id, name, dir, outRoot, lease };
}
