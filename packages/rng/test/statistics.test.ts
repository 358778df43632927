// Statistical sanity, not a test suite for PRNG quality (that is the algorithms' published
// BigCrush record). Seeds are fixed, so results are deterministic; the bounds are still
// set at ~5 standard errors so that they would hold for almost any seed.
import { describe, expect, it } from 'vitest';
import { ALGORITHMS, Stream } from '../src/index.ts';

const N = 1_000_000;

function meanVar(xs: ArrayLike<number>): { mean: number; variance: number } {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i] as number;
  const mean = sum / xs.length;
  let ss = 0;
  for (let i = 0; i < xs.length; i++) ss += ((xs[i] as number) - mean) ** 2;
  return { mean, variance: ss / (xs.length - 1) };
}

function chiSquare(counts: number[], expected: number[]): number {
  return counts.reduce(
    (acc, c, i) => acc + (c - (expected[i] as number)) ** 2 / (expected[i] as number),
    0,
  );
}

function draws(n: number, f: () => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f();
  return out;
}

describe('statistical sanity', () => {
  it.each(ALGORITHMS)('%s: random() over 1e6 draws has mean 1/2 and variance 1/12', (algorithm) => {
    const s = new Stream({ seed: 42, algorithm });
    const { mean, variance } = meanVar(draws(N, () => s.random()));
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / N));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(5 * Math.sqrt((1 / 80 - 1 / 144) / N));
  });

  it('normal() over 1e6 draws: mean 0, variance 1, 68.27 % within one sigma', () => {
    const s = new Stream({ seed: 7 });
    const xs = draws(N, () => s.normal());
    const { mean, variance } = meanVar(xs);
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(N));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
    let within = 0;
    for (const x of xs) if (Math.abs(x) < 1) within++;
    const p = 0.682689492137;
    expect(Math.abs(within / N - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / N));
  });

  it('integers(0, 10): chi-square over 1e6 draws below the p = 1e-6 critical value', () => {
    const s = new Stream({ seed: 11 });
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < N; i++) counts[s.integers(0, 10)]!++;
    // chi-square, 9 degrees of freedom: P(X > 44.8) = 1e-6 (and P(X > 27.9) = 0.001).
    expect(chiSquare(counts, new Array<number>(10).fill(N / 10))).toBeLessThan(44.8);
  });

  it('integers has no modulo bias on the 32-bit path (range 3·2^30)', () => {
    // Taking u mod n for u in [0, 2^32) would put half of all draws below 2^30 instead of
    // a third: the values below 2^32 - n would be hit twice as often.
    const s = new Stream({ seed: 12 });
    const n = 3 * 2 ** 30;
    const count = 200_000;
    let below = 0;
    for (let i = 0; i < count; i++) if (s.integers(0, n) < 2 ** 30) below++;
    expect(Math.abs(below / count - 1 / 3)).toBeLessThan(5 * Math.sqrt(2 / 9 / count));
    // A quarter of the 32-bit outputs are rejected, so draws exceed the values returned.
    expect(s.draws / count).toBeGreaterThan(1.3);
    expect(s.draws / count).toBeLessThan(1.37);
  });

  it('integers has no modulo bias on the 53-bit path (range 3·2^51)', () => {
    const s = new Stream({ seed: 13 });
    const n = 3 * 2 ** 51;
    const count = 200_000;
    let below = 0;
    for (let i = 0; i < count; i++) if (s.integers(0, n) < 2 ** 51) below++;
    expect(Math.abs(below / count - 1 / 3)).toBeLessThan(5 * Math.sqrt(2 / 9 / count));
  });

  it('choice with p follows p (chi-square, 1e5 draws)', () => {
    const s = new Stream({ seed: 14 });
    const p = [0.1, 0.2, 0.3, 0.4];
    const counts = [0, 0, 0, 0];
    for (const i of s.choice(4, 100_000, { p })) counts[i]!++;
    // 3 degrees of freedom: P(X > 30.7) = 1e-6.
    expect(
      chiSquare(
        counts,
        p.map((q) => q * 100_000),
      ),
    ).toBeLessThan(30.7);
  });

  it('choice without replacement, weighted: the first pick follows p', () => {
    const s = new Stream({ seed: 15 });
    const p = [0.1, 0.2, 0.3, 0.4];
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[s.choice(4, 2, { p, replace: false })[0]!]!++;
    expect(
      chiSquare(
        counts,
        p.map((q) => q * 40_000),
      ),
    ).toBeLessThan(30.7);
  });

  it('shuffle and choice without replacement are uniform over orderings', () => {
    const s = new Stream({ seed: 16 });
    const perms = new Map<string, number>();
    for (let i = 0; i < 60_000; i++) {
      const key = s.shuffle([0, 1, 2]).join('');
      perms.set(key, (perms.get(key) ?? 0) + 1);
    }
    expect(perms.size).toBe(6);
    // 5 degrees of freedom: P(X > 35.9) = 1e-6.
    expect(chiSquare([...perms.values()], new Array<number>(6).fill(10_000))).toBeLessThan(35.9);

    const pairs = new Map<string, number>();
    for (let i = 0; i < 40_000; i++) {
      const key = s.choice(5, 2, { replace: false }).join(',');
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
    expect(pairs.size).toBe(20);
    // 19 degrees of freedom: P(X > 63.7) = 1e-6.
    expect(chiSquare([...pairs.values()], new Array<number>(20).fill(2_000))).toBeLessThan(63.7);
  });
});
