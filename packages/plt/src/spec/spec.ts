/**
 * The Vega-Lite spec of a figure: a `concat` of one layered view per Axes, sized in
 * points, with explicit scale domains, tick values and labels, so the spec alone redraws
 * the figure exactly (and opens in the Vega editor). Data lives in top-level `datasets`
 * keyed by element id — the same ids as the CSV column prefixes.
 */
import type { AxisScale } from '../layout/autoscale.js';
import type { AxesState } from '../axes.js';
import {
  COLORBAR,
  layoutFigure,
  type FigureInput,
  type Layout,
  type ResolvedAxes,
} from '../layout/layout.js';
import { legendLayers } from '../layout/legend.js';
import type { Colorbar, Column, Layer, LayerContext } from '../marks/types.js';
import { STYLE } from '../style/style.js';
import type { Ticks } from '../layout/ticks.js';

/** A Vega-Lite spec as plain JSON. */
export type VegaLiteSpec = Record<string, unknown>;

/** Our metadata inside the spec (`usermeta.scitex`), which `rerender` reads back. */
export interface SpecMeta {
  readonly format: 1;
  readonly generator: string;
  readonly figSizeMm: readonly [number, number];
  readonly dpiSave: number;
  /** Figure size in points (the spec's unit). */
  readonly widthPt: number;
  readonly heightPt: number;
}

/** Everything the spec builder needs. */
export interface SpecInput extends FigureInput {
  readonly figSizeMm: readonly [number, number];
  readonly dpiSave: number;
  readonly hideTopRightSpines: boolean;
}

/** A spec without its data, plus the data as columns (so large data is never boxed twice). */
export interface SpecParts {
  readonly spec: VegaLiteSpec;
  readonly datasets: ReadonlyArray<{ name: string; fields: Readonly<Record<string, Column>> }>;
  readonly layout: Layout;
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

function scaleDef(s: AxisScale): Record<string, unknown> {
  const d: Record<string, unknown> = {
    type: s.type,
    domain: [s.lo, s.hi],
    nice: false,
    zero: false,
  };
  if (s.reverse) d['reverse'] = true;
  return d;
}

/** A Vega expression mapping tick values to our labels. */
export function labelExpr(t: Ticks): string {
  return `${JSON.stringify(t.labels)}[indexof(${JSON.stringify(t.values)}, datum.value)]`;
}

function axisDef(r: ResolvedAxes, axis: 'x' | 'y'): Record<string, unknown> {
  const t = axis === 'x' ? r.xTicks : r.yTicks;
  return {
    orient: axis === 'x' ? 'bottom' : 'left',
    title: (axis === 'x' ? r.xTitle : r.yTitle) ?? null,
    values: t.values,
    labelExpr: labelExpr(t),
    labels: axis === 'x' ? r.showXTickLabels : r.showYTickLabels,
    grid: axis === 'x' ? r.state.grid.x : r.state.grid.y,
  };
}

/** Unlabelled minor ticks at 2…9 × 10ⁿ, as matplotlib draws on log axes. */
function minorAxis(s: AxisScale, orient: 'bottom' | 'left'): Record<string, unknown> | null {
  const values: number[] = [];
  for (let e = Math.floor(Math.log10(s.lo)); e <= Math.ceil(Math.log10(s.hi)); e++) {
    for (let k = 2; k <= 9; k++) {
      const v = Number(`${k}e${e}`);
      if (v >= s.lo && v <= s.hi) values.push(v);
    }
  }
  if (values.length === 0 || values.length > 200) return null;
  return {
    orient,
    title: null,
    values,
    labels: false,
    domain: false,
    tickSize: STYLE.tickLength * 0.6,
    grid: false,
  };
}

function colorbarLegend(r: ResolvedAxes, height: number, cb: Colorbar): Record<string, unknown> {
  const t = r.colorbarTicks!;
  return {
    title: cb.title ?? null,
    orient: 'right',
    direction: 'vertical',
    gradientLength: height,
    gradientThickness: COLORBAR.thickness,
    gradientStrokeWidth: 0,
    offset: COLORBAR.offset,
    padding: 0,
    values: t.values,
    labelExpr: labelExpr(t),
    labelOffset: COLORBAR.labelOffset,
    labelOverlap: false,
    titleOrient: 'right',
    titleAnchor: 'middle',
    // Reads upwards, as matplotlib's colour-bar label (Vega's default for 'right' reads down).
    encoding: { title: { angle: { value: 270 }, baseline: { value: 'top' } } },
    titlePadding: COLORBAR.titlePadding,
  };
}

function axesSpec(r: ResolvedAxes, layout: Layout): VegaLiteSpec {
  const W = layout.plotWidth;
  const H = layout.plotHeight;
  const xs = scaleDef(r.x);
  const ys = scaleDef(r.y);
  const xa = axisDef(r, 'x');
  const ya = axisDef(r, 'y');
  // Axes are drawn by the carrier layers only; data layers share the scales.
  const ctx: LayerContext = {
    x: (field) => ({ field, type: 'quantitative', scale: xs, axis: null }),
    y: (field) => ({ field, type: 'quantitative', scale: ys, axis: null }),
    xDatum: (v) => ({ datum: v, type: 'quantitative', scale: xs, axis: null }),
    yDatum: (v) => ({ datum: v, type: 'quantitative', scale: ys, axis: null }),
    width: W,
    height: H,
    xReversed: r.x.reverse,
    yReversed: r.y.reverse,
    colorbarLegend: (cb) => colorbarLegend(r, H, cb),
  };
  // The first layer only carries the axes, so an empty Axes still draws its frame.
  const carrier = (x: unknown, y: unknown): Layer => ({
    data: { values: [{}] },
    mark: { type: 'point', opacity: 0, size: 0 },
    encoding: {
      x: { datum: r.x.lo, type: 'quantitative', scale: xs, axis: x },
      y: { datum: r.y.lo, type: 'quantitative', scale: ys, axis: y },
    },
  });
  const layers: Layer[] = [carrier(xa, ya)];
  const minorX = r.x.type === 'log' ? minorAxis(r.x, 'bottom') : null;
  const minorY = r.y.type === 'log' ? minorAxis(r.y, 'left') : null;
  if (minorX || minorY) layers.push(carrier(minorX, minorY));
  for (const m of r.state.marks) layers.push(...m.layers(ctx));
  if (r.state.legend) layers.push(...legendLayers(r.state.marks, r.state.legend, r.x, r.y, W, H));
  const out: VegaLiteSpec = {
    name: r.state.prefix,
    width: round(W),
    height: round(H),
    layer: layers,
  };
  // Independent axes: only the carrier layers draw one (data layers say `axis: null`).
  out['resolve'] = { axis: { x: 'independent', y: 'independent' } };
  if (r.state.title) out['title'] = { text: r.state.title, offset: STYLE.titlePad };
  return out;
}

function config(hideTopRight: boolean): Record<string, unknown> {
  const font = STYLE.fontFamily;
  const ink = STYLE.ink;
  return {
    font,
    view: hideTopRight ? { stroke: null } : { stroke: ink, strokeWidth: STYLE.spineWidth },
    axis: {
      domainColor: ink,
      domainWidth: STYLE.spineWidth,
      domainCap: 'square',
      tickColor: ink,
      tickWidth: STYLE.tickWidth,
      tickSize: STYLE.tickLength,
      tickRound: false,
      labelColor: ink,
      labelFont: font,
      labelFontSize: STYLE.tickLabelSize,
      labelPadding: STYLE.tickPad,
      labelFlush: false,
      labelOverlap: false,
      labelBound: false,
      titleColor: ink,
      titleFont: font,
      titleFontSize: STYLE.axisLabelSize,
      titleFontWeight: 'normal',
      titlePadding: STYLE.labelPad,
      translate: 0,
      gridColor: ink,
      gridOpacity: STYLE.gridAlpha,
      gridWidth: STYLE.spineWidth,
    },
    legend: {
      labelColor: ink,
      labelFont: font,
      labelFontSize: STYLE.tickLabelSize,
      titleColor: ink,
      titleFont: font,
      titleFontSize: STYLE.axisLabelSize,
      titleFontWeight: 'normal',
    },
    title: {
      font,
      fontSize: STYLE.titleSize,
      fontWeight: 'normal',
      color: ink,
      anchor: 'middle',
      frame: 'group',
    },
  };
}

/** Lays out the figure and builds its spec (data kept aside as columns). */
export function buildSpecParts(input: SpecInput, generator: string): SpecParts {
  const { axes, layout } = layoutFigure(input);
  const meta: SpecMeta = {
    format: 1,
    generator,
    figSizeMm: input.figSizeMm,
    dpiSave: input.dpiSave,
    widthPt: round(layout.width),
    heightPt: round(layout.height),
  };
  const p = layout.padding;
  const spec: VegaLiteSpec = {
    $schema: SCHEMA,
    usermeta: { scitex: meta },
    background: 'white',
    padding: {
      left: round(p.left),
      top: round(p.top),
      right: round(p.right),
      bottom: round(p.bottom),
    },
    autosize: { type: 'pad' },
    config: config(input.hideTopRightSpines),
  };
  if (input.suptitle) {
    spec['title'] = { text: input.suptitle, fontSize: STYLE.suptitleSize, offset: STYLE.titlePad };
  }
  spec['concat'] = axes.map((r) => axesSpec(r, layout));
  spec['columns'] = input.ncols;
  spec['spacing'] = { row: round(layout.rowSpacing), column: round(layout.colSpacing) };
  // Colour bars stay with their own axes (a shared legend would sit right of the whole grid).
  spec['resolve'] = { scale: { color: 'independent' }, legend: { color: 'independent' } };
  spec['bounds'] = 'flush';
  spec['align'] = 'all';
  const datasets = axes.flatMap((r: { state: AxesState }) =>
    r.state.marks.flatMap((m) => m.datasets),
  );
  return { spec, datasets, layout };
}

/** Dataset columns as Vega-Lite rows (NaN and ±Infinity become null). */
export function toRows(fields: Readonly<Record<string, Column>>): Array<Record<string, unknown>> {
  const names = Object.keys(fields);
  const n = names.length ? fields[names[0]!]!.length : 0;
  const rows = new Array<Record<string, unknown>>(n);
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = {};
    for (const f of names) {
      const v = fields[f]![i];
      row[f] = typeof v === 'number' && !Number.isFinite(v) ? null : v;
    }
    rows[i] = row;
  }
  return rows;
}

/** The complete spec with inline data. */
export function assembleSpec(parts: Pick<SpecParts, 'spec' | 'datasets'>): VegaLiteSpec {
  const datasets: Record<string, unknown> = {};
  for (const d of parts.datasets) datasets[d.name] = toRows(d.fields);
  return { ...parts.spec, datasets };
}
