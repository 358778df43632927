/**
 * Decides when buffered log output goes to disk. Printing stays cheap because lines are
 * written in batches, yet output is on disk soon after it was written (so a SIGKILL loses
 * at most the last fraction of a second):
 * - a write that comes more than `intervalMs` after the last flush flushes at once (slow
 *   printers, and busy synchronous loops where no timer can fire, get every line out;
 *   past the 16th write since a flush, only every 16th write looks at the clock);
 * - otherwise an unref'd timer flushes `intervalMs` later (it never keeps the process alive;
 *   it is set on the next tick, as no timer could fire sooner, so output written and
 *   flushed within one tick — a short script's whole session — sets none);
 * - more than `maxPending` buffered flushes the completed lines immediately (bounded memory);
 * - after `goSync()` (the process is exiting) every write is flushed as it happens.
 */
export class FlushScheduler {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private last = Date.now();
  private pending = 0;
  /** Captured writes since the last full flush. */
  private writes = 0;
  private sync = false;
  private arming = false;
  private stopped = false;
  private readonly onTimer = (): void => {
    this.timer = null;
    this.flushNow();
  };
  private readonly arm = (): void => {
    this.arming = false;
    if (this.stopped || this.sync || this.timer !== null || this.writes === 0) return;
    this.timer = setTimeout(this.onTimer, this.intervalMs);
    this.timer.unref();
  };

  /**
   * @param flush writes buffered output; `withLine` also writes the unterminated line
   */
  constructor(
    private readonly flush: (withLine: boolean) => void,
    private readonly intervalMs: number = FLUSH_INTERVAL_MS,
    private readonly maxPending: number = FLUSH_MAX_PENDING,
  ) {}

  /** Called after each captured write of about `size` bytes. */
  wrote(size: number): void {
    if (this.sync) {
      this.flush(true);
      return;
    }
    this.pending += size;
    if (this.pending >= this.maxPending) {
      this.pending = 0;
      this.flush(false);
    }
    // Reading the clock costs more than the rest of a captured write, so only the first
    // writes after a flush and then every 16th look at it.
    const n = ++this.writes;
    if ((n < 16 || (n & 15) === 0) && Date.now() - this.last >= this.intervalMs) this.flushNow();
    else if (this.timer === null && !this.arming) {
      this.arming = true;
      process.nextTick(this.arm);
    }
  }

  /** Flushes everything now, the current line included. */
  flushNow(): void {
    this.cancel();
    this.last = Date.now();
    this.pending = 0;
    this.writes = 0;
    this.flush(true);
  }

  /** From now on every write is flushed at once; flushes what is buffered. */
  goSync(): void {
    this.sync = true;
    this.flushNow();
  }

  /** Stops the timer for good (at close). */
  stop(): void {
    this.stopped = true;
    this.cancel();
  }

  private cancel(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }
}

/** How old buffered output may get before it is written, in milliseconds. */
export const FLUSH_INTERVAL_MS = 100;
/** How much completed output may be buffered before it is written regardless of age. */
export const FLUSH_MAX_PENDING: number = 64 * 1024;
