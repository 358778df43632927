/** Walking up from a folder to the first one that holds a given entry. */
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The first folder, from `start` up to the file-system root, holding one of `names`
 * (any kind of entry: `.git` may be a file in a worktree). One `stat` per name and level.
 */
export function findUp(
  start: string,
  names: readonly string[],
): { dir: string; name: string } | null {
  let dir = start;
  for (;;) {
    for (const name of names) {
      if (statSync(join(dir, name), { throwIfNoEntry: false })) return { dir, name };
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
