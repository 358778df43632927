/**
 * What the renderer reads from a spec itself (not from the script that made it): our
 * metadata, and where Vega's grid places each plot area — so a saved `.vl.json` re-renders
 * identically without the script.
 */
import type { Column } from '../marks/types.js';
import type { SpecMeta, VegaLiteSpec } from '../spec/spec.js';

/** A spec without datasets, and the datasets as columns. */
export interface RenderInput {
  readonly spec: VegaLiteSpec;
  readonly datasets: ReadonlyArray<{ name: string; fields: Readonly<Record<string, Column>> }>;
}

/** Our metadata in a spec, or undefined for a foreign spec. */
export function metaOf(spec: VegaLiteSpec): SpecMeta | undefined {
  const m = (spec['usermeta'] as { scitex?: SpecMeta } | undefined)?.scitex;
  return m && m.format === 1 && Array.isArray(m.figSizeMm) ? m : undefined;
}

/** A JSON object inside a spec. */
export type Obj = Record<string, unknown>;

/** A finite number, or `d`. */
export function num(v: unknown, d = 0): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : d;
}

/** A plot area: its view spec and its rectangle in points. */
export interface Cell {
  spec: Obj;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Plot-area rectangles (points) of every view of a concat spec, as Vega's grid places them. */
export function cells(spec: VegaLiteSpec): Cell[] {
  const views = (spec['concat'] as Obj[] | undefined) ?? [];
  const pad = (spec['padding'] ?? {}) as Obj;
  const columns = num(spec['columns'], views.length) || views.length;
  const sp = spec['spacing'];
  const sc = typeof sp === 'number' ? sp : num((sp as Obj | undefined)?.['column'], 20);
  const sr = typeof sp === 'number' ? sp : num((sp as Obj | undefined)?.['row'], 20);
  const colW: number[] = [];
  const rowH: number[] = [];
  views.forEach((v, k) => {
    const c = k % columns;
    const r = Math.floor(k / columns);
    colW[c] = Math.max(colW[c] ?? 0, num(v['width']));
    rowH[r] = Math.max(rowH[r] ?? 0, num(v['height']));
  });
  const xs = colW.map(
    (_, c) => num(pad['left']) + colW.slice(0, c).reduce((a, b) => a + b + sc, 0),
  );
  const ys = rowH.map((_, r) => num(pad['top']) + rowH.slice(0, r).reduce((a, b) => a + b + sr, 0));
  return views.map((v, k) => ({
    spec: v,
    x: xs[k % columns]!,
    y: ys[Math.floor(k / columns)]!,
    w: num(v['width']),
    h: num(v['height']),
  }));
}
