/**
 * The sweep folder's files (manifest, task files, state) are written whole or not at all,
 * through @scitex/config's atomic writer: a reader — `sweep status` while the pool runs,
 * or a task on another node — sees the old file or the new one, never half of either.
 */
import { writeFileAtomic } from '@scitex/config';

/** Writes `text` to `path` atomically; `durable` also flushes it to the disk. */
export function writeTextAtomic(path: string, text: string, durable = true): void {
  writeFileAtomic(path, text, { fsync: durable });
}

/** {@link writeTextAtomic} of `value` as indented JSON. */
export function writeJsonAtomic(path: string, value: unknown, durable = true): void {
  writeTextAtomic(path, JSON.stringify(value, null, 2) + '\n', durable);
}
