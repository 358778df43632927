/**
 * One byte-exact log file (`raw: true`): every write() chunk as the stream received it,
 * buffered in memory and appended synchronously when flushed.
 */
import { AppendFile } from './appendFile.js';

export class RawLog {
  private chunks: Buffer[] = [];
  private size = 0;
  private readonly file: AppendFile;

  /**
   * @param path absolute path, for messages
   * @param fd open for appending (O_APPEND)
   * @param start the file's size now
   */
  constructor(
    readonly path: string,
    readonly fd: number,
    start: number,
  ) {
    this.file = new AppendFile(fd, start);
  }

  /** Adds one write() chunk, as the bytes the stream would send. */
  write(chunk: unknown, encoding: unknown): void {
    let b: Buffer;
    if (typeof chunk === 'string') {
      const enc = typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding : 'utf8';
      b = Buffer.from(chunk, enc);
    } else if (chunk instanceof Uint8Array) {
      // A copy: the caller may reuse its buffer once write() returns.
      b = Buffer.from(chunk);
    } else {
      return;
    }
    this.chunks.push(b);
    this.size += b.length;
  }

  /** Adds text that did not go through write(). */
  writeText(s: string): void {
    this.write(s, 'utf8');
  }

  /** Bytes accepted but not yet written to the file. */
  get backlog(): number {
    return this.size;
  }

  /** Writes everything buffered; if the write throws (a full disk), it is all kept. */
  flush(_withLine?: boolean): void {
    if (this.size === 0) return;
    const data = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.size);
    this.chunks = [data];
    this.file.append(data);
    this.chunks = [];
    this.size = 0;
  }

  /** Writes everything buffered (nothing else to finish for bytes). */
  finish(): void {
    this.flush();
  }
}
