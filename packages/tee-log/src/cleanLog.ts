/**
 * One clean log file: decodes write() chunks, renders them like a terminal (TerminalText)
 * and writes the result synchronously when flushed. Complete lines are appended; the
 * unterminated current line is written in place after them and rewritten (or the file
 * truncated) when it changes, so the file always shows what the terminal showed at the
 * last flush — also for a progress bar that never printed a newline.
 */
import { ftruncateSync } from 'node:fs';
import { ChunkDecoder } from './chunkDecoder.js';
import { TerminalText } from './terminalText.js';
import { writeAt } from './writeAt.js';

export class CleanLog {
  private readonly decoder = new ChunkDecoder();
  private readonly text = new TerminalText();
  /**
   * Decoded text not yet rendered. Rendering is chunk-invariant (a property test checks
   * that), so it is done per batch at flush time: one regex scan over 64 KiB costs far
   * less than one per console.log line.
   */
  private unrendered = '';
  /** Completed lines taken for writing but not yet on disk (a write failed: disk full). */
  private held = '';
  /** File offset where the current (unterminated) line starts. */
  private lineStart: number;
  /** Bytes of the current line that are on disk at `lineStart`. */
  private tailBytes = 0;
  /** Line generation when the on-disk tail was written in append mode, else -1. */
  private tailGen = -1;
  /** UTF-16 length of that tail. */
  private tailChars = 0;
  /** Where the file ends on disk. */
  private end: number;

  /**
   * @param path absolute path, for messages
   * @param fd open for writing, without O_APPEND (writes are positional)
   * @param start offset to start writing at (0, or the size of the file when appending)
   */
  constructor(
    readonly path: string,
    readonly fd: number,
    start: number,
  ) {
    this.lineStart = start;
    this.end = start;
  }

  /** Characters of output accepted but not yet written to the file (roughly, its bytes). */
  get backlog(): number {
    return this.held.length + this.unrendered.length;
  }

  /** True when the cursor is at the start of an empty line. */
  get atLineStart(): boolean {
    this.render();
    return this.text.line.isEmpty;
  }

  /** Adds one write() chunk. */
  write(chunk: unknown, encoding: unknown): void {
    const s = this.decoder.decode(chunk, encoding);
    if (s !== null) this.unrendered += s;
  }

  /** Adds text that did not go through write() (e.g. Node's report of an uncaught exception). */
  writeText(s: string): void {
    this.unrendered += this.decoder.end() + s;
  }

  /**
   * Writes the completed lines and, with `withLine`, the current line as it stands.
   * Synchronous: on return the data is in the file (the OS's page cache).
   */
  flush(withLine: boolean): void {
    this.render();
    // Kept until written: if the write throws (a full disk), the next flush writes them
    // again at the same offset. Writes are positional, so a partial write is harmless.
    const lines = (this.held += this.text.takeLines());
    try {
      if (lines.length > 0) {
        this.lineStart += writeAt(this.fd, lines, this.lineStart);
        this.held = '';
        this.tailBytes = 0;
        this.tailGen = -1;
        this.tailChars = 0;
        if (this.lineStart > this.end) this.end = this.lineStart;
      }
      if (withLine) this.writeLine();
    } catch (e) {
      // Part of a write may be on disk past what we track: truncate after the next success.
      this.end = Number.MAX_SAFE_INTEGER;
      throw e;
    }
    const want = this.lineStart + this.tailBytes;
    // A line that got shorter (erased, or overwritten by a shorter final line) leaves stale bytes.
    if (this.end > want) ftruncateSync(this.fd, want);
    this.end = want;
  }

  /** Ends decoding (an incomplete character becomes U+FFFD) and writes everything. */
  finish(): void {
    this.unrendered += this.decoder.end();
    this.flush(true);
  }

  private render(): void {
    if (this.unrendered.length === 0) return;
    const s = this.unrendered;
    this.unrendered = '';
    this.text.feed(s);
  }

  private writeLine(): void {
    const line = this.text.line;
    const appended = line.appended;
    if (appended !== null) {
      // Never split a surrogate pair between two writes: hold a trailing high surrogate back.
      let upto = appended.length;
      const last = appended.charCodeAt(upto - 1);
      if (last >= 0xd800 && last <= 0xdbff) upto--;
      if (line.generation === this.tailGen) {
        // What is on disk is still a prefix: write only the new part.
        if (upto > this.tailChars) {
          const add = appended.slice(this.tailChars, upto);
          this.tailBytes += writeAt(this.fd, add, this.lineStart + this.tailBytes);
          this.tailChars = upto;
        }
        return;
      }
      const s = upto === appended.length ? appended : appended.slice(0, upto);
      this.tailBytes = s.length > 0 ? writeAt(this.fd, s, this.lineStart) : 0;
      this.tailGen = line.generation;
      this.tailChars = upto;
      return;
    }
    const s = line.render();
    this.tailBytes = s.length > 0 ? writeAt(this.fd, s, this.lineStart) : 0;
    this.tailGen = -1;
    this.tailChars = 0;
  }
}
