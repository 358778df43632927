/**
 * Exit-path hooks: whatever ends the process after start() — the script running out,
 * process.exit(n), an uncaught exception or unhandled rejection, SIGINT/SIGTERM/SIGHUP —
 * closes the session into the right folder, and the process still ends the way it would
 * have (same exit code, same signal). signal-exit does the signal bookkeeping (re-raising
 * the signal after the handlers when nobody else listens), which is subtle to get right.
 */
import { onExit } from 'signal-exit';
import { closeState, errorRecord } from './close.js';
import type { SessionState } from './state.js';

/** Installs the hooks for `state`; returns the function that removes them. */
export function installExitHooks(state: SessionState): () => void {
  // Observes without changing Node's behaviour (unlike an 'uncaughtException' listener).
  const monitor = (err: unknown, origin: string): void => {
    state.error = errorRecord(err, origin);
  };
  process.on('uncaughtExceptionMonitor', monitor);

  const removeOnExit = onExit((code, signal) => {
    try {
      if (signal) {
        closeState(state, {}, { signal, fromExitHook: true });
      } else {
        // 'exit' event: normal end (0), process.exit(n), or a crash (Node exits with 1,
        // or 7 for an error thrown by an 'uncaughtException' handler).
        const status =
          typeof code === 'number' ? code : ((process.exitCode as number | undefined) ?? null);
        closeState(
          state,
          { exitStatus: status, message: state.error ? 'The run failed.' : ':)' },
          { fromExitHook: true },
        );
      }
    } catch (err) {
      process.stderr.write(
        `scitex: could not close session ${state.CONFIG.ID}: ${(err as Error).message}\n`,
      );
    }
  });

  let removed = false;
  return () => {
    if (removed) return;
    removed = true;
    process.off('uncaughtExceptionMonitor', monitor);
    removeOnExit();
  };
}
