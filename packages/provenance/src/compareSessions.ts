/**
 * compareSessions(): two session directories side by side — the parameters that differ,
 * every output file (same, different, only in one; for CSVs of numbers how far apart),
 * the logs with what always differs masked, the statuses, and the code and dependencies
 * when both runs recorded them. `same` says whether outputs, logs and statuses match.
 */
import { readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { checkCode, compareDeps, type CodeDifference, type DepDifference } from './checkCode.js';
import { csvCompare } from './csvDiff.js';
import { ProvenanceError } from './errors.js';
import { flattenConfig } from './flattenConfig.js';
import { sha256File, sha256Text } from './hashFile.js';
import { maskLog } from './maskLog.js';
import type { CodeRecord, DepsRecord } from './record.js';

/** A parameter (dotted CONFIG path) whose values differ; `undefined` where one run lacks it. */
export interface ParamDifference {
  key: string;
  a: unknown;
  b: unknown;
}

/** One output file of either session. */
export interface FileComparison {
  /** Path relative to the session directory, `/`-separated. */
  path: string;
  status: 'same' | 'different' | 'onlyA' | 'onlyB';
  /** Different CSV files of numbers of the same shape: the largest absolute difference. */
  maxAbsDiff?: number;
  /**
   * A CSV file whose bytes differ only in timestamp cells (the `time` column of a
   * metrics.csv): counted as the same.
   */
  timestampsDiffer?: boolean;
}

/** The first line where the masked logs part. */
export interface LogDifference {
  log: 'stdout' | 'stderr';
  /** 1-based line number. */
  line: number;
  /** The masked line of each (null past the end). */
  a: string | null;
  b: string | null;
}

/** How a session ended. */
export interface SessionEnd {
  /** The status folder: RUNNING, FINISHED_SUCCESS, FINISHED_ERROR or FINISHED. */
  folder: string;
  exitStatus: number | null;
}

/** What {@link compareSessions} returns. */
export interface SessionComparison {
  a: string;
  b: string;
  /** True when every output file is the same, the masked logs are the same and so are the statuses. */
  same: boolean;
  /** Parameters that differ (bookkeeping keys left out; see BOOKKEEPING_KEYS). */
  params: ParamDifference[];
  /** Every output file of either session, sorted by path. */
  files: FileComparison[];
  logs: {
    stdout: 'same' | 'different';
    stderr: 'same' | 'different';
    firstDifference?: LogDifference;
  };
  status: { a: SessionEnd; b: SessionEnd };
  /** How B's code differs from A's (when both recorded `CODE`). */
  code?: CodeDifference[];
  /** How B's dependencies differ from A's (when both recorded `DEPS`). */
  deps?: DepDifference[];
}

/** Top-level entries of a session directory that are not outputs. */
export const NOT_OUTPUTS: readonly string[] = ['logs', 'CONFIGS', '.lease.json', 'reconciled.json'];

// CSV files larger than this are compared by hash only.
const MAX_CSV_BYTES = 64 * 2 ** 20;

function readSnapshot(dir: string): Record<string, unknown> {
  const st = statSync(dir, { throwIfNoEntry: false });
  if (!st?.isDirectory()) {
    throw new ProvenanceError('PROVENANCE_NOT_A_SESSION', `${dir} is not a directory`);
  }
  const file = join(dir, 'CONFIGS', 'CONFIG.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ProvenanceError(
      'PROVENANCE_NOT_A_SESSION',
      `${dir} is not a session directory: cannot read CONFIGS/CONFIG.json (${(cause as Error).message})`,
      { cause },
    );
  }
  try {
    const v: unknown = JSON.parse(text);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
    return v as Record<string, unknown>;
  } catch (cause) {
    throw new ProvenanceError(
      'PROVENANCE_BAD_SNAPSHOT',
      `${file}: the snapshot is corrupt (${(cause as Error).message})`,
      { cause },
    );
  }
}

/** Output files of a session: relative path → sha256. */
function outputs(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (abs: string, rel: string): void => {
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      if (rel === '' && NOT_OUTPUTS.includes(e.name)) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      const p = join(abs, e.name);
      if (e.isDirectory()) walk(p, r);
      else if (e.isSymbolicLink()) out.set(r, sha256Text(`symlink:${readlinkSync(p)}`));
      else if (e.isFile()) out.set(r, sha256File(p));
    }
  };
  walk(dir, '');
  return out;
}

function compareParams(a: Record<string, unknown>, b: Record<string, unknown>): ParamDifference[] {
  const fa = flattenConfig(a);
  const fb = flattenConfig(b);
  const keys = [...new Set([...fa.keys(), ...fb.keys()])].sort();
  const out: ParamDifference[] = [];
  for (const key of keys) {
    const va = fa.get(key);
    const vb = fb.get(key);
    if (!isDeepStrictEqual(va, vb)) out.push({ key, a: va, b: vb });
  }
  return out;
}

function readLog(dir: string, name: string): string | null {
  try {
    return readFileSync(join(dir, 'logs', `${name}.log`), 'utf8');
  } catch {
    return null;
  }
}

function sessionDirs(dir: string): string[] {
  const dirs = [dir];
  try {
    dirs.push(realpathSync(dir));
  } catch {
    // The path as given is enough.
  }
  return dirs;
}

function endOf(dir: string, config: Record<string, unknown>): SessionEnd {
  const s = config['EXIT_STATUS'];
  return {
    folder: basename(dirname(dir)),
    exitStatus: typeof s === 'number' ? s : null,
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Compares the sessions in directories `dirA` and `dirB`. Throws
 * `PROVENANCE_NOT_A_SESSION` (no such directory, no `CONFIGS/CONFIG.json`) or
 * `PROVENANCE_BAD_SNAPSHOT` (a CONFIG.json that is not JSON).
 */
export function compareSessions(dirA: string, dirB: string): SessionComparison {
  const a = resolve(dirA);
  const b = resolve(dirB);
  const ca = readSnapshot(a);
  const cb = readSnapshot(b);

  const oa = outputs(a);
  const ob = outputs(b);
  const files: FileComparison[] = [];
  for (const path of [...new Set([...oa.keys(), ...ob.keys()])].sort()) {
    const ha = oa.get(path);
    const hb = ob.get(path);
    if (ha === undefined) files.push({ path, status: 'onlyB' });
    else if (hb === undefined) files.push({ path, status: 'onlyA' });
    else if (ha === hb) files.push({ path, status: 'same' });
    else {
      const f: FileComparison = { path, status: 'different' };
      if (path.toLowerCase().endsWith('.csv')) {
        const pa = join(a, path);
        const pb = join(b, path);
        if (statSync(pa).size <= MAX_CSV_BYTES && statSync(pb).size <= MAX_CSV_BYTES) {
          const c = csvCompare(readFileSync(pa, 'utf8'), readFileSync(pb, 'utf8'));
          if (c.onlyTimestamps) {
            f.status = 'same';
            f.timestampsDiffer = true;
          } else if (c.maxAbsDiff !== null) f.maxAbsDiff = c.maxAbsDiff;
        }
      }
      files.push(f);
    }
  }

  const masks = [...sessionDirs(a), ...sessionDirs(b)];
  const logs: SessionComparison['logs'] = { stdout: 'same', stderr: 'same' };
  for (const name of ['stdout', 'stderr'] as const) {
    const la = readLog(a, name);
    const lb = readLog(b, name);
    const xa = la === null ? [] : maskLog(la, masks).split('\n');
    const xb = lb === null ? [] : maskLog(lb, masks).split('\n');
    const n = Math.max(xa.length, xb.length);
    for (let i = 0; i < n; i++) {
      if (xa[i] !== xb[i] || (la === null) !== (lb === null)) {
        logs[name] = 'different';
        logs.firstDifference ??= { log: name, line: i + 1, a: xa[i] ?? null, b: xb[i] ?? null };
        break;
      }
    }
  }

  const status = { a: endOf(a, ca), b: endOf(b, cb) };
  const result: SessionComparison = {
    a,
    b,
    same: false,
    params: compareParams(ca, cb),
    files,
    logs,
    status,
  };
  if (isRecord(ca['CODE']) && isRecord(cb['CODE'])) {
    result.code = checkCode(
      ca['CODE'] as unknown as CodeRecord,
      cb['CODE'] as unknown as CodeRecord,
    );
  }
  if (isRecord(ca['DEPS']) && isRecord(cb['DEPS'])) {
    result.deps = compareDeps(
      ca['DEPS'] as unknown as DepsRecord,
      cb['DEPS'] as unknown as DepsRecord,
    );
  }
  result.same =
    files.every((f) => f.status === 'same') &&
    logs.stdout === 'same' &&
    logs.stderr === 'same' &&
    status.a.folder === status.b.folder &&
    status.a.exitStatus === status.b.exitStatus;
  return result;
}
