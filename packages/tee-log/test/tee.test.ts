import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { CaptureStream, useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { TeeError, tee, type TeeHandle } from '../src/index.ts';

function fakes(): { stdout: CaptureStream; stderr: CaptureStream } {
  return { stdout: new CaptureStream(), stderr: new CaptureStream() };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TeeError);
    return (e as TeeError).code;
  }
  return undefined;
}

const read = (p: string): string => readFileSync(p, 'utf8');

describe('tee(): the terminal side is unchanged', () => {
  it('passes every write through with its bytes, return value, encoding and callback', async () => {
    const dir = useTempDir();
    const streams = fakes();
    const t = tee({ dir: dir.path, streams });
    let called = 0;
    expect(streams.stdout.write('plain\n')).toBe(true);
    expect(streams.stdout.write('\x1b[31mred\x1b[0m\n', () => called++)).toBe(true);
    expect(streams.stdout.write('68690a', 'hex', () => called++)).toBe(true);
    expect(streams.stdout.write(Buffer.from('bytes\n'))).toBe(true);
    expect(streams.stdout.write(new Uint8Array([0x75, 0x38, 0x0a]))).toBe(true);
    await new Promise((r) => setImmediate(r));
    expect(called).toBe(2);
    expect(streams.stdout.text()).toBe('plain\n\x1b[31mred\x1b[0m\nhi\nbytes\nu8\n');
    t.close();
    expect(read(t.paths.stdout)).toBe('plain\nred\nhi\nbytes\nu8\n');
  });

  it('passes back-pressure through: write() returns false when the stream is full', () => {
    const dir = useTempDir();
    const slow = new Writable({ highWaterMark: 4, write: (_c, _e, _cb) => undefined });
    const t = tee({ dir: dir.path, streams: { stdout: slow, stderr: new CaptureStream() } });
    expect(slow.write('more than four bytes\n')).toBe(false);
    t.close();
    expect(read(t.paths.stdout)).toBe('more than four bytes\n');
  });

  it('keeps errors thrown by the original write (and logs nothing for that call)', () => {
    const dir = useTempDir();
    const streams = fakes();
    const t = tee({ dir: dir.path, streams });
    expect(() => streams.stdout.write(42 as unknown as string)).toThrow(TypeError);
    streams.stdout.write('after\n');
    t.close();
    expect(read(t.paths.stdout)).toBe('after\n');
  });
});

describe('tee(): the log files', () => {
  it('writes clean stdout and stderr logs and absolute paths', () => {
    const dir = useTempDir();
    const streams = fakes();
    const t = tee({ dir: dir.join('logs'), streams });
    expect(t.paths).toEqual({
      stdout: dir.join('logs/stdout.log'),
      stderr: dir.join('logs/stderr.log'),
    });
    streams.stdout.write('\x1b[1mbold\x1b[22m out\n');
    for (let i = 0; i <= 5; i++) streams.stderr.write(`\r${i * 20}% done`);
    streams.stderr.write('\n');
    t.close();
    expect(read(t.paths.stdout)).toBe('bold out\n');
    expect(read(t.paths.stderr)).toBe('100% done\n');
  });

  it('flush() puts everything written so far on disk, the unterminated line included', () => {
    const dir = useTempDir();
    const streams = fakes();
    const t = tee({ dir: dir.path, streams });
    streams.stdout.write('line\nprogress 50%');
    t.flush();
    expect(read(t.paths.stdout)).toBe('line\nprogress 50%');
    streams.stdout.write('\rprogress 100%\n');
    t.flush();
    expect(read(t.paths.stdout)).toBe('line\nprogress 100%\n');
    t.close();
  });

  it('raw: true also writes byte-exact copies', () => {
    const dir = useTempDir();
    const streams = fakes();
    const t = tee({ dir: dir.path, streams, raw: true });
    const bytes = Buffer.from([0x1b, 0x5b, 0x33, 0x31, 0x6d, 0xff, 0x00, 0x0d, 0x0a, 0xe2, 0x82]);
    streams.stdout.write(bytes);
    streams.stdout.write('6869', 'hex');
    streams.stderr.write('\r50%\r100%\n');
    t.close();
    expect(t.paths.stdoutRaw).toBe(dir.join('stdout.raw.log'));
    expect(t.paths.stderrRaw).toBe(dir.join('stderr.raw.log'));
    expect(readFileSync(t.paths.stdoutRaw!)).toEqual(Buffer.concat([bytes, Buffer.from('hi')]));
    expect(read(t.paths.stderrRaw!)).toBe('\r50%\r100%\n');
    expect(read(t.paths.stdout)).toBe('\ufffd\n\ufffdhi');
    expect(read(t.paths.stderr)).toBe('100%\n');
  });

  it('the same file name for both streams gives one combined log, interleaved as written', () => {
    const dir = useTempDir();
    const streams = fakes();
    const t = tee({ dir: dir.path, streams, stdoutFile: 'all.log', stderrFile: 'all.log' });
    streams.stdout.write('out 1\n');
    streams.stderr.write('err 1\n');
    streams.stdout.write('out 2\n');
    t.close();
    expect(t.paths.stdout).toBe(t.paths.stderr);
    expect(read(t.paths.stdout)).toBe('out 1\nerr 1\nout 2\n');
  });

  it('truncates by default; append: true continues on a new line', () => {
    const dir = useTempDir();
    writeFileSync(dir.join('stdout.log'), 'old run, no newline');
    writeFileSync(dir.join('stderr.log'), 'old errors\n');
    const streams = fakes();
    const t = tee({ dir: dir.path, streams, append: true });
    streams.stdout.write('new run\n');
    streams.stderr.write('new errors\n');
    t.close();
    expect(read(t.paths.stdout)).toBe('old run, no newline\nnew run\n');
    expect(read(t.paths.stderr)).toBe('old errors\nnew errors\n');
    const t2 = tee({ dir: dir.path, streams: fakes() });
    t2.close();
    expect(read(t2.paths.stdout)).toBe('');
  });

  it('custom file names, also in subdirectories', () => {
    const dir = useTempDir();
    const streams = fakes();
    const t = tee({
      dir: dir.path,
      streams,
      stdoutFile: 'a/out.txt',
      stderrFile: 'b/err.txt',
      raw: true,
    });
    streams.stdout.write('x\n');
    t.close();
    expect(t.paths.stdoutRaw).toBe(dir.join('a/out.raw.txt'));
    expect(read(dir.join('a/out.txt'))).toBe('x\n');
    expect(existsSync(dir.join('b/err.raw.txt'))).toBe(true);
  });
});

describe('tee(): the handle', () => {
  it('close() is idempotent and puts the original write back (no own property left)', () => {
    const dir = useTempDir();
    const streams = fakes();
    const before = streams.stdout.write;
    const t = tee({ dir: dir.path, streams });
    expect(streams.stdout.write).not.toBe(before);
    streams.stdout.write('during\n');
    t.close();
    t.close();
    t.flush();
    expect(streams.stdout.write).toBe(before);
    expect(Object.hasOwn(streams.stdout, 'write')).toBe(false);
    streams.stdout.write('after\n');
    expect(read(t.paths.stdout)).toBe('during\n');
    expect(streams.stdout.text()).toBe('during\nafter\n');
  });

  it('close() leaves a write someone installed on top of ours in place, and stops logging', () => {
    const dir = useTempDir();
    const streams = fakes();
    const t = tee({ dir: dir.path, streams });
    const ours = streams.stdout.write;
    const seen: unknown[] = [];
    streams.stdout.write = function (this: Writable, ...args: unknown[]): boolean {
      seen.push(args[0]);
      return Reflect.apply(ours, this, args) as boolean;
    } as typeof ours;
    const theirs = streams.stdout.write;
    streams.stdout.write('one\n');
    t.close();
    expect(streams.stdout.write).toBe(theirs);
    streams.stdout.write('two\n');
    expect(seen).toEqual(['one\n', 'two\n']);
    expect(streams.stdout.text()).toBe('one\ntwo\n');
    expect(read(t.paths.stdout)).toBe('one\n');
    // and the stream can be tee'd again
    tee({ dir: dir.join('again'), streams }).close();
  });

  it('works with `using`', () => {
    const dir = useTempDir();
    const streams = fakes();
    const before = streams.stdout.write;
    {
      using t = tee({ dir: dir.path, streams });
      streams.stdout.write('scoped\n');
      expect(t.paths.stdout).toBe(dir.join('stdout.log'));
    }
    expect(streams.stdout.write).toBe(before);
    expect(read(dir.join('stdout.log'))).toBe('scoped\n');
  });
});

describe('tee(): errors', () => {
  it("TEE_ALREADY_ACTIVE for a stream that is already tee'd; other streams are fine", () => {
    const dir = useTempDir();
    const a = fakes();
    const t = tee({ dir: dir.join('a'), streams: a });
    expect(
      codeOf(() =>
        tee({ dir: dir.join('b'), streams: { stdout: a.stdout, stderr: new CaptureStream() } }),
      ),
    ).toBe('TEE_ALREADY_ACTIVE');
    expect(existsSync(dir.join('b'))).toBe(false);
    const t2 = tee({ dir: dir.join('c'), streams: fakes() });
    t2.close();
    t.close();
    tee({ dir: dir.join('d'), streams: a }).close();
  });

  it('TEE_OPEN_FAILED before anything is patched or truncated', () => {
    const dir = useTempDir();
    writeFileSync(dir.join('stdout.log'), 'keep me\n');
    mkdirSync(dir.join('stderr.log')); // a directory where the stderr log should go
    const streams = fakes();
    const before = streams.stdout.write;
    expect(codeOf(() => tee({ dir: dir.path, streams }))).toBe('TEE_OPEN_FAILED');
    expect(streams.stdout.write).toBe(before);
    expect(read(dir.join('stdout.log'))).toBe('keep me\n');

    writeFileSync(dir.join('file'), '');
    expect(codeOf(() => tee({ dir: dir.join('file/logs'), streams }))).toBe('TEE_OPEN_FAILED');
    expect(streams.stdout.write).toBe(before);
  });

  it('TEE_OPEN_FAILED for something that is not a regular file', () => {
    const dir = useTempDir();
    const streams = fakes();
    expect(codeOf(() => tee({ dir: dir.path, stderrFile: '/dev/null', streams }))).toBe(
      'TEE_OPEN_FAILED',
    );
    expect(readdirSync(dir.path)).toEqual([]);
  });

  it('TEE_OPEN_FAILED removes the files it created on the way', () => {
    const dir = useTempDir();
    mkdirSync(dir.join('logs'));
    mkdirSync(dir.join('logs/stderr.log'));
    expect(codeOf(() => tee({ dir: dir.join('logs'), streams: fakes() }))).toBe('TEE_OPEN_FAILED');
    expect(readdirSync(dir.join('logs'))).toEqual(['stderr.log']);
  });

  it('TEE_OPEN_FAILED names the file and keeps the cause', () => {
    const dir = useTempDir();
    writeFileSync(dir.join('file'), '');
    let err: TeeError | undefined;
    try {
      tee({ dir: dir.join('file'), streams: fakes() });
    } catch (e) {
      err = e as TeeError;
    }
    expect(err?.code).toBe('TEE_OPEN_FAILED');
    expect(err?.message).toContain(dir.join('file/stdout.log'));
    expect((err?.cause as NodeJS.ErrnoException).code).toMatch(/^(ENOTDIR|EEXIST)$/);
  });

  it('TEE_INVALID_OPTION for bad options', () => {
    const dir = useTempDir();
    const s = fakes();
    const bad = (o: unknown): string | undefined =>
      codeOf(() => tee(o as Parameters<typeof tee>[0]) as TeeHandle);
    expect(bad(undefined)).toBe('TEE_INVALID_OPTION');
    expect(bad({ dir: '' })).toBe('TEE_INVALID_OPTION');
    expect(bad({ dir: dir.path, stdoutFile: '', streams: s })).toBe('TEE_INVALID_OPTION');
    expect(bad({ dir: dir.path, append: 'yes', streams: s })).toBe('TEE_INVALID_OPTION');
    expect(bad({ dir: dir.path, streams: { stdout: {} } })).toBe('TEE_INVALID_OPTION');
    expect(bad({ dir: dir.path, streams: { stdout: s.stdout, stderr: s.stdout } })).toBe(
      'TEE_INVALID_OPTION',
    );
    expect(
      bad({ dir: dir.path, streams: s, raw: true, stdoutFile: 'x.log', stderrFile: 'x.raw.log' }),
    ).toBe('TEE_INVALID_OPTION');
    expect(readdirSync(dir.path)).toEqual([]);
  });
});
