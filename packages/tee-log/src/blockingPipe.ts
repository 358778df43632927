/**
 * Makes a process stdio pipe blocking, as files and terminals already are on POSIX, so
 * output written just before `process.exit()` reaches the reader instead of being cut at
 * the pipe's 64 KiB buffer. The trade-off: a reader that stops reading now stalls the
 * writer (as it would a Python or C program) instead of Node buffering without bound.
 */
import type { Writable } from 'node:stream';

interface PipeInternals {
  _type?: string;
  writableLength?: number;
  _handle?: { setBlocking?: (blocking: boolean) => number; writeQueueSize?: number } | null;
}

/**
 * Switches `stream` (process.stdout or process.stderr) to blocking writes when it is a
 * pipe with nothing queued. Returns how to switch back, or null when nothing was changed.
 */
export function makePipeBlocking(stream: Writable): (() => void) | null {
  const s = stream as unknown as PipeInternals;
  const handle = s._handle;
  if (s._type !== 'pipe' || !handle || typeof handle.setBlocking !== 'function') return null;
  // libuv does not promise ordering when the mode changes with writes in flight.
  if ((s.writableLength ?? 0) > 0 || (handle.writeQueueSize ?? 0) > 0) return null;
  if (handle.setBlocking(true) !== 0) return null;
  return () => {
    handle.setBlocking?.(false);
  };
}
