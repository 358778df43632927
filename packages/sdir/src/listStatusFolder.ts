/**
 * Listing one status folder (RUNNING/, FINISHED_*) of an output root: session
 * directories on one side, everything else — stray files, foreign directories,
 * symlinks — on the other, each with the reason it was skipped.
 */
import { lstatSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { errnoCode } from './errors.js';
import { STAGING_PATTERN, parseSessionId, type ParsedSessionId } from './sessionName.js';

/** Something in an output root that is not a session, and why it was passed over. */
export interface SkippedEntry {
  path: string;
  reason: string;
}

/** A session directory found in a status folder. */
export interface FolderEntry {
  name: string;
  dir: string;
  parsed: ParsedSessionId;
}

/**
 * Lists a status folder; never throws. A missing folder is simply empty. `staging` holds
 * the hidden folders sessions are prepared in (see `stagingName`), apart from the rest.
 */
export function listStatusFolder(
  folder: string,
  opts: { allowSymlinkFolder: boolean },
): { entries: FolderEntry[]; skipped: SkippedEntry[]; staging: string[] } {
  const entries: FolderEntry[] = [];
  const skipped: SkippedEntry[] = [];
  const staging: string[] = [];
  try {
    const st = lstatSync(folder);
    if (st.isSymbolicLink()) {
      if (!opts.allowSymlinkFolder) {
        skipped.push({ path: folder, reason: 'symlink; not followed' });
        return { entries, skipped, staging };
      }
      if (!statSync(folder).isDirectory()) {
        skipped.push({ path: folder, reason: 'symlink to something that is not a directory' });
        return { entries, skipped, staging };
      }
    } else if (!st.isDirectory()) {
      skipped.push({ path: folder, reason: 'not a directory' });
      return { entries, skipped, staging };
    }
  } catch (err) {
    if (errnoCode(err) !== 'ENOENT') skipped.push({ path: folder, reason: (err as Error).message });
    return { entries, skipped, staging };
  }
  let list: Dirent[];
  try {
    list = readdirSync(folder, { withFileTypes: true });
  } catch (err) {
    if (errnoCode(err) !== 'ENOENT') skipped.push({ path: folder, reason: (err as Error).message });
    return { entries, skipped, staging };
  }
  for (const d of list) {
    const dir = join(folder, d.name);
    if (d.isSymbolicLink()) skipped.push({ path: dir, reason: 'symlink; not followed' });
    else if (!d.isDirectory()) skipped.push({ path: dir, reason: 'not a directory' });
    else if (STAGING_PATTERN.test(d.name)) staging.push(dir);
    else {
      const parsed = parseSessionId(d.name);
      if (parsed) entries.push({ name: d.name, dir, parsed });
      else skipped.push({ path: dir, reason: 'not a session directory name' });
    }
  }
  return { entries, skipped, staging };
}
