/**
 * Fewer points for a curve that still shows its shape: per bucket of consecutive points,
 * the lowest and the highest, in order (spikes survive, unlike taking every n-th point).
 */

/** At most about `max` points of (x, y); first and last always kept. */
export function decimate(
  x: readonly number[],
  y: readonly number[],
  max: number,
): { x: number[]; y: number[] } {
  const n = Math.min(x.length, y.length);
  if (n <= max) return { x: x.slice(0, n), y: y.slice(0, n) };
  const buckets = Math.max(1, Math.floor((max - 2) / 2));
  const size = (n - 2) / buckets;
  const ox = [x[0]!];
  const oy = [y[0]!];
  for (let b = 0; b < buckets; b++) {
    const from = 1 + Math.floor(b * size);
    const to = Math.min(n - 1, 1 + Math.floor((b + 1) * size));
    let lo = from;
    let hi = from;
    for (let i = from + 1; i < to; i++) {
      if (y[i]! < y[lo]!) lo = i;
      if (y[i]! > y[hi]!) hi = i;
    }
    if (from >= to) continue;
    for (const i of lo === hi ? [lo] : lo < hi ? [lo, hi] : [hi, lo]) {
      ox.push(x[i]!);
      oy.push(y[i]!);
    }
  }
  ox.push(x[n - 1]!);
  oy.push(y[n - 1]!);
  return { x: ox, y: oy };
}
