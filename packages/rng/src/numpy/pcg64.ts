/**
 * PCG64 as NumPy runs it (`numpy.random.PCG64`, O'Neill's PCG XSL-RR 128/64): a 128-bit
 * LCG `state = state · M + inc (mod 2^128)` whose output is the xor of the state's halves,
 * rotated right by its top 6 bits. NumPy steps before it outputs.
 *
 * The 128-bit arithmetic runs in eight 16-bit limbs held as small integers: a column of
 * the product sums at most eight 32-bit partial products, which doubles hold exactly.
 * BigInt measured about 6× slower. The state lives in fields a0…a7 (a0 lowest).
 */
import { generateState } from './seedSequence.js';

// M = 2549297995355413924 · 2^64 + 4865540595714422341 (PCG_DEFAULT_MULTIPLIER_128) in
// 16-bit limbs, lowest first; a test recomputes them from the two 64-bit halves.
const M0 = 63045;
const M1 = 40908;
const M2 = 57188;
const M3 = 17285;
const M4 = 23972;
const M5 = 8134;
const M6 = 60677;
const M7 = 9056;

/** The multiplier's limbs, for the test that checks them. */
export const PCG64_MULTIPLIER_LIMBS: readonly number[] = [M0, M1, M2, M3, M4, M5, M6, M7];

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
 * One PCG64 generator. `next64()` steps it and leaves the 64-bit output in `hi`/`lo`
 * (unsigned 32-bit halves); `next32()` is NumPy's buffered 32-bit output (the low half
 * of a fresh 64-bit output, then the kept high half).
 */
export class Pcg64 {
  declare a0: number;
  declare a1: number;
  declare a2: number;
  declare a3: number;
  declare a4: number;
  declare a5: number;
  declare a6: number;
  declare a7: number;
  declare i0: number;
  declare i1: number;
  declare i2: number;
  declare i3: number;
  declare i4: number;
  declare i5: number;
  declare i6: number;
  declare i7: number;
  /** High 32 bits of the last `next64()` output. */
  declare hi: number;
  /** Low 32 bits of the last `next64()` output. */
  declare lo: number;
  /** Whether `uinteger` holds a pending 32-bit output. */
  declare hasUint32: boolean;
  declare uinteger: number;
  /** 64-bit outputs produced so far. */
  declare steps: number;

  /** Seeded as `numpy.random.PCG64(seed)` (through `SeedSequence(seed)`). */
  constructor(seed: number) {
    // generate_state(4, uint64) = [s_hi, s_lo, inc_hi, inc_lo], each uint64 little-endian
    // from two 32-bit words.
    const w = generateState(seed, 8);
    const initState = [w[1], w[0], w[3], w[2]] as number[];
    const initSeq = [w[5], w[4], w[7], w[6]] as number[];
    // inc = initseq << 1 | 1
    const inc = [
      ((initSeq[0] as number) << 1) | ((initSeq[1] as number) >>> 31),
      ((initSeq[1] as number) << 1) | ((initSeq[2] as number) >>> 31),
      ((initSeq[2] as number) << 1) | ((initSeq[3] as number) >>> 31),
      ((initSeq[3] as number) << 1) | 1,
    ].map((x) => x >>> 0);
    this.setWords([0, 0, 0, 0], inc);
    this.hi = 0;
    this.lo = 0;
    this.hasUint32 = false;
    this.uinteger = 0;
    this.steps = 0;
    this.step();
    this.addToState(initState);
    this.step();
  }

  /** Sets state and increment from 32-bit words, most significant first. */
  setWords(state: readonly number[], inc: readonly number[]): void {
    const s = (k: number): number => state[3 - (k >> 1)] as number;
    const n = (k: number): number => inc[3 - (k >> 1)] as number;
    this.a0 = s(0) & 0xffff;
    this.a1 = s(1) >>> 16;
    this.a2 = s(2) & 0xffff;
    this.a3 = s(3) >>> 16;
    this.a4 = s(4) & 0xffff;
    this.a5 = s(5) >>> 16;
    this.a6 = s(6) & 0xffff;
    this.a7 = s(7) >>> 16;
    this.i0 = n(0) & 0xffff;
    this.i1 = n(1) >>> 16;
    this.i2 = n(2) & 0xffff;
    this.i3 = n(3) >>> 16;
    this.i4 = n(4) & 0xffff;
    this.i5 = n(5) >>> 16;
    this.i6 = n(6) & 0xffff;
    this.i7 = n(7) >>> 16;
  }

  /** State and increment as 32-bit words, most significant first. */
  words(): { state: number[]; inc: number[] } {
    const w = (hi: number, lo: number): number => ((hi << 16) | lo) >>> 0;
    return {
      state: [w(this.a7, this.a6), w(this.a5, this.a4), w(this.a3, this.a2), w(this.a1, this.a0)],
      inc: [w(this.i7, this.i6), w(this.i5, this.i4), w(this.i3, this.i2), w(this.i1, this.i0)],
    };
  }

  #addLimbs(limbs: readonly number[]): void {
    // limbs: 8 × 16 bits, lowest first
    let c = this.a0 + (limbs[0] as number);
    this.a0 = c & 0xffff;
    c = this.a1 + (limbs[1] as number) + (c >>> 16);
    this.a1 = c & 0xffff;
    c = this.a2 + (limbs[2] as number) + (c >>> 16);
    this.a2 = c & 0xffff;
    c = this.a3 + (limbs[3] as number) + (c >>> 16);
    this.a3 = c & 0xffff;
    c = this.a4 + (limbs[4] as number) + (c >>> 16);
    this.a4 = c & 0xffff;
    c = this.a5 + (limbs[5] as number) + (c >>> 16);
    this.a5 = c & 0xffff;
    c = this.a6 + (limbs[6] as number) + (c >>> 16);
    this.a6 = c & 0xffff;
    c = this.a7 + (limbs[7] as number) + (c >>> 16);
    this.a7 = c - Math.floor(c / 65536) * 65536;
  }

  /** state += x, for x as 32-bit words, most significant first. */
  addToState(words: readonly number[]): void {
    const limbs: number[] = [];
    for (let k = 3; k >= 0; k--) {
      const v = words[k] as number;
      limbs.push(v & 0xffff, v >>> 16);
    }
    this.#addLimbs(limbs);
  }

  /** One LCG step: state = state · M + inc (mod 2^128). */
  step(): void {
    const a0 = this.a0;
    const a1 = this.a1;
    const a2 = this.a2;
    const a3 = this.a3;
    const a4 = this.a4;
    const a5 = this.a5;
    const a6 = this.a6;
    const a7 = this.a7;
    // Column sums stay below 2^36: exact in doubles. `& 0xffff` takes the low limb (ToInt32
    // reduces an integer modulo 2^32 exactly), and the rest divided by 2^16 is the carry.
    let c = a0 * M0 + this.i0;
    let q = Math.floor(c / 65536);
    let r = c - q * 65536;
    this.a0 = r;
    c = q + a0 * M1 + a1 * M0 + this.i1;
    q = Math.floor(c / 65536);
    r = c - q * 65536;
    this.a1 = r;
    c = q + a0 * M2 + a1 * M1 + a2 * M0 + this.i2;
    q = Math.floor(c / 65536);
    r = c - q * 65536;
    this.a2 = r;
    c = q + a0 * M3 + a1 * M2 + a2 * M1 + a3 * M0 + this.i3;
    q = Math.floor(c / 65536);
    r = c - q * 65536;
    this.a3 = r;
    c = q + a0 * M4 + a1 * M3 + a2 * M2 + a3 * M1 + a4 * M0 + this.i4;
    q = Math.floor(c / 65536);
    r = c - q * 65536;
    this.a4 = r;
    c = q + a0 * M5 + a1 * M4 + a2 * M3 + a3 * M2 + a4 * M1 + a5 * M0 + this.i5;
    q = Math.floor(c / 65536);
    r = c - q * 65536;
    this.a5 = r;
    c = q + a0 * M6 + a1 * M5 + a2 * M4 + a3 * M3 + a4 * M2 + a5 * M1 + a6 * M0 + this.i6;
    q = Math.floor(c / 65536);
    r = c - q * 65536;
    this.a6 = r;
    c = q + a0 * M7 + a1 * M6 + a2 * M5 + a3 * M4 + a4 * M3 + a5 * M2 + a6 * M1 + a7 * M0 + this.i7;
    this.a7 = c - Math.floor(c / 65536) * 65536;
  }

  /** Steps, then sets `hi`/`lo` to the XSL-RR output of the new state. */
  next64(): void {
    this.step();
    this.steps++;
    const a7 = this.a7;
    const xh = ((a7 << 16) | this.a6) ^ ((this.a3 << 16) | this.a2);
    const xl = ((this.a5 << 16) | this.a4) ^ ((this.a1 << 16) | this.a0);
    const rot = a7 >>> 10;
    if (rot === 0) {
      this.hi = xh >>> 0;
      this.lo = xl >>> 0;
    } else if (rot < 32) {
      this.hi = ((xh >>> rot) | (xl << (32 - rot))) >>> 0;
      this.lo = ((xl >>> rot) | (xh << (32 - rot))) >>> 0;
    } else if (rot === 32) {
      this.hi = xl >>> 0;
      this.lo = xh >>> 0;
    } else {
      const s = rot - 32;
      this.hi = ((xl >>> s) | (xh << (32 - s))) >>> 0;
      this.lo = ((xh >>> s) | (xl << (32 - s))) >>> 0;
    }
  }

  /** NumPy's `next_double`: `(next64 >> 11) · 2^-53`. */
  nextDouble(): number {
    this.next64();
    return (this.hi * 2097152 + (this.lo >>> 11)) * 1.1102230246251565e-16;
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

  /** A JSON-safe copy of the whole state. */
  getState(): Pcg64State {
    return {
      ...this.words(),
      hasUint32: this.hasUint32 ? 1 : 0,
      uinteger: this.uinteger,
    };
  }

  /** Restores a state from {@link getState} (validated by the caller). */
  setState(s: Pcg64State, steps: number): void {
    this.setWords(s.state, s.inc);
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
