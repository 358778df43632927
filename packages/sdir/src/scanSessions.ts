/**
 * Every session under an output root, with its status (the folder it is in), times,
 * exit status, owner and whether that owner is alive. Built to be pointed at a messy
 * directory: junk is reported in `skipped`, damaged files become `notes`, nothing throws.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadLease, type LeaseInfo } from './lease.js';
import { listStatusFolder, type SkippedEntry } from './listStatusFolder.js';
import { ownerStatus, type OwnerStatusOptions, type OwnerVerdict } from './ownerStatus.js';
import { readReconciled, type ReconcileCode } from './reconciledRecord.js';
import { readConfigFacts } from './sessionFiles.js';
import { STATUS_FOLDERS, type FinishedFolder, type SessionStatus } from './statusFolders.js';

/** One session as found on disk. */
export interface SessionInfo {
  /** Session ID (without suffix). */
  id: string;
  /** Directory name (ID plus `-<suffix>`). */
  name: string;
  /** Absolute path of the session directory. */
  dir: string;
  /** The folder it is in: running, success, error or finished. */
  status: SessionStatus;
  debug: boolean;
  suffix?: string;
  /** CONFIG START_TIME, else the lease's session start, else the time in the ID. */
  startTime?: Date;
  /** CONFIG END_TIME, when written. */
  endTime?: Date;
  /** CONFIG EXIT_STATUS, when written. */
  exitStatus?: number | null;
  /** RUNNING sessions: the lease. */
  owner?: LeaseInfo;
  /** RUNNING sessions: whether the owner is alive (null: no readable lease). */
  alive?: boolean | null;
  /** RUNNING sessions with a lease: the judgement and its reason. */
  ownerStatus?: OwnerVerdict;
  /** Sessions filed by someone other than their owner (`reconciled.json`). */
  reconciled?: {
    at: Date;
    code: ReconcileCode;
    reason: string;
    reclaimed?: { at: Date; to: FinishedFolder };
  };
  /** What was odd: a corrupt CONFIG.json, a missing lease, … */
  notes?: string[];
}

/** Result of {@link scanSessions}. */
export interface ScanResult {
  /** Sorted by start time, then name. */
  sessions: SessionInfo[];
  /** Entries that are not sessions, and why. */
  skipped: SkippedEntry[];
}

/** Options of {@link scanSessions}: how owners are judged. */
export type ScanOptions = OwnerStatusOptions;

function describe(
  status: SessionStatus,
  entry: ReturnType<typeof listStatusFolder>['entries'][number],
  opts: ScanOptions,
): SessionInfo {
  const { name, dir, parsed } = entry;
  const facts = readConfigFacts(dir);
  const notes = [...facts.notes];
  const info: SessionInfo = { id: parsed.id, name, dir, status, debug: parsed.debug };
  if (parsed.suffix !== undefined) info.suffix = parsed.suffix;
  let leaseStart: Date | undefined;
  if (status === 'running') {
    const lease = loadLease(dir);
    if (lease.state === 'ok') {
      info.owner = lease.info;
      info.ownerStatus = ownerStatus(lease.info, opts);
      info.alive = info.ownerStatus.alive;
      leaseStart = new Date(lease.info.sessionStart);
    } else {
      info.alive = null;
      notes.push(lease.state === 'missing' ? 'no lease' : `lease unreadable (${lease.error})`);
    }
  } else {
    const rec = readReconciled(dir);
    if (rec.state === 'ok') {
      const r = rec.record;
      info.reconciled = { at: new Date(r.at), code: r.code, reason: r.reason };
      if (r.reclaimed && typeof r.reclaimed.at === 'string') {
        info.reconciled.reclaimed = { at: new Date(r.reclaimed.at), to: r.reclaimed.to };
      }
    } else if (rec.state === 'corrupt') notes.push(`reconciled.json unreadable (${rec.error})`);
  }
  const start = facts.startTime ?? leaseStart ?? parsed.time;
  info.startTime = start;
  if (facts.endTime) info.endTime = facts.endTime;
  if (facts.exitStatus !== undefined) info.exitStatus = facts.exitStatus;
  if (notes.length) info.notes = notes;
  return info;
}

/** Lists every session under `outRoot` (see {@link SessionInfo}); never throws. */
export function scanSessions(outRoot: string, opts: ScanOptions = {}): ScanResult {
  const sessions: SessionInfo[] = [];
  const skipped: SkippedEntry[] = [];
  let root: string;
  try {
    root = resolve(outRoot);
  } catch {
    return { sessions, skipped: [{ path: String(outRoot), reason: 'not a path' }] };
  }
  try {
    if (!statSync(root).isDirectory()) {
      return { sessions, skipped: [{ path: root, reason: 'output root is not a directory' }] };
    }
  } catch (err) {
    return {
      sessions,
      skipped: [{ path: root, reason: `output root unreadable: ${(err as Error).message}` }],
    };
  }
  for (const [status, folder] of Object.entries(STATUS_FOLDERS) as [SessionStatus, string][]) {
    const listed = listStatusFolder(join(root, folder), {
      allowSymlinkFolder: status !== 'running',
    });
    skipped.push(...listed.skipped);
    for (const entry of listed.entries) {
      try {
        sessions.push(describe(status, entry, opts));
      } catch (err) {
        skipped.push({ path: entry.dir, reason: `could not be read: ${(err as Error).message}` });
      }
    }
  }
  sessions.sort(
    (a, b) =>
      (a.startTime?.getTime() ?? 0) - (b.startTime?.getTime() ?? 0) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  return { sessions, skipped };
}
