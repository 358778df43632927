/**
 * The ends of the process that tee must see to leave complete logs: the 'exit' event
 * (every way Node ends in an orderly fashion, including a fatal exception) and, unless
 * the caller handles them itself, the signals that would otherwise kill the process
 * before any JavaScript runs. Plain listeners, no patching of `process`: Node's own exit
 * code (an unsettled top-level await's 13, say) is left exactly as it is.
 */

/** Signals that end a Node process by default and can be caught. */
export const TERMINATING_SIGNALS: readonly NodeJS.Signals[] = [
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGALRM',
  'SIGUSR2',
  'SIGVTALRM',
  'SIGXCPU',
  'SIGXFSZ',
  'SIGPWR',
];

/**
 * Calls `hook` when the process exits, and — with `signals` — when one of
 * {@link TERMINATING_SIGNALS} arrives; if nobody else listens for that signal the
 * process then dies of it, as it would have without tee. Returns the function that
 * removes the listeners (idempotent).
 */
export function onProcessEnd(hook: () => void, signals: boolean): () => void {
  const listening: [NodeJS.Signals, () => void][] = [];
  const remove = (): void => {
    process.off('exit', hook);
    for (const [sig, fn] of listening.splice(0)) process.off(sig, fn);
  };
  process.on('exit', hook);
  if (signals) {
    for (const sig of TERMINATING_SIGNALS) {
      const fn = (): void => {
        hook();
        // Someone else listens: the signal is theirs to act on (as without tee).
        if (process.listenerCount(sig) > 1) return;
        remove();
        process.kill(process.pid, sig);
      };
      try {
        process.on(sig, fn);
        listening.push([sig, fn]);
      } catch {
        // Not a signal on this platform.
      }
    }
  }
  return remove;
}
