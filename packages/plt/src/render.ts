/**
 * Spec → SVG (Vega, headless) → PNG (resvg). Lines with more points than pixels are
 * decimated for drawing (see decimate.ts), using the figure geometry read from the spec
 * itself, so a saved `.vl.json` re-renders identically without the script.
 */
import { scaleFn, type AxisScale } from './autoscale.js';
import { m4Indices } from './decimate.js';
import { loadEngines } from './engines.js';
import { PltError } from './errors.js';
import { FONT_FAMILY, fontFiles, textMetrics } from './fonts.js';
import type { Column } from './marks/types.js';
import { withDpi } from './png.js';
import { toRows, type SpecMeta, type VegaLiteSpec } from './spec.js';

/** A spec without datasets, and the datasets as columns. */
export interface RenderInput {
  readonly spec: VegaLiteSpec;
  readonly datasets: ReadonlyArray<{ name: string; fields: Readonly<Record<string, Column>> }>;
}

/** Pixel size of a PNG of the figure at `dpi` (mm × dpi / 25.4, rounded). */
export function pixelSize(meta: Pick<SpecMeta, 'figSizeMm'>, dpi: number): [number, number] {
  return [
    Math.round((meta.figSizeMm[0] / 25.4) * dpi),
    Math.round((meta.figSizeMm[1] / 25.4) * dpi),
  ];
}

/** Our metadata in a spec, or undefined for a foreign spec. */
export function metaOf(spec: VegaLiteSpec): SpecMeta | undefined {
  const m = (spec['usermeta'] as { scitex?: SpecMeta } | undefined)?.scitex;
  return m && m.format === 1 && Array.isArray(m.figSizeMm) ? m : undefined;
}

type Obj = Record<string, unknown>;

/**
 * Decimation columns per pixel. M4 is exact for hairlines; a line several pixels wide
 * also shows, at its edges, where inside a column the extremes lie, so columns are half a
 * pixel wide — the measured trade-off between fidelity and drawing time (README,
 * "Decimation").
 */
export const SUBCOLUMNS = 2;

function num(v: unknown, d = 0): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : d;
}

interface Cell {
  spec: Obj;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Plot-area rectangles (points) of every view of a concat spec, as Vega's grid places them. */
function cells(spec: VegaLiteSpec): Cell[] {
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
function decimateLines(input: RenderInput, pxPerPt: number): RenderInput {
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

function usedDatasets(spec: VegaLiteSpec): Set<string> {
  const used = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Obj;
      const d = o['data'] as Obj | undefined;
      if (d && typeof d['name'] === 'string') used.add(d['name']);
      for (const [k, c] of Object.entries(o)) if (k !== 'datasets') walk(c);
    }
  };
  walk(spec);
  return used;
}

function setRoot(svg: string, attrs: string): string {
  const end = svg.indexOf('>');
  const head = svg
    .slice(0, end)
    .replace(/\s(width|height|viewBox|preserveAspectRatio)="[^"]*"/g, '')
    .replace(/^<svg/, `<svg ${attrs}`);
  return head + svg.slice(end);
}

/**
 * Vega numbers clip paths and gradients with process-wide counters; renumbering them in
 * order of appearance makes the same figure give the same SVG bytes within a process too.
 */
export function canonicalIds(svg: string): string {
  const map = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g))
    if (!map.has(m[1]!)) map.set(m[1]!, `plt-${map.size + 1}`);
  if (map.size === 0) return svg;
  return svg.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (all, pre: string, id: string) => {
    const to = map.get(id);
    return to ? pre + to : all;
  });
}

/**
 * resvg 2.6 aborts the whole process (a Rust panic it cannot unwind) when an element
 * drawn with group `opacity` lies wholly outside the canvas — e.g. a legend taller than its
 * axes. Vega writes `opacity` on every mark; on a single shape it means the same as
 * multiplying its fill and stroke opacities, which resvg handles without a layer.
 */
export function flattenOpacity(svg: string): string {
  return svg.replace(
    /<(path|line|rect|circle|ellipse|polygon|polyline|text)\b([^>]*?)\sopacity="([^"]*)"/g,
    (all, tag: string, attrs: string, value: string) => {
      const o = Number(value);
      if (!(o >= 0 && o < 1)) return all;
      let out = attrs;
      for (const name of ['fill-opacity', 'stroke-opacity']) {
        const re = new RegExp(`\\s${name}="([^"]*)"`);
        const m = re.exec(out);
        const v = Math.round((m ? Number(m[1]) : 1) * o * 1e6) / 1e6;
        out = m ? out.replace(re, ` ${name}="${v}"`) : `${out} ${name}="${v}"`;
      }
      return `<${tag}${out}`;
    },
  );
}

function fmt(v: number): string {
  return String(Math.round(v * 1000) / 1000);
}

/**
 * Renders to an SVG sized in millimetres (viewBox in points). `pxPerPt` chooses the
 * pixel grid lines are decimated for (the PNG's, or the save DPI's for SVG output).
 */
export async function renderSvg(
  input: RenderInput,
  pxPerPt: number,
  options: { decimate?: boolean } = {},
): Promise<string> {
  const { vega, vl } = await loadEngines();
  const meta = metaOf(input.spec);
  const drawn = meta && options.decimate !== false ? decimateLines(input, pxPerPt) : input;
  const used = usedDatasets(drawn.spec);
  const datasets: Obj = {};
  for (const d of drawn.datasets) if (used.has(d.name)) datasets[d.name] = toRows(d.fields);
  try {
    const logger = vega.logger(vega.Error);
    const compiled = vl.compile({ ...drawn.spec, datasets } as never, { logger: logger as never })
      .spec as Obj;
    if (meta) {
      const pad = (input.spec['padding'] ?? {}) as Obj;
      compiled['autosize'] = { type: 'none', contains: 'content' };
      compiled['width'] =
        Math.round((meta.widthPt - num(pad['left']) - num(pad['right'])) * 1e6) / 1e6;
      compiled['height'] =
        Math.round((meta.heightPt - num(pad['top']) - num(pad['bottom'])) * 1e6) / 1e6;
      for (const c of cells(input.spec)) {
        // A plot area outside the canvas makes resvg abort the process; refuse it here.
        if (
          c.w <= 0 ||
          c.h <= 0 ||
          c.x < 0 ||
          c.y < 0 ||
          c.x + c.w > meta.widthPt + 0.01 ||
          c.y + c.h > meta.heightPt + 0.01
        ) {
          throw new Error(
            `a plot area (${fmt(c.w)}×${fmt(c.h)} pt at ${fmt(c.x)}, ${fmt(c.y)}) lies outside the ${fmt(meta.widthPt)}×${fmt(meta.heightPt)} pt figure`,
          );
        }
      }
    }
    const view = new vega.View(vega.parse(compiled as never), {
      renderer: 'none',
      logLevel: vega.Error,
    });
    const svg = flattenOpacity(canonicalIds(await view.toSVG()));
    view.finalize();
    if (!meta) return svg;
    return setRoot(
      svg,
      `width="${fmt(meta.figSizeMm[0])}mm" height="${fmt(meta.figSizeMm[1])}mm" viewBox="0 0 ${meta.widthPt} ${meta.heightPt}"`,
    );
  } catch (cause) {
    throw new PltError(
      'PLT_RENDER_FAILED',
      `could not draw the figure: ${(cause as Error)?.message ?? String(cause)}`,
      { cause },
    );
  }
}

/** The viewBox size of an SVG root (points for our figures). */
function viewBoxOf(svg: string): [number, number] {
  const head = svg.slice(0, svg.indexOf('>'));
  const vb = /viewBox="([^"]*)"/
    .exec(head)?.[1]
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if (vb && vb.length === 4) return [vb[2]!, vb[3]!];
  return [
    Number(/width="([\d.]+)/.exec(head)?.[1] ?? 0),
    Number(/height="([\d.]+)/.exec(head)?.[1] ?? 0),
  ];
}

/** Whether some text in the SVG needs glyphs the shipped font lacks (e.g. CJK). */
function needsSystemFonts(svg: string): boolean {
  const m = textMetrics();
  for (const t of svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)) {
    for (const ch of t[1]!)
      if (ch.codePointAt(0)! > 0x7e && !m.has(ch.codePointAt(0)!)) return true;
  }
  return false;
}

/**
 * Rasterises an SVG to exactly `width`×`height` pixels and records `dpi` in the PNG. Only
 * the shipped fonts are used — unless some text needs a glyph they lack; then system fonts
 * fill in (so the figure may differ between machines).
 */
export async function svgToPng(
  svg: string,
  width: number,
  height: number,
  dpi: number,
): Promise<Buffer> {
  const { resvg } = await loadEngines();
  const [vw, vh] = viewBoxOf(svg);
  const sized = setRoot(
    svg,
    `width="${width}" height="${height}" viewBox="0 0 ${vw} ${vh}" preserveAspectRatio="none"`,
  );
  try {
    const img = await resvg.renderAsync(sized, {
      font: {
        loadSystemFonts: needsSystemFonts(svg),
        fontFiles: fontFiles(),
        defaultFontFamily: FONT_FAMILY,
        sansSerifFamily: FONT_FAMILY,
      },
      logLevel: 'off',
    });
    return withDpi(img.asPng(), dpi);
  } catch (cause) {
    throw new PltError(
      'PLT_RENDER_FAILED',
      `could not rasterise the figure: ${(cause as Error)?.message ?? String(cause)}`,
      { cause },
    );
  }
}
