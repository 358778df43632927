/**
 * Which script a session belongs to. Outputs go next to the real file (symlinks
 * resolved), so `<script dir>/<script stem>_out/` is stable however the script is invoked.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type * as Tty from 'node:tty';
import { fileURLToPath } from 'node:url';
import { SdirError } from './errors.js';

/** How the script was found. */
export type ScriptKind = 'file' | 'repl' | 'eval' | 'stdin';

/** The script a session belongs to. */
export interface ScriptInfo {
  /** Absolute path, symlinks resolved. For repl/eval/stdin: `<cwd>/node-<kind>`. */
  path: string;
  /** File name without its last extension: `exp.ts` → `exp`, `a.test.ts` → `a.test`. */
  stem: string;
  /** Directory holding the script (the output root goes here). */
  dir: string;
  /** `file` for a script file; otherwise how Node was started without one. */
  kind: ScriptKind;
}

/** The parts of `process` that decide the main script; injectable for tests. */
export interface MainScriptContext {
  argv: readonly string[];
  execArgv: readonly string[];
  cwd: string;
  /** Whether stdin is a terminal; a function is called only when the answer matters. */
  stdinIsTTY: boolean | (() => boolean);
}

const EVAL_FLAG = /^(?:-e|--eval|-p|--print|-pe|-ep)(?:=|$)/;

function realpathOrResolved(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync(abs);
  } catch {
    // A file that does not exist (yet) still names a place; resolve its directory.
    try {
      return join(realpathSync(dirname(abs)), basename(abs));
    } catch {
      return abs;
    }
  }
}

function info(path: string, kind: ScriptKind): ScriptInfo {
  const base = basename(path);
  const ext = extname(base);
  return { path, stem: ext ? base.slice(0, -ext.length) : base, dir: dirname(path), kind };
}

/** How the current process was started, as {@link resolveScript} sees it. */
export function mainScriptKind(ctx: MainScriptContext): ScriptKind {
  if (ctx.execArgv.some((a) => EVAL_FLAG.test(a))) return 'eval';
  const main = ctx.argv[1];
  if (main === undefined || main === '-') {
    if (ctx.execArgv.some((a) => a === '-i' || a === '--interactive')) return 'repl';
    const tty = typeof ctx.stdinIsTTY === 'function' ? ctx.stdinIsTTY() : ctx.stdinIsTTY;
    return tty ? 'repl' : 'stdin';
  }
  return 'file';
}

/** {@link resolveScript} with the process state given explicitly. */
export function resolveMainScript(ctx: MainScriptContext): ScriptInfo {
  const kind = mainScriptKind(ctx);
  if (kind === 'file') return info(realpathOrResolved(resolve(ctx.cwd, ctx.argv[1]!)), 'file');
  // No file: keep outputs where the user works (not a shared /tmp) under a name that
  // says how Node ran: <cwd>/node-repl_out/, node-eval_out/, node-stdin_out/.
  return info(join(realpathOrResolved(ctx.cwd), `node-${kind}`), kind);
}

/**
 * The script a session belongs to: `file` (a path or `file:` URL, relative to the
 * current directory) or, by default, the main script `process.argv[1]`. Symlinks are
 * resolved; a path that does not exist is kept as given (made absolute). Without a
 * script file — the REPL, `node -e`/`-p`, code piped to stdin — the path is
 * `<cwd>/node-repl`, `<cwd>/node-eval` or `<cwd>/node-stdin`.
 */
export function resolveScript(file?: string | URL): ScriptInfo {
  if (file === undefined) {
    return resolveMainScript({
      argv: process.argv,
      execArgv: process.execArgv,
      cwd: process.cwd(),
      // node:tty (and node:net behind it) is loaded only for a script without a file.
      stdinIsTTY: () => (process.getBuiltinModule('node:tty') as typeof Tty).isatty(0),
    });
  }
  let path: string;
  if (file instanceof URL || (typeof file === 'string' && file.startsWith('file:'))) {
    try {
      path = fileURLToPath(file);
    } catch (err) {
      throw new SdirError('SDIR_INVALID_OPTION', `script ${String(file)} is not a file URL`, {
        cause: err,
      });
    }
  } else if (typeof file === 'string' && file !== '' && !file.includes('\0')) {
    path = file;
  } else {
    throw new SdirError(
      'SDIR_INVALID_OPTION',
      `script must be a non-empty path or a file: URL, got ${JSON.stringify(file)}`,
    );
  }
  return info(realpathOrResolved(path), 'file');
}
