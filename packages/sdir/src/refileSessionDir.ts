/**
 * Moving a finished session to the folder of a new exit status — when what ended the run
 * turned out otherwise after it was filed (a signal that arrived during close(), an
 * error thrown by a later 'exit' listener). Same rules as finalizing: one rename, never
 * over an existing directory, no symlink followed.
 */
import { lstatSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { SdirError, errnoCode } from './errors.js';
import { moveDirNoReplace } from './moveDir.js';
import { parseSessionId } from './sessionName.js';
import { folderForExitStatus, statusOfFolder } from './statusFolders.js';

/**
 * Moves `<outRoot>/FINISHED_*∕<name>` to the folder `exitStatus` belongs in and returns
 * its path (the same path when it is there already).
 *
 * @throws {SdirError} `SDIR_NOT_A_SESSION` for a path that is not a finished session,
 * `SDIR_DIR_GONE` when it no longer exists, `SDIR_UNSAFE_PATH` for a symlink,
 * `SDIR_DEST_EXISTS` / `SDIR_MOVE_FAILED` as finalizeSessionDir does.
 */
export function refileSessionDir(dir: string, exitStatus: number | null | undefined): string {
  const abs = resolve(dir);
  const name = basename(abs);
  const folder = basename(dirname(abs));
  const status = statusOfFolder(folder);
  if (status === undefined || status === 'running' || parseSessionId(name) === null) {
    throw new SdirError(
      'SDIR_NOT_A_SESSION',
      `${abs} is not a finished session directory: expected <output root>/FINISHED_*/<session ID>`,
    );
  }
  const to = folderForExitStatus(exitStatus);
  try {
    const st = lstatSync(abs);
    if (!st.isDirectory() || st.isSymbolicLink() || lstatSync(dirname(abs)).isSymbolicLink()) {
      throw new SdirError('SDIR_UNSAFE_PATH', `${abs} is not a real directory; not moved`);
    }
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') {
      throw new SdirError('SDIR_DIR_GONE', `${abs} no longer exists; nothing to refile`);
    }
    throw err;
  }
  if (to === folder) return abs;
  const dest = join(dirname(dirname(abs)), to, name);
  moveDirNoReplace(abs, dest);
  return dest;
}
