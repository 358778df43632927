/**
 * The status of a run is the folder its directory sits in — `ls` is the dashboard.
 */
import { SdirError } from './errors.js';

/** Folder names under an output root. */
export const STATUS_FOLDERS: {
  readonly running: 'RUNNING';
  readonly success: 'FINISHED_SUCCESS';
  readonly error: 'FINISHED_ERROR';
  readonly finished: 'FINISHED';
} = Object.freeze({
  running: 'RUNNING',
  success: 'FINISHED_SUCCESS',
  error: 'FINISHED_ERROR',
  finished: 'FINISHED',
});

/** A session's status, named after its folder. */
export type SessionStatus = keyof typeof STATUS_FOLDERS;

/** One of the three folders a finished session can be in. */
export type FinishedFolder = 'FINISHED_SUCCESS' | 'FINISHED_ERROR' | 'FINISHED';

/**
 * The folder for an exit status: 0 → FINISHED_SUCCESS, any other integer →
 * FINISHED_ERROR, null/undefined (unknown) → FINISHED.
 */
export function folderForExitStatus(exitStatus: number | null | undefined): FinishedFolder {
  if (exitStatus === null || exitStatus === undefined) return 'FINISHED';
  if (typeof exitStatus !== 'number' || !Number.isInteger(exitStatus)) {
    throw new SdirError(
      'SDIR_INVALID_OPTION',
      `exit status must be an integer, null or undefined, got ${JSON.stringify(exitStatus)}`,
    );
  }
  return exitStatus === 0 ? 'FINISHED_SUCCESS' : 'FINISHED_ERROR';
}

/** The status a folder name stands for, or undefined for any other name. */
export function statusOfFolder(folder: string): SessionStatus | undefined {
  for (const [status, name] of Object.entries(STATUS_FOLDERS)) {
    if (name === folder) return status as SessionStatus;
  }
  return undefined;
}
