/**
 * A log that cannot be written must not disturb the program. A full disk (ENOSPC,
 * EDQUOT) may have room again: its output is held in memory (up to `holdWhileFull`) and
 * written by the next flush that succeeds. Any other error, too much held, or a disk
 * still full at close: that log is dropped with a warning saying what was not written.
 */
import type * as Fs from 'node:fs';
import { readFileSync } from 'node:fs';
import { CaptureStream, useTempDir } from '@scitex/test-utils';
import { describe, expect, it, vi } from 'vitest';

/**
 * Writes to the file at `path` throw an error with `code` (until path is ''), after
 * storing up to `budget` more bytes (a write the disk filled up during).
 */
const failing = { path: '', code: 'ENOSPC', budget: 0 };

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
      if (failing.path !== '' && paths.get(fd) === failing.path) {
        if (failing.budget > 0 && typeof rest[0] === 'string') {
          const part = rest[0].slice(0, failing.budget);
          failing.budget -= part.length;
          return Reflect.apply(fs.writeSync, fs, [fd, part, ...rest.slice(1)]) as number;
        }
        const message =
          failing.code === 'ENOSPC'
            ? 'ENOSPC: no space left on device, write'
            : `${failing.code}: i/o error, write`;
        throw Object.assign(new Error(message), { code: failing.code });
      }
      return Reflect.apply(fs.writeSync, fs, [fd, ...rest]) as number;
    },
  };
});

const { tee } = await import('../src/index.ts');

function setup(code: string, options: { holdWhileFull?: number; raw?: boolean } = {}) {
  const dir = useTempDir();
  const streams = { stdout: new CaptureStream(), stderr: new CaptureStream() };
  failing.code = code;
  failing.path = '';
  failing.budget = 0;
  const t = tee({ dir: dir.path, streams, ...options });
  return { dir, streams, t };
}

const fullMsg = 'ENOSPC: no space left on device, write';

describe('a log file on a full disk', () => {
  it('keeps its output and writes all of it once there is room again', () => {
    const { dir, streams, t } = setup('ENOSPC');
    const log = dir.join('stdout.log');
    streams.stdout.write('one\n');
    t.flush();
    failing.path = log;
    streams.stdout.write('two\n');
    streams.stderr.write('err one\n');
    expect(() => t.flush()).not.toThrow();
    streams.stdout.write('three\nand a progress line');
    t.flush(); // still full: held, no second warning
    failing.path = '';
    streams.stdout.write(' 100%\n');
    t.flush();
    expect(readFileSync(log, 'utf8')).toBe('one\ntwo\nthree\nand a progress line 100%\n');
    t.close();
    expect(streams.stdout.text()).toBe('one\ntwo\nthree\nand a progress line 100%\n');
    expect(streams.stderr.text()).toBe(
      'err one\n' +
        `[@scitex/tee-log] writing ${log} failed (${fullMsg}); its output is kept in memory (up to 64.0 MiB) and written when there is room again.\n` +
        `[@scitex/tee-log] writing ${log} works again; nothing was lost.\n`,
    );
    expect(readFileSync(dir.join('stderr.log'), 'utf8')).toBe('err one\n');
  });

  it('leaves no stale bytes of a line the disk filled up in the middle of', () => {
    const { dir, streams, t } = setup('ENOSPC');
    const log = dir.join('stdout.log');
    streams.stdout.write('done\n1%');
    t.flush();
    failing.path = log;
    failing.budget = 12; // the longer line is cut after 12 bytes, then the disk is full
    streams.stdout.write('\r100%, writing the results');
    t.flush();
    failing.path = '';
    // Shorter than what reached the disk, longer than the line before it.
    streams.stdout.write('\r\x1b[2Kall done');
    t.flush();
    expect(readFileSync(log, 'utf8')).toBe('done\nall done');
    t.close();
    expect(readFileSync(log, 'utf8')).toBe('done\nall done');
  });

  it('holds byte-exact (raw) logs the same way', () => {
    const { dir, streams, t } = setup('ENOSPC', { raw: true });
    const raw = dir.join('stdout.raw.log');
    failing.path = raw;
    streams.stdout.write('\x1b[31mred\x1b[0m\n');
    t.flush();
    failing.path = '';
    streams.stdout.write('plain\n');
    t.close();
    expect(readFileSync(raw, 'utf8')).toBe('\x1b[31mred\x1b[0m\nplain\n');
    expect(readFileSync(dir.join('stdout.log'), 'utf8')).toBe('red\nplain\n');
  });

  it('is closed with a warning saying how much was not written when the disk stays full', () => {
    const { dir, streams, t } = setup('ENOSPC');
    const log = dir.join('stdout.log');
    streams.stdout.write('kept\n');
    t.flush();
    failing.path = log;
    streams.stdout.write('0123456789\n');
    t.flush();
    t.close();
    expect(readFileSync(log, 'utf8')).toBe('kept\n');
    expect(streams.stderr.text()).toContain(
      `[@scitex/tee-log] writing ${log} failed (${fullMsg}); that log stops here (11 bytes of it not written).\n`,
    );
    expect(streams.stdout.text()).toBe('kept\n0123456789\n');
  });

  it('stops holding past holdWhileFull, and says how much is lost', () => {
    const { dir, streams, t } = setup('ENOSPC', { holdWhileFull: 16 });
    const log = dir.join('stdout.log');
    failing.path = log;
    streams.stdout.write('short\n');
    t.flush(); // 6 held
    streams.stdout.write('and then some more\n');
    t.flush(); // 25 > 16: dropped
    failing.path = '';
    streams.stdout.write('after\n');
    t.close();
    expect(readFileSync(log, 'utf8')).toBe('');
    expect(streams.stderr.text()).toContain(
      `[@scitex/tee-log] writing ${log} failed (${fullMsg}); that log stops here (25 bytes of it not written).\n`,
    );
    expect(streams.stdout.text()).toBe('short\nand then some more\nafter\n');
  });

  it('is dropped at the first failure with holdWhileFull: 0', () => {
    const { dir, streams, t } = setup('ENOSPC', { holdWhileFull: 0 });
    const log = dir.join('stdout.log');
    failing.path = log;
    streams.stdout.write('one\n');
    t.flush();
    failing.path = '';
    streams.stdout.write('two\n');
    t.close();
    expect(readFileSync(log, 'utf8')).toBe('');
    expect(streams.stderr.text()).toBe(
      `[@scitex/tee-log] writing ${log} failed (${fullMsg}); that log stops here (4 bytes of it not written).\n`,
    );
  });
});

describe('a log file that fails otherwise', () => {
  it('is dropped with one warning; the terminal and the other log are unaffected', () => {
    const { dir, streams, t } = setup('EIO');
    failing.path = dir.join('stdout.log');
    streams.stdout.write('one\n');
    streams.stderr.write('err one\n');
    expect(() => t.flush()).not.toThrow();
    streams.stdout.write('two\n');
    streams.stderr.write('err two\n');
    t.flush();
    expect(() => t.close()).not.toThrow();
    expect(streams.stdout.text()).toBe('one\ntwo\n');
    const warning = `[@scitex/tee-log] writing ${dir.join('stdout.log')} failed (EIO: i/o error, write); that log stops here.\n`;
    expect(streams.stderr.text()).toBe(`err one\n${warning}err two\n`);
    expect(readFileSync(dir.join('stderr.log'), 'utf8')).toBe('err one\nerr two\n');
  });
});

describe('holdWhileFull', () => {
  it.each([-1, 1.5, '64M', Number.POSITIVE_INFINITY])('refuses %s', (v) => {
    const dir = useTempDir();
    expect(() => tee({ dir: dir.path, holdWhileFull: v as number })).toThrow(
      expect.objectContaining({ code: 'TEE_INVALID_OPTION' }),
    );
  });
});
