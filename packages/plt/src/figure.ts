/**
 * A figure: a grid of Axes, a size in millimetres, and the ways out — the Vega-Lite spec,
 * an SVG, a PNG, and `save()`, which writes the image with its data (CSV) and spec beside it.
 */
import { isAbsolute, resolve } from 'node:path';
import { Axes } from './axes.js';
import { csvColumns, toCsv, type CsvColumn } from './output/csv.js';
import { PltError } from './errors.js';
import { startDataJob } from './dataJob.js';
import { ensureParent, formatOf, writeAtomic, type SaveFormat } from './output/files.js';
import type { ResolvedPltOptions } from './options.js';
import { pixelSize, svgToPng } from './render/rasterise.js';
import { renderSvg } from './render/svg.js';
import { assembleSpec, buildSpecParts, type SpecParts, type VegaLiteSpec } from './spec/spec.js';
import { specToJson } from './output/specJson.js';
import { mmToPt } from './style/style.js';
import { generator } from './version.js';

/** Options of `fig.save()`. */
export interface SaveOptions {
  /** Also write `<stem>.csv` and `<stem>.vl.json` next to an image (default true). */
  csv?: boolean;
  /** Force the format instead of taking it from the extension. */
  format?: SaveFormat;
  /** PNG resolution (default: the configured `dpiSave`). */
  dpi?: number;
}

/** Grid geometry of a figure. */
export interface FigureGrid {
  readonly nrows: number;
  readonly ncols: number;
  readonly figSizeMm: readonly [number, number];
  readonly sharex: boolean;
  readonly sharey: boolean;
}

/** Resolves a save path against the base directory (a string, a function, or the cwd). */
export function resolvePath(path: string, baseDir: ResolvedPltOptions['baseDir']): string {
  if (typeof path !== 'string' || path === '') {
    throw new PltError(
      'PLT_INVALID_OPTION',
      `a path must be a non-empty string; got ${JSON.stringify(path)}`,
    );
  }
  if (isAbsolute(path)) return path;
  const base = typeof baseDir === 'function' ? baseDir() : (baseDir ?? process.cwd());
  return resolve(base, path);
}

function checkDpi(v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > 2400) {
    throw new PltError('PLT_INVALID_OPTION', `dpi must be a number in (0, 2400]; got ${String(v)}`);
  }
  return v;
}

/** A figure made by `subplots()`. */
export class Figure {
  readonly #opts: ResolvedPltOptions;
  readonly #grid: FigureGrid;
  readonly #axes: Axes[][];
  #suptitle: string | undefined;
  #closed = false;

  /** @internal Created by `subplots()`. */
  constructor(opts: ResolvedPltOptions, grid: FigureGrid) {
    this.#opts = opts;
    this.#grid = grid;
    const single = grid.nrows === 1 && grid.ncols === 1;
    this.#axes = Array.from({ length: grid.nrows }, (_, r) =>
      Array.from(
        { length: grid.ncols },
        (_, c) => new Axes(r, c, opts, single ? 'ax' : `axes[${r}][${c}]`),
      ),
    );
  }

  /** Rows, columns, size and sharing of this figure. */
  get grid(): FigureGrid {
    return this.#grid;
  }

  /** Every Axes, row by row. */
  get axes(): readonly Axes[] {
    return this.#axes.flat();
  }

  /** The Axes at row `r`, column `c`. */
  ax(r = 0, c = 0): Axes {
    const a = this.#axes[r]?.[c];
    if (!a)
      throw new PltError(
        'PLT_INVALID_OPTION',
        `no axes at row ${r}, column ${c} in a ${this.#grid.nrows}×${this.#grid.ncols} figure`,
      );
    return a;
  }

  /** A title above all axes. */
  suptitle(title: string): this {
    if (typeof title !== 'string')
      throw new PltError('PLT_INVALID_OPTION', 'suptitle(): expected a string');
    this.#suptitle = title;
    return this;
  }

  #live(): void {
    if (this.#closed)
      throw new PltError(
        'PLT_FIGURE_CLOSED',
        'this figure was closed; create a new one with subplots()',
      );
  }

  /** @internal The spec without data, the data as columns, and the layout. */
  specParts(): SpecParts {
    this.#live();
    const [w, h] = this.#grid.figSizeMm;
    return buildSpecParts(
      {
        widthPt: mmToPt(w),
        heightPt: mmToPt(h),
        nrows: this.#grid.nrows,
        ncols: this.#grid.ncols,
        axes: this.axes.map((a) => a.state()),
        sharex: this.#grid.sharex,
        sharey: this.#grid.sharey,
        suptitle: this.#suptitle,
        figSizeMm: this.#grid.figSizeMm,
        dpiSave: this.#opts.dpiSave,
        hideTopRightSpines: this.#opts.hideTopRightSpines,
      },
      generator(),
    );
  }

  /** The Vega-Lite spec with the data inline — what `save('x.vl.json')` writes. */
  toSpec(): VegaLiteSpec {
    return assembleSpec(this.specParts());
  }

  #csvColumns(): CsvColumn[] {
    return csvColumns(this.axes.flatMap((a) => a.state().marks));
  }

  /** The CSV text `save()` writes beside images. */
  toCSV(): string {
    this.#live();
    return toCsv(this.#csvColumns());
  }

  /** The figure as SVG text (sized in millimetres). */
  async toSVG(): Promise<string> {
    const parts = this.specParts();
    return renderSvg(parts, this.#opts.dpiSave / 72);
  }

  /** The figure as PNG bytes at `dpi` (default: the configured `dpiDisplay`). */
  async toPNG(options: { dpi?: number } = {}): Promise<Buffer> {
    const dpi = checkDpi(options.dpi ?? this.#opts.dpiDisplay);
    const parts = this.specParts();
    const [pw, ph] = pixelSize({ figSizeMm: this.#grid.figSizeMm }, dpi);
    const svg = await renderSvg(parts, pw / parts.layout.width);
    return svgToPng(svg, pw, ph, dpi);
  }

  /**
   * Saves by extension — `.png` (at `dpiSave`), `.svg`, `.vl.json`/`.json` — creating parent
   * directories. An image also gets `<stem>.csv` and `<stem>.vl.json` unless `csv: false`.
   * Relative paths resolve against the configured `baseDir`. Returns the written paths.
   */
  async save(path: string, options: SaveOptions = {}): Promise<string[]> {
    this.#live();
    if (options === null || typeof options !== 'object')
      throw new PltError('PLT_INVALID_OPTION', 'save(): options must be an object');
    const abs = resolvePath(path, this.#opts.baseDir);
    const { format, stem } = formatOf(abs, options.format);
    const dpi = checkDpi(options.dpi ?? this.#opts.dpiSave);
    ensureParent(abs); // fail before the (slow) drawing if the folder cannot exist
    const parts = this.specParts();
    if (format === 'json') {
      writeAtomic(abs, specToJson(parts.spec, parts.datasets));
      return [abs];
    }
    const withData = options.csv !== false;
    const csvPath = `${stem}.csv`;
    const specPath = `${stem}.vl.json`;
    const job = withData
      ? startDataJob({
          spec: parts.spec,
          datasets: parts.datasets,
          columns: this.#csvColumns(),
          csvPath,
          specPath,
        })
      : undefined;
    job?.done.catch(() => undefined);
    let image: string | Buffer;
    if (format === 'svg') {
      image = await renderSvg(parts, dpi / 72);
      job?.runInlineIfNeeded();
    } else {
      const [pw, ph] = pixelSize({ figSizeMm: this.#grid.figSizeMm }, dpi);
      const svg = await renderSvg(parts, pw / parts.layout.width);
      // resvg rasterises on a libuv thread; small data files are written meanwhile.
      const png = svgToPng(svg, pw, ph, dpi);
      png.catch(() => undefined);
      job?.runInlineIfNeeded();
      image = await png;
    }
    await job?.done;
    writeAtomic(abs, image);
    return withData ? [abs, csvPath, specPath] : [abs];
  }

  /** Releases the data; later calls on this figure throw PLT_FIGURE_CLOSED. Idempotent. */
  close(): void {
    this.#closed = true;
    this.#axes.length = 0;
  }
}
