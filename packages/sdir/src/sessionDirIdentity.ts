/**
 * What a session directory is on disk — device and inode of it and of the folder it sits
 * in — so that its owner can tell, before writing there again, that it was deleted,
 * replaced, or that a folder on its path became a symlink. Nothing is then written: the
 * output root is the only place a session ever writes to.
 */
import { lstatSync } from 'node:fs';
import { dirname } from 'node:path';
import { SdirError, errnoCode } from './errors.js';

/** The identity {@link checkSessionDir} compares with. */
export interface SessionDirIdentity {
  readonly dev: number;
  readonly ino: number;
  /** Creation time where the file system keeps one (0 otherwise): a deleted directory's inode is often reused at once. */
  readonly birth: number;
}

/** Reads the identity of `dir` (not following a symlink). */
export function sessionDirIdentity(dir: string): SessionDirIdentity {
  const st = lstatSync(dir);
  return { dev: st.dev, ino: st.ino, birth: st.birthtimeMs };
}

/**
 * Checks that `dir` is still the real directory `identity` was read from, and that the
 * folder holding it is a real directory.
 *
 * @throws {SdirError} `SDIR_DIR_GONE` when it was deleted or replaced by another
 * directory, `SDIR_UNSAFE_PATH` when it or its folder is now a symlink.
 */
export function checkSessionDir(dir: string, identity: SessionDirIdentity): void {
  let st;
  try {
    if (lstatSync(dirname(dir)).isSymbolicLink()) {
      throw new SdirError(
        'SDIR_UNSAFE_PATH',
        `${dirname(dir)} was replaced by a symlink while the session was open; nothing is written through it`,
      );
    }
    st = lstatSync(dir);
  } catch (err) {
    if (err instanceof SdirError) throw err;
    if (errnoCode(err) === 'ENOENT' || errnoCode(err) === 'ENOTDIR') {
      throw new SdirError(
        'SDIR_DIR_GONE',
        `${dir} was deleted while the session was open; nothing was re-created`,
        { cause: err },
      );
    }
    throw err;
  }
  if (st.isSymbolicLink()) {
    throw new SdirError(
      'SDIR_UNSAFE_PATH',
      `${dir} was replaced by a symlink while the session was open; nothing is written through it`,
    );
  }
  const reborn = identity.birth !== 0 && st.birthtimeMs !== identity.birth;
  if (!st.isDirectory() || st.dev !== identity.dev || st.ino !== identity.ino || reborn) {
    throw new SdirError(
      'SDIR_DIR_GONE',
      `${dir} was deleted and something else now stands at its path; it is left alone`,
    );
  }
}
