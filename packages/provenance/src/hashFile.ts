/** sha256 of a file or a string, hex. Files are read in chunks, so size does not matter. */
import type * as Crypto from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK = 1 << 20;

// Loaded on first use, not at import (~1.5 ms): importing the package costs nothing.
const createHash = (algorithm: string): Crypto.Hash =>
  (process.getBuiltinModule('node:crypto') as typeof Crypto).createHash(algorithm);

/** The sha256 of the file at `path`, as 64 hex digits. Throws what `fs` throws. */
export function sha256File(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** The sha256 of `data`, as 64 hex digits. */
export function sha256Text(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
