/**
 * Pixel-exact decimation of polylines for drawing (M4, Jugel et al., VLDB 2014): within
 * each run of consecutive points that fall in the same pixel column, only the first, the
 * lowest, the highest and the last point can change which pixels the line touches, so
 * only those are drawn. Runs follow data order, so unsorted x and NaN gaps stay correct.
 * The saved CSV and spec keep every point; only the drawing uses the reduced set.
 */

/** Indices of the points to draw, in data order. `col(i)` is point i's pixel column, NaN for a gap. */
export function m4Indices(
  n: number,
  col: (i: number) => number,
  y: ArrayLike<number>,
): Uint32Array {
  const out = new Uint32Array(Math.min(n, 16 + 4 * n));
  let k = 0;
  let runCol = NaN;
  let first = -1;
  let lo = -1;
  let hi = -1;
  let last = -1;
  let lastPushedGap = true;
  const flush = (): void => {
    if (first < 0) return;
    // Emit the (up to four) distinct indices in data order.
    const a = first;
    const b = Math.min(lo, hi);
    const c = Math.max(lo, hi);
    const d = last;
    out[k++] = a;
    if (b !== a) out[k++] = b;
    if (c !== b && c !== a) out[k++] = c;
    if (d !== c && d !== b && d !== a) out[k++] = d;
    first = -1;
  };
  for (let i = 0; i < n; i++) {
    const c = col(i);
    const v = y[i]!;
    if (!Number.isFinite(c) || !Number.isFinite(v)) {
      flush();
      runCol = NaN;
      if (!lastPushedGap) {
        out[k++] = i;
        lastPushedGap = true;
      }
      continue;
    }
    lastPushedGap = false;
    if (c !== runCol) {
      flush();
      runCol = c;
      first = lo = hi = last = i;
      continue;
    }
    if (v < y[lo]!) lo = i;
    if (v > y[hi]!) hi = i;
    last = i;
  }
  flush();
  return out.slice(0, k);
}
