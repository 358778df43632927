import seedrandom from 'seedrandom';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ALGORITHMS, Stream, type NestedArray } from '../src/index.ts';
import { expectCode } from './expectCode.ts';

// seedrandom's own generators, the reference. Its typings take string seeds only, but
// the algorithms accept numbers (and we seed them with numbers).
interface RefPrng {
  int32(): number;
  state(): object;
}
const reference = (
  algorithm: (typeof ALGORITHMS)[number],
  seed: number | string,
  state: object | true = true,
): RefPrng =>
  (seedrandom[algorithm] as unknown as (s: number | string, o: object) => RefPrng)(seed, {
    state,
  });

const stream = (seed = 1, algorithm: (typeof ALGORITHMS)[number] = 'tychei'): Stream =>
  new Stream({ seed, algorithm });

describe('Stream: the documented construction on top of seedrandom', () => {
  it('random() = ((a >>> 5) * 2^26 + (b >>> 6)) / 2^53 over seedrandom int32 outputs', () => {
    for (const algorithm of ALGORITHMS) {
      for (const seed of [0, 2373418850, 2 ** 32 - 1]) {
        const arg = algorithm === 'xor4096' ? seed | 0 : seed;
        const ref = reference(algorithm, arg);
        const s = stream(seed, algorithm);
        for (let i = 0; i < 50; i++) {
          const a = ref.int32() >>> 5;
          const b = ref.int32() >>> 6;
          expect(s.random()).toBe((a * 67108864 + b) / 2 ** 53);
        }
        expect(s.draws).toBe(100);
      }
    }
  });

  it('steps bit-for-bit like seedrandom over long runs and across a saved state', () => {
    for (const algorithm of ALGORITHMS) {
      const seed = 123456789;
      const arg = algorithm === 'xor4096' ? seed | 0 : seed;
      const ref = reference(algorithm, arg);
      const s = stream(seed, algorithm);
      const words = (n: number, next: () => number): number[] => Array.from({ length: n }, next);
      // integers(0, 2^32) returns each 32-bit output unchanged (threshold 0).
      const mine = (): number => s.integers(0, 2 ** 32);
      expect(words(20_000, mine)).toEqual(words(20_000, () => ref.int32() >>> 0));
      // seedrandom continues from our saved state, and we from its.
      const saved = s.getState().generator;
      const resumed = reference(algorithm, '', saved);
      expect(words(1000, () => resumed.int32() >>> 0)).toEqual(words(1000, mine));
      const t = stream(1, algorithm);
      t.setState({ ...s.getState(), generator: ref.state() as never });
      expect(words(1000, () => t.integers(0, 2 ** 32))).toEqual(
        words(1000, () => ref.int32() >>> 0),
      );
    }
  });

  it('has 53 random bits: every float is a multiple of 2^-53 and low bits vary', () => {
    const s = stream(5);
    let lowBitsSeen = 0;
    for (let i = 0; i < 1000; i++) {
      const x = s.random();
      const m = x * 2 ** 53;
      expect(Number.isInteger(m)).toBe(true);
      if (m % 2 === 1) lowBitsSeen++;
    }
    // With 32-bit floats the lowest of 53 bits would always be 0.
    expect(lowBitsSeen).toBeGreaterThan(400);
  });

  it('draws counts 32-bit outputs and replaying that many int32() reaches the same state', () => {
    const s = stream(99);
    s.random(10);
    s.integers(0, 1000, 7);
    s.normal(0, 1, 3);
    s.choice(10, 4, { replace: false });
    const ref = seedrandom.tychei(99 as unknown as string, { state: true });
    for (let i = 0; i < s.draws; i++) ref.int32();
    expect(s.getState().generator).toEqual(ref.state());
  });
});

describe('Stream: sizes and shapes', () => {
  it('returns a number without size, arrays for a count, nested arrays for a shape', () => {
    const s = stream();
    expect(typeof s.random()).toBe('number');
    expect(s.random(null)).toBeTypeOf('number');
    const flat = s.random(4);
    expect(flat).toHaveLength(4);
    const grid = s.random([2, 3]);
    expect(grid).toHaveLength(2);
    expect(grid.every((row) => row.length === 3 && row.every((v) => typeof v === 'number'))).toBe(
      true,
    );
    const cube = s.integers(0, 5, [2, 1, 4]);
    expect(cube.map((a) => a.map((b) => b.length))).toEqual([[4], [4]]);
    expect(s.random(0)).toEqual([]);
    expect(s.random([2, 0])).toEqual([[], []]);
    expectTypeOf(grid).toEqualTypeOf<number[][]>();
    expectTypeOf(flat).toEqualTypeOf<number[]>();
    expectTypeOf(cube).toEqualTypeOf<number[][][]>();
    const dynamic: number[] = [2, 2];
    expectTypeOf(s.random(dynamic)).toEqualTypeOf<NestedArray<number>>();
    expectTypeOf(s.choice(['a', 'b'], [2, 2])).toEqualTypeOf<string[][]>();
    expectTypeOf(s.choice(['a', 'b'])).toEqualTypeOf<string>();
  });

  it('fills shapes in row-major order: a shape is the flat draws reshaped', () => {
    const a = stream(8).random([3, 4]);
    const b = stream(8).random(12);
    expect(a.flat()).toEqual(b);
  });

  it('rejects bad sizes with RNG_INVALID_ARGUMENT', () => {
    const s = stream();
    for (const size of [
      -1,
      1.5,
      NaN,
      [],
      [2, -1],
      [2, 1.5],
      ['2'],
      '3',
      {},
      2 ** 32,
      [2 ** 16, 2 ** 16],
    ]) {
      expectCode(() => s.random(size as never), 'RNG_INVALID_ARGUMENT');
    }
  });
});

describe('Stream: methods', () => {
  it('integers: high exclusive, one-argument form, wide and negative ranges', () => {
    const s = stream(2);
    const xs = s.integers(-3, 3, 2000);
    expect(Math.min(...xs)).toBe(-3);
    expect(Math.max(...xs)).toBe(2);
    expect(xs.every(Number.isInteger)).toBe(true);
    const ys = s.integers(4, null, 500);
    expect(new Set(ys)).toEqual(new Set([0, 1, 2, 3]));
    expect(s.integers(7, 8)).toBe(7);
    const big = s.integers(0, 2 ** 53 - 1, 200);
    expect(big.every((v) => Number.isSafeInteger(v) && v >= 0 && v < 2 ** 53 - 1)).toBe(true);
    // Values above 2^32 do occur: the wide path uses 53 bits.
    expect(big.some((v) => v > 2 ** 40)).toBe(true);
    const neg = s.integers(-(2 ** 52), 2 ** 52 - 1, 50);
    expect(neg.every((v) => v >= -(2 ** 52) && v < 2 ** 52 - 1)).toBe(true);
    expect(neg.some((v) => v < 0) && neg.some((v) => v > 0)).toBe(true);
  });

  it('integers: rejects non-integers, empty ranges and ranges wider than 2^53 - 1', () => {
    const s = stream();
    const bad: [unknown, unknown][] = [
      [0.5, 3],
      [0, 3.5],
      [NaN, 3],
      [0, Infinity],
      ['0', 3],
      [3, 3],
      [5, 2],
      [0, 0],
      [-(2 ** 52), 2 ** 52 + 1],
      [0, 2 ** 53],
      [-1, null],
    ];
    for (const [lo, hi] of bad) {
      expectCode(() => s.integers(lo as number, hi as number), 'RNG_INVALID_ARGUMENT');
    }
  });

  it('uniform: within [low, high), defaults [0, 1), low === high allowed', () => {
    const s = stream(3);
    expect(s.uniform(-2, 5, 1000).every((v) => v >= -2 && v < 5)).toBe(true);
    const d = s.uniform();
    expect(d >= 0 && d < 1).toBe(true);
    expect(s.uniform(4, 4)).toBe(4);
    // A tiny interval where rounding would often hit `high`: never returned.
    const hi = 1 + Number.EPSILON;
    expect(s.uniform(1, hi, 1000).every((v) => v === 1)).toBe(true);
    for (const [lo, h] of [
      [1, 0],
      [NaN, 1],
      [0, Infinity],
      [-Number.MAX_VALUE, Number.MAX_VALUE],
      ['0', 1],
    ]) {
      expectCode(() => s.uniform(lo as number, h as number), 'RNG_INVALID_ARGUMENT');
    }
  });

  it('normal: loc and scale apply, scale 0 gives loc, bad parameters refused', () => {
    const s = stream(4);
    expect(s.normal(5, 0, 3)).toEqual([5, 5, 5]);
    const z = stream(9).normal(0, 1, 10);
    const y = stream(9).normal(10, 2, 10);
    y.forEach((v, i) => expect(v).toBeCloseTo(10 + 2 * (z[i] as number), 12));
    for (const [loc, scale] of [
      [0, -1],
      [NaN, 1],
      [0, Infinity],
      [0, '1'],
    ]) {
      expectCode(() => s.normal(loc as number, scale as number), 'RNG_INVALID_ARGUMENT');
    }
  });

  it('normal: pairs share one polar step — the second value costs no draws', () => {
    const s = stream(10);
    s.normal();
    const after1 = s.draws;
    s.normal();
    expect(s.draws).toBe(after1);
    expect(after1 % 4).toBe(0);
  });

  it('choice: from arrays, typed arrays and counts; without replacement all distinct', () => {
    const s = stream(11);
    const pop = ['a', 'b', 'c', 'd', 'e'];
    expect(pop).toContain(s.choice(pop));
    expect(s.choice(pop, 20).every((v) => pop.includes(v))).toBe(true);
    expect([10, 20, 30]).toContain(s.choice(new Float64Array([10, 20, 30])));
    const k = s.choice(1000, 10);
    expect(k.every((v) => Number.isInteger(v) && v >= 0 && v < 1000)).toBe(true);
    const all = s.choice(pop, 5, { replace: false });
    expect([...all].sort()).toEqual(pop);
    const grid = s.choice(12, [3, 4], { replace: false });
    expect(new Set(grid.flat()).size).toBe(12);
    const sparse = s.choice(1e9, 20, { replace: false });
    expect(new Set(sparse).size).toBe(20);
    expect(s.choice(pop, 0, { replace: false })).toEqual([]);
    expect(s.choice([], 0)).toEqual([]);
  });

  it('choice: with p, zero-probability elements never appear', () => {
    const s = stream(12);
    const draws = s.choice(['x', 'y', 'z'], 2000, { p: [0.5, 0, 0.5] });
    expect(draws).not.toContain('y');
    const distinct = s.choice(['x', 'y', 'z', 'w'], 3, { p: [0.25, 0.25, 0, 0.5], replace: false });
    expect(new Set(distinct)).toEqual(new Set(['x', 'y', 'w']));
  });

  it('choice: refuses bad populations, p and sizes with RNG_INVALID_ARGUMENT', () => {
    const s = stream();
    const cases: [unknown, unknown, unknown][] = [
      [[], null, {}],
      [[], 1, {}],
      [-1, null, {}],
      [2.5, null, {}],
      ['abc', null, {}],
      [{ length: 2 }, null, {}],
      [[1, 2, 3], 4, { replace: false }],
      [[1, 2], null, { p: [0.5] }],
      [[1, 2], null, { p: [0.5, 0.6] }],
      [[1, 2], null, { p: [1.5, -0.5] }],
      [[1, 2], null, { p: [NaN, 1] }],
      [[1, 2], null, { p: ['0.5', '0.5'] }],
      [[1, 2], null, { p: 'nope' }],
      [[1, 2, 3], 2, { p: [1, 0, 0], replace: false }],
      [[1, 2], null, { replace: 'no' }],
      [[1, 2], null, null],
    ];
    for (const [a, size, options] of cases) {
      expectCode(
        () => s.choice(a as never, size as never, options as never),
        'RNG_INVALID_ARGUMENT',
      );
    }
  });

  it('shuffle: in place, a permutation, arrays and typed arrays; returns its argument', () => {
    const s = stream(13);
    const arr = Array.from({ length: 50 }, (_, i) => i);
    const same = s.shuffle(arr);
    expect(same).toBe(arr);
    expect([...arr].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(arr).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    const typed = Int32Array.from({ length: 20 }, (_, i) => i);
    s.shuffle(typed);
    expect([...typed].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(s.shuffle([])).toEqual([]);
    expect(s.shuffle([1])).toEqual([1]);
    for (const bad of [null, 'abc', 5, { length: 3 }, new DataView(new ArrayBuffer(4))]) {
      expectCode(() => s.shuffle(bad as never), 'RNG_INVALID_ARGUMENT');
    }
  });

  it('permutation: of a count, of an array (copied), of a typed array (same type)', () => {
    const s = stream(14);
    expect([...s.permutation(10)].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const input = ['a', 'b', 'c', 'd'];
    const p = s.permutation(input);
    expect(input).toEqual(['a', 'b', 'c', 'd']);
    expect([...p].sort()).toEqual(input);
    const t = s.permutation(new Float32Array([1, 2, 3]));
    expect(t).toBeInstanceOf(Float32Array);
    expect(s.permutation(0)).toEqual([]);
    for (const bad of [-1, 1.5, 'x', null]) {
      expectCode(() => s.permutation(bad as never), 'RNG_INVALID_ARGUMENT');
    }
  });
});

describe('Stream: state', () => {
  it('getState/setState continue exactly, including the normal() spare, for every algorithm', () => {
    for (const algorithm of ALGORITHMS) {
      const s = stream(21, algorithm);
      s.random(7);
      s.normal(); // leaves a spare
      const state = JSON.parse(JSON.stringify(s.getState()));
      expect(state.spare).toEqual(expect.any(Number));
      const expected = [s.normal(), s.random(), s.integers(0, 100, 5), s.normal(0, 1, 3)];
      const t = stream(1, algorithm);
      t.setState(state);
      expect(t.seed).toBe(21);
      expect([t.normal(), t.random(), t.integers(0, 100, 5), t.normal(0, 1, 3)]).toEqual(expected);
      expect(t.draws).toBe(s.draws);
    }
  });

  it('setState refuses malformed states with RNG_INVALID_ARGUMENT', () => {
    const s = stream(1);
    const good = s.getState();
    const bad: unknown[] = [
      null,
      'state',
      { ...good, algorithm: 'xor4096' },
      { ...good, seed: -1 },
      { ...good, draws: 1.5 },
      { ...good, generator: { a: 1 } },
      { ...good, generator: { a: 1.5, b: 0, c: 0, d: 0 } },
      { ...good, spare: 'x' },
      { ...good, spare: NaN },
    ];
    for (const state of bad) expectCode(() => s.setState(state as never), 'RNG_INVALID_ARGUMENT');
    expectCode(
      () =>
        stream(1, 'xor4096').setState({
          ...stream(1, 'xor4096').getState(),
          generator: { i: 0, w: 0, X: [1] },
        }),
      'RNG_INVALID_ARGUMENT',
    );
    expectCode(
      () =>
        stream(1, 'alea').setState({
          ...stream(1, 'alea').getState(),
          generator: { c: 1, s0: 2, s1: 0, s2: 0 },
        }),
      'RNG_INVALID_ARGUMENT',
    );
  });

  it('refuses bad constructor options', () => {
    expectCode(() => new Stream(null as never), 'RNG_INVALID_ARGUMENT');
    expectCode(() => new Stream({ seed: 1, name: 3 as never }), 'RNG_INVALID_ARGUMENT');
    expectCode(() => new Stream({ seed: 1, algorithm: 'arc4' as never }), 'RNG_UNKNOWN_ALGORITHM');
  });
});
