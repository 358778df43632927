/** Drawing k distinct indices out of n: `choice(..., { replace: false })`. */

/**
 * k distinct indices from [0, n) in draw order, by a partial Fisher–Yates shuffle:
 * step i swaps slot i with slot `i + below(n - i)`. When k is small next to n the
 * untouched slots live in a Map instead of an array (memory O(k), not O(n)); both ways
 * give the same result for the same draws.
 */
export function distinctIndices(
  n: number,
  k: number,
  below: (m: number) => number,
  sparse: boolean = n > 1024 && k * 16 < n,
): number[] {
  const out: number[] = [];
  if (sparse) {
    const moved = new Map<number, number>();
    for (let i = 0; i < k; i++) {
      const j = i + below(n - i);
      const atJ = moved.get(j) ?? j;
      moved.set(j, moved.get(i) ?? i);
      out.push(atJ);
    }
    return out;
  }
  const slots: number[] = [];
  for (let i = 0; i < n; i++) slots.push(i);
  for (let i = 0; i < k; i++) {
    const j = i + below(n - i);
    const atJ = slots[j] as number;
    slots[j] = slots[i] as number;
    out.push(atJ);
  }
  return out;
}

/**
 * k distinct indices, each drawn with probability proportional to its weight among the
 * indices not drawn yet (successive sampling, as NumPy's `choice(replace=False, p=…)`
 * intends). O(n·k); at least k weights must be positive (the caller checks).
 */
export function weightedDistinctIndices(
  weights: Float64Array,
  k: number,
  float: () => number,
): number[] {
  const w = Float64Array.from(weights);
  const n = w.length;
  const out: number[] = [];
  for (let pick = 0; pick < k; pick++) {
    // Re-summed each time rather than decremented, so rounding cannot drift.
    let total = 0;
    for (let i = 0; i < n; i++) total += w[i] as number;
    const target = float() * total;
    let acc = 0;
    let chosen = -1;
    for (let i = 0; i < n; i++) {
      const wi = w[i] as number;
      if (wi === 0) continue;
      chosen = i;
      acc += wi;
      if (acc > target) break;
    }
    w[chosen] = 0;
    out.push(chosen);
  }
  return out;
}
