/**
 * Replaces a stream's `write` with one that first calls the original — same arguments,
 * same `this`, same return value, so the terminal sees exactly what it saw before — and
 * then hands the chunk to the log. The original stays in this closure, never on a global.
 */
import type { Writable } from 'node:stream';

/** Marks a tee'd `write` function, so a second tee() of the same stream is refused. */
const TEED = Symbol('@scitex/tee-log.teed');

type WriteFn = (...args: unknown[]) => unknown;

/** A patched stream: the original write, and how to put it back. */
export interface WritePatch {
  /** The stream's write before tee(): writes to the terminal only. */
  readonly original: WriteFn;
  /**
   * Stops capturing and puts the original back. If someone wrapped our write after us,
   * theirs stays in place and ours becomes a plain pass-through.
   */
  restore(): void;
}

/** True when `stream.write` is a live tee of this package. */
export function isTeed(stream: Writable): boolean {
  const w: unknown = stream.write;
  return typeof w === 'function' && (w as unknown as Record<symbol, unknown>)[TEED] === true;
}

/** Patches `stream.write` so every chunk also goes to `capture(chunk, encoding)`. */
export function patchWrite(
  stream: Writable,
  capture: (chunk: unknown, encoding: unknown) => void,
): WritePatch {
  const target = stream as unknown as {
    write: WriteFn;
    _writableState?: { defaultEncoding?: string };
  };
  const original = target.write;
  const hadOwn = Object.hasOwn(target, 'write');
  let live = true;
  const write = function (this: unknown, ...args: unknown[]): unknown {
    const ret = Reflect.apply(original, this, args);
    const chunk = args[0];
    const enc = args[1];
    if (live) {
      capture(
        chunk,
        typeof enc === 'string'
          ? enc
          : typeof chunk === 'string'
            ? target._writableState?.defaultEncoding
            : undefined,
      );
    }
    return ret;
  };
  Object.defineProperty(write, TEED, { get: () => live });
  target.write = write;
  return {
    original,
    restore() {
      live = false;
      if (target.write !== write) return;
      if (hadOwn) target.write = original;
      else delete (target as { write?: WriteFn }).write;
    },
  };
}
