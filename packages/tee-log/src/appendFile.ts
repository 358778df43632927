/**
 * A log file written only at its end: opened with O_APPEND, so whatever happens to it
 * meanwhile — `truncate -s 0 logs/stdout.log` by the user, say — the next write lands at
 * its real end, never past a hole of NUL bytes. The clean log still rewrites its
 * unterminated last line: it cuts the file back to where that line starts and appends it
 * again, and a cut first checks that the file is the size this writer left it, so it
 * never reaches into someone else's change (nor, with ftruncate, extends the file).
 */
import { fstatSync, ftruncateSync, writeSync } from 'node:fs';

export class AppendFile {
  /** Where this writer believes the file ends. */
  private size: number;
  /** A write failed part-way: bytes past `size` may be on disk. */
  private torn = false;

  /**
   * @param fd open with O_APPEND, on a regular file
   * @param size the file's size now
   */
  constructor(
    readonly fd: number,
    size: number,
  ) {
    this.size = size;
  }

  /** Where the file ends, as far as this writer knows. */
  get end(): number {
    return this.size;
  }

  /**
   * Appends all of `data` and returns its size in bytes. A write that failed part-way
   * (a full disk) is cut off first, so a retry never leaves a fragment before the data.
   */
  append(data: string | Uint8Array): number {
    if (this.torn) this.cutTo(this.size);
    let n: number;
    try {
      n = appendAll(this.fd, data);
    } catch (e) {
      this.torn = true;
      throw e;
    }
    this.size += n;
    return n;
  }

  /**
   * Cuts the file back to `pos` (at most `end`) and returns where writing now continues:
   * `pos` — or, when someone else changed the file since this writer's last write
   * (truncated or appended to it), its real end, leaving their change alone.
   */
  cutTo(pos: number): number {
    const actual = fstatSync(this.fd).size;
    if (!this.torn && actual !== this.size) {
      this.size = actual;
      return actual;
    }
    this.torn = false;
    // Never ftruncate upwards: that is what would write the NUL bytes.
    if (actual > pos) ftruncateSync(this.fd, pos);
    this.size = Math.min(actual, pos);
    return this.size;
  }
}

/** Appends all of `data` (the fd has O_APPEND) and returns the number of bytes written. */
export function appendAll(fd: number, data: string | Uint8Array): number {
  if (typeof data === 'string') {
    // Writing the string directly spares a Buffer copy (measured: ~35% faster per batch).
    const n = writeSync(fd, data, null, 'utf8');
    const want = Buffer.byteLength(data, 'utf8');
    if (n === want) return n;
    return n + appendBytes(fd, Buffer.from(data, 'utf8').subarray(n));
  }
  return appendBytes(fd, data);
}

function appendBytes(fd: number, buf: Uint8Array): number {
  let off = 0;
  while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off, null);
  return buf.length;
}
