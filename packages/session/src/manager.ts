/**
 * SessionManager: the sessions of this process (in memory, like the original) and,
 * through its static methods, every session on disk in an output root.
 */
import { reconcile, scanSessions, type ReconcileResult, type ScanResult } from '@scitex/sdir';
import { SessionError } from './errors.js';
import { records, type SessionRecord } from './state.js';

function checkRoot(fn: string, outRoot: unknown): string {
  if (typeof outRoot === 'string' && outRoot.length > 0) return outRoot;
  throw new SessionError(
    'SESSION_INVALID_OPTION',
    `SessionManager.${fn}(): pass the output root as a path (the folder holding RUNNING/ and FINISHED_*/), got ${outRoot === null ? 'null' : typeof outRoot}`,
  );
}

export class SessionManager {
  /** Sessions of this process that are still open. */
  getActiveSessions(): SessionRecord[] {
    return [...records.values()].filter((r) => r.status === 'running');
  }

  /** The session of this process with that ID, or undefined. */
  getSession(id: string): SessionRecord | undefined {
    return records.get(id);
  }

  /** Every session this process started, open or closed, oldest first. */
  listSessions(): SessionRecord[] {
    return [...records.values()];
  }

  /** Every session on disk under `outRoot` (all processes, all hosts); junk is skipped and reported. */
  static scan(outRoot: string): ScanResult {
    return scanSessions(checkRoot('scan', outRoot));
  }

  /** Moves RUNNING sessions whose owner is dead to FINISHED_ERROR; returns what it did. */
  static reconcile(outRoot: string): ReconcileResult {
    return reconcile(checkRoot('reconcile', outRoot));
  }
}
