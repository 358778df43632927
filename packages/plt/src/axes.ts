/**
 * One subplot. Plotting calls check their input at once (bad data fails at the call, not
 * at save time), turn it into a Mark, and return a handle naming the element's CSV columns.
 * Setters return the Axes, so they chain.
 */
import { PltError } from './errors.js';
import { finiteNumber, looksLikeArray, sameLength, toNumbers, type NumericArray } from './data.js';
import type { ResolvedPltOptions } from './options.js';
import type {
  BarOptions,
  BoxplotOptions,
  ErrorbarOptions,
  FillBetweenOptions,
  HistOptions,
  ImshowOptions,
  LegendLoc,
  LegendOptions,
  LineOptions,
  RefLineOptions,
  ScatterOptions,
  TextOptions,
} from './plotOptions.js';
import { LEGEND_POSITIONS } from './layout/legend.js';
import { barMark } from './marks/bar.js';
import { boxplotMark } from './marks/boxplot.js';
import type { MarkEnv } from './marks/env.js';
import { parseErrors } from './marks/errorInput.js';
import { errorbarMark } from './marks/errorbar.js';
import { fillMark } from './marks/fill.js';
import { histMark, type HistResult } from './marks/hist.js';
import { imageMark, toMatrix } from './marks/image.js';
import { lineMark } from './marks/line.js';
import { refLineMark } from './marks/refLine.js';
import { scatterMark } from './marks/scatter.js';
import { textMark } from './marks/text.js';
import type { Mark } from './marks/types.js';

/** What a plotting call returns: the element id and its CSV column names. */
export interface PlotHandle {
  /** e.g. `ax_00_plot_0`. */
  readonly id: string;
  /** e.g. `['ax_00_plot_0_x', 'ax_00_plot_0_y']`. */
  readonly columns: readonly string[];
}

/** `hist` also returns the counts and edges, like matplotlib. */
export interface HistHandle extends PlotHandle, HistResult {}

/** Axis scale types. */
export type ScaleType = 'linear' | 'log';

/** Explicit ticks for one axis. */
export interface TickSpec {
  readonly values: readonly number[];
  readonly labels?: readonly string[];
}

const LEGEND_LOCS: readonly LegendLoc[] = ['best', ...LEGEND_POSITIONS];

/** Everything the figure needs to lay out and draw one Axes (read-only view). */
export interface AxesState {
  readonly row: number;
  readonly col: number;
  readonly prefix: string;
  readonly marks: readonly Mark[];
  readonly xLabel: string | undefined;
  readonly yLabel: string | undefined;
  readonly title: string | undefined;
  readonly xLim: { lo?: number; hi?: number };
  readonly yLim: { lo?: number; hi?: number };
  readonly xScale: ScaleType;
  readonly yScale: ScaleType;
  readonly legend: LegendOptions | undefined;
  readonly grid: { x: boolean; y: boolean };
  readonly xTicks: TickSpec | undefined;
  readonly yTicks: TickSpec | undefined;
  readonly categories: readonly string[];
}

function optionalLimit(v: unknown, what: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  return finiteNumber(v, what);
}

/** A subplot: matplotlib's Axes, camel-cased. */
export class Axes {
  readonly #row: number;
  readonly #col: number;
  readonly #prefix: string;
  readonly #where: string;
  readonly #opts: ResolvedPltOptions;
  readonly #marks: Mark[] = [];
  readonly #counters = new Map<string, number>();
  readonly #ids = new Set<string>();
  readonly #categories: string[] = [];
  #cycle = 0;
  #xLabel: string | undefined;
  #yLabel: string | undefined;
  #title: string | undefined;
  #xLim: { lo?: number; hi?: number } = {};
  #yLim: { lo?: number; hi?: number } = {};
  #xScale: ScaleType = 'linear';
  #yScale: ScaleType = 'linear';
  #legend: LegendOptions | undefined;
  #grid = { x: false, y: false };
  #xTicks: TickSpec | undefined;
  #yTicks: TickSpec | undefined;

  /** @internal Created by `subplots()`. */
  constructor(row: number, col: number, opts: ResolvedPltOptions, where: string) {
    this.#row = row;
    this.#col = col;
    this.#prefix = row < 10 && col < 10 ? `ax_${row}${col}` : `ax_${row}_${col}`;
    this.#opts = opts;
    this.#where = where;
  }

  /** Row and column of this Axes in the figure grid. */
  get position(): readonly [number, number] {
    return [this.#row, this.#col];
  }

  /** @internal A snapshot for layout and drawing. */
  state(): AxesState {
    return {
      row: this.#row,
      col: this.#col,
      prefix: this.#prefix,
      marks: this.#marks,
      xLabel: this.#xLabel,
      yLabel: this.#yLabel,
      title: this.#title,
      xLim: this.#xLim,
      yLim: this.#yLim,
      xScale: this.#xScale,
      yScale: this.#yScale,
      legend: this.#legend,
      grid: this.#grid,
      xTicks: this.#xTicks,
      yTicks: this.#yTicks,
      categories: this.#categories,
    };
  }

  #env(kind: string, userId: string | undefined): MarkEnv {
    let id: string;
    if (userId !== undefined) {
      if (typeof userId !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(userId)) {
        throw new PltError(
          'PLT_INVALID_OPTION',
          `${this.#where}.${kind}(): id must be letters, digits, '_' or '-'; got ${JSON.stringify(userId)}`,
        );
      }
      id = `${this.#prefix}_${userId}`;
    } else {
      const n = this.#counters.get(kind) ?? 0;
      this.#counters.set(kind, n + 1);
      id = `${this.#prefix}_${kind}_${n}`;
    }
    if (this.#ids.has(id)) {
      throw new PltError(
        'PLT_INVALID_OPTION',
        `${this.#where}.${kind}(): id ${JSON.stringify(id)} is already used in this axes`,
      );
    }
    return {
      id,
      where: `${this.#where}.${kind}()`,
      paletteAlpha: this.#opts.alpha,
      lineWidth: this.#opts.lineWidth,
      cycle: () => this.#cycle++,
    };
  }

  #add(mark: Mark): PlotHandle {
    this.#ids.add(mark.id);
    this.#marks.push(mark);
    return { id: mark.id, columns: mark.columns.map(([v]) => `${mark.id}_${v}`) };
  }

  #opts2<T>(v: T | undefined, where: string): T {
    if (v === undefined) return {} as T;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      throw new PltError('PLT_INVALID_OPTION', `${where}: options must be an object`);
    }
    return v;
  }

  /** Draws a line through (x, y) — or through (0…n-1, y) when only y is given. NaN makes a gap. */
  plot(y: NumericArray, options?: LineOptions): PlotHandle;
  plot(x: NumericArray, y: NumericArray, options?: LineOptions): PlotHandle;
  plot(a: NumericArray, b?: NumericArray | LineOptions, c?: LineOptions): PlotHandle {
    const w = `${this.#where}.plot()`;
    let x: Float64Array;
    let y: Float64Array;
    let o: LineOptions;
    if (looksLikeArray(b)) {
      x = toNumbers(a, `${w}: x`);
      y = toNumbers(b, `${w}: y`);
      o = this.#opts2(c, w);
    } else {
      y = toNumbers(a, `${w}: y`);
      x = Float64Array.from({ length: y.length }, (_, i) => i);
      o = this.#opts2(b as LineOptions | undefined, w);
    }
    sameLength(w, { x, y });
    return this.#add(lineMark(this.#env('plot', o.id), x, y, o));
  }

  /** One marker per (x, y); `s` is the marker area in points². */
  scatter(x: NumericArray, y: NumericArray, options?: ScatterOptions): PlotHandle {
    const w = `${this.#where}.scatter()`;
    const xs = toNumbers(x, `${w}: x`);
    const ys = toNumbers(y, `${w}: y`);
    sameLength(w, { x: xs, y: ys });
    const o = this.#opts2(options, w);
    return this.#add(scatterMark(this.#env('scatter', o.id), xs, ys, o));
  }

  /** Bars centred on x (numbers, or category names placed at 0, 1, 2, …) with the given heights. */
  bar(x: NumericArray | readonly string[], height: NumericArray, options?: BarOptions): PlotHandle {
    const w = `${this.#where}.bar()`;
    const o = this.#opts2(options, w);
    const h = toNumbers(height, `${w}: height`);
    let xs: Float64Array;
    let xLabels: Float64Array | readonly string[];
    const arr = x as ArrayLike<unknown>;
    if (looksLikeArray(x) && arr.length > 0 && typeof arr[0] === 'string') {
      const names = Array.from(arr, (v, i) => {
        if (typeof v !== 'string')
          throw new PltError('PLT_BAD_DATA', `${w}: x[${i}] is not a string but x[0] is`);
        return v;
      });
      xs = Float64Array.from(names, (name) => {
        let k = this.#categories.indexOf(name);
        if (k < 0) k = this.#categories.push(name) - 1;
        return k;
      });
      xLabels = names;
    } else {
      xs = toNumbers(x, `${w}: x`);
      xLabels = xs;
    }
    sameLength(w, { x: xs, height: h });
    const n = xs.length;
    const per = (
      v: number | NumericArray | undefined,
      dflt: number,
      what: string,
    ): Float64Array => {
      if (v === undefined) return new Float64Array(n).fill(dflt);
      if (typeof v === 'number') return new Float64Array(n).fill(finiteNumber(v, `${w}: ${what}`));
      const a = toNumbers(v, `${w}: ${what}`);
      sameLength(w, { x: xs, [what]: a });
      return a;
    };
    const width = per(o.width, 0.8, 'width');
    const bottom = per(o.bottom, 0, 'bottom');
    const yerr = parseErrors(o.yerr, n, `${w}: yerr`);
    return this.#add(
      barMark(
        this.#env('bar', o.id),
        { x: xs, xLabels, height: h, width, bottom, hasBottom: o.bottom !== undefined, yerr },
        o,
      ),
    );
  }

  /** A histogram of `data` (numpy's binning); returns the counts and edges too. */
  hist(data: NumericArray, options?: HistOptions): HistHandle {
    const w = `${this.#where}.hist()`;
    const d = toNumbers(data, `${w}: data`);
    const o = this.#opts2(options, w);
    const { mark, result } = histMark(this.#env('hist', o.id), d, o);
    return { ...this.#add(mark), counts: result.counts, edges: result.edges };
  }

  /** Fills between y1 and y2 (a number or an array; default 0) over x. */
  fillBetween(
    x: NumericArray,
    y1: NumericArray,
    y2: NumericArray | number = 0,
    options?: FillBetweenOptions,
  ): PlotHandle {
    const w = `${this.#where}.fillBetween()`;
    const xs = toNumbers(x, `${w}: x`);
    const a = toNumbers(y1, `${w}: y1`);
    const b =
      typeof y2 === 'number'
        ? new Float64Array(xs.length).fill(finiteNumber(y2, `${w}: y2`))
        : toNumbers(y2, `${w}: y2`);
    sameLength(w, { x: xs, y1: a, y2: b });
    const o = this.#opts2(options, w);
    return this.#add(fillMark(this.#env('fillBetween', o.id), xs, a, b, o));
  }

  /** A line with error bars: `yerr`/`xerr` are one size, one per point, or `[lower, upper]`. */
  errorbar(x: NumericArray, y: NumericArray, options?: ErrorbarOptions): PlotHandle {
    const w = `${this.#where}.errorbar()`;
    const xs = toNumbers(x, `${w}: x`);
    const ys = toNumbers(y, `${w}: y`);
    sameLength(w, { x: xs, y: ys });
    const o = this.#opts2(options, w);
    const yerr = parseErrors(o.yerr, xs.length, `${w}: yerr`);
    const xerr = parseErrors(o.xerr, xs.length, `${w}: xerr`);
    return this.#add(errorbarMark(this.#env('errorbar', o.id), xs, ys, yerr, xerr, o));
  }

  /** A matrix (array of rows) as a heatmap with a colour bar. */
  imshow(matrix: readonly NumericArray[], options?: ImshowOptions): PlotHandle {
    const w = `${this.#where}.imshow()`;
    const m = toMatrix(matrix, `${w}: matrix`);
    const o = this.#opts2(options, w);
    if (this.#marks.some((k) => k.colorbar) && o.colorbar !== false) {
      throw new PltError(
        'PLT_INVALID_OPTION',
        `${w}: this axes already has a colour bar; pass { colorbar: false }`,
      );
    }
    return this.#add(imageMark(this.#env('imshow', o.id), m, o));
  }

  /** Box plots of one group (an array of numbers) or several (an array of arrays). */
  boxplot(data: NumericArray | readonly NumericArray[], options?: BoxplotOptions): PlotHandle {
    const w = `${this.#where}.boxplot()`;
    const arr = data as ArrayLike<unknown>;
    const nested = looksLikeArray(data) && arr.length > 0 && looksLikeArray(arr[0]);
    const groups = nested
      ? Array.from(arr, (g, i) => toNumbers(g, `${w}: data[${i}]`))
      : [toNumbers(data, `${w}: data`)];
    const o = this.#opts2(options, w);
    return this.#add(boxplotMark(this.#env('boxplot', o.id), groups, o));
  }

  /** A horizontal line across the axes at y (black unless a colour is given). */
  axhline(y: number, options?: RefLineOptions): PlotHandle {
    const w = `${this.#where}.axhline()`;
    const o = this.#opts2(options, w);
    return this.#add(refLineMark(this.#env('axhline', o.id), 'h', finiteNumber(y, `${w}: y`), o));
  }

  /** A vertical line across the axes at x (black unless a colour is given). */
  axvline(x: number, options?: RefLineOptions): PlotHandle {
    const w = `${this.#where}.axvline()`;
    const o = this.#opts2(options, w);
    return this.#add(refLineMark(this.#env('axvline', o.id), 'v', finiteNumber(x, `${w}: x`), o));
  }

  /** Text at (x, y), in data units (default) or axes fractions (`coords: 'axes'`). */
  text(x: number, y: number, s: string, options?: TextOptions): PlotHandle {
    const w = `${this.#where}.text()`;
    const o = this.#opts2(options, w);
    return this.#add(
      textMark(
        this.#env('text', o.id),
        finiteNumber(x, `${w}: x`),
        finiteNumber(y, `${w}: y`),
        s,
        o,
      ),
    );
  }

  /** The x-axis label. */
  setXLabel(label: string): this {
    this.#xLabel = this.#str(label, 'setXLabel');
    return this;
  }

  /** The y-axis label. */
  setYLabel(label: string): this {
    this.#yLabel = this.#str(label, 'setYLabel');
    return this;
  }

  /** The title above the axes. */
  setTitle(title: string): this {
    this.#title = this.#str(title, 'setTitle');
    return this;
  }

  #str(v: unknown, what: string): string {
    if (typeof v !== 'string')
      throw new PltError('PLT_INVALID_OPTION', `${this.#where}.${what}(): expected a string`);
    return v;
  }

  /** x limits: `setXLim(lo, hi)` or `setXLim([lo, hi])`; `undefined` keeps an end automatic; lo > hi inverts. */
  setXLim(lo?: number | readonly [number, number] | null, hi?: number | null): this {
    this.#xLim = this.#lim(lo, hi, 'setXLim');
    return this;
  }

  /** y limits, as `setXLim`. */
  setYLim(lo?: number | readonly [number, number] | null, hi?: number | null): this {
    this.#yLim = this.#lim(lo, hi, 'setYLim');
    return this;
  }

  #lim(lo: unknown, hi: unknown, what: string): { lo?: number; hi?: number } {
    const w = `${this.#where}.${what}()`;
    if (Array.isArray(lo)) [lo, hi] = lo as unknown[];
    const a = optionalLimit(lo, `${w}: lower limit`);
    const b = optionalLimit(hi, `${w}: upper limit`);
    if (a !== undefined && a === b)
      throw new PltError('PLT_INVALID_OPTION', `${w}: the two limits are equal (${a})`);
    const out: { lo?: number; hi?: number } = {};
    if (a !== undefined) out.lo = a;
    if (b !== undefined) out.hi = b;
    return out;
  }

  /** `'linear'` (default) or `'log'`. On a log axis values ≤ 0 are not drawn. */
  setXScale(scale: ScaleType): this {
    this.#xScale = this.#scale(scale, 'setXScale');
    return this;
  }

  /** `'linear'` (default) or `'log'`. */
  setYScale(scale: ScaleType): this {
    this.#yScale = this.#scale(scale, 'setYScale');
    return this;
  }

  #scale(v: unknown, what: string): ScaleType {
    if (v !== 'linear' && v !== 'log') {
      throw new PltError(
        'PLT_INVALID_OPTION',
        `${this.#where}.${what}(): scale must be 'linear' or 'log'; got ${String(v)}`,
      );
    }
    return v;
  }

  /** Explicit x ticks (and optional labels). */
  setXTicks(values: readonly number[], labels?: readonly string[]): this {
    this.#xTicks = this.#ticks(values, labels, 'setXTicks');
    return this;
  }

  /** Explicit y ticks (and optional labels). */
  setYTicks(values: readonly number[], labels?: readonly string[]): this {
    this.#yTicks = this.#ticks(values, labels, 'setYTicks');
    return this;
  }

  #ticks(values: readonly number[], labels: readonly string[] | undefined, what: string): TickSpec {
    const w = `${this.#where}.${what}()`;
    const v = Array.from(toNumbers(values, `${w}: values`));
    if (v.some((x) => !Number.isFinite(x)))
      throw new PltError('PLT_BAD_DATA', `${w}: tick values must be finite`);
    if (labels !== undefined) {
      if (
        !Array.isArray(labels) ||
        labels.length !== v.length ||
        labels.some((l) => typeof l !== 'string')
      ) {
        throw new PltError(
          'PLT_BAD_DATA',
          `${w}: labels must be ${v.length} strings, one per tick`,
        );
      }
      return { values: v, labels: [...labels] };
    }
    return { values: v };
  }

  /** Shows a legend of the labelled elements (no frame, as the house style). */
  legend(options?: LegendOptions): this {
    const w = `${this.#where}.legend()`;
    const o = this.#opts2(options, w);
    if (o.loc !== undefined && !LEGEND_LOCS.includes(o.loc)) {
      throw new PltError(
        'PLT_INVALID_OPTION',
        `${w}: loc must be one of ${LEGEND_LOCS.map((l) => `'${l}'`).join(', ')}`,
      );
    }
    this.#legend = { ...o };
    return this;
  }

  /** Grid lines at the ticks (alpha 0.3). */
  grid(on = true, options?: { axis?: 'both' | 'x' | 'y' }): this {
    const axis = options?.axis ?? 'both';
    if (axis !== 'both' && axis !== 'x' && axis !== 'y') {
      throw new PltError(
        'PLT_INVALID_OPTION',
        `${this.#where}.grid(): axis must be 'both', 'x' or 'y'`,
      );
    }
    if (axis !== 'y') this.#grid.x = on;
    if (axis !== 'x') this.#grid.y = on;
    return this;
  }
}
