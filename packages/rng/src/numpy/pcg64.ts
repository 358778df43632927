/**
 * PCG64 as NumPy runs it (`numpy.random.PCG64`, O'Neill's PCG XSL-RR 128/64): a 128-bit
 * LCG `state = state · M + inc (mod 2^128)` whose output is the xor of the state's halves,
 * rotated right by the state's top 6 bits. NumPy steps before it outputs.
 *
 * Outputs are made 256 at a time into a buffer by a small WebAssembly function
 * (pcg64Wasm.ts), which has the native 64-bit integers JavaScript lacks. Measured here, per
 * double: eight 16-bit limbs in doubles ~60 ns (BigInt about 6× slower still), six 24-bit
 * limbs in four interleaved lanes ~20 ns, the WebAssembly block ~6 ns. BigInt is used only
 * off the hot path: seeding, and saving or restoring the state (getState steps from the
 * start of the block, at most 255 steps).
 */
import { createPcg64Wasm, WASM_BLOCK, WASM_DBL, WASM_OUT, type Pcg64Wasm } from './pcg64Wasm.js';
import { generateState } from './seedSequence.js';

const MASK128 = (1n << 128n) - 1n;
/** PCG_DEFAULT_MULTIPLIER_128. */
const M = (2549297995355413924n << 64n) + 4865540595714422341n;
const MASK64 = (1n << 64n) - 1n;

/** A 128-bit value from four 32-bit words, most significant first. */
function fromWords(words: readonly number[]): bigint {
  return words.reduce((acc, w) => (acc << 32n) | BigInt(w >>> 0), 0n);
}

/** Four 32-bit words, most significant first. */
function toWords(x: bigint): number[] {
  return [96n, 64n, 32n, 0n].map((shift) => Number((x >> shift) & 0xffffffffn));
}

/** PCG64's state as plain data: 128-bit state and increment as four 32-bit words each (highest first). */
export interface Pcg64State {
  /** The LCG state, 4 unsigned 32-bit words, most significant first. */
  state: number[];
  /** The odd increment, 4 unsigned 32-bit words, most significant first. */
  inc: number[];
  /** 1 when the upper half of the last 64-bit output is waiting to be used as a 32-bit output. */
  hasUint32: number;
  /** That waiting upper half. */
  uinteger: number;
}

/**
 * One PCG64 generator. `next64()` leaves the next 64-bit output in `hi`/`lo` (unsigned
 * 32-bit halves); `nextDouble()` is NumPy's `next_double`; `next32()` is NumPy's buffered
 * 32-bit output (the low half of a fresh 64-bit output, then the kept high half).
 */
export class Pcg64 {
  /** High 32 bits of the last `next64()` output. */
  hi = 0;
  /** Low 32 bits of the last `next64()` output. */
  lo = 0;
  /** Whether `uinteger` holds a pending 32-bit output. */
  hasUint32 = false;
  /** The pending upper half for `next32()`. */
  uinteger = 0;
  /** 64-bit outputs consumed so far. */
  steps = 0;
  /** The state before the first output in the buffer. */
  #base = 0n;
  #inc = 1n;
  /** Next unread buffer index; equal to `#len` when the buffer is used up. */
  #pos = 0;
  /** Outputs in the buffer: 0 (none made from `#base` yet) or WASM_BLOCK. */
  #len = 0;
  #wasm: Pcg64Wasm | undefined;
  #words: Int32Array | undefined;
  #doubles: Float64Array | undefined;
  #state64: BigUint64Array | undefined;

  /** Seeded as `numpy.random.PCG64(seed)` (through `SeedSequence(seed)`). */
  constructor(seed: number) {
    // generate_state(4, uint64) = [s_hi, s_lo, inc_hi, inc_lo], each a little-endian
    // uint64 of two 32-bit words; then pcg_setseq_128_srandom_r.
    const w = generateState(seed, 8);
    const word = (i: number): number => w[i] as number;
    const initState = fromWords([word(1), word(0), word(3), word(2)]);
    const initSeq = fromWords([word(5), word(4), word(7), word(6)]);
    const inc = ((initSeq << 1n) | 1n) & MASK128;
    let s = inc; // 0 · M + inc
    s = (s + initState) & MASK128;
    s = (s * M + inc) & MASK128;
    this.#reset(s, inc);
  }

  #reset(state: bigint, inc: bigint): void {
    this.#inc = inc;
    this.#base = state;
    this.#pos = 0;
    this.#len = 0;
  }

  /** Makes the next WASM_BLOCK outputs. */
  #refill(): void {
    let state64 = this.#state64;
    if (this.#wasm === undefined || state64 === undefined) {
      const wasm = (this.#wasm = createPcg64Wasm());
      state64 = this.#state64 = new BigUint64Array(wasm.memory.buffer, 0, 4);
      this.#words = new Int32Array(wasm.memory.buffer, WASM_OUT, 2 * WASM_BLOCK);
      this.#doubles = new Float64Array(wasm.memory.buffer, WASM_DBL, WASM_BLOCK);
    }
    if (this.#len === 0) {
      // Start from #base (after seeding or setState).
      state64[0] = this.#base >> 64n;
      state64[1] = this.#base & MASK64;
      state64[2] = this.#inc >> 64n;
      state64[3] = this.#inc & MASK64;
    } else {
      // Continue: the state the last block ended in is where this one starts.
      this.#base = ((state64[0] as bigint) << 64n) | (state64[1] as bigint);
    }
    this.#wasm.fill();
    this.#pos = 0;
    this.#len = WASM_BLOCK;
  }

  /** Sets `hi`/`lo` to the next 64-bit output. */
  next64(): void {
    if (this.#pos === this.#len) this.#refill();
    const i = this.#pos++;
    this.steps++;
    const words = this.#words as Int32Array;
    this.lo = (words[2 * i] as number) >>> 0; // little-endian: low word first
    this.hi = (words[2 * i + 1] as number) >>> 0;
  }

  /** NumPy's `next_double`: `(next64 >> 11) · 2^-53`. */
  nextDouble(): number {
    if (this.#pos === this.#len) this.#refill();
    this.steps++;
    return (this.#doubles as Float64Array)[this.#pos++] as number;
  }

  /** NumPy's `next_uint32` for PCG64: low half of a new output, then the kept high half. */
  next32(): number {
    if (this.hasUint32) {
      this.hasUint32 = false;
      return this.uinteger;
    }
    this.next64();
    this.hasUint32 = true;
    this.uinteger = this.hi;
    return this.lo;
  }

  /** The LCG state after the outputs consumed so far. */
  #current(): bigint {
    let s = this.#base;
    for (let i = 0; i < this.#pos; i++) s = (s * M + this.#inc) & MASK128;
    return s;
  }

  /** A JSON-safe copy of the whole state (NumPy's `bit_generator.state` in 32-bit words). */
  getState(): Pcg64State {
    return {
      state: toWords(this.#current()),
      inc: toWords(this.#inc),
      hasUint32: this.hasUint32 ? 1 : 0,
      uinteger: this.uinteger,
    };
  }

  /** Restores a state from {@link getState} (validated by the caller). */
  setState(s: Pcg64State, steps: number): void {
    this.#reset(fromWords(s.state), fromWords(s.inc));
    this.hasUint32 = s.hasUint32 === 1;
    this.uinteger = s.uinteger;
    this.steps = steps;
  }
}

const isWord = (x: unknown): boolean =>
  typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < 0x1_0000_0000;

/** True when `s` has the shape of a {@link Pcg64State} with an odd increment. */
export function isPcg64State(s: unknown): s is Pcg64State {
  if (typeof s !== 'object' || s === null) return false;
  const r = s as Record<string, unknown>;
  const words = (v: unknown): boolean => Array.isArray(v) && v.length === 4 && v.every(isWord);
  return (
    words(r['state']) &&
    words(r['inc']) &&
    ((r['inc'] as number[])[3] as number) % 2 === 1 &&
    (r['hasUint32'] === 0 || r['hasUint32'] === 1) &&
    isWord(r['uinteger'])
  );
}
