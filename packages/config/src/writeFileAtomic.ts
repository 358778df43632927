/**
 * Crash-safe file replacement: the new content goes to a temporary file in the same
 * directory, is flushed to disk, and is renamed over the old file in one step. A process
 * killed at any moment leaves either the old file or the new one, never a torn mix.
 */
import {
  closeSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Options of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /** Flush file and directory to the disk (survives power loss, not only a crash). Default true. */
  fsync?: boolean;
}

const TEMP = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

// Temp-file tags: the time and a per-process counter (no node:crypto, which costs a
// session ~1.5 ms to load; uniqueness comes from the pid and the exclusive open).
let counter = 0;
function tempTag(): string {
  counter = (counter + 1) & 0xffff;
  return (((Date.now() & 0xffff) * 0x10000 + counter) >>> 0).toString(16).padStart(8, '0');
}

/** Writes `data` to `path` atomically. Throws the underlying fs error (the temp file is removed). */
export function writeFileAtomic(
  path: string,
  data: string,
  options: WriteFileAtomicOptions = {},
): void {
  const durable = options.fsync ?? true;
  const dir = dirname(path);
  let tmp = '';
  let fd: number | undefined;
  try {
    // Unique among live processes by the pid; a stale file of a dead process that had the
    // same pid makes the exclusive open fail, and the next name is tried.
    for (let attempt = 0; fd === undefined; attempt++) {
      tmp = join(dir, `.${basename(path)}.${process.pid}.${tempTag()}.tmp`);
      try {
        fd = openSync(tmp, 'wx');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 15) {
          tmp = '';
          throw err;
        }
      }
    }
    writeFileSync(fd, data);
    if (durable) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (err) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // Already failing; the original error is the one to report.
      }
    }
    if (tmp !== '') {
      try {
        unlinkSync(tmp);
      } catch {
        // It may never have been created.
      }
    }
    throw err;
  }
  if (durable) fsyncDirectory(dir);
}

/** Makes the rename itself durable. Not every platform can open a directory; that is fine. */
function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows and some file systems refuse; the data itself is already flushed.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Removes temp files of `name` in `dir` left by processes that died mid-write (a SIGKILL
 * between open and rename). Files of live processes are left alone.
 */
export function removeStaleTempFiles(dir: string, name: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    const m = TEMP.exec(entry);
    if (!m || m[1] !== name) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || isAlive(pid)) continue;
    try {
      unlinkSync(join(dir, entry));
    } catch {
      // Another process may have removed it first.
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
