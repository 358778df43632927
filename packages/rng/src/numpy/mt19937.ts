/**
 * MT19937, the Mersenne Twister of Matsumoto and Nishimura (1998), written from its
 * published description. Two seedings matter here: `init_by_array` (what Python's
 * `random.seed(n)` uses, with n's 32-bit words) and `init_genrand` (what NumPy's legacy
 * `np.random.seed(n)` / `RandomState(n)` uses). Both draw doubles the same way:
 * `((a >>> 5) · 2^26 + (b >>> 6)) / 2^53`.
 */

const N = 624;
const M = 397;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;
const MATRIX_A = 0x9908b0df;

/** The generator's state as plain data. */
export interface Mt19937State {
  /** The 624 state words (unsigned 32-bit). */
  key: number[];
  /** Position of the next word to temper, 0 … 624 (624: regenerate first). */
  pos: number;
}

/** One Mersenne Twister. */
export class Mt19937 {
  readonly #mt = new Int32Array(N);
  #pos = N;
  /** 32-bit outputs produced so far. */
  draws = 0;

  /** Knuth's linear seeding of the state from one 32-bit word (`init_genrand`). */
  initGenrand(seed: number): this {
    const mt = this.#mt;
    mt[0] = seed;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] as number;
      mt[i] = Math.imul(1812433253, prev ^ (prev >>> 30)) + i;
    }
    this.#pos = N;
    this.draws = 0;
    return this;
  }

  /** `init_by_array(key)`: Python's `random.seed(n)` with n's 32-bit words, lowest first. */
  initByArray(key: readonly number[]): this {
    this.initGenrand(19650218);
    const mt = this.#mt;
    let i = 1;
    let j = 0;
    const len = key.length;
    for (let k = Math.max(N, len); k > 0; k--) {
      const prev = mt[i - 1] as number;
      mt[i] =
        ((mt[i] as number) ^ Math.imul(prev ^ (prev >>> 30), 1664525)) + (key[j] as number) + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1] as number;
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1] as number;
      mt[i] = ((mt[i] as number) ^ Math.imul(prev ^ (prev >>> 30), 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1] as number;
        i = 1;
      }
    }
    mt[0] = UPPER;
    this.#pos = N;
    this.draws = 0;
    return this;
  }

  #twist(): void {
    const mt = this.#mt;
    let k = 0;
    for (; k < N - M; k++) {
      const y = ((mt[k] as number) & UPPER) | ((mt[k + 1] as number) & LOWER);
      mt[k] = (mt[k + M] as number) ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; k < N - 1; k++) {
      const y = ((mt[k] as number) & UPPER) | ((mt[k + 1] as number) & LOWER);
      mt[k] = (mt[k + M - N] as number) ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    const y = ((mt[N - 1] as number) & UPPER) | ((mt[0] as number) & LOWER);
    mt[N - 1] = (mt[M - 1] as number) ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.#pos = 0;
  }

  /** The next 32-bit output, unsigned. */
  next32(): number {
    if (this.#pos >= N) this.#twist();
    let y = this.#mt[this.#pos++] as number;
    this.draws++;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A double in [0, 1) from two outputs, as Python's `random()` and NumPy's legacy `random_sample()`. */
  nextDouble(): number {
    const a = this.next32() >>> 5;
    const b = this.next32() >>> 6;
    return (a * 67108864 + b) * 1.1102230246251565e-16;
  }

  /** A copy of the state. */
  getState(): Mt19937State {
    return { key: Array.from(this.#mt, (x) => x >>> 0), pos: this.#pos };
  }

  /** Restores a state from {@link getState} (validated by the caller). */
  setState(state: Mt19937State, draws: number): void {
    this.#mt.set(state.key.map((x) => x | 0));
    this.#pos = state.pos;
    this.draws = draws;
  }
}

/** True when `s` has the shape of an {@link Mt19937State}. */
export function isMt19937State(s: unknown): s is Mt19937State {
  if (typeof s !== 'object' || s === null) return false;
  const { key, pos } = s as Record<string, unknown>;
  return (
    Array.isArray(key) &&
    key.length === N &&
    key.every((x) => Number.isInteger(x) && x >= 0 && x < 0x1_0000_0000) &&
    Number.isInteger(pos) &&
    (pos as number) >= 0 &&
    (pos as number) <= N
  );
}
