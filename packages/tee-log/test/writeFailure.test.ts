/**
 * A log that cannot be written (disk full) must not disturb the program: that log is
 * dropped with one warning on stderr, the terminal output and the other log go on.
 */
import type * as Fs from 'node:fs';
import { readFileSync } from 'node:fs';
import { CaptureStream, useTempDir } from '@scitex/test-utils';
import { describe, expect, it, vi } from 'vitest';

const failing = { path: '' };

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof Fs>();
  const paths = new Map<number, string>();
  return {
    ...fs,
    openSync: (...args: Parameters<typeof fs.openSync>): number => {
      const fd = fs.openSync(...args);
      paths.set(fd, String(args[0]));
      return fd;
    },
    writeSync: (fd: number, ...rest: unknown[]): number => {
      if (paths.get(fd) === failing.path) {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
        });
      }
      return Reflect.apply(fs.writeSync, fs, [fd, ...rest]) as number;
    },
  };
});

const { tee } = await import('../src/index.ts');

describe('a log file that cannot be written', () => {
  it('is dropped with one warning; the terminal and the other log are unaffected', () => {
    const dir = useTempDir();
    const streams = { stdout: new CaptureStream(), stderr: new CaptureStream() };
    failing.path = dir.join('stdout.log');
    const t = tee({ dir: dir.path, streams });
    streams.stdout.write('one\n');
    streams.stderr.write('err one\n');
    expect(() => t.flush()).not.toThrow();
    streams.stdout.write('two\n');
    streams.stderr.write('err two\n');
    t.flush();
    expect(() => t.close()).not.toThrow();
    expect(streams.stdout.text()).toBe('one\ntwo\n');
    const warning = `[@scitex/tee-log] writing ${dir.join('stdout.log')} failed (ENOSPC: no space left on device, write); that log stops here.\n`;
    expect(streams.stderr.text()).toBe(`err one\n${warning}err two\n`);
    expect(readFileSync(dir.join('stderr.log'), 'utf8')).toBe('err one\nerr two\n');
  });
});
