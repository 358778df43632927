/**
 * The value start() returns: an object and, at the same time, the seed's tuple
 * `[CONFIG, stdout, stderr, plt, CC, rng]`, and disposable (`using session = start()`).
 */
import type { Palette, Plt } from '@scitex/plt';
import type { RandomStateManager } from '@scitex/rng';
import type { TeeHandle } from '@scitex/tee-log';
import { closeState, type CloseOptions } from './close.js';
import type { SessionConfig } from './sessionConfig.js';
import type { CloseResult, SessionState } from './state.js';

/** The object form of a session. */
export interface SessionHandle {
  CONFIG: SessionConfig;
  /** process.stdout — while the session is open, everything written to it is also logged. */
  stdout: NodeJS.WriteStream;
  /** process.stderr, likewise. */
  stderr: NodeJS.WriteStream;
  /** Figures configured with the session's options; relative save paths land in the session directory. */
  plt: Plt;
  /** The 14 named colours (alias of plt.CC). */
  CC: Palette;
  /** Seeded random streams (`rng.get('data')`). */
  rng: RandomStateManager;
  /** The log files, or null with `tee: false`. */
  logs: TeeHandle | null;
  /** Closes the session (same as `close(CONFIG, opts)`); idempotent. */
  close(opts?: CloseOptions): CloseResult;
  [Symbol.dispose](): void;
}

/** The seed's tuple order. */
export type SessionTuple = readonly [
  SessionConfig,
  NodeJS.WriteStream,
  NodeJS.WriteStream,
  Plt,
  Palette,
  RandomStateManager,
];

/** What start() returns: destructure it as an object or as the seed's tuple. */
export type Session = SessionTuple & SessionHandle;

export function makeSession(state: SessionState, plt: Plt): Session {
  const tuple = [state.CONFIG, process.stdout, process.stderr, plt, plt.CC, state.rng] as const;
  const handle: SessionHandle = {
    CONFIG: state.CONFIG,
    stdout: process.stdout,
    stderr: process.stderr,
    plt,
    CC: plt.CC,
    rng: state.rng,
    logs: state.tee,
    close: (opts: CloseOptions = {}) => closeState(state, opts),
    [Symbol.dispose]: () => {
      closeState(state, {});
    },
  };
  return Object.assign(tuple, handle) as unknown as Session;
}
