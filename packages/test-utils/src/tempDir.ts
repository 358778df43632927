/**
 * Per-test temporary directories. Removed after the test unless SCITEX_KEEP_TMP=1,
 * in which case the path is printed so the files can be inspected.
 */
import { mkdtempSync, rmSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

export interface TempDir {
  /** Absolute, symlink-free path of the directory. */
  readonly path: string;
  /** Path joined below the directory. */
  join(...parts: string[]): string;
  /** Removes the directory (unless kept); safe to call twice. */
  cleanup(): void;
}

const keep = (): boolean => process.env['SCITEX_KEEP_TMP'] === '1';

/** Creates a fresh temporary directory; the caller must call `cleanup()`. */
export function makeTempDir(prefix = 'scitex-test-'): TempDir {
  // realpath: on some systems tmpdir() is a symlink, and tests compare real paths.
  const path = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  let done = false;
  return {
    path,
    join: (...parts: string[]) => join(path, ...parts),
    cleanup() {
      if (done) return;
      done = true;
      if (keep()) {
        console.error(`[test-utils] kept temp dir: ${path}`);
        return;
      }
      rmSync(path, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/** Creates a temp dir that is removed when the current test finishes. Call inside a test. */
export function useTempDir(prefix?: string): TempDir {
  const dir = makeTempDir(prefix);
  onTestFinished(() => dir.cleanup());
  return dir;
}
