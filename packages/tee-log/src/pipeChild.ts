/**
 * Sends a child process's piped stdout/stderr through our own streams — and so through a
 * running tee into the logs, and on to the terminal. A child started with
 * `stdio: 'inherit'` writes to the file descriptors directly; nothing in this process
 * sees that output, so it cannot be logged.
 */
import type { ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { TeeError } from './errors.js';
import { teeStreams, type TeeHandle } from './tee.js';

/**
 * Forwards `child.stdout` to stdout and `child.stderr` to stderr (the handle's streams
 * when given, else the process's). The bytes are forwarded unchanged, with back-pressure.
 *
 * @returns a promise that settles (never rejects) when both child streams have ended,
 * i.e. all their output has been written through.
 * @throws {TeeError} `TEE_INVALID_OPTION` when the child has neither a piped stdout nor stderr.
 */
export function pipeChild(child: ChildProcess, handle?: TeeHandle): Promise<void> {
  const target = handle !== undefined ? teeStreams(handle) : undefined;
  if (handle !== undefined && target === undefined) {
    throw new TeeError('TEE_INVALID_OPTION', 'pipeChild(): `handle` must come from tee()');
  }
  const stdout = target?.stdout ?? process.stdout;
  const stderr = target?.stderr ?? process.stderr;
  const pairs: [Readable, Writable][] = [];
  if (child.stdout) pairs.push([child.stdout, stdout]);
  if (child.stderr) pairs.push([child.stderr, stderr]);
  if (pairs.length === 0) {
    throw new TeeError(
      'TEE_INVALID_OPTION',
      "pipeChild(): the child has no piped stdout or stderr; spawn it with stdio: ['inherit', 'pipe', 'pipe'] (output of stdio 'inherit' never passes through this process, so it cannot be logged)",
    );
  }
  return Promise.all(pairs.map(([from, to]) => forward(from, to))).then(() => undefined);
}

/** Like from.pipe(to, { end: false }), but adds no listeners to `to` except while waiting for 'drain'. */
function forward(from: Readable, to: Writable): Promise<void> {
  return new Promise((done) => {
    const resume = (): void => {
      from.resume();
    };
    from.on('data', (chunk: Buffer) => {
      // Looked up per chunk: whatever write is installed now (a tee, or the original) gets it.
      if (!to.write(chunk)) {
        from.pause();
        to.once('drain', resume);
      }
    });
    const finish = (): void => {
      to.off('drain', resume);
      done();
    };
    from.once('end', finish);
    from.once('close', finish);
    from.once('error', finish);
  });
}
