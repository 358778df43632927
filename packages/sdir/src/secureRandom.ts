/**
 * Random bytes from the operating system's cryptographic source, without loading
 * node:crypto (~1.5 ms, and a session's start needs nothing else from it): read from
 * /dev/urandom where there is one — the same source node:crypto draws from — and from
 * node:crypto elsewhere (Windows) or if the device cannot be read.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type * as Crypto from 'node:crypto';

/** `size` cryptographically random bytes. */
export function secureRandomBytes(size: number): Uint8Array {
  const out = new Uint8Array(size);
  if (process.platform !== 'win32') {
    try {
      const fd = openSync('/dev/urandom', 'r');
      try {
        let got = 0;
        while (got < size) {
          const n = readSync(fd, out, got, size - got, null);
          if (n <= 0) throw new Error('short read from /dev/urandom');
          got += n;
        }
        return out;
      } finally {
        closeSync(fd);
      }
    } catch {
      // No readable device (a sandbox, a chroot): node:crypto below.
    }
  }
  const crypto = process.getBuiltinModule('node:crypto') as typeof Crypto;
  crypto.randomFillSync(out);
  return out;
}
