/**
 * NumPy's legacy global generator: what `np.random.seed(seed)` leaves in `np.random.*`
 * (a `RandomState(seed)`: MT19937 seeded by `init_genrand`). `rand`, `randn`, `randint`,
 * `shuffle` and `permutation` draw what NumPy's legacy functions draw.
 */
import { describeValue } from './describeValue.js';
import { maskFor } from './numpy/bounded.js';
import { correctLog } from './numpy/correctLog.js';
import { Mt19937, type Mt19937State } from './numpy/mt19937.js';
import { checkSeed } from './seed.js';
import { fillShape, toShape, type NestedArray, type Size, type Sized } from './size.js';
import type { MutableArrayLike, TypedArray } from './stream.js';
import { invalid, isList } from './argChecks.js';

const TWO_32 = 0x1_0000_0000;

/** A legacy generator's state: MT19937 plus the cached second deviate of `randn`. */
export interface LegacyState {
  /** The seed given to `np.random.seed`. */
  seed: number;
  /** The Mersenne Twister's state. */
  mt: Mt19937State;
  /** The deviate `randn` keeps for its next call, or null. */
  gauss: number | null;
}

function dims(args: readonly number[]): Size | null {
  return args.length === 0 ? null : args;
}

/**
 * `numpy.random.RandomState(seed)` — the state `np.random.seed(seed)` leaves behind. Get the
 * manager's with `rng.legacy()`.
 */
export class LegacyRandomState {
  #seed: number;
  readonly #mt = new Mt19937();
  #gauss = 0;
  #hasGauss = false;

  constructor(seed: number) {
    this.#seed = checkSeed(seed);
    this.#mt.initGenrand(this.#seed);
  }

  /** The seed it was started from. */
  get seed(): number {
    return this.#seed;
  }

  /** 32-bit MT19937 outputs consumed so far. */
  get draws(): number {
    return this.#mt.draws;
  }

  #gaussian(): number {
    if (this.#hasGauss) {
      this.#hasGauss = false;
      return this.#gauss;
    }
    const mt = this.#mt;
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * mt.nextDouble() - 1;
      x2 = 2 * mt.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * correctLog(r2)) / r2);
    this.#gauss = f * x1;
    this.#hasGauss = true;
    return f * x2;
  }

  /** `random_sample(size)`: floats in [0, 1). */
  randomSample(size?: null): number;
  randomSample<const S extends Size>(size: S): Sized<number, S>;
  randomSample(size?: Size | null): number | NestedArray<number> {
    const mt = this.#mt;
    if (size == null) return mt.nextDouble();
    return fillShape(toShape(size), () => mt.nextDouble());
  }

  /** `rand(d0, d1, …)`: floats in [0, 1) in the given shape; no arguments → one float. */
  rand(...shape: number[]): number | NestedArray<number> {
    const size = dims(shape);
    return size === null ? this.randomSample() : this.randomSample(size);
  }

  /** `randn(d0, d1, …)`: standard normals by the legacy polar method (pairs; one is cached). */
  randn(...shape: number[]): number | NestedArray<number> {
    const size = dims(shape);
    if (size === null) return this.#gaussian();
    return fillShape(toShape(size), () => this.#gaussian());
  }

  /**
   * `randint(low, high, size)`: integers in [low, high) (int64; `randint(n)` is [0, n)) by
   * NumPy's masked rejection. Bounds are safe integers with `high − low ≤ 2^53 − 1`.
   */
  randint(low: number, high?: number | null, size?: null): number;
  randint<const S extends Size>(
    low: number,
    high: number | null | undefined,
    size: S,
  ): Sized<number, S>;
  randint(low: number, high?: number | null, size?: Size | null): number | NestedArray<number> {
    let lo = low;
    let hi = high;
    if (hi == null) {
      lo = 0;
      hi = low;
    }
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || !Number.isSafeInteger(hi - lo)) {
      throw invalid(
        `randint(): bounds must be safe integers, got ${describeValue(lo)}, ${describeValue(hi)}`,
      );
    }
    if (!(hi - lo >= 1)) throw invalid(`randint(): high (${hi}) must be greater than low (${lo})`);
    const rng = hi - lo - 1;
    const base = lo;
    const one = (): number => base + this.#masked(rng);
    return size == null ? one() : fillShape(toShape(size), one);
  }

  /** Uniform in [0, rng] by masked rejection: NumPy's legacy bounded integers. */
  #masked(rng: number): number {
    const mt = this.#mt;
    if (rng === 0) return 0;
    if (rng === 0xffffffff) return mt.next32();
    const mask = maskFor(rng);
    let v: number;
    if (rng < 0xffffffff) {
      do v = (mt.next32() & mask) >>> 0;
      while (v > rng);
      return v;
    }
    const maskHi = Math.floor(mask / TWO_32);
    do {
      const a = mt.next32();
      const b = mt.next32();
      v = (a & maskHi) * TWO_32 + b;
    } while (v > rng);
    return v;
  }

  /** Uniform in [0, max] by masked rejection (`random_interval`). */
  #interval(max: number): number {
    if (max === 0) return 0;
    const mask = maskFor(max);
    const mt = this.#mt;
    if (max <= 0xffffffff) {
      let v: number;
      do v = (mt.next32() & mask) >>> 0;
      while (v > max);
      return v;
    }
    const maskHi = Math.floor(mask / TWO_32);
    let v: number;
    do {
      const a = mt.next32();
      const b = mt.next32();
      v = (a & maskHi) * TWO_32 + b;
    } while (v > max);
    return v;
  }

  /** `shuffle(x)`: in place along the first axis; returns `x`. */
  shuffle<A extends MutableArrayLike>(x: A): A {
    if (!isList(x)) throw invalid(`shuffle(): expected an array, got ${describeValue(x)}`);
    for (let i = x.length - 1; i > 0; i--) {
      const j = this.#interval(i);
      const t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
    return x;
  }

  /** `permutation(n)` or a shuffled copy of an array. */
  permutation(x: number): number[];
  permutation<A extends TypedArray>(x: A): A;
  permutation<T>(x: readonly T[]): T[];
  permutation<T>(x: number | readonly T[] | TypedArray): number[] | T[] | TypedArray {
    if (typeof x === 'number') {
      if (!Number.isSafeInteger(x) || x < 0) {
        throw invalid(`permutation(): n must be a non-negative integer, got ${describeValue(x)}`);
      }
      const out: number[] = [];
      for (let i = 0; i < x; i++) out.push(i);
      return this.shuffle(out);
    }
    if (!isList(x))
      throw invalid(`permutation(): expected an array or a count, got ${describeValue(x)}`);
    return this.shuffle(x.slice());
  }

  /** A JSON-safe copy of the state (MT19937 words, position, cached deviate). */
  getState(): LegacyState {
    return {
      seed: this.#seed,
      mt: this.#mt.getState(),
      gauss: this.#hasGauss ? this.#gauss : null,
    };
  }

  /** Continues from a {@link getState} result. */
  setState(state: LegacyState, draws = 0): void {
    this.#seed = checkSeed(state.seed);
    this.#mt.setState(state.mt, draws);
    this.#hasGauss = state.gauss !== null;
    this.#gauss = state.gauss ?? 0;
  }
}
