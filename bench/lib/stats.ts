/** Small summary statistics for timing samples. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  n: number;
}

/** Median, min and max of a list of samples. */
export function summarize(samples: number[]): Summary {
  if (samples.length === 0) throw new Error('summarize: no samples');
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]!, n: s.length };
}

/** "12.3 ms [11.9–13.0]" for a summary in milliseconds. */
export function fmtMs(x: Summary): string {
  const f = (v: number): string =>
    v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`;
  return `${f(x.median)} [${f(x.min)}–${f(x.max)}]`;
}
