/**
 * collectProvenance(): the command line, the code and the dependencies of a run, as one
 * plain record for `CONFIG.ARGV`, `CONFIG.CODE` and `CONFIG.DEPS`. Synchronous and cheap:
 * outside git a hash of the script, a few `stat` calls and a bounded listing of the
 * script's folder; inside git one `git status` (plus one `git diff HEAD` when dirty).
 */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { collectDeps } from './dependencies.js';
import { ProvenanceError } from './errors.js';
import { findUp } from './findUp.js';
import { gitState, type GitOptions } from './git.js';
import { sha256File } from './hashFile.js';
import type { ArgvRecord, CodeRecord, ProvenanceRecord } from './record.js';
import { listSourceFiles, type SourceOptions } from './sourceTree.js';

/** Options of {@link collectCode}. */
export interface CollectCodeOptions extends SourceOptions, GitOptions {
  /** Look for a git work tree (default true). False: always list the source files. */
  git?: boolean;
}

/** Options of {@link collectProvenance}. */
export interface CollectProvenanceOptions extends CollectCodeOptions {
  /** Absolute path of the script (the session's `FILE`). */
  script: string;
  /** The script and its arguments: `process.argv.slice(1)`. */
  argv: readonly string[];
  /** Node's flags: `process.execArgv`. */
  execArgv: readonly string[];
  /** The working directory. Default `process.cwd()`. */
  cwd?: string;
  /**
   * Says which option names hold secrets (`--api-token abc`, `--password=abc`): their values
   * are recorded as `***` and the names listed in `ARGV.redacted`. @scitex/session passes
   * @scitex/config's isSecretKey. Default: nothing is redacted.
   */
  isSecret?: (name: string) => boolean;
}

/** `argv` with the values of secret options replaced by `***`, and the names replaced. */
export function redactArgv(
  argv: readonly string[],
  isSecret: (name: string) => boolean,
): { argv: string[]; redacted: string[] } {
  const out = [...argv];
  const redacted: string[] = [];
  // argv[0] is the script; an option's value is the next word unless written `--name=value`.
  for (let i = 1; i < out.length; i++) {
    const m = /^--?([^=\s-][^=\s]*)(=?)/.exec(out[i]!);
    if (!m || !isSecret(m[1]!)) continue;
    if (m[2] === '=') out[i] = `${out[i]!.slice(0, m[0].length)}***`;
    else if (i + 1 < out.length && !out[i + 1]!.startsWith('-')) out[++i] = '***';
    else continue;
    redacted.push(m[1]!);
  }
  return { argv: out, redacted };
}

function checkStrings(name: string, v: unknown): readonly string[] {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    throw new ProvenanceError(
      'PROVENANCE_INVALID_OPTION',
      `collectProvenance(): ${name} must be an array of strings, got ${typeof v}`,
    );
  }
  return v as readonly string[];
}

/**
 * Which code `script` is: its sha256 and, inside a git work tree, the commit, branch,
 * changed and untracked files (and the diff's hash when dirty); outside git the list of
 * the script's source files that writeProvenanceFiles copies. Throws
 * `PROVENANCE_SCRIPT_NOT_FOUND` when the script is not a readable file.
 */
export function collectCode(script: string, options: CollectCodeOptions = {}): CodeRecord {
  if (typeof script !== 'string' || script === '') {
    throw new ProvenanceError(
      'PROVENANCE_INVALID_OPTION',
      'collectCode(): script must be the path of the script',
    );
  }
  const path = resolve(script);
  let sha256: string;
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
    sha256 = sha256File(path);
  } catch (cause) {
    throw new ProvenanceError(
      'PROVENANCE_SCRIPT_NOT_FOUND',
      `${path}: the script cannot be read (${(cause as Error).message}); was it moved or deleted?`,
      { cause },
    );
  }
  const record: CodeRecord = { script: path, sha256 };
  const dir = dirname(path);
  const repo = options.git === false ? null : findUp(dir, ['.git']);
  if (repo) record.git = gitState(repo.dir, options);
  else record.source = listSourceFiles(dir, options);
  return record;
}

/**
 * The provenance of a run: `ARGV` (command line, node flags, working directory), `CODE`
 * ({@link collectCode}) and `DEPS` (Node version, lockfile hash, installed versions of the
 * direct dependencies). Throws `PROVENANCE_INVALID_OPTION` or `PROVENANCE_SCRIPT_NOT_FOUND`.
 */
export function collectProvenance(options: CollectProvenanceOptions): ProvenanceRecord {
  if (options === null || typeof options !== 'object') {
    throw new ProvenanceError(
      'PROVENANCE_INVALID_OPTION',
      'collectProvenance(): pass { script, argv, execArgv }',
    );
  }
  const argv = [...checkStrings('argv', options.argv)];
  const execArgv = [...checkStrings('execArgv', options.execArgv)];
  const cwd = options.cwd ?? process.cwd();
  const CODE = collectCode(options.script, options);
  const ARGV: ArgvRecord = { argv, execArgv, cwd };
  if (options.isSecret) {
    const r = redactArgv(argv, options.isSecret);
    ARGV.argv = r.argv;
    if (r.redacted.length > 0) ARGV.redacted = r.redacted;
  }
  return { ARGV, CODE, DEPS: collectDeps(dirname(CODE.script)) };
}
