/**
 * In-process bookkeeping: the one open session (a process has at most one, since it
 * owns process.stdout and Math.random) and the record of every session this process ran.
 */
import type { SessionConfig } from './sessionConfig.js';
import type { CloseResult } from './state.js';

/** One session this process started, as `SessionManager` reports it. */
export interface SessionRecord {
  id: string;
  config: SessionConfig;
  status: 'running' | 'closed';
  startTime: Date;
  endTime?: Date;
  exitStatus?: number | null;
  /** Where the session directory is now. */
  dir: string;
  scriptPath: string;
  /** What close() returned. */
  result?: CloseResult;
}

export const records: Map<string, SessionRecord> = new Map();
