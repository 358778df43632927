/**
 * NumPy's standard normal for `Generator` (`random_standard_normal`): the 256-layer
 * ziggurat of Marsaglia and Tsang on one 64-bit output per try (8 bits pick the layer,
 * 1 the sign, 52 the position), with NumPy's own tables. The rare wedge test calls `exp`,
 * the rarer tail `log1p`; both are JavaScript's, see the README for how often that can
 * differ from NumPy in the last bit.
 */
import type { Pcg64 } from './pcg64.js';
import { FI, KI, WI, ZIGGURAT_NOR_INV_R, ZIGGURAT_NOR_R } from './zigguratTables.js';

/** One standard normal deviate, drawn as NumPy's `Generator.standard_normal()` draws it. */
export function standardNormal(g: Pcg64): number {
  for (;;) {
    g.next64();
    const hi = g.hi;
    const lo = g.lo;
    const idx = lo & 0xff;
    const sign = (lo >>> 8) & 1;
    // rabs = (r >> 9) & (2^52 − 1): bits 9 … 60 of the output.
    const rabs = (hi & 0x1fffffff) * 8388608 + (lo >>> 9);
    let x = rabs * (WI[idx] as number);
    if (sign) x = -x;
    if (rabs < (KI[idx] as number)) return x;
    if (idx === 0) {
      for (;;) {
        const xx = -ZIGGURAT_NOR_INV_R * Math.log1p(-g.nextDouble());
        const yy = -Math.log1p(-g.nextDouble());
        if (yy + yy > xx * xx) {
          // NumPy takes the tail's sign from bit 8 of rabs, i.e. bit 17 of the output.
          return (rabs / 256) & 1 ? -(ZIGGURAT_NOR_R + xx) : ZIGGURAT_NOR_R + xx;
        }
      }
    }
    const f1 = FI[idx - 1] as number;
    const f0 = FI[idx] as number;
    if ((f1 - f0) * g.nextDouble() + f0 < Math.exp(-0.5 * x * x)) return x;
  }
}
