/**
 * The provenance record: what start() keeps in `CONFIG.ARGV`, `CONFIG.CODE` and
 * `CONFIG.DEPS`. Plain JSON (strings, numbers, booleans, arrays, objects), so it survives
 * any snapshot format and can be compared years later.
 */

/** `CONFIG.ARGV`: the command line that ran the script. */
export interface ArgvRecord {
  /** `process.argv` after the node binary: the script and its arguments. */
  argv: string[];
  /** `process.execArgv`: node's own flags (`--import tsx`, `--conditions=…`, …). */
  execArgv: string[];
  /** The working directory the script ran in (a rerun starts there again). */
  cwd: string;
  /** Options whose values were recorded as `***` (see `isSecret`): a rerun cannot replay them. */
  redacted?: string[];
}

/** The recorded `git diff HEAD` of a dirty work tree (the text is in `CONFIGS/git.diff`). */
export interface DiffRecord {
  /** File name inside `CONFIGS/`. */
  file: string;
  /** sha256 of the diff text as saved. */
  sha256: string;
  bytes: number;
  /** The diff was longer than the limit and is cut there. */
  truncated: boolean;
}

/** A tracked file that differs from the commit. */
export interface ChangedFile {
  path: string;
  /** sha256 of the file as it is now; null when deleted; left out beyond 1 000 changed files. */
  sha256?: string | null;
}

/** `CONFIG.CODE.git`: the state of the git work tree the script lives in. */
export interface GitRecord {
  /** The work tree's top folder (where `.git` is). */
  root: string;
  /** The checked-out commit; null in a repository without commits. */
  commit: string | null;
  /** The branch; null when HEAD is detached. */
  branch: string | null;
  /** Tracked files differ from the commit (staged or not): the diff is saved. */
  dirty: boolean;
  /**
   * Tracked files that differ from the commit (staged or not), relative to the root, each
   * with the sha256 of its content in the work tree (null: deleted). With the commit this
   * pins the tracked files exactly. A list, not a map keyed by path: a snapshot redacts the
   * values of keys that look like secrets (`auth/token.ts`), never list items.
   */
  changed: ChangedFile[];
  /** Untracked files and folders (not ignored), relative to the root; capped, see `untrackedMore`. */
  untracked: string[];
  /** How many more untracked entries there were beyond the list. */
  untrackedMore?: number;
  /** Set when the tree is dirty and the diff was taken. */
  diff?: DiffRecord;
  /** Why git could not be asked (not installed, timed out, refused the repository). */
  error?: string;
}

/** A file left out of a copy or a list, and why. */
export interface SkippedFile {
  path: string;
  reason: string;
}

/** `CONFIG.CODE.source`: outside git, the script's own source files copied to `CONFIGS/source/`. */
export interface SourceRecord {
  /** The folder whose tree is copied (the script's folder). */
  root: string;
  /** The copied files, relative to `root`. */
  files: string[];
  /** Files left out (too large, too many), relative to `root`. */
  skipped: SkippedFile[];
}

/** `CONFIG.CODE`: which code ran. */
export interface CodeRecord {
  /** Absolute path of the script. */
  script: string;
  /** sha256 of the script's bytes. */
  sha256: string;
  git?: GitRecord;
  source?: SourceRecord;
}

/** `CONFIG.DEPS`: what the code ran on. */
export interface DepsRecord {
  /** `process.version`. */
  node: string;
  /** The nearest `package.json` above the script, when there is one. */
  packageJson?: string;
  /** The lockfile found walking up from that `package.json`. */
  lockfile?: { name: string; path: string; sha256: string };
  /** Direct dependencies (dependencies, devDependencies, optionalDependencies) → installed version; null when not installed. */
  dependencies: Record<string, string | null>;
}

/** Everything {@link collectProvenance} records. */
export interface ProvenanceRecord {
  ARGV: ArgvRecord;
  CODE: CodeRecord;
  DEPS: DepsRecord;
}
