/**
 * writeProvenanceFiles(): what does not fit in CONFIG — `CONFIGS/git.diff` for a dirty
 * work tree, `CONFIGS/source/` (a copy of the script's source files) outside git.
 */
import { copyFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ProvenanceError } from './errors.js';
import { diffTextOf, GIT_DIFF_FILE, type GitOptions } from './git.js';
import type { ProvenanceRecord } from './record.js';

/** Folder name of the source copy inside `CONFIGS/`. */
export const SOURCE_DIR = 'source';

/**
 * Writes the diff (dirty git tree) or the source copy (outside git) of `record` into
 * `configsDir` (the session's `CONFIGS/`) and returns the paths written, relative to it.
 * A source file that grew past the limit or vanished since it was listed is moved to
 * `record.CODE.source.skipped`. Throws `PROVENANCE_WRITE_FAILED` when the disk refuses.
 */
export function writeProvenanceFiles(
  record: Pick<ProvenanceRecord, 'CODE'>,
  configsDir: string,
  options: GitOptions & { maxFileBytes?: number } = {},
): string[] {
  const written: string[] = [];
  const { git, source } = record.CODE;
  try {
    mkdirSync(configsDir, { recursive: true });
    if (git?.dirty) {
      const text = diffTextOf(git, options);
      if (text) {
        writeFileSync(join(configsDir, GIT_DIFF_FILE), text);
        written.push(GIT_DIFF_FILE);
      }
    }
    if (source) {
      const maxFileBytes = options.maxFileBytes ?? 2 ** 20;
      const kept: string[] = [];
      for (const rel of source.files) {
        const from = join(source.root, rel);
        const size = statSync(from, { throwIfNoEntry: false })?.size;
        if (size === undefined) {
          source.skipped.push({ path: rel, reason: 'gone before it could be copied' });
          continue;
        }
        if (size > maxFileBytes) {
          source.skipped.push({
            path: rel,
            reason: `${size} bytes, over the limit of ${maxFileBytes}`,
          });
          continue;
        }
        const to = join(configsDir, SOURCE_DIR, rel);
        mkdirSync(dirname(to), { recursive: true });
        copyFileSync(from, to);
        kept.push(rel);
        written.push(`${SOURCE_DIR}/${rel}`);
      }
      source.files = kept;
    }
  } catch (cause) {
    throw new ProvenanceError(
      'PROVENANCE_WRITE_FAILED',
      `${configsDir}: could not write the provenance files (${(cause as Error).message})`,
      { cause },
    );
  }
  return written;
}
