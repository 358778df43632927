/**
 * `createPlt()` — a configured plotting namespace (what a session hands its script) — and
 * the module-level `subplots`/`configure`/`CC`/`rerender`, which use a default instance.
 */
import type { Axes } from './axes.js';
import { COLOR_CYCLE, makePalette, type ColorName, type Palette } from './style/colors.js';
import { PltError } from './errors.js';
import { Figure, resolvePath } from './figure.js';
import {
  checkFigSize,
  DEFAULT_OPTIONS,
  mergeOptions,
  type PltOptions,
  type ResolvedPltOptions,
} from './options.js';
import { rerenderFile, type RerenderOptions } from './output/rerender.js';

/** Options of `subplots()`. */
export interface SubplotsOptions {
  /** Rows of axes (default 1). */
  nrows?: number;
  /** Columns of axes (default 1). */
  ncols?: number;
  /** This figure's size in millimetres (default: the configured `figSizeMm`). */
  figSizeMm?: readonly [number, number];
  /** All axes share x limits; only the bottom row shows x tick labels. */
  sharex?: boolean;
  /** All axes share y limits; only the left column shows y tick labels. */
  sharey?: boolean;
}

/** What `subplots()` returns: the figure and its axes (one Axes for 1×1, else rows of Axes). */
export interface Subplots<A> {
  readonly fig: Figure;
  readonly axes: A;
}

/** The `subplots` function: one Axes for a 1×1 grid, a 2-D array otherwise. */
export interface SubplotsFn {
  (options?: SubplotsOptions & { nrows?: 1; ncols?: 1 }): Subplots<Axes>;
  (options: SubplotsOptions): Subplots<Axes[][]>;
}

/** A configured plotting namespace. */
export interface Plt {
  /** Creates a figure with a grid of axes. */
  readonly subplots: SubplotsFn;
  /** Changes options for figures created afterwards; returns the options now in force. */
  configure(options: PltOptions): ResolvedPltOptions;
  /** The options in force. */
  readonly options: ResolvedPltOptions;
  /** The 14 named colours (alias `COLORS`), with this instance's alpha. */
  readonly CC: Palette;
  /** Same object as `CC`. */
  readonly COLORS: Palette;
  /** The colour cycle, in order. */
  readonly COLOR_CYCLE: readonly ColorName[];
  /** Rebuilds an image from a saved `.vl.json`; relative paths resolve against `baseDir`. Returns the written path. */
  rerender(vlJsonPath: string, outPath: string, options?: RerenderOptions): Promise<string[]>;
}

function intOpt(v: unknown, what: string): number {
  if (v === undefined) return 1;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 26) {
    throw new PltError(
      'PLT_INVALID_OPTION',
      `subplots(): ${what} must be a whole number from 1 to 26; got ${String(v)}`,
    );
  }
  return v;
}

/** Creates a plotting namespace with its own options (defaults: the seed's). */
export function createPlt(options: PltOptions = {}): Plt {
  let opts = mergeOptions(DEFAULT_OPTIONS, options);
  const palette = makePalette(() => opts.alpha);
  const subplots = ((o: SubplotsOptions = {}) => {
    if (o === null || typeof o !== 'object')
      throw new PltError('PLT_INVALID_OPTION', 'subplots(): options must be an object');
    const nrows = intOpt(o.nrows, 'nrows');
    const ncols = intOpt(o.ncols, 'ncols');
    const figSizeMm =
      o.figSizeMm === undefined
        ? opts.figSizeMm
        : checkFigSize(o.figSizeMm, 'subplots(): figSizeMm');
    const fig = new Figure(opts, {
      nrows,
      ncols,
      figSizeMm,
      sharex: o.sharex === true,
      sharey: o.sharey === true,
    });
    const grid: Axes[][] = [];
    for (let r = 0; r < nrows; r++)
      grid.push(Array.from({ length: ncols }, (_, c) => fig.ax(r, c)));
    return { fig, axes: nrows === 1 && ncols === 1 ? grid[0]![0]! : grid };
  }) as SubplotsFn;
  return {
    subplots,
    configure(patch: PltOptions): ResolvedPltOptions {
      opts = mergeOptions(opts, patch);
      return opts;
    },
    get options(): ResolvedPltOptions {
      return opts;
    },
    CC: palette,
    COLORS: palette,
    COLOR_CYCLE,
    rerender(vlJsonPath: string, outPath: string, o?: RerenderOptions): Promise<string[]> {
      return rerenderFile(
        resolvePath(vlJsonPath, opts.baseDir),
        resolvePath(outPath, opts.baseDir),
        o,
      );
    },
  };
}

let fallback: Plt | undefined;

/** The default instance behind the module-level functions (created on first use). */
export function defaultPlt(): Plt {
  fallback ??= createPlt();
  return fallback;
}

/** `subplots()` on the default instance. */
export const subplots: SubplotsFn = ((o?: SubplotsOptions) =>
  defaultPlt().subplots(o as never)) as SubplotsFn;

/** `configure()` on the default instance. */
export function configure(options: PltOptions): ResolvedPltOptions {
  return defaultPlt().configure(options);
}

/** `rerender()` on the default instance. */
export function rerender(
  vlJsonPath: string,
  outPath: string,
  options?: RerenderOptions,
): Promise<string[]> {
  return defaultPlt().rerender(vlJsonPath, outPath, options);
}

/** The 14 named colours with the default instance's alpha (0.9 unless configured). */
export const CC: Palette = makePalette(() => fallback?.options.alpha ?? DEFAULT_OPTIONS.alpha);

/** Alias of `CC` (the original renamed CC to COLORS). */
export const COLORS: Palette = CC;
