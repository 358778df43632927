/**
 * Keeps a run alive when the reader of its stdout or stderr goes away (`node exp.js |
 * head -1`). Node reports the broken pipe as an 'error' event (EPIPE) on the stream, and
 * with nobody listening the process dies of it — a finished computation lost for the sake
 * of a terminal nobody reads. While the session is open, EPIPE is taken as "the reader is
 * gone": the run goes on and everything written keeps going into the logs.
 */
import type { Writable } from 'node:stream';
import { setImmediate } from 'node:timers';

type StreamName = 'stdout' | 'stderr';

/**
 * Listens for EPIPE on process.stdout and process.stderr; `onBroken` is told once per
 * stream. Other errors are rethrown when nobody else listens, as Node would have done.
 * Returns the function that removes the listeners. Node reports a failed write on the
 * next tick, and again for every later write, so with writes still queued removal waits
 * for pending ticks, and it leaves the listener on a stream whose reader is gone: a pipe's reader never comes back,
 * and without the listener the next write would kill the process after all.
 */
export function guardPipes(onBroken: (name: StreamName) => void): () => void {
  const installed: { stream: Writable; listener: (err: Error) => void; broken: () => boolean }[] =
    [];
  for (const [name, stream] of [
    ['stdout', process.stdout],
    ['stderr', process.stderr],
  ] as const) {
    let broken = false;
    const listener = (err: Error): void => {
      if ((err as NodeJS.ErrnoException).code === 'EPIPE') {
        if (!broken) {
          broken = true;
          onBroken(name);
        }
        return;
      }
      if (stream.listenerCount('error') === 1) throw err;
    };
    stream.on('error', listener);
    installed.push({ stream, listener, broken: () => broken });
  }
  const remove = (): void => {
    for (const { stream, listener, broken } of installed) {
      if (!broken() && stream.writableLength === 0) stream.off('error', listener);
    }
  };
  return () => {
    // Nothing queued: no EPIPE can still be reported, the listeners go now (so a process
    // running many sessions does not pile them up). Otherwise after the pending ticks.
    if (installed.every(({ stream }) => stream.writableLength === 0)) remove();
    else setImmediate(remove).unref();
  };
}
