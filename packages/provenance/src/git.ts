/**
 * The git work tree a script lives in: one `git status` (commit, branch, changed and
 * untracked files) and, only when tracked files changed, one `git diff HEAD`. Git is
 * spawned only when a `.git` was found walking up from the script, so outside git this
 * costs a few `stat` calls. Failures of git never throw: they are recorded in `error`.
 */
import type * as ChildProcess from 'node:child_process';
import type { DiffRecord, GitRecord } from './record.js';
import { join } from 'node:path';
import { sha256File, sha256Text } from './hashFile.js';

/** Limits for the git calls. */
export interface GitOptions {
  /** Untracked entries listed at most. Default 200. */
  maxUntracked?: number;
  /** Bytes of `git diff HEAD` kept at most. Default 10 MiB. */
  maxDiffBytes?: number;
  /** A git call taking longer is abandoned (and recorded as an error). Default 10 000 ms. */
  timeoutMs?: number;
}

/** File name of the saved diff inside `CONFIGS/`. */
export const GIT_DIFF_FILE = 'git.diff';

// Changed files hashed at most (beyond that only the diff's hash is kept).
const MAX_HASHED = 1_000;

const DEFAULTS = { maxUntracked: 200, maxDiffBytes: 10 * 2 ** 20, timeoutMs: 10_000 };

function gitEnv(): NodeJS.ProcessEnv {
  // No index.lock (status must not race the user's own git), stable messages, and the
  // repository is the one named by -C, not one a surrounding git hook points at.
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };
  for (const k of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_PREFIX']) delete env[k];
  return env;
}

type GitRun = { ok: true; stdout: Buffer; truncated: boolean } | { ok: false; error: string };

function git(root: string, args: string[], maxBytes: number, timeoutMs: number): GitRun {
  // Loaded here, not at import: node:child_process costs ~1.5 ms, and outside git it is never needed.
  const { spawnSync } = process.getBuiltinModule('node:child_process') as typeof ChildProcess;
  const r = spawnSync('git', ['-C', root, ...args], {
    env: gitEnv(),
    maxBuffer: maxBytes,
    timeout: timeoutMs,
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
  const code = (r.error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOBUFS') return { ok: true, stdout: r.stdout, truncated: true };
  if (r.error) {
    const why =
      code === 'ENOENT'
        ? 'git is not installed (or not on PATH)'
        : code === 'ETIMEDOUT'
          ? `git ${args[0]} took longer than ${timeoutMs} ms`
          : r.error.message;
    return { ok: false, error: why };
  }
  if (r.status !== 0) {
    const msg = r.stderr.toString('utf8').trim().split('\n')[0] ?? '';
    return { ok: false, error: `git ${args[0]} exited with ${r.status}: ${msg}` };
  }
  return { ok: true, stdout: r.stdout, truncated: false };
}

/** The diff text last taken for a record, kept out of the record itself (it may be MiBs). */
const diffTexts = new WeakMap<GitRecord, Buffer>();

/** The state of the work tree at `root`. Never throws; git's failures land in `error`. */
export function gitState(root: string, options: GitOptions = {}): GitRecord {
  const o = { ...DEFAULTS, ...options };
  const record: GitRecord = {
    root,
    commit: null,
    branch: null,
    dirty: false,
    changed: [],
    untracked: [],
  };
  const status = git(
    root,
    // No ahead/behind count (a walk of history when an upstream is set) and no rename
    // detection (a rename is then a deletion and an addition): neither is needed here.
    ['status', '--porcelain=v2', '--branch', '-z', '--no-ahead-behind', '--no-renames'],
    64 * 2 ** 20,
    o.timeoutMs,
  );
  if (!status.ok) {
    record.error = status.error;
    return record;
  }
  const fields = status.stdout.toString('utf8').split('\0');
  const changed: string[] = [];
  let untrackedSeen = 0;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (f.startsWith('# branch.oid ')) {
      const oid = f.slice('# branch.oid '.length);
      record.commit = oid === '(initial)' ? null : oid;
    } else if (f.startsWith('# branch.head ')) {
      const head = f.slice('# branch.head '.length);
      record.branch = head === '(detached)' ? null : head;
    } else if (f.startsWith('1 ') || f.startsWith('u ')) {
      // "1 XY sub mH mI mW hH hI path" / "u XY sub m1 m2 m3 mW h1 h2 h3 path"
      changed.push(
        f
          .split(' ')
          .slice(f.startsWith('1 ') ? 8 : 10)
          .join(' '),
      );
    } else if (f.startsWith('2 ')) {
      // "2 XY sub mH mI mW hH hI Xscore path" then the original path as its own field.
      changed.push(f.split(' ').slice(9).join(' '));
      i++;
    } else if (f.startsWith('? ')) {
      untrackedSeen++;
      if (record.untracked.length < o.maxUntracked) record.untracked.push(f.slice(2));
    }
  }
  if (untrackedSeen > record.untracked.length)
    record.untrackedMore = untrackedSeen - record.untracked.length;
  record.dirty = changed.length > 0;
  record.changed = changed.map((path, i) => {
    if (i >= MAX_HASHED) return { path };
    try {
      return { path, sha256: sha256File(join(root, path)) };
    } catch {
      return { path, sha256: null }; // Deleted (or unreadable).
    }
  });
  if (record.dirty && record.commit !== null) {
    const diff = git(
      root,
      ['diff', 'HEAD', '--binary', '--no-color', '--no-ext-diff', '--no-textconv'],
      o.maxDiffBytes,
      o.timeoutMs,
    );
    if (!diff.ok) record.error = diff.error;
    else {
      const text = diff.stdout.subarray(0, o.maxDiffBytes);
      record.diff = diffRecord(text, diff.truncated);
      diffTexts.set(record, text);
    }
  }
  return record;
}

function diffRecord(text: Buffer, truncated: boolean): DiffRecord {
  return { file: GIT_DIFF_FILE, sha256: sha256Text(text), bytes: text.length, truncated };
}

/**
 * The diff text of a dirty record: the one taken by {@link gitState} when this is that
 * record, else taken again now (a record read back from a snapshot).
 */
export function diffTextOf(record: GitRecord, options: GitOptions = {}): Buffer | null {
  const kept = diffTexts.get(record);
  if (kept) return kept;
  if (!record.dirty || record.commit === null) return null;
  const o = { ...DEFAULTS, ...options };
  const diff = git(
    record.root,
    ['diff', 'HEAD', '--binary', '--no-color', '--no-ext-diff', '--no-textconv'],
    o.maxDiffBytes,
    o.timeoutMs,
  );
  return diff.ok ? diff.stdout.subarray(0, o.maxDiffBytes) : null;
}
