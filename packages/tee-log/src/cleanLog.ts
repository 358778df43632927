/**
 * One clean log file: decodes write() chunks, renders them like a terminal (TerminalText)
 * and writes the result synchronously when flushed. Complete lines are appended; the
 * unterminated current line is appended after them and, when it changes other than by
 * growing, cut off and appended again, so the file always shows what the terminal showed
 * at the last flush — also for a progress bar that never printed a newline. The file is
 * only ever written at its end (AppendFile), so a log truncated by the user mid-run just
 * continues there.
 */
import { AppendFile } from './appendFile.js';
import { ChunkDecoder } from './chunkDecoder.js';
import { TerminalText } from './terminalText.js';

export class CleanLog {
  private readonly decoder = new ChunkDecoder();
  private readonly text: TerminalText;
  private readonly file: AppendFile;
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
  /** The text on disk at `lineStart` is `tailSrc.slice(0, tailChars)`. */
  private tailSrc = '';
  private tailChars = 0;
  /** Line generation when the on-disk tail was written in append mode, else -1. */
  private tailGen = -1;

  /**
   * @param path absolute path, for messages
   * @param fd open for appending (O_APPEND), on a regular file
   * @param start the file's size now
   * @param width row width of the rendered text (see TerminalLine); tests pass small ones
   */
  constructor(
    readonly path: string,
    readonly fd: number,
    start: number,
    width?: number,
  ) {
    this.text = new TerminalText(width);
    this.file = new AppendFile(fd, start);
    this.lineStart = start;
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
    // again (AppendFile first cuts off whatever part of the failed write reached the disk).
    const lines = (this.held += this.text.takeLines());
    if (lines.length > 0) {
      this.replaceTail(lines);
      this.held = '';
      this.lineStart = this.file.end;
      this.setTail('', 0, 0, -1);
    }
    if (withLine) this.writeLine();
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
    if (appended === null) {
      this.replaceTail(line.render());
      this.tailGen = -1;
      return;
    }
    // Never split a surrogate pair between two writes: hold a trailing high surrogate back.
    let upto = appended.length;
    const last = appended.charCodeAt(upto - 1);
    if (last >= 0xd800 && last <= 0xdbff) upto--;
    if (line.generation === this.tailGen && upto >= this.tailChars) {
      // What is on disk is still a prefix (only appended to since): write the new part.
      if (upto > this.tailChars) {
        const bytes = this.file.append(appended.slice(this.tailChars, upto));
        this.setTail(appended, upto, this.tailBytes + bytes, this.tailGen);
      }
      return;
    }
    this.replaceTail(upto === appended.length ? appended : appended.slice(0, upto));
    this.tailGen = line.generation;
  }

  /**
   * Makes the file end with `text` after `lineStart`: appends only what is new when the
   * tail on disk is a prefix of it (a line that grew), else cuts the tail off first.
   */
  private replaceTail(text: string): void {
    const old =
      this.tailChars === this.tailSrc.length ? this.tailSrc : this.tailSrc.slice(0, this.tailChars);
    let bytes = 0;
    if (old.length > 0 && text.startsWith(old)) {
      bytes = this.tailBytes;
      if (text.length > old.length) bytes += this.file.append(text.slice(old.length));
    } else {
      if (this.tailBytes > 0) {
        // The file may have been changed by someone else: then cutTo() says where it ends now.
        this.lineStart = this.file.cutTo(this.lineStart);
        this.setTail('', 0, 0, -1);
      }
      if (text.length > 0) bytes = this.file.append(text);
    }
    this.setTail(text, text.length, bytes, -1);
  }

  private setTail(src: string, chars: number, bytes: number, gen: number): void {
    this.tailSrc = src;
    this.tailChars = chars;
    this.tailBytes = bytes;
    this.tailGen = gen;
  }
}
