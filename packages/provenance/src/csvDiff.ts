/**
 * How far apart two CSV files are, cell by cell: the largest absolute difference of their
 * numbers, and whether everything else that differs is a timestamp (the `time` column of
 * a metrics.csv differs between any two runs and says nothing about the results).
 */

/** Rows of cells; quoted fields (`"a,b"`, `""` for a quote, line breaks inside) are understood. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const ISO = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

const numeric = (cell: string): number | null => {
  const t = cell.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isNaN(n) && t !== 'NaN' ? null : n;
};

/** What {@link csvCompare} finds. */
export interface CsvComparison {
  /** max |a − b| over the numeric cells (0 when all equal); null when the shapes differ or a text cell differs. */
  maxAbsDiff: number | null;
  /** Every differing cell is a timestamp in both files (and the shapes match). */
  onlyTimestamps: boolean;
}

/** Compares two CSV texts cell by cell. */
export function csvCompare(a: string, b: string): CsvComparison {
  const ra = parseCsv(a);
  const rb = parseCsv(b);
  const none: CsvComparison = { maxAbsDiff: null, onlyTimestamps: false };
  if (ra.length !== rb.length) return none;
  let max = 0;
  let numbersDiffer = false;
  for (let i = 0; i < ra.length; i++) {
    const x = ra[i]!;
    const y = rb[i]!;
    if (x.length !== y.length) return none;
    for (let j = 0; j < x.length; j++) {
      if (x[j] === y[j]) continue;
      if (ISO.test(x[j]!.trim()) && ISO.test(y[j]!.trim())) continue;
      const p = numeric(x[j]!);
      const q = numeric(y[j]!);
      if (p === null || q === null) return none;
      numbersDiffer = true;
      if (p === q || (Number.isNaN(p) && Number.isNaN(q))) continue;
      const d = Math.abs(p - q);
      max = Number.isNaN(d) ? Infinity : Math.max(max, d);
    }
  }
  return { maxAbsDiff: max, onlyTimestamps: !numbersDiffer };
}

/**
 * max |a − b| over the numeric cells of two CSV texts; 0 when every number is equal.
 * Null when the row or column counts differ or a cell that is neither a number nor a
 * timestamp differs.
 */
export function csvMaxAbsDiff(a: string, b: string): number | null {
  return csvCompare(a, b).maxAbsDiff;
}
