import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { m4Indices } from '../src/render/decimate.ts';

/** Splits indices into runs of consecutive finite points in the same column. */
function runs(col: number[], y: number[]): number[][] {
  const out: number[][] = [];
  let cur: number[] = [];
  col.forEach((c, i) => {
    const ok = Number.isFinite(c) && Number.isFinite(y[i]);
    if (!ok || (cur.length && col[cur[0]!] !== c)) {
      if (cur.length) out.push(cur);
      cur = [];
    }
    if (ok) cur.push(i);
  });
  if (cur.length) out.push(cur);
  return out;
}

describe('M4 decimation', () => {
  it('keeps, per run of points in one pixel column, exactly the first, lowest, highest and last point', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 6 }),
            fc.oneof(fc.double({ min: -5, max: 5, noNaN: true }), fc.constant(Number.NaN)),
          ),
          {
            maxLength: 200,
          },
        ),
        (pts) => {
          const col = pts.map(([c]) => c);
          const y = pts.map(([, v]) => v);
          const kept = Array.from(m4Indices(pts.length, (i) => col[i]!, y));
          // In data order, without duplicates.
          expect(kept).toEqual([...new Set(kept)].sort((a, b) => a - b));
          for (const run of runs(col, y)) {
            const inRun = kept.filter((i) => run.includes(i));
            expect(inRun[0]).toBe(run[0]);
            expect(inRun[inRun.length - 1]).toBe(run[run.length - 1]);
            const ys = run.map((i) => y[i]!);
            const kys = inRun.map((i) => y[i]!);
            expect(Math.min(...kys)).toBe(Math.min(...ys));
            expect(Math.max(...kys)).toBe(Math.max(...ys));
            expect(inRun.length).toBeLessThanOrEqual(4);
          }
          // Every gap (NaN) between drawn points is kept as one break.
          const gaps = kept.filter((i) => !Number.isFinite(y[i]));
          for (let k = 1; k < gaps.length; k++) expect(gaps[k]! - gaps[k - 1]!).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('reduces a million points to a few per column', () => {
    const n = 1_000_000;
    const y = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
    const kept = m4Indices(n, (i) => Math.floor(i / 500), y);
    expect(kept.length).toBeLessThanOrEqual(4 * (n / 500));
    expect(kept[0]).toBe(0);
    expect(kept[kept.length - 1]).toBe(n - 1);
  });
});
