import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { tee, type TeeHandle } from '../src/index.ts';
import { ROW_WIDTH } from '../src/terminalLine.ts';

const MIB = 1024 * 1024;

/** A stream that accepts everything and keeps nothing (a terminal nobody reads). */
function sink(): Writable {
  return new Writable({ write: (_c, _e, cb) => cb() });
}

/** Runs `print` against a tee'd stdout and returns the clean stdout log. */
function logOf(print: (stdout: Writable, t: TeeHandle) => void): Buffer {
  const dir = useTempDir();
  const stdout = sink();
  const t = tee({ dir: dir.path, streams: { stdout, stderr: sink() } });
  print(stdout, t);
  t.close();
  return readFileSync(t.paths.stdout);
}

const piece = 'x'.repeat(64 * 1024);

describe('tee(): one very long line (no timing asserted; the timeout is the bound)', () => {
  it('a 100 MiB line without a newline is logged whole', { timeout: 120_000 }, () => {
    const log = logOf((stdout) => {
      for (let i = 0; i < (100 * MIB) / piece.length; i++) stdout.write(piece);
    });
    expect(log.length).toBe(100 * MIB);
    expect(log.equals(Buffer.alloc(100 * MIB, 'x'))).toBe(true);
  });

  it(
    'a 100 MiB line after a \\r redraw, flushed as it grows: rows of ROW_WIDTH, \\r acts on the last',
    { timeout: 120_000 },
    () => {
      const n = 100 * MIB;
      const log = logOf((stdout, t) => {
        stdout.write('progress 0%\r'); // overwritten by the line: the overwrite representation
        for (let i = 0; i < n / piece.length; i++) {
          stdout.write(piece);
          if (i % 16 === 0) t.flush(); // the unterminated row goes to disk and is extended
        }
        stdout.write('\rEND\n');
      });
      const lastRow = Math.floor((n - 1) / ROW_WIDTH) * ROW_WIDTH;
      const want = Buffer.alloc(n + 1, 'x');
      want.write('END', lastRow);
      want[n] = 0x0a;
      expect(log.length).toBe(want.length);
      expect(log.equals(want)).toBe(true);
    },
  );
});
