/** Sessions with hand-made leases: dead owners, other hosts, reused pids. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LEASE_FILE, createSessionDir, type LeaseInfo, type SessionDir } from '../../src/index.ts';
import { selfIdentity } from '../../src/processInfo.ts';

/** A lease as this process would write it, with `patch` applied. */
export function leaseLike(patch: Partial<LeaseInfo> = {}): LeaseInfo {
  const now = new Date().toISOString();
  return {
    version: 1,
    ...selfIdentity(),
    sessionStart: now,
    heartbeat: now,
    heartbeatMs: 10_000,
    staleAfterMs: 900_000,
    ...patch,
  };
}

/** A RUNNING session in `root` whose lease is `lease` (null: no lease file at all). */
export function sessionWithLease(
  root: string,
  lease: LeaseInfo | null,
  suffix?: string,
): SessionDir {
  const s = createSessionDir({ sdir: root, lease: false, suffix });
  if (lease) writeFileSync(join(s.dir, LEASE_FILE), JSON.stringify(lease));
  return s;
}

/** The pid of a process that has exited (and been reaped). */
export function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

export const minutesAgo = (m: number): string => new Date(Date.now() - m * 60_000).toISOString();
