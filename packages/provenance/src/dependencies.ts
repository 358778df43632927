/**
 * What the code ran on: Node's version, the project's lockfile (name and sha256) and the
 * installed versions of the direct dependencies of the nearest package.json above the
 * script, read from `node_modules/<name>/package.json` the way Node resolves them.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findUp } from './findUp.js';
import { sha256File } from './hashFile.js';
import type { DepsRecord } from './record.js';

/** Lockfile names, in the order they are looked for in each folder. */
export const LOCKFILES: readonly string[] = [
  'pnpm-lock.yaml',
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'bun.lock',
  'bun.lockb',
];

function readJson(path: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return v !== null && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function installedVersion(fromDir: string, name: string): string | null {
  let dir = fromDir;
  for (;;) {
    const pkg = join(dir, 'node_modules', name, 'package.json');
    if (statSync(pkg, { throwIfNoEntry: false })) {
      const v = readJson(pkg)?.['version'];
      return typeof v === 'string' ? v : null;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The dependency record for a script in `scriptDir`. Never throws: what cannot be read is left out. */
export function collectDeps(scriptDir: string): DepsRecord {
  const record: DepsRecord = { node: process.version, dependencies: {} };
  const found = findUp(scriptDir, ['package.json']);
  if (!found) return record;
  const pkgPath = join(found.dir, 'package.json');
  record.packageJson = pkgPath;
  const pkg = readJson(pkgPath);
  const names = new Set<string>();
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    const deps = pkg?.[field];
    if (deps && typeof deps === 'object') for (const n of Object.keys(deps)) names.add(n);
  }
  for (const name of [...names].sort()) {
    record.dependencies[name] = installedVersion(found.dir, name);
  }
  const lock = findUp(found.dir, LOCKFILES);
  if (lock) {
    const path = join(lock.dir, lock.name);
    try {
      record.lockfile = { name: lock.name, path, sha256: sha256File(path) };
    } catch {
      // Unreadable: left out rather than failing the run.
    }
  }
  return record;
}
