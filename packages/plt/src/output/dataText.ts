/**
 * Turns the figure's data into CSV and JSON text in one pass over row chunks: each number
 * is formatted once (the shortest text that reads back to the same double) and used by
 * both files when the CSV column and the spec field are the same array — the usual case.
 * Chunks keep temporary strings short-lived, which keeps garbage collection cheap for
 * millions of points.
 */
import type { CsvColumn } from './csv.js';
import type { Column } from '../marks/types.js';

const CHUNK = 8192;

/** Where the text goes. */
export interface DataSinks {
  /** CSV text, in order (header first); omitted: no CSV. */
  csv?: (text: string) => void;
  /** JSON rows of dataset `index`, comma-joined; `first` for its first chunk. */
  rows?: (index: number, text: string, first: boolean) => void;
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvSpecial(v: number): string {
  return v === Infinity ? 'inf' : v === -Infinity ? '-inf' : '';
}

/** One chunk of one distinct array, formatted for CSV and for JSON. */
interface Cells {
  csv: string[];
  json: string[];
}

function format(arr: Column, a: number, end: number): Cells {
  const m = Math.max(0, end - a);
  if (arr instanceof Float64Array) {
    const t = new Array<string>(m);
    let special = false;
    for (let i = a; i < end; i++) {
      const v = arr[i]!;
      if (v - v === 0) t[i - a] = '' + v;
      else {
        t[i - a] = '';
        special = true;
      }
    }
    if (!special) return { csv: t, json: t };
    const csv = t.slice();
    const json = t.slice();
    for (let i = a; i < end; i++) {
      const v = arr[i]!;
      if (!(v - v === 0)) {
        csv[i - a] = csvSpecial(v);
        json[i - a] = 'null';
      }
    }
    return { csv, json };
  }
  const csv = new Array<string>(m);
  const json = new Array<string>(m);
  for (let i = a; i < end; i++) {
    const s = String(arr[i]);
    csv[i - a] = csvField(s);
    json[i - a] = JSON.stringify(s);
  }
  return { csv, json };
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
          keys: names.map((n, j) => `${j ? ',' : '{'}${JSON.stringify(n)}:`),
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
  if (wantCsv) sinks.csv!(columns.map((c) => csvField(c.name)).join(',') + '\n');
  const empty: Cells = { csv: [], json: [] };
  for (let a = 0; a < n; a += CHUNK) {
    const b = Math.min(n, a + CHUNK);
    const cells = arrays.map((arr) =>
      arr.length > a ? format(arr, a, Math.min(b, arr.length)) : empty,
    );
    if (wantCsv) {
      const cols = csvSlots.map((k) => cells[k]!.csv);
      const m = b - a;
      const lines = new Array<string>(m);
      if (cols.length === 2 && cols[0]!.length === m && cols[1]!.length === m) {
        const [c0, c1] = cols as [string[], string[]];
        for (let j = 0; j < m; j++) lines[j] = c0[j] + ',' + c1[j];
      } else {
        for (let j = 0; j < m; j++) {
          let line = cols[0]![j] ?? '';
          for (let c = 1; c < cols.length; c++) line += ',' + (cols[c]![j] ?? '');
          lines[j] = line;
        }
      }
      sinks.csv!(lines.join('\n') + '\n');
    }
    if (wantRows) {
      dsFields.forEach((d, di) => {
        if (a >= d.n) return;
        const m = Math.min(b, d.n) - a;
        const vals = d.slots.map((k) => cells[k]!.json);
        const rows = new Array<string>(m);
        if (vals.length === 2) {
          const [v0, v1] = vals as [string[], string[]];
          const [k0, k1] = d.keys as [string, string];
          for (let j = 0; j < m; j++) rows[j] = k0 + v0[j] + k1 + v1[j] + '}';
        } else {
          for (let j = 0; j < m; j++) {
            let row = '';
            for (let c = 0; c < vals.length; c++) row += d.keys[c]! + vals[c]![j]!;
            rows[j] = vals.length ? row + '}' : '{}';
          }
        }
        sinks.rows!(di, rows.join(',\n'), a === 0);
      });
    }
  }
}
