/** Internal state of the open session, shared by start(), close() and the exit hooks. */
import type { RandomStateManager } from '@scitex/rng';
import type { Lease } from '@scitex/sdir';
import type { TeeHandle } from '@scitex/tee-log';
import type { ErrorRecord, SessionConfig } from './sessionConfig.js';

export interface CloseResult {
  /** Where the session directory ended up. */
  dir: string;
  status: 'FINISHED_SUCCESS' | 'FINISHED_ERROR' | 'FINISHED' | 'RUNNING';
  exitStatus: number | null;
}

export interface SessionState {
  CONFIG: SessionConfig;
  /** The directory under RUNNING/ while open. */
  runningDir: string;
  /** Directory name (ID plus suffix). */
  name: string;
  outRoot: string;
  tee: TeeHandle | null;
  rng: RandomStateManager;
  restoreMathRandom: (() => void) | null;
  /** Removes the EPIPE guard of stdout/stderr (kept on a stream whose pipe broke). */
  unguardPipes: () => void;
  lease: Lease | null;
  redact: boolean;
  verbose: boolean;
  /** Recorded by the uncaught-exception monitor, used by the exit hook. */
  error: ErrorRecord | undefined;
  removeHooks: () => void;
  result: CloseResult | undefined;
}

let active: SessionState | null = null;

export function getActive(): SessionState | null {
  return active;
}

export function setActive(s: SessionState | null): void {
  active = s;
}
