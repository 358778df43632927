/**
 * @scitex/metrics: how many values per second `log()` takes in a training loop — four
 * metrics per call with an explicit step, non-integer values, buffered and flushed to a
 * real file every 100 ms as in use. Target ≥ 1e6 values/s. For context, the same records
 * written with one `appendFileSync` per call (what a naive logger does) are measured in the
 * same run, alternating rounds, and the file of every round is checked to be complete.
 */
import { appendFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openMetrics } from '@scitex/metrics';
import { summarize } from '../lib/stats.ts';
import type { BenchContext, Figure, Suite } from '../lib/types.ts';

const PER_CALL = 4;

/** Values per second of `openMetrics().log()` over `ms`; checks the file afterwards. */
function buffered(dir: string, ms: number): number {
  rmSync(dir, { recursive: true, force: true });
  const m = openMetrics(dir);
  let step = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    // 256 calls between clock reads keep the clock out of the figure.
    for (let i = 0; i < 256; i++, step++) {
      const x = step * 1e-3;
      m.log(
        { loss: 1 / (1 + x), acc: 1 - 1 / (2 + x), lr: 0.1 / (1 + step), grad: x * 0.37 },
        { step },
      );
    }
    t = performance.now();
  }
  m.close();
  const elapsed = performance.now() - t0;
  const lines = readFileSync(m.path, 'utf8').split('\n').length - 2;
  if (lines !== step * PER_CALL)
    throw new Error(`metrics.csv has ${lines} records, expected ${step * PER_CALL}`);
  return (step * PER_CALL * 1000) / elapsed;
}

/** The same records, one appendFileSync per call. */
function naive(dir: string, ms: number): number {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'metrics.csv');
  appendFileSync(file, 'step,name,value,time\n');
  let step = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    const x = step * 1e-3;
    const time = new Date().toISOString();
    appendFileSync(
      file,
      `${step},loss,${1 / (1 + x)},${time}\n${step},acc,${1 - 1 / (2 + x)},${time}\n${step},lr,${0.1 / (1 + step)},${time}\n${step},grad,${x * 0.37},${time}\n`,
    );
    step++;
  }
  return (step * PER_CALL * 1000) / (performance.now() - t0);
}

const mvps = (v: number): string => `${(v / 1e6).toFixed(2)} M values/s`;

const suite: Suite = {
  name: 'metrics',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const rounds = ctx.quick ? 2 : 7;
    const ms = ctx.quick ? 50 : 500;
    ctx.log(`${rounds} rounds × ${ms} ms, openMetrics().log() vs appendFileSync per call`);
    const fast: number[] = [];
    const slow: number[] = [];
    buffered(join(ctx.tmp, 'warm'), Math.min(ms, 200));
    for (let r = 0; r < rounds; r++) {
      if (r % 2) slow.push(naive(join(ctx.tmp, 'naive'), ms));
      fast.push(buffered(join(ctx.tmp, 'buffered'), ms));
      if (r % 2 === 0) slow.push(naive(join(ctx.tmp, 'naive'), ms));
    }
    const f = summarize(fast);
    const s = summarize(slow);
    return [
      {
        figure: `metrics log() throughput, ${PER_CALL} values per call, flushed every 100 ms to a file`,
        measured: `${mvps(f.median)} [${mvps(f.min)}–${mvps(f.max)}]; ${(f.median / s.median).toFixed(0)}× one appendFileSync per call (${mvps(s.median)})`,
        target: '≥ 1e6 values/s',
        value: f.median / 1e6,
        pass: f.median >= 1e6,
      },
    ];
  },
};

export default suite;
