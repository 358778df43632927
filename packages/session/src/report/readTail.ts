/**
 * The last lines of a log without reading all of it: logs of long runs reach gigabytes,
 * and a report of a thousand runs must not read them whole.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** The tail of a text file. */
export interface Tail {
  /** The last lines (each cut to `maxLineChars`). */
  lines: string[];
  /** Size of the whole file in bytes. */
  bytes: number;
  /** Whether earlier lines exist that are not in `lines`. */
  truncated: boolean;
}

/** Reads the last `maxLines` lines of `file` from at most its last `maxBytes`; null if unreadable. */
export function readTail(
  file: string,
  maxLines: number,
  maxLineChars: number = 400,
  maxBytes: number = 64 * 1024,
): Tail | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return null;
    const size = st.size;
    const len = Math.min(size, maxBytes);
    const buf = Buffer.alloc(len);
    let got = 0;
    while (got < len) {
      const n = readSync(fd, buf, got, len - got, size - len + got);
      if (n === 0) break;
      got += n;
    }
    let text = buf.subarray(0, got).toString('utf8');
    let cutStart = size > len;
    if (cutStart) {
      // The first line read is probably partial: drop it.
      const nl = text.indexOf('\n');
      text = nl < 0 ? '' : text.slice(nl + 1);
    }
    const all = text.split('\n');
    if (all.at(-1) === '') all.pop();
    if (all.length > maxLines) cutStart = true;
    const lines = all
      .slice(-maxLines)
      .map((l) => (l.length > maxLineChars ? `${l.slice(0, maxLineChars)}…` : l));
    return { lines, bytes: size, truncated: cutStart };
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
