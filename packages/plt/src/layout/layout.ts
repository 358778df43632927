/**
 * Figure layout in points, done here rather than by Vega so the figure is exactly the
 * size asked for and every plot area's position is known (decimation and the legend need
 * it). Like matplotlib's tight layout: the margins are what tick labels, axis labels and
 * titles need, measured with the real font; the plot areas share what is left.
 */
import { resolveScale, scaleFn, type AxisScale } from './autoscale.js';
import type { AxesState } from '../axes.js';
import { PltError } from '../errors.js';
import { textWidth } from '../fonts/fonts.js';
import { unionExtent, type AxisExtent } from '../marks/types.js';
import { STYLE } from '../style/style.js';
import { linearTicks, logTicks, minus, tickCountFor, type Ticks } from './ticks.js';

/** One Axes with everything needed to draw it. */
export interface ResolvedAxes {
  readonly state: AxesState;
  readonly x: AxisScale;
  readonly y: AxisScale;
  xTicks: Ticks;
  yTicks: Ticks;
  readonly showXTickLabels: boolean;
  readonly showYTickLabels: boolean;
  xTitle: string | undefined;
  yTitle: string | undefined;
  colorbarTicks: Ticks | undefined;
}

/** Where everything goes, in points. */
export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly padding: { left: number; top: number; right: number; bottom: number };
  readonly plotWidth: number;
  readonly plotHeight: number;
  readonly colSpacing: number;
  readonly rowSpacing: number;
  readonly suptitleOffset: number;
}

/** What the layout needs to know about the figure. */
export interface FigureInput {
  readonly widthPt: number;
  readonly heightPt: number;
  readonly nrows: number;
  readonly ncols: number;
  readonly axes: readonly AxesState[];
  readonly sharex: boolean;
  readonly sharey: boolean;
  readonly suptitle: string | undefined;
}

/** Colour-bar geometry constants (points). */
export const COLORBAR = { offset: 6, thickness: 8, labelOffset: 2, titlePadding: 3 } as const;

const EPS = 1e-9;

function extentFor(s: AxesState, axis: 'x' | 'y'): AxisExtent | null {
  const log = (axis === 'x' ? s.xScale : s.yScale) === 'log';
  return unionExtent(...s.marks.map((m) => m.extent(axis, log)));
}

function fmtValue(v: number): string {
  return minus(String(Number(v.toPrecision(12))));
}

function ticksFor(s: AxesState, axis: 'x' | 'y', sc: AxisScale, lengthPt: number): Ticks {
  const user = axis === 'x' ? s.xTicks : s.yTicks;
  const inside = (v: number): boolean =>
    v >= sc.lo - EPS * Math.abs(sc.lo || 1) && v <= sc.hi + EPS * Math.abs(sc.hi || 1);
  const pick = (values: readonly number[], labels: readonly string[]): Ticks => {
    const keep = values
      .map((v, i) => [v, labels[i] ?? fmtValue(v)] as const)
      .filter(([v]) => inside(v));
    return { values: keep.map(([v]) => v), labels: keep.map(([, l]) => l) };
  };
  if (user) return pick(user.values, user.labels ?? user.values.map(fmtValue));
  if (axis === 'x' && s.categories.length)
    return pick(
      s.categories.map((_, i) => i),
      s.categories,
    );
  if (axis === 'x') {
    const m = s.marks.find((k) => k.xTicks);
    if (m?.xTicks) return pick(m.xTicks.values, m.xTicks.labels);
  }
  const count = tickCountFor(lengthPt);
  const t = sc.type === 'log' ? logTicks(sc.lo, sc.hi, count) : linearTicks(sc.lo, sc.hi, count);
  const keep = t.values.map((v, i) => [v, t.labels[i]!] as const).filter(([v]) => inside(v));
  return { ...t, values: keep.map(([v]) => v), labels: keep.map(([, l]) => l) };
}

function withMultiplier(title: string | undefined, t: Ticks): string | undefined {
  if (!t.multiplier) return title;
  return title ? `${title} (${t.multiplier})` : t.multiplier;
}

/** Resolves scales for every axes (shared axes get the union of their data). */
function resolveScales(f: FigureInput): Array<{ x: AxisScale; y: AxisScale }> {
  const one = (
    s: AxesState,
    axis: 'x' | 'y',
    ext: AxisExtent | null,
    lim: { lo?: number; hi?: number },
  ): AxisScale =>
    resolveScale(
      ext,
      axis === 'x' ? s.xScale : s.yScale,
      lim,
      axis === 'y' && s.marks.some((m) => m.invertY),
    );
  const shared = (
    axis: 'x' | 'y',
  ): { ext: AxisExtent | null; lim: { lo?: number; hi?: number } } => {
    const ext = unionExtent(...f.axes.map((s) => extentFor(s, axis)));
    const withLim = f.axes.find((s) => {
      const l = axis === 'x' ? s.xLim : s.yLim;
      return l.lo !== undefined || l.hi !== undefined;
    });
    return { ext, lim: withLim ? (axis === 'x' ? withLim.xLim : withLim.yLim) : {} };
  };
  const sx = f.sharex ? shared('x') : undefined;
  const sy = f.sharey ? shared('y') : undefined;
  return f.axes.map((s) => ({
    x: sx ? one(s, 'x', sx.ext, sx.lim) : one(s, 'x', extentFor(s, 'x'), s.xLim),
    y: sy ? one(s, 'y', sy.ext, sy.lim) : one(s, 'y', extentFor(s, 'y'), s.yLim),
  }));
}

interface Needs {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function colorbarWidth(r: ResolvedAxes): number {
  const cb = r.state.marks.find((m) => m.colorbar)?.colorbar;
  if (!cb || !r.colorbarTicks) return 0;
  const labelW = Math.max(
    0,
    ...r.colorbarTicks.labels.map((l) => textWidth(l, STYLE.tickLabelSize)),
  );
  return (
    COLORBAR.offset +
    COLORBAR.thickness +
    COLORBAR.labelOffset +
    labelW +
    (cb.title ? COLORBAR.titlePadding + STYLE.axisLabelSize * 1.2 : 0)
  );
}

function needsOf(r: ResolvedAxes, w: number, h: number): Needs {
  const fs = STYLE.tickLabelSize;
  const yLabelW = r.showYTickLabels
    ? Math.max(0, ...r.yTicks.labels.map((l) => textWidth(l, fs)))
    : 0;
  let left =
    STYLE.tickLength +
    (r.showYTickLabels && r.yTicks.labels.length ? STYLE.tickPad + yLabelW : 0) +
    (r.yTitle ? STYLE.labelPad + STYLE.axisLabelSize * 1.2 : 0);
  let bottom =
    STYLE.tickLength +
    (r.showXTickLabels && r.xTicks.labels.length ? STYLE.tickPad + fs * 1.15 : 0) +
    (r.xTitle ? STYLE.labelPad + STYLE.axisLabelSize * 1.2 : 0);
  let right = 0;
  let top = 0;
  if (r.showXTickLabels) {
    const fx = scaleFn(r.x, w);
    r.xTicks.values.forEach((v, i) => {
      const half = textWidth(r.xTicks.labels[i]!, fs) / 2;
      const p = fx(v);
      right = Math.max(right, p + half - w);
      left = Math.max(left, half - p);
    });
  }
  if (r.showYTickLabels) {
    const fy = scaleFn(r.y, h);
    for (const v of r.yTicks.values) {
      const p = fy(v);
      top = Math.max(top, p + fs * 0.6 - h);
      bottom = Math.max(bottom, fs * 0.6 - p);
    }
  }
  if (r.state.title) top = Math.max(top, 0) + STYLE.titlePad + STYLE.titleSize * 1.2;
  right = Math.max(right, colorbarWidth(r));
  return { left, right, top, bottom };
}

/** Resolves scales and ticks and lays the figure out. */
export function layoutFigure(f: FigureInput): { axes: ResolvedAxes[]; layout: Layout } {
  const scales = resolveScales(f);
  const resolved: ResolvedAxes[] = f.axes.map((s, i) => {
    const sc = scales[i]!;
    return {
      state: s,
      x: sc.x,
      y: sc.y,
      xTicks: { values: [], labels: [] },
      yTicks: { values: [], labels: [] },
      showXTickLabels: !f.sharex || s.row === f.nrows - 1,
      showYTickLabels: !f.sharey || s.col === 0,
      xTitle: s.xLabel,
      yTitle: s.yLabel,
      colorbarTicks: undefined,
    };
  });
  const gap = 2 * STYLE.outerPad;
  const supH = f.suptitle ? STYLE.suptitleSize * 1.2 + STYLE.titlePad : 0;
  let w = (f.widthPt * 0.8) / f.ncols;
  let h = (f.heightPt * 0.75) / f.nrows;
  let layout: Layout | undefined;
  let prevKey = '';
  for (let iter = 0; iter < 4; iter++) {
    for (const r of resolved) {
      r.xTicks = ticksFor(r.state, 'x', r.x, w);
      r.yTicks = ticksFor(r.state, 'y', r.y, h);
      r.xTitle = withMultiplier(r.state.xLabel, r.xTicks);
      r.yTitle = withMultiplier(r.state.yLabel, r.yTicks);
      const cb = r.state.marks.find((m) => m.colorbar)?.colorbar;
      r.colorbarTicks = cb ? linearTicks(cb.lo, cb.hi, tickCountFor(h)) : undefined;
    }
    const key = JSON.stringify(resolved.map((r) => [r.xTicks.values, r.yTicks.values]));
    const needs = resolved.map((r) => needsOf(r, w, h));
    const at = (pred: (r: ResolvedAxes) => boolean, k: keyof Needs): number =>
      Math.max(0, ...resolved.map((r, i) => (pred(r) ? needs[i]![k] : 0)));
    const padding = {
      left: STYLE.outerPad + at((r) => r.state.col === 0, 'left'),
      right: STYLE.outerPad + at((r) => r.state.col === f.ncols - 1, 'right'),
      top: STYLE.outerPad + supH + at((r) => r.state.row === 0, 'top'),
      bottom: STYLE.outerPad + at((r) => r.state.row === f.nrows - 1, 'bottom'),
    };
    const colSpacing =
      f.ncols > 1
        ? at((r) => r.state.col > 0, 'left') + at((r) => r.state.col < f.ncols - 1, 'right') + gap
        : 0;
    const rowSpacing =
      f.nrows > 1
        ? at((r) => r.state.row > 0, 'top') + at((r) => r.state.row < f.nrows - 1, 'bottom') + gap
        : 0;
    w = (f.widthPt - padding.left - padding.right - (f.ncols - 1) * colSpacing) / f.ncols;
    h = (f.heightPt - padding.top - padding.bottom - (f.nrows - 1) * rowSpacing) / f.nrows;
    if (!(w >= 10 && h >= 10)) {
      throw new PltError(
        'PLT_INVALID_OPTION',
        `the figure (${(f.widthPt / (72 / 25.4)).toFixed(0)}×${(f.heightPt / (72 / 25.4)).toFixed(0)} mm) is too small for ${f.nrows}×${f.ncols} axes with their labels; use a larger figSizeMm or fewer axes`,
      );
    }
    layout = {
      width: f.widthPt,
      height: f.heightPt,
      padding,
      plotWidth: w,
      plotHeight: h,
      colSpacing,
      rowSpacing,
      suptitleOffset: at((r) => r.state.row === 0, 'top') + STYLE.titlePad,
    };
    if (key === prevKey) break;
    prevKey = key;
  }
  return { axes: resolved, layout: layout! };
}
