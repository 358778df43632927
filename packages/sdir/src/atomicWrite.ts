/**
 * Small JSON records written so a reader sees the old file or the new one, never half
 * of either: write a temporary sibling, then rename it over the target.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';

/** Writes `value` as JSON to `path` atomically (same directory, rename). */
export function writeJsonAtomic(path: string, value: unknown): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify(value, null, 2) + '\n', { flag: 'w' });
    renameSync(tmp, path);
  } catch (err) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The directory itself may be gone; the original error is the one that matters.
    }
    throw err;
  }
}
