/**
 * The sweep folder `<out>/SWEEPS/<SWEEP_ID>/` and its manifest.json — every task's
 * overrides, the script's sha256, the command and the backend — written before any task is
 * launched, so a sweep that dies half-way still says what it was meant to run.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { genId } from '@scitex/sdir';
import type { GridAxis } from './grid.js';
import { SweepUsageError } from './usageError.js';
import { writeJsonAtomic } from './writeAtomic.js';

/** Folder under an output root that holds the sweeps. */
export const SWEEPS_DIR = 'SWEEPS';
/** The manifest's file name in a sweep folder. */
export const MANIFEST_FILE = 'manifest.json';

/** One task of a sweep. */
export interface SweepTask {
  /** 0-based index: `SCITEX_SWEEP.task`, and the array index (plus the chunk's offset) on SLURM. */
  task: number;
  /** `KEY=VALUE` overrides, in SCITEX_SET. */
  overrides: string[];
}

/** manifest.json. */
export interface SweepManifest {
  format: 'scitex-sweep';
  version: 1;
  id: string;
  /** ISO-8601 time the sweep was created. */
  created: string;
  backend: 'local' | 'slurm';
  script: { path: string; sha256: string };
  /** Working directory of the tasks. */
  cwd: string;
  /** Output root: the tasks' sessions and SWEEPS/ are here. */
  outRoot: string;
  /** The node binary, its flags, and the script's own arguments. */
  node: string;
  nodeArgs: string[];
  args: string[];
  /** The whole command line of a task. */
  command: string[];
  grid: GridAxis[];
  tasks: SweepTask[];
  local?: { jobs: number };
  slurm?: { parallel: number | null; grace: number; sbatch: string[]; maxArraySize: number };
}

/** sha256 of a file, hex. */
export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Creates `<outRoot>/SWEEPS/<new id>/` with an exclusive mkdir; returns id and folder. */
export function createSweepDir(outRoot: string): { id: string; dir: string } {
  const parent = join(outRoot, SWEEPS_DIR);
  mkdirSync(parent, { recursive: true });
  for (;;) {
    const id = genId();
    const dir = join(parent, id);
    try {
      mkdirSync(dir);
      return { id, dir };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

/** Writes manifest.json atomically and durably. */
export function writeManifest(dir: string, manifest: SweepManifest): void {
  writeJsonAtomic(join(dir, MANIFEST_FILE), manifest);
}

/** Reads a sweep folder's manifest; throws SweepUsageError when it is missing or not a manifest. */
export function readManifest(dir: string): SweepManifest {
  let m: Partial<SweepManifest>;
  try {
    m = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as Partial<SweepManifest>;
  } catch (err) {
    throw new SweepUsageError(`${dir}: no readable ${MANIFEST_FILE} (${(err as Error).message})`);
  }
  if (m.format !== 'scitex-sweep' || !Array.isArray(m.tasks)) {
    throw new SweepUsageError(`${join(dir, MANIFEST_FILE)} is not a sweep manifest`);
  }
  return m as SweepManifest;
}

/**
 * The folder of sweep `id` (full ID, unique prefix, or the 4-character tail) under `root`,
 * or — without a root — under the current folder if it holds SWEEPS/, else its `*_out`
 * folders.
 */
export function findSweep(id: string, root: string | undefined, cwd: string): string {
  const roots = root
    ? [resolve(cwd, root)]
    : existsSync(join(cwd, SWEEPS_DIR))
      ? [cwd]
      : readdirSync(cwd, { withFileTypes: true })
          .filter((e) => e.isDirectory() && e.name.endsWith('_out'))
          .map((e) => join(cwd, e.name));
  const found: string[] = [];
  for (const r of roots) {
    const parent = join(r, SWEEPS_DIR);
    if (!isDir(parent)) continue;
    const names = readdirSync(parent).filter((n) => isDir(join(parent, n)));
    const exact = names.filter((n) => n === id);
    const matches = exact.length
      ? exact
      : names.filter((n) => n.startsWith(id) || (id.length === 4 && n.endsWith(`_${id}`)));
    found.push(...matches.map((n) => join(parent, n)));
  }
  if (found.length === 1) return found[0]!;
  const where = roots.length ? roots.join(', ') : cwd;
  if (found.length === 0) {
    throw new SweepUsageError(
      `no sweep ${JSON.stringify(id)} under ${where}; pass the output root holding SWEEPS/ ` +
        '(e.g. scitex-session sweep status <ID> path/to/exp_out)',
    );
  }
  throw new SweepUsageError(
    `${JSON.stringify(id)} matches ${found.length} sweeps (${found.join(', ')}); give more of the ID`,
  );
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
