/**
 * The largest absolute difference between two CSV files of numbers of the same shape —
 * how far apart two runs' results are, not just that they differ. Cells that are not
 * numbers must be equal; otherwise (or when the shapes differ) there is no such number.
 */

function rows(text: string): string[][] {
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.split(','));
}

const numeric = (cell: string): number | null => {
  const t = cell.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isNaN(n) && t !== 'NaN' ? null : n;
};

/**
 * max |a − b| over the numeric cells of two CSV texts; 0 when every number is equal.
 * Null when the row or column counts differ, a non-numeric cell differs, or the files use
 * quoting (not parsed here).
 */
export function csvMaxAbsDiff(a: string, b: string): number | null {
  if (a.includes('"') || b.includes('"')) return null;
  const ra = rows(a);
  const rb = rows(b);
  if (ra.length !== rb.length) return null;
  let max = 0;
  for (let i = 0; i < ra.length; i++) {
    const x = ra[i]!;
    const y = rb[i]!;
    if (x.length !== y.length) return null;
    for (let j = 0; j < x.length; j++) {
      if (x[j] === y[j]) continue;
      const p = numeric(x[j]!);
      const q = numeric(y[j]!);
      if (p === null || q === null) return null;
      if (p === q || (Number.isNaN(p) && Number.isNaN(q))) continue;
      const d = Math.abs(p - q);
      max = Number.isNaN(d) ? Infinity : Math.max(max, d);
    }
  }
  return max;
}
