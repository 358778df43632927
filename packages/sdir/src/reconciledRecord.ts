/**
 * `reconciled.json`: the note left in a session that someone other than its owner
 * filed away — by `reconcile()` because the owner died, or by `finalizeSessionDir()`
 * with a `reason`. The session package and the CLI read it to say why a run ended.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomicWrite.js';
import { errnoCode } from './errors.js';
import type { LeaseInfo } from './lease.js';
import type { OwnerVerdictCode } from './ownerStatus.js';
import type { FinishedFolder } from './statusFolders.js';

/** File name of the record inside the moved session directory. */
export const RECONCILED_FILE = 'reconciled.json';

/** Why a session was filed by someone other than its owner. */
export type ReconcileCode =
  | Exclude<OwnerVerdictCode, 'alive' | 'heartbeat-fresh'>
  /** RUNNING session without a lease file, idle longer than the no-lease grace period. */
  | 'no-lease'
  /** The lease file exists but cannot be read, and the session was idle past the stale threshold. */
  | 'lease-unreadable'
  /** `finalizeSessionDir(dir, status, { reason })` — filed by hand or by a tool. */
  | 'manual';

/** Content of `reconciled.json` (format version 1). Times are ISO 8601. */
export interface ReconciledRecord {
  version: 1;
  /** When it was moved. */
  at: string;
  code: ReconcileCode;
  /** One sentence for people. */
  reason: string;
  /** Folder it was moved from (always `RUNNING`) and to. */
  from: 'RUNNING';
  to: FinishedFolder;
  /** The process that moved it. */
  by: { pid: number; hostname: string };
  /** The owner's lease as it was found, or null when there was none. */
  owner: LeaseInfo | null;
  /** Set when the owner turned out to be alive and filed its session itself afterwards. */
  reclaimed?: { at: string; to: FinishedFolder };
}

/** Writes the record into a session directory (atomically). */
export function writeReconciled(dir: string, record: ReconciledRecord): void {
  writeFileAtomic(join(dir, RECONCILED_FILE), JSON.stringify(record, null, 2) + '\n');
}

/** Result of reading `reconciled.json`. */
export type ReconciledRead =
  | { state: 'ok'; record: ReconciledRecord }
  | { state: 'missing' }
  | { state: 'corrupt'; error: string };

/** Reads `reconciled.json` of a session directory. */
export function readReconciled(dir: string): ReconciledRead {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(join(dir, RECONCILED_FILE), 'utf8'));
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return { state: 'missing' };
    return { state: 'corrupt', error: (err as Error).message };
  }
  const v = value as Partial<ReconciledRecord> | null;
  if (
    typeof v !== 'object' ||
    v === null ||
    typeof v.at !== 'string' ||
    Number.isNaN(Date.parse(v.at)) ||
    typeof v.reason !== 'string' ||
    typeof v.code !== 'string'
  ) {
    return { state: 'corrupt', error: 'missing at, code or reason' };
  }
  return { state: 'ok', record: v as ReconciledRecord };
}
