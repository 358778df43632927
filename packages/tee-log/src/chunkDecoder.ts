/**
 * Turns what was passed to `write(chunk, encoding)` into the text a UTF-8 terminal shows,
 * keeping the bytes of a multi-byte character split across Buffer chunks until the rest
 * arrives (StringDecoder does exactly that).
 */
import { StringDecoder } from 'node:string_decoder';

export class ChunkDecoder {
  private readonly decoder = new StringDecoder('utf8');
  /** The last input was bytes, so the decoder may hold the start of a character. */
  private inBytes = false;

  /** The text for one write() chunk, or null when the chunk is neither text nor bytes. */
  decode(chunk: unknown, encoding: unknown): string | null {
    if (typeof chunk === 'string') {
      if (isUtf8(encoding)) {
        // UTF-8 from a string never continues a previous partial character, so whatever
        // the decoder holds is incomplete: a terminal shows U+FFFD for it, as end() does.
        if (!this.inBytes) return chunk;
        this.inBytes = false;
        return this.decoder.end() + chunk;
      }
      return this.bytes(Buffer.from(chunk, encoding as BufferEncoding));
    }
    if (chunk instanceof Uint8Array) return this.bytes(chunk);
    return null;
  }

  /** Whatever incomplete character is still held, as U+FFFD (at close). */
  end(): string {
    if (!this.inBytes) return '';
    this.inBytes = false;
    return this.decoder.end();
  }

  private bytes(b: Uint8Array): string {
    this.inBytes = true;
    return this.decoder.write(b as Buffer);
  }
}

function isUtf8(encoding: unknown): boolean {
  if (typeof encoding !== 'string') return true;
  if (encoding === 'utf8' || encoding === 'utf-8') return true;
  const e = encoding.toLowerCase();
  // Writable.write() would already have thrown for an unknown encoding; be lenient anyway.
  return e === 'utf8' || e === 'utf-8' || !Buffer.isEncoding(e);
}
