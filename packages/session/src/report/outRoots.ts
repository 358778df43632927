/**
 * Which output roots a report covers: those given (each must be a folder), or else the
 * current folder if it is an output root, or else every `*_out` folder in it — the same
 * rule as `scitex-session list`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { STATUS_FOLDERS } from '@scitex/sdir';

/** A root that is missing or not a folder, or none found: the message says what to pass. */
export class RootsError extends Error {}

/** The output roots for `given` (relative to `cwd`). */
export function resolveOutRoots(given: readonly string[], cwd: string): string[] {
  if (given.length) {
    return given.map((g) => {
      const root = resolve(cwd, g);
      if (!existsSync(root) || !statSync(root).isDirectory())
        throw new RootsError(
          `${root} is not a folder. Pass output roots (folders holding RUNNING/ and FINISHED_*/).`,
        );
      return root;
    });
  }
  if (Object.values(STATUS_FOLDERS).some((d) => existsSync(join(cwd, d)))) return [cwd];
  const found = readdirSync(cwd, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name.endsWith('_out'))
    .map((e) => join(cwd, e.name))
    .sort();
  if (found.length === 0)
    throw new RootsError(
      `no output root in ${cwd}: no RUNNING/ or FINISHED_*/ here and no *_out folder. Pass one: scitex-session report path/to/exp_out`,
    );
  return found;
}
