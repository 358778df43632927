/**
 * From the command line to session directories: which output roots to look in, and the one
 * session an ID names there (full ID, directory name, unique prefix or 4-character tail —
 * the rule lives in @scitex/provenance's resolveSessionId). Shared by show, rerun and compare.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resolveSessionId, type ProvenanceError } from '@scitex/provenance';
import { scanSessions, STATUS_FOLDERS, type SessionInfo } from '@scitex/sdir';

const STATUS_DIRS: readonly string[] = Object.values(STATUS_FOLDERS);

/** Bad input on the command line: the message is for the user, the exit code is 2. */
export class LookupError extends Error {
  override readonly name = 'LookupError' as const;
}

/** Output roots to look at: the one given, the cwd if it is one, else every `*_out` folder in the cwd. */
export function outRoots(given: string | undefined, cwd: string): string[] {
  if (given) {
    const root = resolve(cwd, given);
    const st = statSync(root, { throwIfNoEntry: false });
    if (!st?.isDirectory())
      throw new LookupError(
        `${root} ${st ? 'is not a directory' : 'does not exist'}. Pass the output root (the folder holding RUNNING/ and FINISHED_*/).`,
      );
    return [root];
  }
  if (STATUS_DIRS.some((d) => existsSync(join(cwd, d)))) return [cwd];
  const found = readdirSync(cwd, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name.endsWith('_out'))
    .map((e) => join(cwd, e.name));
  if (found.length === 0) {
    throw new LookupError(
      `no output root in ${cwd}: no RUNNING/ or FINISHED_*/ here and no *_out folder. Pass one, e.g. scitex-session list path/to/exp_out`,
    );
  }
  return found;
}

/** Every session in `roots`. */
export function sessionsIn(roots: readonly string[]): SessionInfo[] {
  return roots.flatMap((r) => scanSessions(r).sessions);
}

/**
 * The session `text` names in the output roots `rootsOf()` gives (asked only when needed).
 * `text` may also be the path of a session directory (one holding `CONFIGS/`), taken as it is. Throws {@link LookupError} saying why
 * not (no such session, or several: listed).
 */
export function findSession(
  text: string,
  rootsOf: () => readonly string[],
  cwd: string,
): { dir: string; name: string; id: string; status: SessionInfo['status']; info?: SessionInfo } {
  const asPath = resolve(cwd, text);
  if ((text.includes('/') || text.includes('\\')) && existsSync(join(asPath, 'CONFIGS'))) {
    const name = asPath.split(/[/\\]/).pop() ?? text;
    const folder = asPath.split(/[/\\]/).slice(-2, -1)[0];
    const status: SessionInfo['status'] =
      folder === 'RUNNING'
        ? 'running'
        : folder === 'FINISHED_SUCCESS'
          ? 'success'
          : folder === 'FINISHED_ERROR'
            ? 'error'
            : 'finished';
    return { dir: asPath, name, id: name, status };
  }
  const roots = rootsOf();
  try {
    const s = resolveSessionId(sessionsIn(roots), text);
    return { dir: s.dir, name: s.name, id: s.id, status: s.status, info: s };
  } catch (err) {
    const e = err as ProvenanceError;
    const where =
      e.code === 'PROVENANCE_SESSION_NOT_FOUND' ? ` Looked in: ${roots.join(', ')}.` : '';
    throw new LookupError(`${e.message}${where}`, { cause: err });
  }
}
