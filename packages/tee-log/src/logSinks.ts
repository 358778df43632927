/**
 * The log files of one tee and what happens when writing one fails. A log that cannot be
 * written must never break the program's own output. A full disk (ENOSPC, EDQUOT) may
 * have room again soon: that log's output is held in memory (up to `holdLimit`) and every
 * later flush tries again. Any other error, too much held, or no later flush to come
 * (close): that log is dropped, and a warning says so and how much was not written.
 */
import { closeSync } from 'node:fs';
import type { CleanLog } from './cleanLog.js';
import type { RawLog } from './rawLog.js';

/** One log file: clean or byte-exact. */
export type Sink = CleanLog | RawLog;

export class LogSinks {
  private readonly live: Sink[];
  /** Logs whose disk is full: their output is held and every flush tries again. */
  private readonly holding = new Set<Sink>();
  /** A "that log stops here" warning was given (later drops without loss stay quiet). */
  private warned = false;

  /**
   * @param sinks the open logs
   * @param holdLimit how much output (bytes; characters for clean logs) a log may hold while its disk is full
   * @param warn reports to the user, past the capture
   */
  constructor(
    sinks: readonly Sink[],
    private readonly holdLimit: number,
    private readonly warn: (message: string) => void,
  ) {
    this.live = [...sinks];
  }

  /**
   * Hands output to `sink` (a write() chunk, a crash report) unless it was dropped; a
   * failure there follows the policy. Null (no such log) does nothing.
   */
  add<S extends Sink>(sink: S | null, add: (sink: S) => void): void {
    if (sink === null || !this.live.includes(sink)) return;
    try {
      add(sink);
    } catch (e) {
      this.fail(sink, e, false);
    }
  }

  /** Writes what every live log holds to its file; `withLine`: the unterminated line too. */
  flushAll(withLine: boolean): void {
    for (const s of [...this.live]) this.attempt(s, () => s.flush(withLine), false);
  }

  /** The process is exiting: the last chance for held output; say what is lost. */
  exiting(): void {
    for (const s of this.holding) {
      this.warn(`exiting with ${mib(s.backlog)} of ${s.path} not written: the disk is still full.`);
    }
  }

  /** Writes everything and closes the files. No later flush will come: what a failing log still holds is lost. */
  finishAll(): void {
    for (const s of [...this.live]) this.attempt(s, () => s.finish(), true);
    for (const s of this.live) closeQuietly(s.fd);
    this.live.length = 0;
  }

  /** Runs a write of `s`; a log held back by a full disk that now writes is announced. */
  private attempt(s: Sink, write: () => void, final: boolean): void {
    try {
      write();
    } catch (e) {
      this.fail(s, e, final);
      return;
    }
    if (this.holding.delete(s)) this.warn(`writing ${s.path} works again; nothing was lost.`);
  }

  private fail(sink: Sink, e: unknown, final: boolean): void {
    if (!this.live.includes(sink)) return;
    const reason = e instanceof Error ? e.message : String(e);
    const code = (e as { code?: unknown } | null)?.code;
    const space = code === 'ENOSPC' || code === 'EDQUOT';
    if (space && !final && sink.backlog <= this.holdLimit) {
      if (!this.holding.has(sink)) {
        this.holding.add(sink);
        this.warn(
          `writing ${sink.path} failed (${reason}); its output is kept in memory ` +
            `(up to ${mib(this.holdLimit)}) and written when there is room again.`,
        );
      }
      return;
    }
    this.live.splice(this.live.indexOf(sink), 1);
    closeQuietly(sink.fd);
    const lost =
      this.holding.delete(sink) || space ? ` (${mib(sink.backlog)} of it not written)` : '';
    if (this.warned && lost === '') return;
    this.warned = true;
    this.warn(`writing ${sink.path} failed (${reason}); that log stops here${lost}.`);
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
}

function mib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes} bytes`;
}
