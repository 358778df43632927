import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { HEADER, MetricsError, openMetrics, readMetrics } from '../src/index.ts';

describe('readMetrics', () => {
  it('gives back exactly what was logged, whatever the names and values (property)', () => {
    const dir = useTempDir();
    let n = 0;
    const name = fc
      .string({ minLength: 1, maxLength: 12, unit: 'grapheme' })
      .filter((s) => !/[\x00-\x1f\x7f]/.test(s));
    const value = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.dictionary(name, value, { minKeys: 1, maxKeys: 4 }), fc.option(fc.nat(1e6))),
          {
            maxLength: 8,
          },
        ),
        (calls) => {
          const m = openMetrics(dir.join(String(n++)));
          const expected = new Map<string, { steps: number[]; values: number[] }>();
          for (const [values, step] of calls) {
            m.log(values, step === null ? {} : { step });
            for (const [k, v] of Object.entries(values)) {
              const e = expected.get(k) ?? { steps: [], values: [] };
              e.steps.push(step ?? (e.steps.length ? e.steps.at(-1)! + 1 : 0));
              e.values.push(v === 0 ? 0 : v); // -0 is written as 0
              expected.set(k, e);
            }
          }
          m.close();
          const got = readMetrics(m.path);
          expect(got.skipped).toEqual([]);
          expect(got.series.map((s) => [s.name, { steps: s.steps, values: s.values }])).toEqual([
            ...expected,
          ]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('takes a directory, skips lines that are not whole records, refuses non-metrics files', () => {
    const dir = useTempDir();
    const t = '2026-01-01T00:00:00.000Z';
    writeFileSync(
      dir.join('metrics.csv'),
      `${HEADER}\r\n0,loss,1,${t}\r\nnot a record\n1,loss,abc,${t}\n2,loss,1e400,${t}\n-1,loss,1,${t}\n\n3,loss,0.5,${t}\n4,loss,0.2,2026-01-01T00:0`,
    );
    const data = readMetrics(dir.path);
    expect(data.series).toEqual([
      { name: 'loss', steps: [0, 3], values: [1, 0.5], times: [Date.parse(t), Date.parse(t)] },
    ]);
    expect(data.skipped.map((s) => s.line)).toEqual([3, 4, 5, 6, 9]);
    writeFileSync(dir.join('x.csv'), 'a,b\n');
    for (const [p, code] of [
      [dir.join('x.csv'), 'METRICS_READ_FAILED'],
      [dir.join('missing.csv'), 'METRICS_READ_FAILED'],
      ['', 'METRICS_INVALID_OPTION'],
    ] as const) {
      expect(() => readMetrics(p)).toThrow(MetricsError);
      try {
        readMetrics(p);
      } catch (e) {
        expect((e as MetricsError).code).toBe(code);
      }
    }
  });
});
