/**
 * Is this the code that ran? checkCode() compares a recorded `CODE` with the code as it
 * is now (what rerun refuses on); compareDeps() does the same for `DEPS` (reported only).
 */
import { relative, resolve, sep } from 'node:path';
import type { CodeRecord, DepsRecord, GitRecord } from './record.js';

/** One way the code differs from the recorded run. */
export interface CodeDifference {
  /** `script`: the script's bytes; `git`: in a work tree then, not now (or the reverse); `commit`; `diff`: uncommitted changes. */
  what: 'script' | 'git' | 'commit' | 'diff';
  recorded: string | null;
  now: string | null;
  /** One line for a person. */
  message: string;
}

/** Options of {@link checkCode}. */
export interface CheckCodeOptions {
  /**
   * Files whose uncommitted changes do not count (absolute, or relative to the git root):
   * a rerun passes the config files it takes from the snapshot instead.
   */
  ignore?: readonly string[];
}

/** Changed file → sha256 (null: deleted); empty for a clean tree; null when not every hash was recorded. */
function changedHashes(g: GitRecord): Map<string, string | null> | null {
  const out = new Map<string, string | null>();
  for (const c of g.changed ?? []) {
    if (c.sha256 === undefined) return null;
    out.set(c.path, c.sha256);
  }
  return out;
}

/** One dependency (or `node`, or `lockfile`) whose version differs. */
export interface DepDifference {
  name: string;
  recorded: string | null;
  now: string | null;
}

const own = (o: Record<string, string | null> | undefined, k: string): string | null =>
  o && Object.hasOwn(o, k) ? (o[k] ?? null) : null;
const short = (s: string | null | undefined): string => (s ? s.slice(0, 12) : 'none');
const list = (files: readonly string[]): string =>
  files.length === 0 ? 'none' : files.slice(0, 10).join(', ') + (files.length > 10 ? ', …' : '');

/**
 * The differences between the recorded code and the code now (both from collectCode);
 * empty when they are the same: same script bytes and, when git was recorded, the same
 * commit and the same uncommitted diff.
 */
export function checkCode(
  recorded: CodeRecord,
  now: CodeRecord,
  options: CheckCodeOptions = {},
): CodeDifference[] {
  const out: CodeDifference[] = [];
  if (recorded.sha256 !== now.sha256) {
    out.push({
      what: 'script',
      recorded: recorded.sha256,
      now: now.sha256,
      message: `${recorded.script}: its contents changed (sha256 ${short(recorded.sha256)}… recorded, ${short(now.sha256)}… now)`,
    });
  }
  const rg = recorded.git;
  if (!rg) return out;
  const ng = now.git;
  if (!ng) {
    out.push({
      what: 'git',
      recorded: rg.root,
      now: null,
      message: `the run was in the git work tree ${rg.root}; the script is not in one now`,
    });
    return out;
  }
  if (rg.commit !== ng.commit) {
    out.push({
      what: 'commit',
      recorded: rg.commit,
      now: ng.commit,
      message: `git commit ${short(rg.commit)} recorded, ${short(ng.commit)} now${ng.branch ? ` (branch ${ng.branch})` : ''}`,
    });
  }
  const ignore = new Set(
    (options.ignore ?? []).map((p) => relative(rg.root, resolve(rg.root, p)).split(sep).join('/')),
  );
  const rh = changedHashes(rg);
  const nh = changedHashes(ng);
  if (rh && nh) {
    // Same commit and the same contents of every changed file: the same tracked tree.
    const paths = [...new Set([...rh.keys(), ...nh.keys()])].sort();
    const differ = paths.filter(
      (p) =>
        !ignore.has(p) &&
        (rh.has(p) ? rh.get(p) : 'committed') !== (nh.has(p) ? nh.get(p) : 'committed'),
    );
    if (differ.length > 0) {
      out.push({
        what: 'diff',
        recorded: rg.diff?.sha256 ?? null,
        now: ng.diff?.sha256 ?? null,
        message: `uncommitted changes differ in ${list(differ)} (recorded: ${rg.dirty ? `changes in ${list(rg.changed.map((c) => c.path))}` : 'clean tree'}; now: ${ng.dirty ? `changes in ${list(ng.changed.map((c) => c.path))}` : 'clean tree'})`,
      });
    }
    return out;
  }
  const rd = rg.dirty ? (rg.diff?.sha256 ?? 'unknown') : null;
  const nd = ng.dirty ? (ng.diff?.sha256 ?? 'unknown') : null;
  if (rd !== nd) {
    out.push({
      what: 'diff',
      recorded: rd,
      now: nd,
      message: `uncommitted changes differ (recorded: ${rg.dirty ? `changes in ${list(rg.changed.map((c) => c.path))}` : 'clean tree'}; now: ${ng.dirty ? `changes in ${list(ng.changed.map((c) => c.path))}` : 'clean tree'})`,
    });
  }
  return out;
}

/** Node version, lockfile hash and each direct dependency's version that differ. */
export function compareDeps(recorded: DepsRecord, now: DepsRecord): DepDifference[] {
  const out: DepDifference[] = [];
  if (recorded.node !== now.node)
    out.push({ name: 'node', recorded: recorded.node, now: now.node });
  const rl = recorded.lockfile ? `${recorded.lockfile.name} ${recorded.lockfile.sha256}` : null;
  const nl = now.lockfile ? `${now.lockfile.name} ${now.lockfile.sha256}` : null;
  if (rl !== nl) out.push({ name: 'lockfile', recorded: rl, now: nl });
  const names = new Set([
    ...Object.keys(recorded.dependencies ?? {}),
    ...Object.keys(now.dependencies ?? {}),
  ]);
  for (const name of [...names].sort()) {
    const r = own(recorded.dependencies, name);
    const n = own(now.dependencies, name);
    // "***": the version was redacted in the snapshot (a name like `csrf-token`); unknown.
    if (r !== n && r !== '***' && n !== '***') out.push({ name, recorded: r, now: n });
  }
  return out;
}
