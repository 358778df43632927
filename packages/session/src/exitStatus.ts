/**
 * Exit statuses: the status folder an exit status belongs in (the rule lives in
 * @scitex/sdir), what a signal stands for, and the status the process is about to end with.
 */
import { constants } from 'node:os';
import { folderForExitStatus, type FinishedFolder } from '@scitex/sdir';
import { SessionError } from './errors.js';

/** A finished session's folder. */
export type StatusFolder = FinishedFolder;

/**
 * 0 → FINISHED_SUCCESS, any other integer → FINISHED_ERROR, null/undefined → FINISHED
 * (`folderForExitStatus` of @scitex/sdir).
 */
export const statusFolder: (exitStatus: number | null | undefined) => StatusFolder =
  folderForExitStatus;

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

/**
 * The status the process ends with, as the shell sees it (0–255): `process.exitCode`
 * when set — by `process.exit(n)`, by the script, or by Node itself (13 for a top-level
 * await that never settles, which Node 20 reports with an 'exit' code of 0) — else the
 * 'exit' event's `code`. Node accepts integer strings (`process.exit('2')`) and keeps
 * the low 8 bits (`process.exit(256)` ends with 0, `-1` with 255).
 */
export function processExitStatus(code?: number): number {
  const raw: unknown = process.exitCode ?? code ?? 0;
  const n = typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : raw;
  return typeof n === 'number' && Number.isInteger(n) ? n & 0xff : 1;
}

/** True once the process is exiting ('exit' listeners are running): Node's own flag. */
export function isExiting(): boolean {
  return (process as { _exiting?: boolean })._exiting === true;
}
