/**
 * Exit-path hooks: whatever ends the process after start() — the script running out,
 * process.exit(n), an uncaught exception or unhandled rejection, an error thrown by an
 * 'exit' listener, a signal — closes the session into the right folder, and the process
 * still ends the way it would have (same exit code, same signal). Plain listeners;
 * nothing in `process` is patched, so Node's own exit code is never changed.
 */
import { TERMINATING_SIGNALS } from '@scitex/tee-log';
import { closeState, errorRecord, finishFiling, refile } from './close.js';
import { isExiting, processExitStatus, signalExitStatus } from './exitStatus.js';
import type { ExitHooks, SessionState } from './state.js';

// What a closed session leaves running for a while: its hooks, watching a few turns of
// the event loop for a late signal, and its tee when worker threads may still print.
let lingering: ExitHooks | null = null;
let lingeringTee: SessionState['tee'] = null;

/** Ends what the last closed session left running: a new session takes over. */
export function dropLingering(): void {
  lingering?.remove();
  lingering = null;
  lingeringTee?.close();
  lingeringTee = null;
}

/**
 * Installs the hooks for `state`. `preempt` (SIGUSR1 under a sweep) is a scheduler's
 * notice that the run will be stopped: it is recorded as `PREEMPTED` and the run ends
 * as that signal's ending (128 + its number), since Node's own default for SIGUSR1 is
 * to open the inspector, not to end.
 */
export function installExitHooks(state: SessionState, preempt?: NodeJS.Signals): ExitHooks {
  dropLingering();

  const report = (err: unknown): void => {
    process.stderr.write(
      `scitex: could not close session ${state.CONFIG.ID}: ${(err as Error).message}\n`,
    );
  };

  // Observes without changing Node's behaviour (unlike an 'uncaughtException' listener).
  const monitor = (err: unknown, origin: string): void => {
    state.error = errorRecord(err, origin);
    if (!isExiting()) return;
    // Thrown by an 'exit' listener: the listeners after it — ours too — never run, and
    // Node ends with the exit code already set, else 1 (unless a handler takes it).
    const handled = process.listenerCount('uncaughtException') > 0;
    const status = handled || process.exitCode !== undefined ? processExitStatus() : 1;
    try {
      if (state.result && !state.provisional) {
        if (status !== state.result.exitStatus)
          refile(state, status, `an 'exit' listener threw after close(): ${state.error.message}`);
      } else {
        closeState(
          state,
          { exitStatus: status, message: 'The run failed.' },
          { fromExitHook: true },
        );
      }
    } catch (e) {
      report(e);
    }
  };

  const onExit = (code: number): void => {
    try {
      if (state.filing !== null) finishFiling(state, true);
      if (state.result && !state.provisional) return;
      closeState(
        state,
        {
          exitStatus: processExitStatus(code),
          message: state.error ? 'The run failed.' : ':)',
        },
        { fromExitHook: true },
      );
    } catch (err) {
      report(err);
    }
  };

  const signals: [NodeJS.Signals, () => void][] = [];
  const onSignal = (sig: NodeJS.Signals): void => {
    // Someone else listens too: the signal is theirs to act on, as without a session.
    if (process.listenerCount(sig) > 1) return;
    try {
      if (state.filing !== null) finishFiling(state, true);
      if (state.result && !state.provisional) {
        refile(state, signalExitStatus(sig), `${sig} arrived as the session was closing`, sig);
      } else {
        closeState(state, {}, { signal: sig, fromExitHook: true });
      }
    } catch (err) {
      report(err);
    }
    remove();
    // Die of the same signal (the listener is gone, so the default action applies).
    process.kill(process.pid, sig);
  };

  const onPreempt = (sig: NodeJS.Signals): void => {
    const status = signalExitStatus(sig);
    try {
      if (state.filing !== null) finishFiling(state, true);
      state.CONFIG.PREEMPTED = { signal: sig, at: new Date().toISOString() };
      if (state.result && !state.provisional) refile(state, status, `${sig}: preempted`, sig);
      else
        closeState(
          state,
          { message: 'Preempted by the scheduler.' },
          { signal: sig, fromExitHook: true },
        );
    } catch (err) {
      report(err);
    }
    remove();
    process.exit(status);
  };

  let removed = false;
  const remove = (): void => {
    if (removed) return;
    removed = true;
    process.off('uncaughtExceptionMonitor', monitor);
    process.off('exit', onExit);
    for (const [sig, fn] of signals) process.off(sig, fn);
    if (lingering === hooks) lingering = null;
  };

  let releasing = false;
  const hooks: ExitHooks = {
    release(): void {
      if (releasing || removed) return;
      releasing = true;
      lingering = hooks;
      // Ref'd immediates keep the loop turning a few times: a signal that arrived while
      // close() ran (or during the synchronous code before it) is delivered within the
      // first two turns (the second on Node 20, measured); four leave a margin.
      let turns = 4;
      const turn = (): void => {
        if (--turns > 0 && !removed) {
          setImmediate(turn);
          return;
        }
        if (state.teeKept) lingeringTee = state.tee;
        else state.tee?.close();
        remove();
      };
      setImmediate(turn);
    },
    remove,
  };

  process.on('uncaughtExceptionMonitor', monitor);
  process.on('exit', onExit);
  for (const sig of TERMINATING_SIGNALS) {
    const fn = (): void => onSignal(sig);
    try {
      process.on(sig, fn);
      signals.push([sig, fn]);
    } catch {
      // Not a signal on this platform.
    }
  }
  if (preempt) {
    const fn = (): void => onPreempt(preempt);
    process.on(preempt, fn);
    signals.push([preempt, fn]);
  }
  return hooks;
}
