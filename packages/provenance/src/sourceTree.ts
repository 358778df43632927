/**
 * Outside git, the script's own source files: the tree of the script's folder, without
 * `node_modules`, hidden folders and session output roots (`*_out`), only files that look
 * like code or configuration, bounded by size and count. Listing is cheap (one `readdir`
 * per folder, one `stat` per candidate file); the copy is made by writeProvenanceFiles.
 */
import { readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { SkippedFile, SourceRecord } from './record.js';

/** Limits of the source copy. */
export interface SourceOptions {
  /** Files larger than this are listed as skipped. Default 1 MiB. */
  maxFileBytes?: number;
  /** Files copied at most; the rest are listed as skipped. Default 200. */
  maxFiles?: number;
  /** Bytes copied at most, all files together; the rest are listed as skipped. Default 16 MiB. */
  maxTotalBytes?: number;
}

/** Extensions taken as source: code, and the configuration it reads. */
export const SOURCE_EXTENSIONS: readonly string[] = [
  '.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx',
  '.json', '.jsonc', '.yaml', '.yml', '.toml', '.py', '.sh', '.sql', '.r', '.jl',
]; // prettier-ignore

const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', 'coverage']);
// A walk that meets more entries than this stops (a script in $HOME must not cost seconds).
const MAX_ENTRIES = 5_000;
// Skipped files listed at most (the rest are counted in one line).
const MAX_SKIPPED_LISTED = 50;

/** The source files under `root` (the script's folder). Never throws: unreadable folders are skipped. */
export function listSourceFiles(root: string, options: SourceOptions = {}): SourceRecord {
  const maxFileBytes = options.maxFileBytes ?? 2 ** 20;
  const maxFiles = options.maxFiles ?? 200;
  const maxTotalBytes = options.maxTotalBytes ?? 16 * 2 ** 20;
  let total = 0;
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  let extra = 0;
  let entries = 0;
  const skip = (path: string, reason: string): void => {
    if (skipped.length < MAX_SKIPPED_LISTED) skipped.push({ path, reason });
    else extra++;
  };
  const queue = [root];
  while (queue.length > 0) {
    const dir = queue.shift()!;
    let list;
    try {
      list = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of list) {
      const path = join(dir, e.name);
      const rel = relative(root, path).split(sep).join('/');
      if (++entries > MAX_ENTRIES) {
        skip(
          relative(root, dir).split(sep).join('/') || '.',
          `walk stopped after ${MAX_ENTRIES} entries`,
        );
        queue.length = 0;
        break;
      }
      if (e.isDirectory()) {
        if (e.name.startsWith('.') || SKIP_DIRS.has(e.name) || e.name.endsWith('_out')) continue;
        queue.push(path);
        continue;
      }
      if (!e.isFile() || !SOURCE_EXTENSIONS.includes(extname(e.name).toLowerCase())) continue;
      if (files.length >= maxFiles) {
        skip(rel, `more than ${maxFiles} source files`);
        continue;
      }
      const size = statSync(path, { throwIfNoEntry: false })?.size;
      if (size === undefined) continue;
      if (size > maxFileBytes) skip(rel, `${size} bytes, over the limit of ${maxFileBytes}`);
      else if (total + size > maxTotalBytes)
        skip(rel, `over the total of ${maxTotalBytes} bytes for all source files`);
      else {
        total += size;
        files.push(rel);
      }
    }
  }
  if (extra > 0) skipped.push({ path: '…', reason: `${extra} more files skipped` });
  files.sort();
  return { root, files, skipped };
}
