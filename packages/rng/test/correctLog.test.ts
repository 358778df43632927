// correctLog against a 50-digit Decimal logarithm (Python's decimal module).
import { describe, expect, it } from 'vitest';
import { correctLog } from '../src/numpy/correctLog.ts';
import { Mt19937 } from '../src/numpy/mt19937.ts';
import { float64s, runPython } from './python.ts';

describe('correctLog', () => {
  it('is the correctly rounded ln for 20000 arguments where randn needs it, and edge values', () => {
    const mt = new Mt19937().initGenrand(1);
    const xs = [1, 0.5, 2 ** -106, 1 - 2 ** -53, Number.MIN_VALUE * 2 ** 52, 1e300, Math.E];
    while (xs.length < 20000) {
      const a = 2 * mt.nextDouble() - 1;
      const b = 2 * mt.nextDouble() - 1;
      const r2 = a * a + b * b;
      if (r2 < 1 && r2 > 0) xs.push(r2);
    }
    const both = float64s(runPython('correct_log.py', [], Float64Array.from(xs)));
    let wrong = 0;
    let mathLogDiffers = 0;
    xs.forEach((x, i) => {
      if (!Object.is(correctLog(x), both[2 * i])) wrong++;
      if (!Object.is(Math.log(x), both[2 * i + 1])) mathLogDiffers++;
    });
    expect(wrong).toBe(0);
    // Why it exists: V8's Math.log and glibc's log disagree for a few percent of these.
    expect(mathLogDiffers).toBeGreaterThan(100);
  });
});
