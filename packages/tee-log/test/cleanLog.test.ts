import {
  appendFileSync,
  closeSync,
  constants,
  openSync,
  readFileSync,
  truncateSync,
} from 'node:fs';
import { useTempDir } from '@scitex/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CleanLog } from '../src/cleanLog.ts';
import { asWholeString, cutsFor, output, split } from './arbitraries.ts';
import { renderReference } from './oracle.ts';

function openLog(path: string, width?: number): CleanLog {
  return new CleanLog(
    path,
    openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT),
    0,
    width,
  );
}

describe('CleanLog: what is on disk', () => {
  it('after each flush, the file shows the terminal state, the unterminated line included', () => {
    const path = useTempDir().join('out.log');
    const log = openLog(path);
    const disk = (): string => readFileSync(path, 'utf8');
    log.write('first\nprogress 10%', undefined);
    log.flush(true);
    expect(disk()).toBe('first\nprogress 10%');
    log.write('\rprogress 100%', undefined);
    log.flush(true);
    expect(disk()).toBe('first\nprogress 100%');
    log.write('\r\x1b[2Kok', undefined);
    log.flush(true);
    expect(disk()).toBe('first\nok'); // shorter: the stale tail was cut off
    log.write('ay\nnext', undefined);
    log.flush(false);
    expect(disk()).toBe('first\nokay\n'); // completed lines only
    log.write(' more', undefined);
    log.flush(true);
    expect(disk()).toBe('first\nokay\nnext more');
    log.finish();
    closeSync(log.fd);
    expect(disk()).toBe('first\nokay\nnext more');
  });

  it('appends to a growing unterminated line without rewriting it', () => {
    const path = useTempDir().join('out.log');
    const log = openLog(path);
    for (let i = 0; i < 5; i++) {
      log.write('x'.repeat(1000), undefined);
      log.flush(true);
    }
    log.write(Buffer.from('😀').subarray(0, 3), undefined);
    log.flush(true);
    log.write(Buffer.from('😀').subarray(3), undefined);
    log.write('\n', undefined);
    log.finish();
    closeSync(log.fd);
    expect(readFileSync(path, 'utf8')).toBe('x'.repeat(5000) + '😀\n');
  });

  it('a 10 MB line written in 1000 pieces with a flush after each is written once, in order', () => {
    const path = useTempDir().join('out.log');
    const log = openLog(path);
    const piece = 'y'.repeat(10_000);
    for (let i = 0; i < 1000; i++) {
      log.write(piece, undefined);
      log.flush(true);
    }
    log.write('\n', undefined);
    log.finish();
    closeSync(log.fd);
    const out = readFileSync(path, 'utf8');
    expect(out.length).toBe(10_000_001);
    expect(out.endsWith('y\n')).toBe(true);
  });

  it('a file truncated by someone else goes on at its new end, without NUL bytes', () => {
    const path = useTempDir().join('out.log');
    const log = openLog(path);
    log.write('one\ntwo\nprogress 10%', undefined);
    log.flush(true);
    truncateSync(path, 0);
    log.write('\rprogress 50%', undefined);
    log.flush(true); // a rewrite of the line: the cut must not reach past the new end
    log.write('\rprogress 100%\nthree\nfour', undefined);
    log.flush(false); // 'four' is not on disk yet
    expect(readFileSync(path, 'utf8')).toBe('progress 100%\nthree\n');
    truncateSync(path, 0);
    log.write('\n', undefined);
    log.finish();
    closeSync(log.fd);
    expect(readFileSync(path, 'utf8')).toBe('four\n');
  });

  it('a line that grew while the file was truncated: the new part lands at the end', () => {
    const path = useTempDir().join('out.log');
    const log = openLog(path);
    log.write('one\nprogress', undefined);
    log.flush(true);
    truncateSync(path, 0);
    log.write(' done\ntwo\n', undefined);
    log.finish();
    closeSync(log.fd);
    expect(readFileSync(path, 'utf8')).toBe(' done\ntwo\n');
  });

  it('text someone else appended is left alone; the rewritten line follows it', () => {
    const path = useTempDir().join('out.log');
    const log = openLog(path);
    log.write('one\nprog', undefined);
    log.flush(true);
    appendFileSync(path, '[other]\n');
    log.write('\rPROG\n', undefined);
    log.finish();
    closeSync(log.fd);
    expect(readFileSync(path, 'utf8')).toBe('one\nprog[other]\nPROG\n');
  });

  it('property: with flushes anywhere, the final file is the clean rendering of the whole output', () => {
    const dir = useTempDir();
    let n = 0;
    fc.assert(
      fc.property(
        output.chain((o) => {
          const len = Buffer.byteLength(o);
          return fc.tuple(
            fc.constant(o),
            cutsFor(len),
            fc.array(fc.constantFrom('none', 'lines', 'all', 'string')),
            fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
          );
        }),
        ([o, cuts, actions, width]) => {
          const path = dir.join(`p${n++}.log`);
          const log = openLog(path, width);
          split(Buffer.from(o), cuts).forEach((chunk, i) => {
            const action = actions[i] ?? 'none';
            log.write(action === 'string' ? (asWholeString(chunk) ?? chunk) : chunk, undefined);
            if (action === 'lines') log.flush(false);
            if (action === 'all') log.flush(true);
          });
          log.finish();
          closeSync(log.fd);
          expect(readFileSync(path, 'utf8')).toBe(renderReference(o, width));
        },
      ),
      { numRuns: 300 },
    );
  });
});
