/**
 * NumPy's bounded integers on a PCG64: Lemire's multiply-and-reject for `integers`,
 * `choice` and `_shuffle_int`, and the masked rejection of `random_interval` that
 * `shuffle`/`permutation` use. Ranges below 2^32 draw through the generator's buffered
 * 32-bit output, exactly as NumPy does. `rng` is the inclusive span (high − low − 1).
 */
import type { Pcg64 } from './pcg64.js';

const TWO_32 = 0x1_0000_0000;

/** High 32 bits of the 64-bit product of two unsigned 32-bit integers. */
function mulHigh32(x: number, y: number): number {
  const t = (x & 0xffff) * y;
  const u = (x >>> 16) * y + Math.floor(t / 65536);
  return Math.floor(u / 65536);
}

/** A uniform integer in [0, rng] for rng < 2^32 − 1: Lemire's method on `next32()`. */
export function lemire32(g: Pcg64, rng: number): number {
  const excl = rng + 1;
  let x = g.next32();
  let leftover = Math.imul(x, excl) >>> 0;
  if (leftover < excl) {
    const threshold = (TWO_32 - excl) % excl;
    while (leftover < threshold) {
      x = g.next32();
      leftover = Math.imul(x, excl) >>> 0;
    }
  }
  return mulHigh32(x, excl);
}

/** A uniform integer in [0, rng] for 2^32 ≤ rng < 2^53: Lemire's method on `next64()`. */
export function lemire64(g: Pcg64, rng: number): number {
  // Rare enough (ranges wider than 2^32) that BigInt's clarity wins over speed here.
  const excl = BigInt(rng) + 1n;
  const mask64 = (1n << 64n) - 1n;
  const draw = (): bigint => {
    g.next64();
    return ((BigInt(g.hi) << 32n) | BigInt(g.lo)) * excl;
  };
  let m = draw();
  if ((m & mask64) < excl) {
    const threshold = (1n << 64n) % excl;
    while ((m & mask64) < threshold) m = draw();
  }
  return Number(m >> 64n);
}

/** NumPy's `random_bounded_uint64(g, 0, rng, 0, false)`: uniform in [0, rng], rng < 2^53. */
export function bounded(g: Pcg64, rng: number): number {
  if (rng === 0) return 0;
  if (rng < 0xffffffff) return lemire32(g, rng);
  if (rng === 0xffffffff) return g.next32();
  return lemire64(g, rng);
}

/** The smallest all-ones mask ≥ max. */
export function maskFor(max: number): number {
  let mask = 1;
  while (mask < max) mask = mask * 2 + 1;
  return mask;
}

/** NumPy's `random_interval(g, max)`: uniform in [0, max] by masked rejection. */
export function interval(g: Pcg64, max: number): number {
  if (max === 0) return 0;
  const mask = maskFor(max);
  if (max <= 0xffffffff) {
    let v: number;
    do v = (g.next32() & mask) >>> 0;
    while (v > max);
    return v;
  }
  const maskHi = Math.floor(mask / TWO_32);
  let v: number;
  do {
    g.next64();
    v = (g.hi & maskHi) * TWO_32 + g.lo;
  } while (v > max);
  return v;
}
