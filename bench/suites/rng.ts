/**
 * @scitex/rng: named-stream `random()` throughput as a ratio to `Math.random()`, both
 * measured with tinybench in this run; target ≥ 1.0× for the default algorithm and ≥ 0.5×
 * for `'numpy'` (NumPy's PCG64, 128-bit arithmetic in 16-bit limbs). The other algorithms,
 * `integers()` and `normal()` are reported for information.
 *
 * How:
 * - Each algorithm runs in its own worker thread (its own V8 isolate), because a real
 *   program uses one algorithm: measured in one isolate, the later algorithms would pay
 *   for call sites that V8 has already seen polymorphic.
 * - Like a session, each worker first uses several streams ('default', 'Math.random',
 *   'model', 'data'), so the figure includes the cost of having more than one.
 * - Each task makes 1000 calls per iteration, summed into a sink: one call is a few
 *   nanoseconds, far below tinybench's per-iteration overhead. Each task is its own
 *   function literal, as a caller's loop would be.
 * - Rounds alternate the task order; the ratio is taken per round and the median round
 *   is reported with [min–max], so machine noise hits both sides alike.
 */
import { Worker } from 'node:worker_threads';
import { ALGORITHMS, DEFAULT_ALGORITHM, NUMPY_ALGORITHM, type Algorithm } from '@scitex/rng';
import type { BenchContext, Figure, Suite } from '../lib/types.ts';
import { summarize } from '../lib/stats.ts';

interface WorkerInput {
  rngUrl: string;
  tinybenchUrl: string;
  algorithm: Algorithm;
  rounds: number;
  timeMs: number;
  extras: boolean;
}

/** Values per second of each task, one entry per round. */
type Rates = Record<string, number[]>;

// Plain JavaScript, run with `eval` in a worker so it needs no TypeScript loader.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { RandomStateManager } = await import(workerData.rngUrl);
  const { Bench } = await import(workerData.tinybenchUrl);
  const CALLS = 1000;
  const rng = new RandomStateManager({ seed: 42, algorithm: workerData.algorithm });
  let sink = 0;
  for (const name of ['default', 'Math.random', 'model']) {
    const s = rng.get(name);
    for (let i = 0; i < 100000; i++) sink += s.random();
  }
  const data = rng.get('data');
  const tasks = {
    'Math.random()': () => {
      let acc = 0;
      for (let i = 0; i < CALLS; i++) acc += Math.random();
      sink += acc;
    },
    'stream.random()': () => {
      let acc = 0;
      for (let i = 0; i < CALLS; i++) acc += data.random();
      sink += acc;
    },
  };
  if (workerData.extras) {
    tasks['stream.integers(0, 100)'] = () => {
      let acc = 0;
      for (let i = 0; i < CALLS; i++) acc += data.integers(0, 100);
      sink += acc;
    };
    tasks['stream.normal()'] = () => {
      let acc = 0;
      for (let i = 0; i < CALLS; i++) acc += data.normal();
      sink += acc;
    };
  }
  const rates = {};
  for (let r = 0; r < workerData.rounds; r++) {
    const bench = new Bench({ time: workerData.timeMs, warmupTime: Math.min(100, workerData.timeMs) });
    const names = Object.keys(tasks);
    if (r % 2 === 1) names.reverse();
    for (const name of names) bench.add(name, tasks[name]);
    await bench.run();
    for (const task of bench.tasks) {
      if (task.result.state !== 'completed') throw new Error(task.name + ': ' + task.result.state);
      (rates[task.name] ??= []).push(task.result.throughput.mean * CALLS);
    }
  }
  parentPort.postMessage({ rates, sink: Number.isFinite(sink) });
})().catch((err) => { throw err; });
`;

function runWorker(input: WorkerInput): Promise<Rates> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: input });
    let rates: Rates | undefined;
    worker.on('message', (m: { rates: Rates }) => (rates = m.rates));
    worker.on('error', reject);
    worker.on('exit', (code) =>
      rates ? resolve(rates) : reject(new Error(`rng bench worker exited with ${code}`)),
    );
  });
}

const mps = (v: number): string => `${(v / 1e6).toFixed(0)} M/s`;
const range = (xs: number[]): string => {
  const s = summarize(xs);
  return `${s.median.toFixed(2)}× [${s.min.toFixed(2)}–${s.max.toFixed(2)}]`;
};

const suite: Suite = {
  name: 'rng',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const rounds = ctx.quick ? 2 : 9;
    const timeMs = ctx.quick ? 100 : 500;
    const rngUrl = import.meta.resolve('@scitex/rng');
    const tinybenchUrl = import.meta.resolve('tinybench');
    const figures: Figure[] = [];
    const order: Algorithm[] = [
      DEFAULT_ALGORITHM,
      NUMPY_ALGORITHM,
      ...ALGORITHMS.filter((a) => a !== DEFAULT_ALGORITHM),
    ];
    // Targets by algorithm; the others are informational.
    const targets: Partial<Record<Algorithm, number>> = {
      [DEFAULT_ALGORITHM]: 1,
      [NUMPY_ALGORITHM]: 0.5,
    };
    for (const algorithm of order) {
      const isDefault = algorithm === DEFAULT_ALGORITHM;
      const target = targets[algorithm];
      ctx.log(`${algorithm}: ${rounds} rounds × ${timeMs} ms per task, in a worker`);
      const rates = await runWorker({
        rngUrl,
        tinybenchUrl,
        algorithm,
        rounds,
        timeMs,
        extras: isDefault || algorithm === NUMPY_ALGORITHM,
      });
      const base = rates['Math.random()']!;
      const stream = rates['stream.random()']!;
      const ratios = stream.map((v, i) => v / base[i]!);
      const median = summarize(ratios).median;
      figures.push({
        figure: `named stream random() vs Math.random() throughput, ${algorithm}${isDefault ? ' (default)' : ''}`,
        measured: `${range(ratios)} (stream ${mps(summarize(stream).median)}, Math.random ${mps(summarize(base).median)})`,
        target: target === undefined ? '— (informational)' : `≥ ${target.toFixed(1)}×`,
        value: target === undefined ? null : median,
        pass: target === undefined ? null : median >= target,
      });
      if (rates['stream.normal()']) {
        for (const name of ['stream.integers(0, 100)', 'stream.normal()']) {
          figures.push({
            figure: `${algorithm} ${name} throughput`,
            measured: mps(summarize(rates[name]!).median),
            target: '— (informational)',
            value: null,
            pass: null,
          });
        }
      }
    }
    return figures;
  },
};

export default suite;
