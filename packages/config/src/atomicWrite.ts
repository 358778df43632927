/**
 * Atomic file writes: the data goes to a temporary sibling (`.<name>.<pid>.<tag>.tmp`,
 * opened exclusively), then one rename puts it in place, so a reader — or a crash — sees
 * the old file or the new one, never part of either. `createFileAtomic` links instead of
 * renaming: it never replaces an existing file. `removeStaleTempFiles` removes what a
 * writer killed mid-write left.
 *
 * This file is identical in every @scitex package that writes files (a root test compares
 * the copies): the leaves stay independent of each other, and the rule cannot drift.
 */
import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  readdirSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Options of {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /** Flush the data and the directory to the disk before returning (survives power loss). Default false. */
  fsync?: boolean;
}

/** What a temporary file of this writer is called: the target's name, the pid, a tag. */
export const TEMP_FILE_PATTERN: RegExp = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

// Tags from the time and a per-process counter (no node:crypto, which costs ~1.5 ms to
// load); uniqueness comes from the pid and the exclusive open.
let counter = 0;
function tag(): string {
  counter = (counter + 1) & 0xffff;
  return (((Date.now() & 0xffff) * 0x10000 + counter) >>> 0).toString(16).padStart(8, '0');
}

/** Opens a new temporary sibling of `path` exclusively. */
function openTemp(path: string): { tmp: string; fd: number } {
  const dir = dirname(path);
  for (let attempt = 0; ; attempt++) {
    const tmp = join(dir, `.${basename(path)}.${process.pid}.${tag()}.tmp`);
    try {
      return { tmp, fd: openSync(tmp, 'wx') };
    } catch (err) {
      // A stale file of a dead process that had the same pid: try the next name.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 15) throw err;
    }
  }
}

/** Writes `data` to a new temporary sibling of `path`; returns its name. */
function writeTemp(path: string, data: string | Uint8Array, durable: boolean): string {
  const { tmp, fd } = openTemp(path);
  {
    try {
      writeFileSync(fd, data);
      if (durable) fsyncSync(fd);
    } catch (err) {
      closeSync(fd);
      removeQuietly(tmp);
      throw err;
    }
    closeSync(fd);
    return tmp;
  }
}

/** A file written piece by piece under a temporary name; `commit()` renames it into place. */
export interface AtomicFile {
  write(data: string | Uint8Array): void;
  commit(): void;
  /** Removes the temporary file; the target is untouched. */
  abort(): void;
}

/** Opens `path` for a streamed atomic write. Throws Node's errors (nothing is left behind). */
export function openFileAtomic(path: string): AtomicFile {
  const { tmp, fd } = openTemp(path);
  let open = true;
  const close = (): void => {
    if (open) closeSync(fd);
    open = false;
  };
  const fail = (err: unknown): never => {
    close();
    removeQuietly(tmp);
    throw err;
  };
  return {
    write(data: string | Uint8Array): void {
      try {
        writeFileSync(fd, data);
      } catch (err) {
        fail(err);
      }
    },
    commit(): void {
      try {
        close();
        renameSync(tmp, path);
      } catch (err) {
        fail(err);
      }
    },
    abort(): void {
      close();
      removeQuietly(tmp);
    },
  };
}

/** Writes `data` to `path`, replacing it atomically. Throws Node's error (no temp file is left). */
export function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): void {
  const durable = options.fsync === true;
  const tmp = writeTemp(path, data, durable);
  try {
    renameSync(tmp, path);
  } catch (err) {
    removeQuietly(tmp);
    throw err;
  }
  if (durable) fsyncDirectory(dirname(path));
}

/**
 * Creates `path` with `data` only if it does not exist yet, atomically: of concurrent
 * callers exactly one wins, and nobody reads a partial file. Returns false (writing
 * nothing) when the file already exists.
 */
export function createFileAtomic(path: string, data: string | Uint8Array): boolean {
  const tmp = writeTemp(path, data, false);
  try {
    linkSync(tmp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    removeQuietly(tmp);
  }
}

/**
 * Removes the temporary files of `name` (or of any file, without `name`) in `dir` left by
 * processes that died mid-write. Files of live processes are left alone.
 */
export function removeStaleTempFiles(dir: string, name?: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    const m = TEMP_FILE_PATTERN.exec(entry);
    if (!m || (name !== undefined && m[1] !== name)) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || isAlive(pid)) continue;
    removeQuietly(join(dir, entry));
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

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone, or never written.
  }
}

/** Makes a rename durable. Not every platform can open a directory; that is fine. */
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
