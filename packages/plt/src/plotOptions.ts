/**
 * Options of the Axes plotting calls. Names follow matplotlib, camel-cased.
 */
import type { ColorLike } from './style/colors.js';
import type { NumericArray } from './data.js';
import type { Linestyle, Marker } from './style/lineStyle.js';

/** Options every plotting call takes. */
export interface CommonOptions {
  /** Legend text; elements without a label stay out of the legend. */
  label?: string;
  /** Colour (default: the next cycle colour). */
  color?: ColorLike;
  /** Opacity 0–1 (default: the configured alpha for palette colours, 1 for other colours). */
  alpha?: number;
  /** Replaces the automatic `<kind>_<n>` part of the element id (CSV column prefix). */
  id?: string;
}

/** Options of `plot`. */
export interface LineOptions extends CommonOptions {
  /** Line width in points (default: the configured `lineWidth`). */
  lineWidth?: number;
  /** `'-'` (default), `'--'`, `':'`, `'-.'`, or `'none'` for markers only. */
  linestyle?: Linestyle;
  /** A marker at every point: `'o'`, `'s'`, `'^'`, `'v'`, `'<'`, `'>'`, `'D'`, `'d'`, `'+'`, `'x'`, `'*'`, `'.'`. */
  marker?: Marker;
  /** Marker diameter in points (default 6). */
  markerSize?: number;
}

/** Options of `scatter`. */
export interface ScatterOptions extends CommonOptions {
  /** Marker area in points² (matplotlib's `s`, default 36). */
  s?: number;
  /** Marker shape (default `'o'`). */
  marker?: Marker;
}

/** Symmetric errors (one value or one per point) or `[lower, upper]` arrays. */
export type ErrorInput = number | NumericArray | readonly [NumericArray, NumericArray];

/** Options of `bar`. */
export interface BarOptions extends CommonOptions {
  /** Bar width in x units (default 0.8). */
  width?: number | NumericArray;
  /** Bar bottoms (default 0). */
  bottom?: number | NumericArray;
  /** Error bars on the bar tops, drawn in black. */
  yerr?: ErrorInput;
  /** Error-bar cap half-width in points (default 0, as matplotlib). */
  capsize?: number;
  /** Outline colour (default none). */
  edgeColor?: ColorLike;
  /** Outline width in points (default 0.57, the spine width). */
  lineWidth?: number;
}

/** Options of `hist`. */
export interface HistOptions extends CommonOptions {
  /** Number of equal-width bins (default 10) or the bin edges. */
  bins?: number | NumericArray;
  /** Lower and upper edge of the bins (default: the data's min and max). */
  range?: readonly [number, number];
  /** Scale counts so the histogram integrates to 1. */
  density?: boolean;
}

/** Options of `fillBetween`. */
export type FillBetweenOptions = CommonOptions;

/** Options of `errorbar`. */
export interface ErrorbarOptions extends LineOptions {
  yerr?: ErrorInput;
  xerr?: ErrorInput;
  /** Cap half-width in points (default 0, as matplotlib). */
  capsize?: number;
}

/** Options of `imshow`. */
export interface ImshowOptions {
  /** A Vega colour scheme (default `'viridis'`); matplotlib's names `viridis`, `magma`, `inferno`, `plasma`, `cividis`, `greys`, `blues`, `reds`, `rdbu`… work. */
  cmap?: string;
  vmin?: number;
  vmax?: number;
  /** Draw a colour bar (default true). */
  colorbar?: boolean;
  /** Title of the colour bar. */
  colorbarLabel?: string;
  /** `'upper'` (default): row 0 at the top, as matplotlib. */
  origin?: 'upper' | 'lower';
  /** `[left, right, bottom, top]` in data units (default: cell centres at column/row indices). */
  extent?: readonly [number, number, number, number];
  id?: string;
}

/** Options of `boxplot`. */
export interface BoxplotOptions extends CommonOptions {
  /** One tick label per box. */
  labels?: readonly string[];
  /** x positions (default 1, 2, …). */
  positions?: readonly number[];
  /** Box width in x units (default 0.5). */
  widths?: number;
  /** Whisker reach in IQRs (default 1.5). */
  whis?: number;
  /** Draw points beyond the whiskers (default true). */
  showFliers?: boolean;
  /** Outline width in points (default: the configured `lineWidth`). */
  lineWidth?: number;
}

/** Options of `axhline` / `axvline`. */
export interface RefLineOptions extends CommonOptions {
  lineWidth?: number;
  linestyle?: Linestyle;
  /** Start and end as fractions of the axes (default 0 and 1). */
  from?: number;
  to?: number;
}

/** Options of `text`. */
export interface TextOptions {
  color?: ColorLike;
  alpha?: number;
  /** Font size in points (default 7). */
  fontSize?: number;
  /** Horizontal alignment (default `'left'`). */
  ha?: 'left' | 'center' | 'right';
  /** Vertical alignment (default `'baseline'`). */
  va?: 'top' | 'center' | 'bottom' | 'baseline';
  /** Rotation in degrees, counter-clockwise. */
  rotation?: number;
  /** `'data'` (default): x, y in data units; `'axes'`: fractions of the axes (0–1). */
  coords?: 'data' | 'axes';
  id?: string;
}

/** Legend placement, matplotlib's names. */
export type LegendLoc =
  | 'best'
  | 'upper right'
  | 'upper left'
  | 'lower left'
  | 'lower right'
  | 'right'
  | 'center left'
  | 'center right'
  | 'lower center'
  | 'upper center'
  | 'center';

/** Options of `legend`. */
export interface LegendOptions {
  /** Default `'best'`: the corner or side covering the least data. */
  loc?: LegendLoc;
  title?: string;
  /** Font size in points (default 6). */
  fontSize?: number;
}
