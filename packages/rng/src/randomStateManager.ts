/**
 * The manager: one master seed, named streams derived from it, the `Math.random` patch,
 * temporary re-seeding, value verification and checkpoints.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { checkAlgorithm, DEFAULT_ALGORITHM, type Algorithm } from './algorithms.js';
import { writeFileAtomic } from './atomicWrite.js';
import {
  CHECKPOINT_FORMAT,
  CHECKPOINT_VERSION,
  readCheckpoint,
  type Checkpoint,
} from './checkpoint.js';
import { describeValue } from './describeValue.js';
import { RngError } from './errors.js';
import { hashValue, pythonHash } from './hashValue.js';
import { LegacyRandomState } from './legacyRandomState.js';
import { installMathRandom } from './mathRandomPatch.js';
import { NumpyStream } from './numpyStream.js';
import { PythonRandomStream } from './pythonRandomStream.js';
import { checkSeed } from './seed.js';
import type { NestedArray, Size, Sized } from './size.js';
import {
  Stream,
  type ChoiceOptions,
  type MutableArrayLike,
  type StreamSummary,
  type TypedArray,
} from './stream.js';
import { DEFAULT_STREAM, MATH_RANDOM_STREAM } from './streamNames.js';
import { streamSeed } from './streamSeed.js';
import { recordOnce } from './verifyCache.js';
import { invalid } from './argChecks.js';

export { DEFAULT_STREAM, MATH_RANDOM_STREAM };
/** Where `verify` keeps its hashes, relative to the current directory, unless told otherwise. */
export const DEFAULT_CACHE_DIR = '.scitex/rng';

/** Options of {@link RandomStateManager}. */
export interface RandomStateManagerOptions {
  /** Master seed, an integer in [0, 2^32). Default 42. */
  seed?: number;
  /**
   * Generator algorithm of every stream. Default `'tychei'`. `'numpy'` draws NumPy's and
   * Python's numbers: named streams as `numpy.random.default_rng(deriveSeed(seed, name))`,
   * `Math.random` as `random.random()` after `random.seed(seed)`, `legacy()` as
   * `np.random.seed(seed)`.
   */
  algorithm?: Algorithm;
  /**
   * Directory of the `verify` cache. Default `.scitex/rng` under the current directory,
   * resolved at the first `verify` (nothing is created before that).
   */
  cacheDir?: string;
}

/** Options of {@link RandomStateManager.verify}. */
export interface VerifyOptions {
  /** On a mismatch, throw `RNG_VERIFY_MISMATCH` (default true) or return false. */
  throw?: boolean;
}

/** Options of {@link RandomStateManager.restore}. */
export interface RestoreOptions {
  /** Directory of the restored manager's `verify` cache (see the constructor). */
  cacheDir?: string;
}

/** `toJSON()` of a manager: what a session records as `CONFIG.RNG`. */
export interface RngSummary {
  /** Master seed. */
  seed: number;
  /** Generator algorithm. */
  algorithm: Algorithm;
  /** Each stream's derived seed and 32-bit draws consumed, by name (sorted). */
  streams: Record<string, StreamSummary>;
}

/** The function `patchMathRandom` returns: undoes that patch; also a `Disposable`. */
export interface MathRandomRestore {
  (): void;
  [Symbol.dispose](): void;
}

interface Patch {
  readonly uninstall: () => void;
  depth: number;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Seeded, named, auditable random streams.
 *
 * ```ts
 * const rng = new RandomStateManager({ seed: 42 });
 * rng.get('data').random();   // stream 'data', seeded with deriveSeed(42, 'data')
 * rng.random([10, 10]);       // the 'default' stream
 * ```
 */
export class RandomStateManager {
  /** Generator algorithm of every stream. */
  readonly algorithm: Algorithm;
  #seed: number;
  readonly #streams = new Map<string, Stream>();
  #default: Stream | undefined;
  readonly #cacheDirOption: string | undefined;
  #cacheDir: string | undefined;
  #patch: Patch | undefined;
  #legacy: LegacyRandomState | undefined;

  constructor(options: RandomStateManagerOptions = {}) {
    if (typeof options !== 'object' || options === null) {
      throw invalid(`RandomStateManager options must be an object, got ${describeValue(options)}`);
    }
    // Only a missing value means "default": an explicit null is refused like any bad value.
    this.#seed = checkSeed(options.seed === undefined ? 42 : options.seed);
    this.algorithm = checkAlgorithm(
      options.algorithm === undefined ? DEFAULT_ALGORITHM : options.algorithm,
    );
    const cacheDir = options.cacheDir;
    if (cacheDir !== undefined && (typeof cacheDir !== 'string' || cacheDir === '')) {
      throw invalid(`cacheDir must be a non-empty path, got ${describeValue(cacheDir)}`);
    }
    this.#cacheDirOption = cacheDir;
  }

  /** The master seed (inside `withSeed`, the temporary one). */
  get seed(): number {
    return this.#seed;
  }

  /**
   * Absolute directory of the `verify` cache. Resolved against the current directory the
   * first time it is needed, then fixed; never created until `verify` writes to it.
   */
  get cacheDir(): string {
    return (this.#cacheDir ??= resolve(this.#cacheDirOption ?? DEFAULT_CACHE_DIR));
  }

  /**
   * The stream called `name`, seeded with `deriveSeed(seed, name)` and created on first
   * use. Later calls return the same stream, which continues where it was. The order
   * in which streams are created does not change what any of them produces.
   */
  get(name: string): Stream {
    let stream = this.#streams.get(name);
    if (stream === undefined) {
      stream = this.#create(name, this.#seed);
      this.#streams.set(name, stream);
    }
    return stream;
  }

  /** A fresh stream `name` under master seed `seed`. */
  #create(name: string, seed: number): Stream {
    const own = streamSeed(this.algorithm, seed, name);
    if (this.algorithm !== 'numpy')
      return new Stream({ seed: own, algorithm: this.algorithm, name });
    return name === MATH_RANDOM_STREAM
      ? new PythonRandomStream({ seed: own, name })
      : new NumpyStream({ seed: own, name });
  }

  /**
   * NumPy's legacy global generator as `np.random.seed(seed)` leaves it
   * (`RandomState(seed)`): `rand`, `randn`, `randint`, `shuffle`, `permutation`. Created on
   * first use, then continued; `withSeed` re-seeds it like the original's `temporary_seed`.
   * Available with every algorithm: it does not depend on the streams.
   */
  legacy(): LegacyRandomState {
    return (this.#legacy ??= new LegacyRandomState(this.#seed));
  }

  get #main(): Stream {
    return (this.#default ??= this.get(DEFAULT_STREAM));
  }

  /** `get('default').random(size)`. */
  random(size?: null): number;
  random<const S extends Size>(size: S): Sized<number, S>;
  random(size?: Size | null): number | NestedArray<number> {
    return this.#main.random(size as Size);
  }

  /** `get('default').integers(low, high, size)`. */
  integers(low: number, high?: number | null, size?: null): number;
  integers<const S extends Size>(
    low: number,
    high: number | null | undefined,
    size: S,
  ): Sized<number, S>;
  integers(low: number, high?: number | null, size?: Size | null): number | NestedArray<number> {
    return this.#main.integers(low, high, size as Size);
  }

  /** `get('default').uniform(low, high, size)`. */
  uniform(low?: number, high?: number, size?: null): number;
  uniform<const S extends Size>(
    low: number | undefined,
    high: number | undefined,
    size: S,
  ): Sized<number, S>;
  uniform(low?: number, high?: number, size?: Size | null): number | NestedArray<number> {
    return this.#main.uniform(low, high, size as Size);
  }

  /** `get('default').normal(loc, scale, size)`. */
  normal(loc?: number, scale?: number, size?: null): number;
  normal<const S extends Size>(
    loc: number | undefined,
    scale: number | undefined,
    size: S,
  ): Sized<number, S>;
  normal(loc?: number, scale?: number, size?: Size | null): number | NestedArray<number> {
    return this.#main.normal(loc, scale, size as Size);
  }

  /** `get('default').choice(a, size, options)`. */
  choice(a: number, size?: null, options?: ChoiceOptions): number;
  choice<const S extends Size>(a: number, size: S, options?: ChoiceOptions): Sized<number, S>;
  choice<T>(a: ArrayLike<T>, size?: null, options?: ChoiceOptions): T;
  choice<T, const S extends Size>(a: ArrayLike<T>, size: S, options?: ChoiceOptions): Sized<T, S>;
  choice<T>(
    a: ArrayLike<T> | number,
    size?: Size | null,
    options?: ChoiceOptions,
  ): T | number | NestedArray<T | number> {
    return this.#main.choice(a as ArrayLike<T>, size as Size, options);
  }

  /** `get('default').shuffle(x)`: shuffles in place and returns `x`. */
  shuffle<A extends MutableArrayLike>(x: A): A {
    return this.#main.shuffle(x);
  }

  /** `get('default').permutation(x)`. */
  permutation(x: number): number[];
  permutation<A extends TypedArray>(x: A): A;
  permutation<T>(x: readonly T[]): T[];
  permutation<T>(x: number | readonly T[] | TypedArray): number[] | T[] | TypedArray {
    return this.#main.permutation(x as readonly T[]);
  }

  /**
   * Replaces `Math.random` with the stream `'Math.random'` (so its draws are recorded in
   * `toJSON()`) and returns a function that undoes this call. Calls nest: `Math.random`
   * is restored when every returned function has been called, or at once by
   * `restoreMathRandom()`. Each returned function works once; later calls do nothing.
   * `crypto` is never touched.
   */
  patchMathRandom(): MathRandomRestore {
    let patch = this.#patch;
    if (patch === undefined) {
      const stream = this.get(MATH_RANDOM_STREAM);
      patch = { uninstall: installMathRandom(() => stream.random()), depth: 0 };
      this.#patch = patch;
    }
    patch.depth++;
    const mine = patch;
    let done = false;
    const restore = (): void => {
      if (done) return;
      done = true;
      // A restore from before a forced restoreMathRandom() must not undo a newer patch.
      if (this.#patch !== mine) return;
      if (--mine.depth === 0) this.restoreMathRandom();
    };
    return Object.assign(restore, { [Symbol.dispose]: restore });
  }

  /** Puts back the `Math.random` this manager replaced, whatever the nesting depth. */
  restoreMathRandom(): void {
    const patch = this.#patch;
    this.#patch = undefined;
    patch?.uninstall();
  }

  /** Whether this manager's `Math.random` patch is in place. */
  get mathRandomPatched(): boolean {
    return this.#patch !== undefined;
  }

  /**
   * Runs `fn` as if the master seed were `seed`: every existing stream (including a
   * patched `Math.random`) is re-seeded in place from `deriveSeed(seed, name)`, and
   * streams first used inside are derived from `seed` too. Afterwards — also when `fn`
   * throws, or when the promise it returns settles — the seed and every stream are back
   * exactly where they were, and streams created inside are forgotten.
   */
  withSeed<T>(seed: number, fn: () => T): T {
    checkSeed(seed, 'withSeed() seed');
    if (typeof fn !== 'function') {
      throw invalid(`withSeed() needs a function to run, got ${describeValue(fn)}`);
    }
    const savedSeed = this.#seed;
    const savedDefault = this.#default;
    const saved = new Map([...this.#streams].map(([name, s]) => [name, s.getState()]));
    const legacy = this.#legacy;
    const savedLegacy = legacy && { state: legacy.getState(), draws: legacy.draws };
    this.#seed = seed;
    for (const [name, stream] of this.#streams) {
      stream.setState(this.#create(name, seed).getState());
    }
    legacy?.setState(new LegacyRandomState(seed).getState());
    const restore = (): void => {
      this.#seed = savedSeed;
      this.#default = savedDefault;
      if (legacy && savedLegacy) legacy.setState(savedLegacy.state, savedLegacy.draws);
      for (const [name, stream] of this.#streams) {
        const state = saved.get(name);
        if (state) stream.setState(state);
        else this.#streams.delete(name);
      }
    };
    let result: T;
    try {
      result = fn();
    } catch (err) {
      restore();
      throw err;
    }
    if (isThenable(result)) {
      return Promise.resolve(result).finally(restore) as T;
    }
    restore();
    return result;
  }

  /**
   * Checks that `value` is the same as the first time `verify` saw `name` in this
   * project: the first call records `hashValue(value)` in `<cacheDir>/<name>.json` and
   * returns true; later calls return true when the hash matches. On a mismatch it throws
   * `RNG_VERIFY_MISMATCH` naming both hashes, or returns false with `{ throw: false }`.
   */
  verify(value: unknown, name: string, options: VerifyOptions = {}): boolean {
    if (typeof name !== 'string' || name === '') {
      throw invalid(`verify() needs a non-empty name, got ${describeValue(name)}`);
    }
    if (typeof options !== 'object' || options === null) {
      throw invalid(`verify() options must be an object, got ${describeValue(options)}`);
    }
    // A numpy manager hashes as the Python original, so both honour each other's caches.
    const hash = this.algorithm === 'numpy' ? pythonHash(value) : hashValue(value);
    const { file, existing } = recordOnce(this.cacheDir, {
      name,
      hash,
      seed: this.#seed,
      algorithm: this.algorithm,
      recordedAt: new Date().toISOString(),
    });
    if (existing === null || existing.hash === hash) return true;
    if (options.throw === false) return false;
    const seedNote =
      existing.seed === this.#seed
        ? `same seed ${this.#seed}`
        : `recorded with seed ${existing.seed}, now seed ${this.#seed}`;
    throw new RngError(
      'RNG_VERIFY_MISMATCH',
      `verify(${JSON.stringify(name)}): expected hash ${existing.hash} (recorded ${existing.recordedAt}), ` +
        `got ${hash} (${seedNote}). The value changed since it was recorded in ${file}; ` +
        'if that is intended, delete the file to record the new value.',
    );
  }

  /**
   * Writes the master seed, the algorithm and every stream's exact state (including a
   * pending `normal()` deviate) to `file` as JSON, atomically; creates missing parent
   * directories. Returns the absolute path.
   */
  checkpoint(file: string): string {
    if (typeof file !== 'string' || file === '') {
      throw invalid(`checkpoint() needs a file path, got ${describeValue(file)}`);
    }
    const path = resolve(file);
    const names = [...this.#streams.keys()].sort();
    const content: Checkpoint = {
      format: CHECKPOINT_FORMAT,
      version: CHECKPOINT_VERSION,
      savedAt: new Date().toISOString(),
      seed: this.#seed,
      algorithm: this.algorithm,
      streams: Object.fromEntries(names.map((n) => [n, this.get(n).getState()])),
    };
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileAtomic(path, `${JSON.stringify(content, null, 2)}\n`);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      throw new RngError('RNG_IO_FAILED', `cannot write checkpoint ${path} (${code})`, {
        cause: err,
      });
    }
    return path;
  }

  /**
   * A manager whose seed, algorithm and streams are those saved in `file`: every stream
   * continues exactly where it was. `Math.random` is not patched by restoring; call
   * `patchMathRandom()` to continue its stream.
   * @throws RngError `RNG_IO_FAILED` (unreadable) or `RNG_BAD_CHECKPOINT` (corrupt,
   * foreign, other version, inconsistent).
   */
  static restore(file: string, options: RestoreOptions = {}): RandomStateManager {
    if (typeof file !== 'string' || file === '') {
      throw invalid(`restore() needs a file path, got ${describeValue(file)}`);
    }
    const checkpoint = readCheckpoint(resolve(file));
    const manager = new RandomStateManager({
      seed: checkpoint.seed,
      algorithm: checkpoint.algorithm,
      cacheDir: options.cacheDir,
    });
    for (const [name, state] of Object.entries(checkpoint.streams)) {
      manager.get(name).setState(state);
    }
    return manager;
  }

  /**
   * `{ seed, algorithm, streams: { [name]: { seed, draws } } }` — plain JSON data, streams
   * sorted by name. `draws` counts 32-bit generator outputs (2 per float).
   */
  toJSON(): RngSummary {
    const names = [...this.#streams.keys()].sort();
    return {
      seed: this.#seed,
      algorithm: this.algorithm,
      streams: Object.fromEntries(names.map((n) => [n, this.get(n).toJSON()])),
    };
  }

  /** Restores `Math.random` if this manager patched it (for `using`). */
  [Symbol.dispose](): void {
    this.restoreMathRandom();
  }
}
