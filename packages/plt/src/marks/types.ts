/**
 * What every plotted element ("mark") gives the figure: its tidy data for the CSV, its
 * datasets for the spec, its data extent for autoscaling, its Vega-Lite layers and how it
 * looks in a legend. One file per element kind implements this.
 */

/** One data column: numbers (NaN = missing) or strings. */
export type Column = Float64Array | readonly string[];

/** A named dataset of the spec: equal-length columns, one per field. */
export interface Dataset {
  readonly name: string;
  readonly fields: Readonly<Record<string, Column>>;
}

/** Finite data extent of a mark on one axis, plus values margins may not cross. */
export interface AxisExtent {
  lo: number;
  hi: number;
  sticky?: number[];
}

/** Geometry and encoding helpers the spec builder lends to a mark. */
export interface LayerContext {
  /** Encoding for the x channel on `field`, carrying the shared scale and axis. */
  x(field: string): Record<string, unknown>;
  /** Encoding for the y channel on `field`. */
  y(field: string): Record<string, unknown>;
  /** Encoding of a constant x in data units (rules, etc.). */
  xDatum(v: number): Record<string, unknown>;
  /** Encoding of a constant y in data units. */
  yDatum(v: number): Record<string, unknown>;
  /** Plot-area width and height in points. */
  readonly width: number;
  readonly height: number;
  /** Whether the x / y axis runs against the usual direction. */
  readonly xReversed: boolean;
  readonly yReversed: boolean;
  /** The Vega-Lite legend definition of this axes' colour bar. */
  colorbarLegend(cb: Colorbar): Record<string, unknown>;
}

/** A Vega-Lite layer (unit spec) as plain JSON. */
export type Layer = Record<string, unknown>;

/** How an element is drawn in a legend entry. */
export interface LegendHandle {
  line?: { stroke: string; opacity: number; width: number; dash: number[] };
  symbol?: { shape: string; filled: boolean; size: number; color: string; opacity: number };
  patch?: { fill: string; opacity: number; stroke?: string };
  /** Errorbar: a vertical bar through the handle. */
  bar?: { stroke: string; opacity: number; width: number };
}

/**
 * What legend placement should avoid, in data units: points, polylines (consecutive
 * points joined; NaN breaks) or filled rectangles.
 */
export type Obstacle =
  | { readonly type: 'points' | 'path'; readonly x: Float64Array; readonly y: Float64Array }
  | {
      readonly type: 'rects';
      readonly x0: Float64Array;
      readonly x1: Float64Array;
      readonly y0: Float64Array;
      readonly y1: Float64Array;
    };

/** A plotted element. */
export interface Mark {
  /** The Axes method that made it, e.g. `plot`. */
  readonly kind: string;
  /** `ax_<row><col>_<kind>_<n>` or `ax_<row><col>_<user id>`: the dataset name and CSV prefix. */
  readonly id: string;
  readonly label: string | undefined;
  /** Tidy data, variable name → values, in CSV column order. */
  readonly columns: ReadonlyArray<readonly [string, Column]>;
  readonly datasets: readonly Dataset[];
  /** Data extent on x and y (positive values only on a log axis), or null when none. */
  extent(axis: 'x' | 'y', log: boolean): AxisExtent | null;
  layers(ctx: LayerContext): Layer[];
  readonly legend: LegendHandle | undefined;
  obstacles(): Obstacle[];
  /** Labelled x ticks this mark asks for (boxplot labels). */
  readonly xTicks?: { readonly values: readonly number[]; readonly labels: readonly string[] };
  /** Asks for an inverted y axis unless the user set limits (imshow with origin 'upper'). */
  readonly invertY?: boolean;
  /** A colour bar to the right of the plot area. */
  readonly colorbar?: Colorbar;
}

/** A colour bar: the colour scale's domain and title. */
export interface Colorbar {
  readonly lo: number;
  readonly hi: number;
  readonly title: string | undefined;
}

/** Finite extent of `a`, positive values only when `log`; null if none. */
export function extentOf(a: Float64Array, log: boolean): { lo: number; hi: number } | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    if (v < lo && Number.isFinite(v) && (!log || v > 0)) lo = v;
    if (v > hi && Number.isFinite(v) && (!log || v > 0)) hi = v;
  }
  return lo <= hi ? { lo, hi } : null;
}

/** Union of extents (nulls ignored). */
export function unionExtent(
  ...es: Array<AxisExtent | { lo: number; hi: number } | null>
): AxisExtent | null {
  let out: AxisExtent | null = null;
  for (const e of es) {
    if (!e) continue;
    if (!out) out = { lo: e.lo, hi: e.hi, sticky: [...((e as AxisExtent).sticky ?? [])] };
    else {
      out.lo = Math.min(out.lo, e.lo);
      out.hi = Math.max(out.hi, e.hi);
      out.sticky!.push(...((e as AxisExtent).sticky ?? []));
    }
  }
  return out;
}
