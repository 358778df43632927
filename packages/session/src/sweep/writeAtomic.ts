/**
 * The sweep folder's files (manifest, task files, state) are written whole or not at all:
 * a temporary sibling, fsync, rename. A reader — `sweep status` while the pool runs, or a
 * task on another node — sees the old file or the new one, never half of either.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

/** Writes `text` to `path` atomically; `durable` also fsyncs the data before the rename. */
export function writeTextAtomic(path: string, text: string, durable = true): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, text);
      if (durable) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** {@link writeTextAtomic} of `value` as indented JSON. */
export function writeJsonAtomic(path: string, value: unknown, durable = true): void {
  writeTextAtomic(path, JSON.stringify(value, null, 2) + '\n', durable);
}
