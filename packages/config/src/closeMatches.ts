/** "Did you mean …?" for a mistyped key: the known keys nearest to it by edit distance. */

/** Up to `max` of `known` closest to `key` (case-insensitive equality first), nearest first. */
export function closeMatches(key: string, known: readonly string[], max = 3): string[] {
  const lower = key.toLowerCase();
  const limit = Math.max(2, Math.floor(key.length / 3));
  const scored: { k: string; d: number }[] = [];
  for (const k of known) {
    const d = k.toLowerCase() === lower ? 0 : editDistance(lower, k.toLowerCase(), limit);
    if (d <= limit) scored.push({ k, d });
  }
  scored.sort((a, b) => a.d - b.d || a.k.localeCompare(b.k));
  return scored.slice(0, max).map((s) => s.k);
}

/** Levenshtein distance of `a` and `b`, or `limit + 1` once it is known to exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        prev[j]! + 1,
        cur[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length]!;
}
