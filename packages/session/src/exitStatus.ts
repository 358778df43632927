/** Exit status → status folder, and signals → exit statuses. */
import { constants } from 'node:os';
import { SessionError } from './errors.js';

export type StatusFolder = 'FINISHED_SUCCESS' | 'FINISHED_ERROR' | 'FINISHED';

/** 0 → FINISHED_SUCCESS, any other number → FINISHED_ERROR, null/undefined → FINISHED. */
export function statusFolder(exitStatus: number | null | undefined): StatusFolder {
  if (exitStatus === null || exitStatus === undefined) return 'FINISHED';
  return exitStatus === 0 ? 'FINISHED_SUCCESS' : 'FINISHED_ERROR';
}

/** The shell's convention: 128 + signal number (SIGINT → 130, SIGTERM → 143). */
export function signalExitStatus(signal: NodeJS.Signals): number {
  const n = (constants.signals as Record<string, number | undefined>)[signal];
  if (n === undefined) {
    throw new SessionError(
      'SESSION_INVALID_OPTION',
      `signalExitStatus(): ${String(signal)} is not a signal name like 'SIGINT'`,
    );
  }
  return 128 + n;
}
