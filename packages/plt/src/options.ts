/**
 * Figure-wide options (the seed's `configure_mpl` arguments) with their defaults, and
 * their validation. Sizes are millimetres, resolutions dots per inch, widths points.
 */
import { PltError } from './errors.js';

/** What `createPlt()` and `configure()` accept. Every field is optional. */
export interface PltOptions {
  /** Figure width and height in millimetres. Default `[160, 100]`. */
  figSizeMm?: readonly [number, number];
  /** Resolution of saved PNGs. Default 300. */
  dpiSave?: number;
  /** Resolution of in-memory previews (`fig.toPNG()`). Default 100. */
  dpiDisplay?: number;
  /** Hide the top and right spines (the axes frame). Default true. */
  hideTopRightSpines?: boolean;
  /** Opacity of cycle and palette colours. Default 0.9. */
  alpha?: number;
  /** Default line width in points. Default 1.0. */
  lineWidth?: number;
  /**
   * Where relative save paths resolve: a directory, or a function returning one at save
   * time (a session passes its current directory). Default: `process.cwd()` at save time.
   */
  baseDir?: string | (() => string);
}

/** The options in force: every field filled in. */
export interface ResolvedPltOptions {
  readonly figSizeMm: readonly [number, number];
  readonly dpiSave: number;
  readonly dpiDisplay: number;
  readonly hideTopRightSpines: boolean;
  readonly alpha: number;
  readonly lineWidth: number;
  readonly baseDir: string | (() => string) | undefined;
}

/** The seed's defaults. */
export const DEFAULT_OPTIONS: ResolvedPltOptions = Object.freeze({
  figSizeMm: Object.freeze([160, 100] as const),
  dpiSave: 300,
  dpiDisplay: 100,
  hideTopRightSpines: true,
  alpha: 0.9,
  lineWidth: 1.0,
  baseDir: undefined,
});

function bad(message: string): never {
  throw new PltError('PLT_INVALID_OPTION', message);
}

/** Checks a figure size in millimetres; returns a frozen copy. */
export function checkFigSize(v: unknown, what = 'figSizeMm'): readonly [number, number] {
  if (
    !Array.isArray(v) ||
    v.length !== 2 ||
    !v.every((x) => typeof x === 'number' && Number.isFinite(x) && x > 0)
  ) {
    bad(`${what} must be [width, height] in millimetres, two positive numbers; got ${String(v)}`);
  }
  const [w, h] = v as [number, number];
  if (w < 20 || h < 15 || w > 2000 || h > 2000) {
    bad(`${what} must be between 20×15 mm and 2000×2000 mm; got ${w}×${h} mm`);
  }
  return Object.freeze([w, h] as const);
}

function positive(v: unknown, what: string, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > max) {
    bad(`${what} must be a number in (0, ${max}]; got ${String(v)}`);
  }
  return v;
}

/** Checks an opacity in [0, 1]. */
export function checkAlpha(v: unknown, what = 'alpha'): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) {
    bad(`${what} must be a number in [0, 1]; got ${String(v)}`);
  }
  return v;
}

/** Merges `patch` over `base`, validating every given field. Unknown keys are refused. */
export function mergeOptions(base: ResolvedPltOptions, patch: PltOptions = {}): ResolvedPltOptions {
  if (patch === null || typeof patch !== 'object') bad('options must be an object');
  const known = new Set(Object.keys(DEFAULT_OPTIONS));
  for (const k of Object.keys(patch)) {
    if (!known.has(k)) bad(`unknown option "${k}"; known: ${[...known].join(', ')}`);
  }
  const out = { ...base };
  if (patch.figSizeMm !== undefined) out.figSizeMm = checkFigSize(patch.figSizeMm);
  if (patch.dpiSave !== undefined) out.dpiSave = positive(patch.dpiSave, 'dpiSave', 2400);
  if (patch.dpiDisplay !== undefined)
    out.dpiDisplay = positive(patch.dpiDisplay, 'dpiDisplay', 2400);
  if (patch.hideTopRightSpines !== undefined) {
    if (typeof patch.hideTopRightSpines !== 'boolean') bad('hideTopRightSpines must be a boolean');
    out.hideTopRightSpines = patch.hideTopRightSpines;
  }
  if (patch.alpha !== undefined) out.alpha = checkAlpha(patch.alpha);
  if (patch.lineWidth !== undefined) out.lineWidth = positive(patch.lineWidth, 'lineWidth', 100);
  if (patch.baseDir !== undefined) {
    if (typeof patch.baseDir !== 'string' && typeof patch.baseDir !== 'function') {
      bad('baseDir must be a directory path or a function returning one');
    }
    out.baseDir = patch.baseDir;
  }
  return Object.freeze(out);
}
