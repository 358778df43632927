/**
 * @scitex/plt — matplotlib-flavoured figures on Vega-Lite, saved as PNG/SVG with their
 * data as CSV and their spec as `.vl.json`. Importing this module loads no renderer.
 */
export { PltError, type PltErrorCode } from './errors.js';
export {
  createPlt,
  subplots,
  configure,
  rerender,
  CC,
  COLORS,
  type Plt,
  type Subplots,
  type SubplotsFn,
  type SubplotsOptions,
} from './plt.js';
export {
  COLOR_CYCLE,
  type ColorEntry,
  type ColorLike,
  type ColorName,
  type Palette,
} from './style/colors.js';
export { DEFAULT_OPTIONS, type PltOptions, type ResolvedPltOptions } from './options.js';
export {
  Axes,
  type AxesState,
  type HistHandle,
  type PlotHandle,
  type ScaleType,
  type TickSpec,
} from './axes.js';
export { Figure, type FigureGrid, type SaveOptions } from './figure.js';
export type { SaveFormat } from './output/files.js';
export type { RerenderOptions } from './output/rerender.js';
export type { VegaLiteSpec, SpecMeta } from './spec/spec.js';
export type { NumericArray } from './data.js';
export type { Linestyle, Marker } from './style/lineStyle.js';
export type {
  BarOptions,
  BoxplotOptions,
  CommonOptions,
  ErrorInput,
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
