/**
 * The generators behind streams. seedrandom seeds them (its seeding and warm-up are the
 * reference), and its `{ state: true }` objects are the saved form; the stepping is done
 * by the small classes below, bit-for-bit the same as seedrandom's `int32()` (tested).
 *
 * Why not call seedrandom's `int32()` directly: each seedrandom generator is a fresh
 * closure, and V8 cannot inline calls through different closures at one call site. With
 * several streams in a process (a session has at least 'default', 'Math.random' and the
 * user's) a float cost 1.1–1.2× the time of `Math.random()`, and ~1.9× once two algorithms
 * had been used; with class methods the call site stays monomorphic per algorithm and a
 * float takes ~0.8× the time of `Math.random()` (see the README).
 *
 * The step functions are ports of seedrandom 3.0.5 (lib/tychei.js, lib/xor4096.js,
 * lib/alea.js), MIT License, Copyright 2019 David Bau; alea is Johannes Baagøe's design,
 * xor4096 Richard Brent's, Tyche-i Samuel Neves' and Filipe Araujo's.
 */
import { describeValue } from './describeValue.js';
import { RngError } from './errors.js';
import { isMt19937State } from './numpy/mt19937.js';
import { isPcg64State, Pcg64 } from './numpy/pcg64.js';
import { requireSeeder } from './seedrandomLib.js';

/** The algorithms from seedrandom 3 (what `Stream` runs). */
export type SeedrandomAlgorithm = 'tychei' | 'xor4096' | 'alea';

/**
 * Names of the algorithms a manager can use: the seedrandom ones, and `'numpy'`, which
 * draws NumPy's and Python's numbers (`NumpyStream`, `PythonRandomStream`).
 */
export type Algorithm = SeedrandomAlgorithm | 'numpy';

/** The seedrandom algorithms, default first (`'numpy'` is listed in `NUMPY_ALGORITHM`). */
export const ALGORITHMS: readonly SeedrandomAlgorithm[] = Object.freeze([
  'tychei',
  'xor4096',
  'alea',
]);

/** The algorithm whose streams draw NumPy's numbers. */
export const NUMPY_ALGORITHM = 'numpy' as const;

/**
 * The default algorithm: Tyche-i, the fastest of the three when measured here, with no
 * reported BigCrush failures; see the README for the figures and reasons.
 */
export const DEFAULT_ALGORITHM: Algorithm = 'tychei';

/** A generator's internal state as plain JSON data (seedrandom's `{ state: true }` form). */
export type GeneratorState = Record<string, number | number[]>;

/** One seeded generator: `next()` steps it once; `state()` copies its state. */
export interface Generator {
  /** The next 32 random bits as a signed 32-bit integer (seedrandom's `int32()`). */
  next(): number;
  /** A JSON-safe copy of the current state, in seedrandom's form. */
  state(): GeneratorState;
}

type Rec = Record<string, unknown>;

/** PCG64 behind the `Generator` interface (the numpy streams use `Pcg64` directly). */
class Pcg64Generator implements Generator {
  readonly #bits: Pcg64;
  constructor(seed: number, state?: GeneratorState) {
    this.#bits = new Pcg64(seed);
    if (state && isPcg64State(state)) this.#bits.setState(state, 0);
  }
  next(): number {
    return this.#bits.next32() | 0;
  }
  state(): GeneratorState {
    return this.#bits.getState() as unknown as GeneratorState;
  }
}

const isInt32 = (v: unknown): boolean => typeof v === 'number' && (v | 0) === v;
const isUnit = (v: unknown): boolean =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 1;

// Fields are `declare`d so that no class-field initialisers are emitted: V8 would first
// store `undefined` in them and then keep them in a generic representation, which made
// next() about 1.8x slower here.
class Tychei implements Generator {
  declare a: number;
  declare b: number;
  declare c: number;
  declare d: number;

  constructor(s: Rec) {
    this.a = s['a'] as number;
    this.b = s['b'] as number;
    this.c = s['c'] as number;
    this.d = s['d'] as number;
  }

  next(): number {
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    b = (b << 25) ^ (b >>> 7) ^ c;
    c = (c - d) | 0;
    d = (d << 24) ^ (d >>> 8) ^ a;
    a = (a - b) | 0;
    this.b = b = (b << 20) ^ (b >>> 12) ^ c;
    this.c = c = (c - d) | 0;
    this.d = (d << 16) ^ (c >>> 16) ^ a;
    return (this.a = (a - b) | 0);
  }

  state(): GeneratorState {
    return { a: this.a, b: this.b, c: this.c, d: this.d };
  }

  static isState(s: Rec): boolean {
    return ['a', 'b', 'c', 'd'].every((k) => isInt32(s[k]));
  }
}

class Xor4096 implements Generator {
  declare w: number;
  declare i: number;
  declare readonly x: Int32Array;

  constructor(s: Rec) {
    this.w = s['w'] as number;
    this.i = s['i'] as number;
    this.x = Int32Array.from(s['X'] as number[]);
  }

  next(): number {
    const x = this.x;
    let i = this.i;
    const w = (this.w = (this.w + 0x61c88647) | 0);
    let v = x[(i + 34) & 127] as number;
    let t = x[(i = (i + 1) & 127)] as number;
    v ^= v << 13;
    t ^= t << 17;
    v ^= v >>> 15;
    t ^= t >>> 12;
    v = x[i] = v ^ t;
    this.i = i;
    return (v + (w ^ (w >>> 16))) | 0;
  }

  state(): GeneratorState {
    return { i: this.i, w: this.w, X: Array.from(this.x) };
  }

  static isState(s: Rec): boolean {
    const x = s['X'];
    return (
      isInt32(s['w']) &&
      isInt32(s['i']) &&
      (s['i'] as number) >= 0 &&
      (s['i'] as number) < 128 &&
      Array.isArray(x) &&
      x.length === 128 &&
      x.every(isInt32)
    );
  }
}

class Alea implements Generator {
  declare c: number;
  declare s0: number;
  declare s1: number;
  declare s2: number;

  constructor(s: Rec) {
    this.c = s['c'] as number;
    this.s0 = s['s0'] as number;
    this.s1 = s['s1'] as number;
    this.s2 = s['s2'] as number;
  }

  next(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    const r = (this.s2 = t - (this.c = t | 0));
    return (r * 0x100000000) | 0;
  }

  state(): GeneratorState {
    return { c: this.c, s0: this.s0, s1: this.s1, s2: this.s2 };
  }

  static isState(s: Rec): boolean {
    return isInt32(s['c']) && ['s0', 's1', 's2'].every((k) => isUnit(s[k]));
  }
}

/** The part of seedrandom's per-algorithm generators used here: seeding, then the state. */
type Seeder = (seed: number, options: { state: true }) => { state(): Record<string, unknown> };

const seeders = new Map<SeedrandomAlgorithm, Seeder>();
function seeder(algorithm: SeedrandomAlgorithm): Seeder {
  let s = seeders.get(algorithm);
  if (!s) {
    s = requireSeeder(algorithm) as Seeder;
    seeders.set(algorithm, s);
  }
  return s;
}

interface Spec {
  /** What seedrandom is given for a derived seed in [0, 2^32). */
  seedArg(seed: number): number;
  make(state: Rec): Generator;
  isState(state: Rec): boolean;
}

const SPECS: Record<Algorithm, Spec> = {
  tychei: {
    seedArg: (seed) => seed,
    make: (s) => new Tychei(s),
    isState: Tychei.isState,
  },
  xor4096: {
    // xor4096 takes its numeric seeding path only for int32 values and would stringify
    // anything else; `| 0` maps [0, 2^32) one-to-one onto the int32 range.
    seedArg: (seed) => seed | 0,
    make: (s) => new Xor4096(s),
    isState: Xor4096.isState,
  },
  alea: {
    seedArg: (seed) => seed,
    make: (s) => new Alea(s),
    isState: Alea.isState,
  },
  numpy: {
    seedArg: (seed) => seed,
    make: (s) => new Pcg64Generator(0, s as GeneratorState),
    // A numpy manager's streams are PCG64; its 'Math.random' stream is Python's MT19937.
    isState: (s) => isPcg64State(s) || isMt19937State(s),
  },
};

/** True when `value` names a supported algorithm. */
export function isAlgorithm(value: unknown): value is Algorithm {
  return typeof value === 'string' && Object.hasOwn(SPECS, value);
}

/** Returns `value` if it names a supported algorithm, else throws `RNG_UNKNOWN_ALGORITHM`. */
export function checkAlgorithm(value: unknown): Algorithm {
  if (isAlgorithm(value)) return value;
  throw new RngError(
    'RNG_UNKNOWN_ALGORITHM',
    `unknown algorithm ${describeValue(value)}; use one of ${[...ALGORITHMS, NUMPY_ALGORITHM].join(', ')}`,
  );
}

/** True when `state` is a well-formed state of `algorithm`. */
export function isGeneratorState(algorithm: Algorithm, state: unknown): state is GeneratorState {
  return (
    typeof state === 'object' &&
    state !== null &&
    !Array.isArray(state) &&
    SPECS[algorithm].isState(state as Rec)
  );
}

/**
 * A generator seeded like `seedrandom[algorithm](seed, { state: true })` (for xor4096:
 * `seed | 0`), or set to `state` (already validated with `isGeneratorState`) when given.
 */
export function createGenerator(
  algorithm: Algorithm,
  seed: number,
  state?: GeneratorState,
): Generator {
  if (algorithm === 'numpy') return new Pcg64Generator(seed, state);
  const spec = SPECS[algorithm];
  return spec.make(state ?? seeder(algorithm)(spec.seedArg(seed), { state: true }).state());
}
