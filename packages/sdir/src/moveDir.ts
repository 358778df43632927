/**
 * Moving a session directory without ever replacing anything: one atomic rename on the
 * same file system; copy + verify + remove only when the destination is on another
 * device (EXDEV).
 *
 * POSIX rename() silently replaces an empty destination directory, so the destination
 * is first claimed with an exclusive mkdir. Among concurrent movers of the same session
 * the mkdir is the arbiter: exactly one wins, the others get SDIR_DEST_EXISTS or see the
 * source gone. The rename then replaces only our own empty claim.
 */
import {
  cpSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmdirSync,
  rmSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { SdirError, errnoCode } from './errors.js';

/** Replaceable file-system calls, so tests can simulate a cross-device rename. */
export interface MoveDeps {
  rename: (src: string, dest: string) => void;
}

/** How a directory was moved. */
export type MoveMethod = 'rename' | 'copy';

// A claim left empty this long belongs to a mover that died between mkdir and rename
// (a microsecond window), so it may be removed. rmdir never removes a non-empty one.
const ORPHAN_CLAIM_MS = 60_000;

const useClaim = process.platform !== 'win32'; // Windows rename never replaces a directory.

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function tryRmdir(path: string): void {
  try {
    rmdirSync(path);
  } catch {
    // Not empty or already gone: either way not ours to remove.
  }
}

function isOrphanClaim(path: string): boolean {
  try {
    const st = lstatSync(path);
    return (
      st.isDirectory() &&
      Date.now() - st.mtimeMs > ORPHAN_CLAIM_MS &&
      readdirSync(path).length === 0
    );
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function claim(dest: string): void {
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(dest);
      return;
    } catch (err) {
      if (errnoCode(err) === 'EEXIST' && attempt === 0 && isOrphanClaim(dest)) {
        tryRmdir(dest);
        continue;
      }
      // The status folder was removed between our mkdir of it and the claim (a mover that
      // lost a race tidies the empty folder it made): make it again.
      if (errnoCode(err) === 'ENOENT' && attempt < 3) {
        mkdirSync(dirname(dest), { recursive: true });
        continue;
      }
      if (errnoCode(err) === 'EEXIST') {
        throw new SdirError('SDIR_DEST_EXISTS', `${dest} already exists; nothing was overwritten`, {
          cause: err,
        });
      }
      throw new SdirError(
        'SDIR_MOVE_FAILED',
        `could not create ${dest}: ${(err as Error).message}`,
        {
          cause: err,
        },
      );
    }
  }
}

interface Entry {
  rel: string;
  kind: 'dir' | 'file' | 'link' | 'other';
  size: number;
  link?: string;
}

function listTree(root: string, rel = '', out: Entry[] = []): Entry[] {
  for (const name of readdirSync(join(root, rel)).sort()) {
    const r = rel ? join(rel, name) : name;
    const st = lstatSync(join(root, r));
    if (st.isSymbolicLink())
      out.push({ rel: r, kind: 'link', size: 0, link: readlinkSync(join(root, r)) });
    else if (st.isDirectory()) {
      out.push({ rel: r, kind: 'dir', size: 0 });
      listTree(root, r, out);
    } else out.push({ rel: r, kind: st.isFile() ? 'file' : 'other', size: st.size });
  }
  return out;
}

function copyVerified(src: string, dest: string): void {
  // `dest` exists (claimed, empty): copy what is inside `src` into it, entry by entry.
  // (Node 22+ refuses a cpSync of a directory onto an existing one with errorOnExist.)
  for (const name of readdirSync(src)) {
    cpSync(join(src, name), join(dest, name), {
      recursive: true,
      force: false,
      errorOnExist: true,
      verbatimSymlinks: true,
      preserveTimestamps: true,
    });
  }
  const a = listTree(src);
  const b = listTree(dest);
  const same =
    a.length === b.length &&
    a.every((e, i) => {
      const f = b[i]!;
      return e.rel === f.rel && e.kind === f.kind && e.size === f.size && e.link === f.link;
    });
  if (!same) throw new Error(`the copy in ${dest} differs from ${src} (entries, types or sizes)`);
}

function renameRetrying(deps: MoveDeps, src: string, dest: string): void {
  // Windows refuses to rename a directory while something scans or holds a file in it
  // (antivirus, indexer); these clear within moments.
  for (let attempt = 0; ; attempt++) {
    try {
      deps.rename(src, dest);
      return;
    } catch (err) {
      const code = errnoCode(err);
      const transient = code === 'EPERM' || code === 'EBUSY' || code === 'EACCES';
      if (process.platform !== 'win32' || !transient || attempt >= 4) throw err;
      sleepSync(25 * (attempt + 1));
    }
  }
}

/**
 * Moves directory `src` to `dest`, never replacing an existing `dest`. Creates the
 * parent of `dest` (one level) if needed. Throws `SDIR_DEST_EXISTS`, `SDIR_NOT_A_SESSION`
 * (source gone) or `SDIR_MOVE_FAILED`; on failure the source is left as it was.
 */
export function moveDirNoReplace(
  src: string,
  dest: string,
  deps: MoveDeps = { rename: renameSync },
): MoveMethod {
  // A concurrent mover (the owner's close, another reconciler) may have taken it already;
  // checking first keeps the loser from creating a status folder it will not use.
  if (!exists(src)) {
    throw new SdirError(
      'SDIR_NOT_A_SESSION',
      `${src} no longer exists (moved by another process?)`,
    );
  }
  let madeParent = false;
  try {
    mkdirSync(dirname(dest));
    madeParent = true;
  } catch (err) {
    if (errnoCode(err) !== 'EEXIST') {
      throw new SdirError(
        'SDIR_MOVE_FAILED',
        `could not create ${dirname(dest)}: ${(err as Error).message}`,
        { cause: err },
      );
    }
  }
  if (useClaim) claim(dest);
  else if (exists(dest)) {
    throw new SdirError('SDIR_DEST_EXISTS', `${dest} already exists; nothing was overwritten`);
  }
  try {
    renameRetrying(deps, src, dest);
    return 'rename';
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'EXDEV') {
      if (!useClaim) mkdirSync(dest);
      try {
        copyVerified(src, dest);
      } catch (copyErr) {
        rmSync(dest, { recursive: true, force: true });
        throw new SdirError(
          'SDIR_MOVE_FAILED',
          `could not copy ${src} to ${dest} (another device); the source is untouched: ${(copyErr as Error).message}`,
          { cause: copyErr },
        );
      }
      try {
        rmSync(src, { recursive: true });
      } catch (rmErr) {
        throw new SdirError(
          'SDIR_MOVE_FAILED',
          `copied ${src} to ${dest} and verified it, but could not remove the source: ${(rmErr as Error).message}`,
          { cause: rmErr },
        );
      }
      return 'copy';
    }
    if (useClaim) tryRmdir(dest);
    if (!exists(src)) {
      // Lost the race: leave no empty status folder of ours behind.
      if (madeParent) tryRmdir(dirname(dest));
      throw new SdirError(
        'SDIR_NOT_A_SESSION',
        `${src} no longer exists (moved by another process?)`,
        {
          cause: err,
        },
      );
    }
    if (code === 'ENOTEMPTY' || code === 'EEXIST') {
      throw new SdirError(
        'SDIR_DEST_EXISTS',
        `${dest} was filled by another process; nothing was overwritten`,
        {
          cause: err,
        },
      );
    }
    throw new SdirError(
      'SDIR_MOVE_FAILED',
      `could not move ${src} to ${dest}: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
}
