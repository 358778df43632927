/**
 * Lines with more points than pixels are decimated for drawing (M4, see decimate.ts),
 * using the figure geometry read from the spec; the CSV and spec keep every point.
 */
import { scaleFn, type AxisScale } from '../layout/autoscale.js';
import type { Column } from '../marks/types.js';
import { m4Indices } from './decimate.js';
import { cells, type Obj, type RenderInput } from './specGeometry.js';

/**
 * Decimation columns per pixel. M4 is exact for hairlines; a line several pixels wide
 * also shows, at its edges, where inside a column the extremes lie, so columns are half a
 * pixel wide — the measured trade-off between fidelity and drawing time (README,
 * "Decimation").
 */
export const SUBCOLUMNS = 2;

function scaleOf(enc: Obj | undefined): AxisScale | undefined {
  const s = enc?.['scale'] as Obj | undefined;
  const d = s?.['domain'];
  if (!s || !Array.isArray(d) || d.length !== 2) return undefined;
  const type =
    s['type'] === 'log'
      ? 'log'
      : s['type'] === undefined || s['type'] === 'linear'
        ? 'linear'
        : undefined;
  if (!type) return undefined;
  const [a, b] = d as number[];
  if (!Number.isFinite(a) || !Number.isFinite(b) || a === b) return undefined;
  return {
    type,
    lo: Math.min(a!, b!),
    hi: Math.max(a!, b!),
    reverse: (s['reverse'] === true) !== a! > b!,
  };
}

/**
 * Replaces, in a copy of the spec, the data of every line layer that has more points than
 * its plot area has pixel columns, with the M4-decimated points for `pxPerPt`.
 */
export function decimateLines(input: RenderInput, pxPerPt: number): RenderInput {
  const byName = new Map(input.datasets.map((d) => [d.name, d.fields]));
  const spec = structuredClone(input.spec);
  const extra: Array<{ name: string; fields: Record<string, Column> }> = [];
  for (const cell of cells(spec)) {
    const layers = cell.spec['layer'] as Obj[] | undefined;
    if (!Array.isArray(layers)) continue;
    layers.forEach((layer, li) => {
      const mark = layer['mark'];
      const type = typeof mark === 'string' ? mark : (mark as Obj | undefined)?.['type'];
      const dataName = (layer['data'] as Obj | undefined)?.['name'];
      const enc = layer['encoding'] as Obj | undefined;
      if (type !== 'line' || typeof dataName !== 'string' || !enc) return;
      const fields = byName.get(dataName);
      const xf = (enc['x'] as Obj | undefined)?.['field'];
      const yf = (enc['y'] as Obj | undefined)?.['field'];
      const xs = scaleOf(enc['x'] as Obj);
      if (!fields || typeof xf !== 'string' || typeof yf !== 'string' || !xs) return;
      const X = fields[xf];
      const Y = fields[yf];
      if (!(X instanceof Float64Array) || !(Y instanceof Float64Array)) return;
      const n = X.length;
      const columns = cell.w * pxPerPt * SUBCOLUMNS;
      if (n < 2 * columns) return;
      const f = scaleFn(xs, cell.w);
      const x0 = cell.x;
      const log = xs.type === 'log';
      const col = (i: number): number => {
        const v = X[i]!;
        if (!Number.isFinite(v) || (log && v <= 0)) return NaN;
        return Math.floor((x0 + f(v)) * pxPerPt * SUBCOLUMNS);
      };
      const idx = m4Indices(n, col, Y);
      if (idx.length > n / 2) return;
      const sub: Record<string, Column> = {};
      for (const [k, c] of Object.entries(fields)) {
        sub[k] =
          c instanceof Float64Array
            ? Float64Array.from(idx, (i) => c[i]!)
            : Array.from(idx, (i) => c[i]!);
      }
      const name = `${dataName}__drawn_${extra.length}`;
      extra.push({ name, fields: sub });
      layers[li] = { ...layer, data: { name } };
    });
  }
  return { spec, datasets: [...input.datasets, ...extra] };
}
