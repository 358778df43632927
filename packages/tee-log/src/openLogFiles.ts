/**
 * Opens every log file before anything is patched, all or nothing: when one cannot be
 * opened, the ones already opened are closed (and removed if this call created them),
 * nothing is truncated, and TEE_OPEN_FAILED says which file and why.
 */
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readSync,
  unlinkSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { TeeError } from './errors.js';
import { appendAll } from './appendFile.js';

/** An open log file and its size after opening (where writing starts). */
export interface OpenLogFile {
  path: string;
  fd: number;
  start: number;
}

/**
 * Opens (creating when missing) each path for appending (O_APPEND: every write lands at
 * the file's real end, even after someone truncated it). With `append`, an existing file
 * is continued — after a newline, so runs never share a line; otherwise it is truncated.
 */
export function openLogFiles(paths: readonly string[], append: boolean): OpenLogFile[] {
  const opened: { path: string; fd: number; created: boolean }[] = [];
  for (const path of paths) {
    try {
      mkdirSync(dirname(path), { recursive: true });
      const created = !existsSync(path);
      // Continuing a file reads its last byte, hence O_RDWR then.
      const mode = append ? constants.O_RDWR : constants.O_WRONLY;
      const fd = openSync(path, mode | constants.O_APPEND | constants.O_CREAT, 0o666);
      opened.push({ path, fd, created });
      // Rewriting the last line truncates: that needs a regular file (not /dev/null, a FIFO, a tty).
      if (!fstatSync(fd).isFile()) throw new Error('not a regular file');
    } catch (err) {
      for (const o of opened) {
        closeQuietly(o.fd);
        if (o.created) unlinkQuietly(o.path);
      }
      const reason = err instanceof Error ? err.message : String(err);
      throw new TeeError(
        'TEE_OPEN_FAILED',
        `cannot open log file ${path} (${reason}); choose a \`dir\` you can write to. Nothing was patched.`,
        { cause: err },
      );
    }
  }
  return opened.map(({ path, fd }) => ({
    path,
    fd,
    start: append ? appendStart(fd) : truncate(fd),
  }));
}

function truncate(fd: number): number {
  ftruncateSync(fd, 0);
  return 0;
}

function appendStart(fd: number): number {
  const size = fstatSync(fd).size;
  if (size === 0) return 0;
  const last = Buffer.alloc(1);
  try {
    readSync(fd, last, 0, 1, size - 1);
  } catch {
    return size;
  }
  if (last[0] === 0x0a) return size;
  return size + appendAll(fd, '\n');
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already closed or invalid: nothing left to release
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // someone else removed it
  }
}
