/**
 * Turns the figure's data into CSV and JSON text in one pass over row chunks: each number
 * is formatted once (the shortest text that reads back to the same double) and used by
 * both files when the CSV column and the spec field are the same array — the usual case.
 * Chunks keep temporary strings short-lived, which keeps garbage collection cheap for
 * millions of points.
 */
import type { CsvColumn } from './csv.js';
import type { Column } from './marks/types.js';

const CHUNK = 8192;

/** Where the text goes. */
export interface DataSinks {
  /** CSV text, in order (header first); omitted: no CSV. */
  csv?: (text: string) => void;
  /** JSON rows of dataset `index`, in order, already comma-joined within the call. */
  rows?: (index: number, text: string, first: boolean) => void;
}

function csvName(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Streams the CSV of `columns` and the JSON rows of `datasets` into `sinks`. */
export function writeDataText(
  columns: readonly CsvColumn[],
  datasets: ReadonlyArray<{ fields: Readonly<Record<string, Column>> }>,
  sinks: DataSinks,
): void {
  const wantCsv = sinks.csv !== undefined && columns.length > 0;
  const wantRows = sinks.rows !== undefined;
  // Distinct arrays: formatted once per chunk, shared by CSV and JSON.
  const arrays: Column[] = [];
  const slot = new Map<Column, number>();
  const use = (c: Column): number => {
    let k = slot.get(c);
    if (k === undefined) {
      k = arrays.push(c) - 1;
      slot.set(c, k);
    }
    return k;
  };
  const csvSlots = wantCsv ? columns.map((c) => use(c.values)) : [];
  const dsFields = wantRows
    ? datasets.map((d) => {
        const names = Object.keys(d.fields);
        return {
          keys: names.map((n) => `${JSON.stringify(n)}:`),
          slots: names.map((n) => use(d.fields[n]!)),
          n: names.length ? d.fields[names[0]!]!.length : 0,
        };
      })
    : [];
  const n = Math.max(
    0,
    ...(wantCsv ? columns.map((c) => c.values.length) : []),
    ...dsFields.map((d) => d.n),
  );
  if (wantCsv) sinks.csv!(columns.map((c) => csvName(c.name)).join(',') + '\n');
  // Per slot and chunk: formatted numbers (null for non-finite) or raw strings.
  const text: Array<Array<string | null>> = arrays.map(() => []);
  for (let a = 0; a < n; a += CHUNK) {
    const b = Math.min(n, a + CHUNK);
    for (let k = 0; k < arrays.length; k++) {
      const arr = arrays[k]!;
      const end = Math.min(b, arr.length);
      const out: Array<string | null> = new Array(Math.max(0, end - a));
      if (arr instanceof Float64Array) {
        for (let i = a; i < end; i++) {
          const v = arr[i]!;
          out[i - a] = v - v === 0 ? '' + v : null;
        }
      } else {
        for (let i = a; i < end; i++) out[i - a] = String(arr[i]);
      }
      text[k] = out;
    }
    if (wantCsv) {
      let s = '';
      for (let i = a; i < b; i++) {
        for (let j = 0; j < csvSlots.length; j++) {
          const k = csvSlots[j]!;
          const arr = arrays[k]!;
          let cell = '';
          if (i < arr.length) {
            const t = text[k]![i - a];
            if (arr instanceof Float64Array) {
              cell = t ?? (arr[i] === Infinity ? 'inf' : arr[i] === -Infinity ? '-inf' : '');
            } else cell = csvName(t!);
          }
          s += j ? `,${cell}` : cell;
        }
        s += '\n';
      }
      sinks.csv!(s);
    }
    if (wantRows) {
      dsFields.forEach((d, di) => {
        if (a >= d.n) return;
        const end = Math.min(b, d.n);
        let s = '';
        for (let i = a; i < end; i++) {
          let row = '{';
          for (let j = 0; j < d.slots.length; j++) {
            const k = d.slots[j]!;
            const arr = arrays[k]!;
            const t = text[k]![i - a];
            const v = arr instanceof Float64Array ? (t ?? 'null') : JSON.stringify(t ?? null);
            row += (j ? ',' : '') + d.keys[j] + v;
          }
          s += (i > a ? ',\n' : '') + row + '}';
        }
        sinks.rows!(di, s, a === 0);
      });
    }
  }
}
