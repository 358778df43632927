/**
 * Whole-file writes that readers never see half-done: the data goes to a temporary file
 * in the same directory, which is then renamed (replace) or hard-linked (create-once)
 * into place.
 */
import { linkSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { nodeCrypto } from './nodeCrypto.js';

function tempPath(file: string): string {
  return join(
    dirname(file),
    `.${basename(file)}.${process.pid}.${nodeCrypto().randomBytes(4).toString('hex')}.tmp`,
  );
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone, or never written.
  }
}

/** Writes `data` to `file`, replacing it atomically. Throws Node's errors as they are. */
export function writeFileAtomic(file: string, data: string): void {
  const tmp = tempPath(file);
  try {
    writeFileSync(tmp, data, { flag: 'wx' });
    renameSync(tmp, file);
  } catch (err) {
    removeQuietly(tmp);
    throw err;
  }
}

/**
 * Creates `file` with `data` only if it does not exist yet, atomically: concurrent
 * callers cannot both win, and nobody reads a partial file. Returns false (writing
 * nothing) when the file already exists.
 */
export function createFileAtomic(file: string, data: string): boolean {
  const tmp = tempPath(file);
  try {
    writeFileSync(tmp, data, { flag: 'wx' });
    try {
      linkSync(tmp, file);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw err;
    }
  } finally {
    removeQuietly(tmp);
  }
}
