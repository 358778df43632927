/**
 * A real Writable that records every chunk, for tests that need a stand-in for
 * process.stdout / process.stderr.
 */
import { Writable } from 'node:stream';

export interface CaptureStreamOptions {
  /** Pretend to be a terminal (sets `isTTY`). */
  isTTY?: boolean;
}

export class CaptureStream extends Writable {
  /** Every chunk as received, in order. */
  readonly chunks: Buffer[] = [];
  isTTY: boolean;
  readonly fd: number = -1;

  constructor(opts: CaptureStreamOptions = {}) {
    super({ decodeStrings: true });
    this.isTTY = opts.isTTY ?? false;
  }

  override _write(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: (error?: Error | null) => void,
  ): void {
    this.chunks.push(Buffer.from(chunk));
    callback();
  }

  /** Everything written so far, as bytes. */
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }

  /** Everything written so far, decoded as UTF-8. */
  text(): string {
    return this.bytes().toString('utf8');
  }
}
