import { closeSync, constants, openSync, readFileSync } from 'node:fs';
import { useTempDir } from '@scitex/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CleanLog } from '../src/cleanLog.ts';
import { asWholeString, cutsFor, output, split } from './arbitraries.ts';
import { renderReference } from './oracle.ts';

function openLog(path: string): CleanLog {
  return new CleanLog(path, openSync(path, constants.O_WRONLY | constants.O_CREAT), 0);
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
          );
        }),
        ([o, cuts, actions]) => {
          const path = dir.join(`p${n++}.log`);
          const log = openLog(path);
          split(Buffer.from(o), cuts).forEach((chunk, i) => {
            const action = actions[i] ?? 'none';
            log.write(action === 'string' ? (asWholeString(chunk) ?? chunk) : chunk, undefined);
            if (action === 'lines') log.flush(false);
            if (action === 'all') log.flush(true);
          });
          log.finish();
          closeSync(log.fd);
          expect(readFileSync(path, 'utf8')).toBe(renderReference(o));
        },
      ),
      { numRuns: 200 },
    );
  });
});
