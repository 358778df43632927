import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { HEADER, MetricsError, openMetrics, readMetrics } from '../src/index.ts';

const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** The file's records without the time column (checked separately). */
function records(path: string): string[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  expect(lines[0]).toBe(HEADER);
  expect(lines.at(-1)).toBe('');
  return lines.slice(1, -1).map((l) => {
    const i = l.lastIndexOf(',');
    expect(l.slice(i + 1)).toMatch(TIME);
    return l.slice(0, i);
  });
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(MetricsError);
    return (e as MetricsError).code;
  }
  return undefined;
}

describe('openMetrics', () => {
  it('writes the header once, then one record per value; steps count per name', () => {
    const dir = useTempDir();
    const m = openMetrics(dir.join('run'));
    expect(m.path).toBe(dir.join('run', 'metrics.csv'));
    m.log({ loss: 0.5, acc: 0.1 });
    m.log({ loss: 0.25 });
    m.log({ acc: 0.2, loss: 0.125 }, { step: 10 });
    m.log({ loss: 0.0625 });
    m.close();
    expect(records(m.path)).toEqual([
      '0,loss,0.5',
      '0,acc,0.1',
      '1,loss,0.25',
      '10,acc,0.2',
      '10,loss,0.125',
      '11,loss,0.0625',
    ]);
    expect(m.last()).toEqual({ loss: 0.0625, acc: 0.2 });
  });

  it('quotes names with commas, quotes or edge spaces; readMetrics gives them back', () => {
    const dir = useTempDir();
    const m = openMetrics(dir.path);
    const names = ['a,b', 'say "hi"', ' padded ', 'val/acc', 'ünï 𝛼', '__proto__'];
    m.log(Object.fromEntries(names.map((n, i) => [n, i])));
    m.close();
    expect(records(m.path)).toEqual([
      '0,"a,b",0',
      '0,"say ""hi""",1',
      '0," padded ",2',
      '0,val/acc,3',
      '0,ünï 𝛼,4',
      '0,__proto__,5',
    ]);
    expect(readMetrics(m.path).series.map((s) => s.name)).toEqual(names);
    expect(Object.keys(m.last())).toEqual(names);
    expect(Object.getPrototypeOf(m.last())).toBe(Object.prototype);
  });

  it('continues an existing file: header kept, step counts and last values resumed', () => {
    const dir = useTempDir();
    const a = openMetrics(dir.path);
    a.log({ loss: 1 });
    a.log({ loss: 2, acc: 3 });
    a.close();
    const b = openMetrics(dir.path);
    expect(b.last()).toEqual({ loss: 2, acc: 3 });
    b.log({ loss: 4, lr: 5 });
    b.close();
    expect(records(b.path)).toEqual(['0,loss,1', '1,loss,2', '0,acc,3', '2,loss,4', '0,lr,5']);
  });

  it('starts a new line after a record cut short by a crash; the cut record is skipped on read', () => {
    const dir = useTempDir();
    const file = dir.join('metrics.csv');
    writeFileSync(file, `${HEADER}\n0,loss,1,2026-01-01T00:00:00.000Z\n1,loss,0.`);
    const m = openMetrics(dir.path);
    m.log({ loss: 0.5 });
    m.close();
    const data = readMetrics(file);
    expect(data.series).toEqual([
      {
        name: 'loss',
        steps: [0, 1],
        values: [1, 0.5],
        times: [Date.UTC(2026, 0, 1), expect.any(Number)],
      },
    ]);
    expect(data.skipped).toEqual([{ line: 3, text: '1,loss,0.' }]);
  });

  it('two handles on one new file write one header', () => {
    const dir = useTempDir();
    const a = openMetrics(dir.path);
    const b = openMetrics(dir.path);
    a.log({ x: 1 });
    b.log({ y: 2 });
    a.close();
    b.close();
    expect(records(a.path)).toEqual(['0,x,1', '0,y,2']);
  });

  it('refuses bad names, values and steps with a code, and writes nothing of that call', () => {
    const dir = useTempDir();
    const m = openMetrics(dir.path);
    m.log({ loss: 1 });
    const bad: [unknown, unknown, string][] = [
      [{ loss: 2, acc: NaN }, undefined, 'METRICS_INVALID_VALUE'],
      [{ loss: 2, acc: Infinity }, undefined, 'METRICS_INVALID_VALUE'],
      [{ loss: 2, acc: -Infinity }, undefined, 'METRICS_INVALID_VALUE'],
      [{ loss: 2, acc: '0.5' }, undefined, 'METRICS_INVALID_VALUE'],
      [{ loss: 2, acc: 1n }, undefined, 'METRICS_INVALID_VALUE'],
      [{ loss: 2, acc: null }, undefined, 'METRICS_INVALID_VALUE'],
      [{ loss: 2, acc: undefined }, undefined, 'METRICS_INVALID_VALUE'],
      [{ loss: 2, '': 1 }, undefined, 'METRICS_INVALID_NAME'],
      [{ loss: 2, 'a\nb': 1 }, undefined, 'METRICS_INVALID_NAME'],
      [{ loss: 2, ['x'.repeat(201)]: 1 }, undefined, 'METRICS_INVALID_NAME'],
      [{ loss: 2 }, { step: -1 }, 'METRICS_INVALID_STEP'],
      [{ loss: 2 }, { step: 1.5 }, 'METRICS_INVALID_STEP'],
      [{ loss: 2 }, { step: '3' }, 'METRICS_INVALID_STEP'],
      [{ loss: 2 }, { step: 2 ** 53 }, 'METRICS_INVALID_STEP'],
      [{ loss: 2 }, { step: NaN }, 'METRICS_INVALID_STEP'],
      [[1, 2], undefined, 'METRICS_INVALID_OPTION'],
      [null, undefined, 'METRICS_INVALID_OPTION'],
      [{ loss: 2 }, 5, 'METRICS_INVALID_OPTION'],
    ];
    for (const [values, opts, code] of bad) {
      expect(
        codeOf(() => m.log(values as Record<string, number>, opts as { step?: number })),
        JSON.stringify([values, opts], (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)),
      ).toBe(code);
    }
    m.log({ loss: 3 });
    m.close();
    expect(records(m.path)).toEqual(['0,loss,1', '1,loss,3']);
    expect(m.last()).toEqual({ loss: 3 });
  });

  it('the message says what was wrong and what to do', () => {
    const dir = useTempDir();
    const m = openMetrics(dir.path);
    expect(() => m.log({ acc: NaN })).toThrow(
      /metric "acc" got NaN: values must be finite numbers/,
    );
    m.close();
  });

  it('close() flushes, is idempotent and is Symbol.dispose; log() after it is METRICS_CLOSED', () => {
    const dir = useTempDir();
    let path: string;
    {
      using m = openMetrics(dir.path, { flushIntervalMs: 60_000 });
      path = m.path;
      m.log({ a: 1 });
      expect(records(path)).toEqual([]);
      m.flush();
      expect(records(path)).toEqual(['0,a,1']);
      m.log({ a: 2 });
    }
    expect(records(path)).toEqual(['0,a,1', '1,a,2']);
    const m = openMetrics(dir.path);
    m.close();
    m.close();
    expect(m.closed).toBe(true);
    expect(codeOf(() => m.log({ a: 1 }))).toBe('METRICS_CLOSED');
    expect(() => m.flush()).not.toThrow();
  });

  it('buffered values reach the file from the timer, without a flush()', async () => {
    const dir = useTempDir();
    const m = openMetrics(dir.path, { flushIntervalMs: 20 });
    m.log({ a: 1 });
    expect(records(m.path)).toEqual([]);
    await expect.poll(() => records(m.path), { interval: 10, timeout: 5_000 }).toEqual(['0,a,1']);
    m.close();
  });

  it('refuses bad options and files that are not metrics CSVs', () => {
    const dir = useTempDir();
    expect(codeOf(() => openMetrics(''))).toBe('METRICS_INVALID_OPTION');
    expect(codeOf(() => openMetrics(42 as unknown as string))).toBe('METRICS_INVALID_OPTION');
    expect(codeOf(() => openMetrics(dir.path, { flushIntervalMs: 0 }))).toBe(
      'METRICS_INVALID_OPTION',
    );
    expect(codeOf(() => openMetrics(dir.path, { nope: 1 } as never))).toBe(
      'METRICS_INVALID_OPTION',
    );
    writeFileSync(dir.join('other.csv'), 'a,b\n1,2\n');
    expect(codeOf(() => openMetrics(dir.path, { file: 'other.csv' }))).toBe('METRICS_OPEN_FAILED');
    expect(readFileSync(dir.join('other.csv'), 'utf8')).toBe('a,b\n1,2\n');
    mkdirSync(dir.join('adir', 'metrics.csv'), { recursive: true });
    expect(codeOf(() => openMetrics(dir.join('adir')))).toBe('METRICS_OPEN_FAILED');
    writeFileSync(dir.join('afile'), '');
    expect(codeOf(() => openMetrics(dir.join('afile', 'sub')))).toBe('METRICS_OPEN_FAILED');
  });
});
