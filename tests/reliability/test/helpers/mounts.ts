// Small file systems for faults the machine cannot otherwise produce: a full disk (a 1 MiB
// tmpfs) and a read-only output root (root ignores permission bits). Each mount lives in a
// private mount namespace (`unshare -m`) that dies with the fixture, so nothing is left
// mounted on the host even when the test is killed; the tmpfs contents are copied out
// before the namespace ends, for the test to inspect.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectNode, fixtureEnv, type NodeRunResult } from './node.ts';

const UNSHARE = ['-m', '--propagation', 'private'];

/** Null when tmpfs mounts in a private namespace work here, else why not. */
export function mountUnavailable(): string | null {
  if (process.platform !== 'linux') return `needs Linux, this is ${process.platform}`;
  const dir = mkdtempSync(join(tmpdir(), 'scitex-mount-probe-'));
  try {
    const r = spawnSync(
      'unshare',
      [...UNSHARE, 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs "$1"', 'sh', dir],
      { encoding: 'utf8' },
    );
    if (r.error) return `unshare is not available (${r.error.message})`;
    if (r.status !== 0)
      return `cannot mount a tmpfs in a private mount namespace (needs root and CAP_SYS_ADMIN): ${r.stderr.trim()}`;
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface TmpfsRun {
  /** Where the tmpfs is mounted (an existing empty directory). */
  mountPoint: string;
  /** `size=` of the tmpfs, e.g. '1m'. */
  size: string;
  /** Shell commands run after mounting, with $MNT set (e.g. create the output root). */
  prepare?: string;
  /** Remount read-only after `prepare`. */
  readOnly?: boolean;
  /** The tmpfs contents are copied here when the fixture has ended. */
  copyTo: string;
  env?: Record<string, string>;
}

/** Runs `node script ...args` with a fresh tmpfs at `mountPoint`. */
export function runOnTmpfs(run: TmpfsRun, script: string, args: string[]): Promise<NodeRunResult> {
  const sh = [
    'set -e',
    'mount -t tmpfs -o "size=$SIZE" tmpfs "$MNT"',
    run.prepare ?? ':',
    run.readOnly ? 'mount -o remount,ro "$MNT"' : ':',
    'set +e',
    '"$NODE_BIN" "$@"',
    'rc=$?',
    'cp -a "$MNT/." "$COPY_TO/"',
    'exit $rc',
  ].join('\n');
  const child = spawn('unshare', [...UNSHARE, 'sh', '-c', sh, 'sh', script, ...args], {
    env: fixtureEnv({
      ...run.env,
      SIZE: run.size,
      MNT: run.mountPoint,
      COPY_TO: run.copyTo,
      NODE_BIN: process.execPath,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collectNode(child);
}
