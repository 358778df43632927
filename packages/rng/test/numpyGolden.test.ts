// NumpyStream against NumPy itself: the golden values are drawn at test time by Debian's
// python3-numpy (test/fixtures/numpy_draws.py), never pasted in.
import { describe, expect, it } from 'vitest';
import {
  deriveSeed,
  NumpyStream,
  RandomStateManager,
  type NumpyChoiceOptions,
} from '../src/index.ts';
import { float64s, runPython } from './python.ts';

type Call = [method: string, args: unknown[], kwargs?: Record<string, unknown>];

const M = 1_000_000;

/** Runs `calls` on a TS stream the way numpy_draws.py runs them on NumPy. */
function drawTs(s: NumpyStream, calls: readonly Call[]): number[][] {
  return calls.map(([method, args, kwargs = {}]) => {
    const a = args as unknown as [never, never, never];
    let v: unknown;
    switch (method) {
      case 'random':
        v = s.random(a[0]);
        break;
      case 'integers':
        v = s.integers(a[0], a[1], a[2]);
        break;
      case 'uniform':
        v = s.uniform(a[0], a[1], a[2]);
        break;
      case 'normal':
        v = s.normal(a[0], a[1], a[2]);
        break;
      case 'standard_normal':
        v = s.standardNormal(a[0]);
        break;
      case 'permutation':
        v = s.permutation(a[0] as number);
        break;
      case 'shuffle':
      case 'shuffle_list':
        v = s.shuffle(Array.from({ length: a[0] as number }, (_, i) => i));
        break;
      case 'choice':
        v = s.choice(a[0] as number, a[1], kwargs as NumpyChoiceOptions);
        break;
      default:
        throw new Error(`no TS call for ${method}`);
    }
    return [v].flat(Infinity as 1) as number[];
  });
}

function drawPython(
  seed: number,
  name: string | null,
  calls: readonly Call[],
  kind = 'generator',
): Float64Array {
  const spec = { kind, seed, name, calls: calls.map(([m, a, k = {}]) => [m, a, k]) };
  return float64s(runPython('numpy_draws.py', [JSON.stringify(spec)]));
}

/** Compares call by call; returns the first mismatch as text, or null. */
function firstMismatch(calls: readonly Call[], ts: number[][], py: Float64Array): string | null {
  let at = 0;
  for (let c = 0; c < calls.length; c++) {
    const mine = ts[c] as number[];
    for (let i = 0; i < mine.length; i++) {
      const theirs = py[at + i];
      if (!Object.is(mine[i], theirs)) {
        return `${JSON.stringify(calls[c])}[${i}]: TS ${mine[i]}, NumPy ${theirs}`;
      }
    }
    at += mine.length;
  }
  return at === py.length ? null : `TS drew ${at} values, NumPy ${py.length}`;
}

/** Distance in units in the last place between two doubles of the same sign. */
function ulps(a: number, b: number): number {
  const buf = new DataView(new ArrayBuffer(16));
  buf.setFloat64(0, a);
  buf.setFloat64(8, b);
  return Math.abs(Number(buf.getBigInt64(0) - buf.getBigInt64(8)));
}

const BULK: Call[] = [
  ['random', [M]],
  ['integers', [0, 10, M]],
  ['uniform', [-3, 7, M]],
  ['permutation', [M]],
];

const MIXED: Call[] = [
  ['integers', [0, 10, 3]],
  ['random', [1]],
  ['integers', [0, 10, 1]],
  ['integers', [5, 6, 4]],
  ['integers', [0, 2 ** 32, 5]],
  ['integers', [0, 2 ** 32 - 1, 5]],
  ['integers', [-(2 ** 40), 2 ** 40, 2000]],
  ['integers', [0, 2 ** 53 - 1, 200]],
  ['integers', [1000]],
  ['integers', [-7, 7, [2, 3]]],
  ['random', [[3, 4]]],
  ['uniform', [-5, 5, 10]],
  ['uniform', [2, 2, 3]],
  ['choice', [10, 50]],
  ['choice', [100, 30], { replace: false }],
  ['choice', [20000, 1000], { replace: false }],
  ['choice', [20000, 100], { replace: false }],
  ['choice', [50, 10], { replace: false, shuffle: false }],
  ['choice', [20000, 500], { replace: false, shuffle: false }],
  ['choice', [5, 1000], { p: [0.1, 0.2, 0.3, 0.4, 0] }],
  ['choice', [6, 4], { replace: false, p: [0.05, 0.05, 0.5, 0.2, 0.1, 0.1] }],
  ['choice', [7]],
  ['shuffle', [1000]],
  ['shuffle_list', [100]],
  ['permutation', [5]],
  ['standard_normal', [10000]],
  ['normal', [3, 0.5, [10, 10]]],
  ['random', [5]],
];

describe("algorithm 'numpy': the numbers of numpy.random.default_rng(deriveSeed(seed, name))", () => {
  it.each([
    [42, 'data'],
    [0, 'model'],
  ])('seed %i, stream %j: 1e6 random, integers, uniform and a permutation of 1e6', (seed, name) => {
    const stream = new RandomStateManager({ seed, algorithm: 'numpy' }).get(name) as NumpyStream;
    expect(stream.seed).toBe(deriveSeed(seed, name));
    const ts = drawTs(stream, BULK);
    expect(firstMismatch(BULK, ts, drawPython(seed, name, BULK))).toBeNull();
  });

  it.each([
    [42, 'data'],
    [4294967295, ''],
    [7, 'default'],
    [123456789, 'Math.random'],
  ])('seed %i, stream %j: interleaved calls, every integer path, choice, shuffle', (seed, name) => {
    const ts = drawTs(new NumpyStream({ seed: deriveSeed(seed, name) }), MIXED);
    expect(firstMismatch(MIXED, ts, drawPython(seed, name, MIXED))).toBeNull();
  });

  it('the first draws of default_rng(2373418850) are the ones the original documents', () => {
    const s = new RandomStateManager({ seed: 42, algorithm: 'numpy' }).get('data');
    expect(s.random(3)).toEqual([0.5681326600418818, 0.9050445540215621, 0.9382370590528057]);
  });

  it('normal: 1e6 deviates equal NumPy’s (ziggurat; exp/log1p only in its rare branches)', () => {
    const calls: Call[] = [['normal', [0, 1, M]]];
    const ts = drawTs(new NumpyStream({ seed: deriveSeed(42, 'model') }), calls)[0] as number[];
    const py = drawPython(42, 'model', calls);
    expect(py.length).toBe(M);
    let differ = 0;
    let worst = 0;
    for (let i = 0; i < M; i++) {
      if (!Object.is(ts[i], py[i])) {
        differ++;
        worst = Math.max(worst, ulps(ts[i] as number, py[i] as number));
      }
    }
    expect({ differ, worst }).toEqual({ differ: 0, worst: 0 });
  });
});
