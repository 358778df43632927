/**
 * A stream that draws what NumPy's `Generator` draws: `new NumpyStream({ seed })` gives
 * the numbers of `numpy.random.default_rng(seed)` (PCG64 seeded through SeedSequence), for
 * the same methods, arguments and sizes. A manager with `algorithm: 'numpy'` hands these out.
 */
import { describeValue } from './describeValue.js';
import { bounded, interval } from './numpy/bounded.js';
import { isPcg64State, Pcg64, type Pcg64State } from './numpy/pcg64.js';
import { standardNormal } from './numpy/ziggurat.js';
import { checkProbabilities } from './probabilities.js';
import { checkSeed } from './seed.js';
import {
  fillShape,
  reshape,
  shapeTotal,
  toShape,
  type NestedArray,
  type Size,
  type Sized,
} from './size.js';
import {
  Stream,
  stateProblem,
  type ChoiceOptions,
  type MutableArrayLike,
  type StreamState,
  type StreamSummary,
  type TypedArray,
} from './stream.js';
import { checkCount, checkFinite, invalid, isList } from './argChecks.js';

/** Options of the {@link NumpyStream} constructor. */
export interface NumpyStreamOptions {
  /** Integer in [0, 2^32): the seed given to `default_rng`. */
  seed: number;
  /** A label, used in messages and by the manager (default `''`). */
  name?: string;
}

/** Options of {@link NumpyStream.choice}: NumPy's `replace`, `p` and `shuffle`. */
export interface NumpyChoiceOptions extends ChoiceOptions {
  /** Without replacement, shuffle the drawn sample (NumPy's default true). */
  shuffle?: boolean;
}

/** The first index whose cumulative probability exceeds u (NumPy's `searchsorted(side='right')`). */
function searchRight(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cdf[mid] as number) <= u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** NumPy's `cdf = p.cumsum(); cdf /= cdf[-1]`. */
function normalisedCdf(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let acc = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = acc += p[i] as number;
  const total = cdf[cdf.length - 1] as number;
  for (let i = 0; i < cdf.length; i++) cdf[i] = (cdf[i] as number) / total;
  return cdf;
}

/**
 * A stream with NumPy `Generator` semantics, draw for draw: `random`, `integers`,
 * `uniform`, `normal`, `standardNormal`, `choice`, `shuffle` and `permutation` return
 * what `numpy.random.default_rng(seed)` returns for the same calls. `draws` counts
 * 64-bit PCG64 outputs.
 */
export class NumpyStream extends Stream {
  #bits: Pcg64;
  #npSeed: number;

  constructor(options: NumpyStreamOptions) {
    if (typeof options !== 'object' || options === null) {
      throw invalid(`NumpyStream options must be an object, got ${describeValue(options)}`);
    }
    super({
      seed: options.seed,
      algorithm: 'numpy',
      ...(options.name === undefined ? {} : { name: options.name }),
    });
    this.#npSeed = checkSeed(options.seed);
    this.#bits = new Pcg64(this.#npSeed);
  }

  override get seed(): number {
    return this.#npSeed;
  }

  /** 64-bit PCG64 outputs consumed so far. */
  override get draws(): number {
    return this.#bits.steps;
  }

  /** Floats in [0, 1): NumPy's `random()`, `(next64 >>> 11) · 2^-53`. */
  override random(size?: null): number;
  override random<const S extends Size>(size: S): Sized<number, S>;
  override random(size?: Size | null): number | NestedArray<number> {
    const g = this.#bits;
    if (size == null) return g.nextDouble();
    return fillShape(toShape(size), () => g.nextDouble());
  }

  /**
   * Integers in [low, high) as NumPy's `integers(low, high, size)` (int64, high exclusive);
   * `integers(n)` is [0, n). Bounds are safe integers with `high − low ≤ 2^53 − 1`.
   */
  override integers(low: number, high?: number | null, size?: null): number;
  override integers<const S extends Size>(
    low: number,
    high: number | null | undefined,
    size: S,
  ): Sized<number, S>;
  override integers(
    low: number,
    high?: number | null,
    size?: Size | null,
  ): number | NestedArray<number> {
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
    const g = this.#bits;
    const span = range - 1;
    const base = lo;
    if (size == null) return base + bounded(g, span);
    return fillShape(toShape(size), () => base + bounded(g, span));
  }

  /** Floats `low + (high − low) · random()`, as NumPy's `uniform` (default [0, 1); low ≤ high). */
  override uniform(low?: number, high?: number, size?: null): number;
  override uniform<const S extends Size>(
    low: number | undefined,
    high: number | undefined,
    size: S,
  ): Sized<number, S>;
  override uniform(low = 0, high = 1, size?: Size | null): number | NestedArray<number> {
    checkFinite(low, 'uniform(): low');
    checkFinite(high, 'uniform(): high');
    const span = high - low;
    if (!(span >= 0) || !Number.isFinite(span)) {
      throw invalid(`uniform(): need low ≤ high with a finite difference, got [${low}, ${high})`);
    }
    const g = this.#bits;
    if (size == null) return low + span * g.nextDouble();
    return fillShape(toShape(size), () => low + span * g.nextDouble());
  }

  /** Normal deviates `loc + scale · standardNormal()`, NumPy's ziggurat (no cached spare). */
  override normal(loc?: number, scale?: number, size?: null): number;
  override normal<const S extends Size>(
    loc: number | undefined,
    scale: number | undefined,
    size: S,
  ): Sized<number, S>;
  override normal(loc = 0, scale = 1, size?: Size | null): number | NestedArray<number> {
    checkFinite(loc, 'normal(): loc');
    checkFinite(scale, 'normal(): scale');
    if (scale < 0) throw invalid(`normal(): scale must be ≥ 0, got ${scale}`);
    const g = this.#bits;
    if (size == null) return loc + scale * standardNormal(g);
    return fillShape(toShape(size), () => loc + scale * standardNormal(g));
  }

  /** Standard normal deviates, NumPy's `standard_normal(size)`. */
  standardNormal(size?: null): number;
  standardNormal<const S extends Size>(size: S): Sized<number, S>;
  standardNormal(size?: Size | null): number | NestedArray<number> {
    const g = this.#bits;
    if (size == null) return standardNormal(g);
    return fillShape(toShape(size), () => standardNormal(g));
  }

  /**
   * NumPy's `choice(a, size, replace, p, shuffle=True)` along the first axis: elements of
   * `a`, or integers in [0, a) when `a` is a count.
   */
  override choice(a: number, size?: null, options?: NumpyChoiceOptions): number;
  override choice<const S extends Size>(
    a: number,
    size: S,
    options?: NumpyChoiceOptions,
  ): Sized<number, S>;
  override choice<T>(a: ArrayLike<T>, size?: null, options?: NumpyChoiceOptions): T;
  override choice<T, const S extends Size>(
    a: ArrayLike<T>,
    size: S,
    options?: NumpyChoiceOptions,
  ): Sized<T, S>;
  override choice<T>(
    a: ArrayLike<T> | number,
    size?: Size | null,
    options: NumpyChoiceOptions = {},
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
    const shuffle = options.shuffle ?? true;
    for (const [what, v] of [
      ['replace', replace],
      ['shuffle', shuffle],
    ] as const) {
      if (typeof v !== 'boolean') {
        throw invalid(`choice(): ${what} must be true or false, got ${describeValue(v)}`);
      }
    }
    const p = options.p == null ? null : checkProbabilities(options.p, n);
    const shape = size == null ? null : toShape(size);
    const k = shape === null ? 1 : shapeTotal(shape);
    if (n === 0 && k > 0) {
      throw invalid('choice(): a cannot be empty unless no samples are taken');
    }
    const g = this.#bits;
    let indices: number[] = [];
    if (replace) {
      if (p) {
        const cdf = normalisedCdf(p);
        for (let i = 0; i < k; i++) indices.push(searchRight(cdf, g.nextDouble()));
      } else {
        for (let i = 0; i < k; i++) indices.push(bounded(g, n - 1));
      }
    } else if (k > n) {
      throw invalid(
        `choice(): cannot draw ${k} distinct elements from ${n}; pass { replace: true } or a smaller size`,
      );
    } else if (p) {
      let positive = 0;
      for (const w of p) if (w > 0) positive++;
      if (positive < k) {
        throw invalid(
          `choice(): cannot draw ${k} distinct elements when only ${positive} have non-zero probability`,
        );
      }
      const weights = Float64Array.from(p);
      while (indices.length < k) {
        const xs: number[] = [];
        for (let i = indices.length; i < k; i++) xs.push(g.nextDouble());
        for (const f of indices) weights[f] = 0;
        const cdf = normalisedCdf(weights);
        const seen = new Set<number>();
        for (const x of xs) {
          const j = searchRight(cdf, x);
          if (!seen.has(j)) {
            seen.add(j);
            indices.push(j);
          }
        }
      }
    } else if (n > 10000 && k > Math.floor(n / (shuffle ? 50 : 20))) {
      // NumPy's tail shuffle of the whole index range.
      const idx: number[] = [];
      for (let i = 0; i < n; i++) idx.push(i);
      shuffleInt(g, idx, Math.max(n - k, 1));
      indices = idx.slice(n - k);
    } else {
      // Floyd's algorithm, then a shuffle of the sample.
      const taken = new Set<number>();
      for (let j = n - k; j < n; j++) {
        const v = bounded(g, j);
        const pick = taken.has(v) ? j : v;
        taken.add(pick);
        indices.push(pick);
      }
      if (shuffle) shuffleInt(g, indices, 1);
    }
    const values = indices.map(at);
    return shape === null ? (values[0] as T | number) : reshape(values, shape);
  }

  /** Shuffles in place along the first axis as NumPy's `shuffle` (returns `x`). */
  override shuffle<A extends MutableArrayLike>(x: A): A {
    if (!isList(x)) throw invalid(`shuffle(): expected an array, got ${describeValue(x)}`);
    const g = this.#bits;
    for (let i = x.length - 1; i > 0; i--) {
      const j = interval(g, i);
      const t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
    return x;
  }

  /** NumPy's `permutation`: `permutation(n)` shuffles 0 … n − 1; an array is copied, then shuffled. */
  override permutation(x: number): number[];
  override permutation<A extends TypedArray>(x: A): A;
  override permutation<T>(x: readonly T[]): T[];
  override permutation<T>(x: number | readonly T[] | TypedArray): number[] | T[] | TypedArray {
    if (typeof x === 'number') {
      const n = checkCount(x, 'permutation(): n');
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push(i);
      return this.shuffle(out);
    }
    if (!isList(x)) {
      throw invalid(`permutation(): expected an array or a count, got ${describeValue(x)}`);
    }
    return this.shuffle(x.slice());
  }

  /** Everything needed to continue exactly here: the PCG64 state and its pending 32-bit half. */
  override getState(): StreamState {
    return {
      algorithm: 'numpy',
      seed: this.#npSeed,
      draws: this.#bits.steps,
      generator: this.#bits.getState() as unknown as StreamState['generator'],
      spare: null,
    };
  }

  /**
   * Moves the stream to a state from {@link getState}.
   * @throws RngError `RNG_INVALID_ARGUMENT` when the state is malformed.
   */
  override setState(state: StreamState): void {
    const problem =
      stateProblem(state, 'numpy') ??
      (isPcg64State(state.generator) ? null : 'generator is not a PCG64 state');
    if (problem) throw invalid(`setState(): ${problem}`);
    this.#npSeed = state.seed;
    this.#bits.setState(state.generator as unknown as Pcg64State, state.draws);
  }

  override toJSON(): StreamSummary {
    return { seed: this.#npSeed, draws: this.#bits.steps };
  }
}

/** NumPy's `_shuffle_int(n, first, data)`: swaps from the end down to `first` with Lemire draws. */
function shuffleInt(g: Pcg64, data: number[], first: number): void {
  for (let i = data.length - 1; i >= first; i--) {
    const j = bounded(g, i);
    const t = data[i] as number;
    data[i] = data[j] as number;
    data[j] = t;
  }
}
