/**
 * A seeded random stream with NumPy `Generator` vocabulary. Every value is built from the
 * generator's 32-bit outputs, and the stream counts them (`draws`), so its position can be
 * recorded, saved and restored exactly.
 */
import {
  checkAlgorithm,
  createGenerator,
  DEFAULT_ALGORITHM,
  isGeneratorState,
  type Algorithm,
  type Generator,
  type GeneratorState,
} from './algorithms.js';
import { describeValue } from './describeValue.js';
import { distinctIndices, weightedDistinctIndices } from './distinctIndices.js';
import { checkProbabilities, cumulative, searchCumulative } from './probabilities.js';
import { checkSeed, isSeed } from './seed.js';
import {
  fillShape,
  reshape,
  shapeTotal,
  toShape,
  type NestedArray,
  type Size,
  type Sized,
} from './size.js';
import { checkCount, checkFinite, invalid, isList } from './argChecks.js';

/** Everything needed to continue a stream exactly where it was; plain JSON data. */
export interface StreamState {
  /** The generator algorithm. */
  algorithm: Algorithm;
  /** The stream's own seed (for a named stream: `deriveSeed(masterSeed, name)`). */
  seed: number;
  /** 32-bit generator outputs consumed so far. */
  draws: number;
  /** The generator's state, in seedrandom's `{ state: true }` form. */
  generator: GeneratorState;
  /** The cached second deviate of the last `normal()` pair, or null. */
  spare: number | null;
}

/** Options of {@link Stream.choice}. */
export interface ChoiceOptions {
  /** Draw with replacement (default true). Without it every element is drawn at most once. */
  replace?: boolean;
  /** Probability of each element; must match the population's length and sum to 1. */
  p?: ArrayLike<number> | null;
}

/** Options of the {@link Stream} constructor. */
export interface StreamOptions {
  /** Integer in [0, 2^32) that seeds the generator directly. */
  seed: number;
  /** Generator algorithm (default `'tychei'`). */
  algorithm?: Algorithm;
  /** A label, used in messages and by the manager (default `''`). */
  name?: string;
}

/** Arrays and typed arrays: what `shuffle` can reorder in place. */
export interface MutableArrayLike<T = unknown> {
  readonly length: number;
  [index: number]: T;
}

/** Any typed array (what `permutation` copies with the same element type). */
export type TypedArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

/** JSON summary of a stream, as recorded in a session's CONFIG. */
export interface StreamSummary {
  /** The stream's seed. */
  seed: number;
  /** 32-bit generator outputs consumed so far. */
  draws: number;
}

const TWO_POW_32 = 0x1_0000_0000;
const TWO_POW_53 = 9007199254740992;
const TWO_POW_MINUS_53 = 1 / TWO_POW_53;

/**
 * A seeded stream of random numbers. Get named ones from `RandomStateManager.get(name)`;
 * construct one directly only when you manage its seed yourself.
 *
 * Floats carry 53 random bits, built from two 32-bit outputs as
 * `((a >>> 5) · 2^26 + (b >>> 6)) / 2^53`, so they lie in [0, 1) and can be 0, like NumPy.
 */
export class Stream {
  /** The stream's name (`''` for an unnamed stream). */
  readonly name: string;
  /** The generator algorithm. */
  readonly algorithm: Algorithm;
  #seed: number;
  #generator: Generator;
  #draws = 0;
  #spare = 0;
  #hasSpare = false;

  constructor(options: StreamOptions) {
    if (typeof options !== 'object' || options === null) {
      throw invalid(`Stream options must be an object, got ${describeValue(options)}`);
    }
    const name = options.name === undefined ? '' : options.name;
    if (typeof name !== 'string') {
      throw invalid(`stream name must be a string, got ${describeValue(name)}`);
    }
    this.name = name;
    this.algorithm = checkAlgorithm(
      options.algorithm === undefined ? DEFAULT_ALGORITHM : options.algorithm,
    );
    if (this.algorithm === 'numpy' && new.target === Stream) {
      throw invalid(
        "a 'numpy' stream has NumPy's methods: use new NumpyStream({ seed }) or a manager with algorithm 'numpy'",
      );
    }
    this.#seed = checkSeed(options.seed);
    this.#generator = createGenerator(this.algorithm, this.#seed);
  }

  /** The seed the generator was started from. */
  get seed(): number {
    return this.#seed;
  }

  /** 32-bit generator outputs consumed so far (a float uses 2, a small integer ≥ 1). */
  get draws(): number {
    return this.#draws;
  }

  /** Uniform integer in [0, 2^32). */
  #u32(): number {
    this.#draws += 1;
    return this.#generator.next() >>> 0;
  }

  /** Uniform integer in [0, 2^53). */
  #u53(): number {
    const g = this.#generator;
    const hi = g.next() >>> 5;
    const lo = g.next() >>> 6;
    this.#draws += 2;
    return hi * 67108864 + lo;
  }

  #float(): number {
    return this.#u53() * TWO_POW_MINUS_53;
  }

  /** Uniform integer in [0, n) for a safe integer n ≥ 1, without modulo bias. */
  #below(n: number): number {
    if (n <= TWO_POW_32) {
      // Reject the lowest (2^32 mod n) values: what is left is a whole number of
      // copies of [0, n), so every residue is equally likely.
      const threshold = TWO_POW_32 % n;
      let u = this.#u32();
      while (u < threshold) u = this.#u32();
      return u % n;
    }
    const threshold = TWO_POW_53 % n;
    let m = this.#u53();
    while (m < threshold) m = this.#u53();
    return m % n;
  }

  /** Standard normal deviate: Marsaglia's polar method, keeping the pair's second value. */
  #gauss(): number {
    if (this.#hasSpare) {
      this.#hasSpare = false;
      return this.#spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.#float() - 1;
      v = 2 * this.#float() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    this.#spare = v * m;
    this.#hasSpare = true;
    return u * m;
  }

  /**
   * Uniform floats in [0, 1) with 53 random bits.
   * @param size count or shape; omitted → a single number.
   */
  random(size?: null): number;
  random<const S extends Size>(size: S): Sized<number, S>;
  random(size?: Size | null): number | NestedArray<number> {
    if (size == null) {
      // The hot path, kept free of helper calls.
      const g = this.#generator;
      const hi = g.next() >>> 5;
      const lo = g.next() >>> 6;
      this.#draws += 2;
      return (hi * 67108864 + lo) * TWO_POW_MINUS_53;
    }
    return fillShape(toShape(size), () => this.#float());
  }

  /**
   * Uniform integers in [low, high) — high exclusive, no modulo bias. With one argument,
   * in [0, low). Both bounds must be safe integers with `high - low` ≤ 2^53 − 1.
   */
  integers(low: number, high?: number | null, size?: null): number;
  integers<const S extends Size>(
    low: number,
    high: number | null | undefined,
    size: S,
  ): Sized<number, S>;
  integers(low: number, high?: number | null, size?: Size | null): number | NestedArray<number> {
    let lo = low;
    let hi = high;
    if (hi == null) {
      lo = 0;
      hi = low;
    }
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi)) {
      const [v, what] = Number.isSafeInteger(lo) ? [hi, 'high'] : [lo, 'low'];
      throw invalid(`integers(): ${what} must be a safe integer, got ${describeValue(v)}`);
    }
    const range = hi - lo;
    if (!(range >= 1)) {
      throw invalid(`integers(): high (${hi}) must be greater than low (${lo}); high is exclusive`);
    }
    if (!Number.isSafeInteger(range)) {
      throw invalid(`integers(): high - low must be at most 2^53 - 1, got [${lo}, ${hi})`);
    }
    if (size == null) return lo + this.#below(range);
    const shape = toShape(size);
    const base = lo;
    return fillShape(shape, () => base + this.#below(range));
  }

  /**
   * Uniform floats in [low, high) (default [0, 1)). Rounding could land on `high`
   * itself; such draws are redrawn, so `high` is never returned unless `low === high`.
   */
  uniform(low?: number, high?: number, size?: null): number;
  uniform<const S extends Size>(
    low: number | undefined,
    high: number | undefined,
    size: S,
  ): Sized<number, S>;
  uniform(low = 0, high = 1, size?: Size | null): number | NestedArray<number> {
    checkFinite(low, 'uniform(): low');
    checkFinite(high, 'uniform(): high');
    const span = high - low;
    if (!(span >= 0) || !Number.isFinite(span)) {
      throw invalid(`uniform(): need low ≤ high with a finite difference, got [${low}, ${high})`);
    }
    const one = (): number => {
      let r = low + span * this.#float();
      while (r >= high && span > 0) r = low + span * this.#float();
      return r;
    };
    return size == null ? one() : fillShape(toShape(size), one);
  }

  /**
   * Normal (Gaussian) deviates with mean `loc` (default 0) and standard deviation `scale`
   * (default 1, must be ≥ 0), by Marsaglia's polar method. Values come in pairs; the
   * second is kept for the next call and saved in checkpoints.
   */
  normal(loc?: number, scale?: number, size?: null): number;
  normal<const S extends Size>(
    loc: number | undefined,
    scale: number | undefined,
    size: S,
  ): Sized<number, S>;
  normal(loc = 0, scale = 1, size?: Size | null): number | NestedArray<number> {
    checkFinite(loc, 'normal(): loc');
    checkFinite(scale, 'normal(): scale');
    if (scale < 0) throw invalid(`normal(): scale must be ≥ 0, got ${scale}`);
    if (size == null) return loc + scale * this.#gauss();
    return fillShape(toShape(size), () => loc + scale * this.#gauss());
  }

  /**
   * Random elements of `a` (an array or typed array), or of `[0, a)` when `a` is a count.
   * With `replace: false` no element is drawn twice; with `p` element i is drawn with
   * probability `p[i]` (without replacement: proportionally among those not drawn yet).
   */
  choice(a: number, size?: null, options?: ChoiceOptions): number;
  choice<const S extends Size>(a: number, size: S, options?: ChoiceOptions): Sized<number, S>;
  choice<T>(a: ArrayLike<T>, size?: null, options?: ChoiceOptions): T;
  choice<T, const S extends Size>(a: ArrayLike<T>, size: S, options?: ChoiceOptions): Sized<T, S>;
  choice<T>(
    a: ArrayLike<T> | number,
    size?: Size | null,
    options: ChoiceOptions = {},
  ): T | number | NestedArray<T | number> {
    let n: number;
    let at: (i: number) => T | number;
    if (typeof a === 'number') {
      n = checkCount(a, 'choice(): a');
      at = (i) => i;
    } else if (isList(a)) {
      const list = a as ArrayLike<T>;
      n = list.length;
      at = (i) => list[i] as T;
    } else {
      throw invalid(`choice(): a must be an array or a count, got ${describeValue(a)}`);
    }
    if (typeof options !== 'object' || options === null) {
      throw invalid(`choice(): options must be an object, got ${describeValue(options)}`);
    }
    const replace = options.replace ?? true;
    if (typeof replace !== 'boolean') {
      throw invalid(`choice(): replace must be true or false, got ${describeValue(replace)}`);
    }
    const p = options.p == null ? null : checkProbabilities(options.p, n);
    const shape = size == null ? null : toShape(size);
    const k = shape === null ? 1 : shapeTotal(shape);
    if (k > 0 && n === 0) throw invalid('choice(): cannot choose from an empty population');

    let indices: number[];
    if (replace) {
      const cdf = p && cumulative(p);
      const one = cdf
        ? (): number => searchCumulative(cdf, this.#float())
        : (): number => this.#below(n);
      indices = [];
      for (let i = 0; i < k; i++) indices.push(one());
    } else if (p) {
      let positive = 0;
      for (const w of p) if (w > 0) positive++;
      if (k > positive) {
        throw invalid(
          `choice(): cannot draw ${k} distinct elements when only ${positive} have non-zero probability`,
        );
      }
      indices = weightedDistinctIndices(p, k, () => this.#float());
    } else {
      if (k > n) {
        throw invalid(
          `choice(): cannot draw ${k} distinct elements from ${n}; pass { replace: true } or a smaller size`,
        );
      }
      indices = distinctIndices(n, k, (m) => this.#below(m));
    }
    const values = indices.map(at);
    return shape === null ? (values[0] as T | number) : reshape(values, shape);
  }

  /**
   * Shuffles an array or typed array in place (Fisher–Yates) and returns it. For nested
   * arrays this reorders the rows, like NumPy's `shuffle` along the first axis.
   */
  shuffle<A extends MutableArrayLike>(x: A): A {
    if (!isList(x)) throw invalid(`shuffle(): expected an array, got ${describeValue(x)}`);
    for (let i = x.length - 1; i > 0; i--) {
      const j = this.#below(i + 1);
      const t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
    return x;
  }

  /**
   * A shuffled copy: `permutation(n)` → the integers 0 … n-1 in random order;
   * `permutation(array)` → a shuffled copy of the same kind (the input is untouched).
   */
  permutation(x: number): number[];
  permutation<A extends TypedArray>(x: A): A;
  permutation<T>(x: readonly T[]): T[];
  permutation<T>(x: number | readonly T[] | TypedArray): number[] | T[] | TypedArray {
    if (typeof x === 'number') {
      const n = checkCount(x, 'permutation(): n');
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push(i);
      return this.shuffle(out);
    }
    if (!isList(x))
      throw invalid(`permutation(): expected an array or a count, got ${describeValue(x)}`);
    return this.shuffle(x.slice());
  }

  /** A JSON-safe copy of everything needed to continue this stream exactly here. */
  getState(): StreamState {
    return {
      algorithm: this.algorithm,
      seed: this.#seed,
      draws: this.#draws,
      generator: this.#generator.state(),
      spare: this.#hasSpare ? this.#spare : null,
    };
  }

  /**
   * Moves the stream to a state from {@link getState} (of a stream of the same
   * algorithm). The state object is copied, not kept.
   * @throws RngError `RNG_INVALID_ARGUMENT` when the state is malformed.
   */
  setState(state: StreamState): void {
    const problem = stateProblem(state, this.algorithm);
    if (problem) throw invalid(`setState(): ${problem}`);
    this.#seed = state.seed;
    this.#generator = createGenerator(this.algorithm, state.seed, state.generator);
    this.#draws = state.draws;
    this.#hasSpare = state.spare !== null;
    this.#spare = state.spare ?? 0;
  }

  /** `{ seed, draws }`, for JSON records such as a session's CONFIG. */
  toJSON(): StreamSummary {
    return { seed: this.#seed, draws: this.#draws };
  }
}

/**
 * What is wrong with `state` as a state of an `algorithm` stream, or null if nothing.
 * Shared by `setState` and checkpoint loading.
 */
export function stateProblem(state: unknown, algorithm: Algorithm): string | null {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) {
    return `a stream state must be an object, got ${describeValue(state)}`;
  }
  const s = state as Record<string, unknown>;
  if (s['algorithm'] !== algorithm) {
    return `the state is for algorithm ${describeValue(s['algorithm'])}, the stream uses '${algorithm}'`;
  }
  if (!isSeed(s['seed']))
    return `seed must be an integer in [0, 2^32), got ${describeValue(s['seed'])}`;
  const draws = s['draws'];
  if (typeof draws !== 'number' || !Number.isSafeInteger(draws) || draws < 0) {
    return `draws must be a non-negative integer, got ${describeValue(draws)}`;
  }
  if (!isGeneratorState(algorithm, s['generator'])) {
    return `generator is not a valid ${algorithm} state`;
  }
  const spare = s['spare'];
  if (spare !== null && (typeof spare !== 'number' || !Number.isFinite(spare))) {
    return `spare must be null or a finite number, got ${describeValue(spare)}`;
  }
  return null;
}
