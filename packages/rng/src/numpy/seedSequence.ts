/**
 * NumPy's `SeedSequence` for one integer seed: how `default_rng(seed)` turns a seed into the
 * 128-bit state and increment of its PCG64. Ported from the algorithm in NumPy's
 * `bit_generator.pyx` (Robert Kern's design, after Melissa O'Neill's seed_seq_fe): the
 * seed's 32-bit words are hashed into a pool of four words, mixed, and the pool is
 * hashed out again into as many words as the generator needs.
 */

const POOL_SIZE = 4;
const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;

/** The 32-bit words of a non-negative integer, lowest first (`[0]` for 0), as NumPy splits it. */
export function seedWords(seed: number): number[] {
  const words = [seed >>> 0];
  for (let n = Math.floor(seed / 0x1_0000_0000); n > 0; n = Math.floor(n / 0x1_0000_0000)) {
    words.push(n >>> 0);
  }
  return words;
}

/** The entropy pool NumPy's `SeedSequence(seed)` builds (no spawn key). */
export function seedPool(entropy: readonly number[]): Uint32Array {
  const pool = new Uint32Array(POOL_SIZE);
  let hashConst = INIT_A;
  const hashmix = (value: number): number => {
    value = (value ^ hashConst) >>> 0;
    hashConst = Math.imul(hashConst, MULT_A) >>> 0;
    value = Math.imul(value, hashConst) >>> 0;
    return (value ^ (value >>> 16)) >>> 0;
  };
  const mix = (x: number, y: number): number => {
    const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
    return (r ^ (r >>> 16)) >>> 0;
  };
  for (let i = 0; i < POOL_SIZE; i++)
    pool[i] = hashmix(i < entropy.length ? (entropy[i] as number) : 0);
  for (let src = 0; src < POOL_SIZE; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) {
      if (src !== dst) pool[dst] = mix(pool[dst] as number, hashmix(pool[src] as number));
    }
  }
  for (let src = POOL_SIZE; src < entropy.length; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++)
      pool[dst] = mix(pool[dst] as number, hashmix(entropy[src] as number));
  }
  return pool;
}

/**
 * `SeedSequence(seed).generate_state(n, np.uint32)`: `n` 32-bit words. Two consecutive
 * words are one little-endian uint64 of `generate_state(n / 2, np.uint64)`.
 */
export function generateState(seed: number, n: number): Uint32Array {
  const pool = seedPool(seedWords(seed));
  const out = new Uint32Array(n);
  let hashConst = INIT_B;
  for (let i = 0; i < n; i++) {
    let v = ((pool[i % POOL_SIZE] as number) ^ hashConst) >>> 0;
    hashConst = Math.imul(hashConst, MULT_B) >>> 0;
    v = Math.imul(v, hashConst) >>> 0;
    out[i] = (v ^ (v >>> 16)) >>> 0;
  }
  return out;
}
