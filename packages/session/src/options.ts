/**
 * start() options: defaults (the seed's values) and validation. Bad options fail before
 * anything is created on disk.
 */
import { fileURLToPath } from 'node:url';
import { SessionError } from './errors.js';
import { showValue } from './showValue.js';

/** Options of `start()`. Every one is optional. */
export interface StartOptions {
  /** Master seed for `rng` and the patched `Math.random` (integer in [0, 2^32)). Default 42. */
  seed?: number;
  /** Output root: sessions go to `<sdir>/RUNNING/<ID>/`. Default `<script dir>/<script stem>_out`. */
  sdir?: string;
  /** Appended to the session directory name as `-<suffix>` (not to `CONFIG.ID`). */
  sdirSuffix?: string;
  /** The script the session belongs to (path or file URL). Default: the main script. */
  file?: string | URL;
  /** Parsed command-line arguments, stored as `CONFIG.ARGS` and printed in the header. */
  args?: Record<string, unknown>;
  /** Print the CONFIG summary in the header and a closing summary. Default true. */
  verbose?: boolean;
  /** Capture stdout/stderr into `logs/`. Default true. */
  tee?: boolean;
  /** Replace `Math.random` with a seeded stream until close. Default true. */
  patchMathRandom?: boolean;
  /** Where `*.yaml` configuration is read from (relative to the current directory). Default `./config`. */
  configDir?: string | URL;
  /** Write secret-looking values as "***" in the saved snapshots. Default true. */
  redactSecrets?: boolean;
  /** Move dead RUNNING sessions of the output root to FINISHED_ERROR at start. Default true. */
  reconcile?: boolean;
  /** Figure size in millimetres. Default [160, 100]. */
  figSizeMm?: [number, number];
  /** DPI of saved images. Default 300. */
  dpiSave?: number;
  /** DPI for display. Default 100. */
  dpiDisplay?: number;
  /** Hide the top and right axis spines. Default true. */
  hideTopRightSpines?: boolean;
  /** Alpha of the colour cycle. Default 0.9. */
  alpha?: number;
  /** Default line width in points. Default 1.0. */
  lineWidth?: number;
  /**
   * Accepted for compatibility with the Python API and ignored: figures are always
   * rendered off-screen here.
   */
  agg?: boolean;
}

export interface ResolvedOptions {
  seed: number;
  sdir: string | undefined;
  sdirSuffix: string | undefined;
  file: string | URL | undefined;
  args: Record<string, unknown> | undefined;
  verbose: boolean;
  tee: boolean;
  patchMathRandom: boolean;
  configDir: string;
  redactSecrets: boolean;
  reconcile: boolean;
  figSizeMm: [number, number];
  dpiSave: number;
  dpiDisplay: number;
  hideTopRightSpines: boolean;
  alpha: number;
  lineWidth: number;
}

const KNOWN = new Set([
  'seed',
  'sdir',
  'sdirSuffix',
  'file',
  'args',
  'verbose',
  'tee',
  'patchMathRandom',
  'configDir',
  'redactSecrets',
  'reconcile',
  'figSizeMm',
  'dpiSave',
  'dpiDisplay',
  'hideTopRightSpines',
  'alpha',
  'lineWidth',
  'agg',
]);

/** Python spellings people will type, mapped to ours, for a helpful message. */
const PY_NAMES: Record<string, string> = {
  sdir_suffix: 'sdirSuffix',
  fig_size_mm: 'figSizeMm',
  dpi_save: 'dpiSave',
  dpi_display: 'dpiDisplay',
  hide_top_right_spines: 'hideTopRightSpines',
  line_width: 'lineWidth',
  exit_status: 'exitStatus (an option of close())',
};

function bad(message: string): never {
  throw new SessionError('SESSION_INVALID_OPTION', message);
}

function bool(o: Record<string, unknown>, key: string, dflt: boolean): boolean {
  const v = o[key];
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean')
    bad(`start(): option "${key}" must be true or false, got ${showValue(v)}`);
  return v;
}

function posNumber(o: Record<string, unknown>, key: string, dflt: number, max = Infinity): number {
  const v = o[key];
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > max) {
    bad(
      `start(): option "${key}" must be a positive number${max < Infinity ? ` up to ${max}` : ''}, got ${showValue(v)}`,
    );
  }
  return v;
}

function pathLike(o: Record<string, unknown>, key: string): string | URL | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v === 'string' && v.length > 0) return v;
  if (v instanceof URL && v.protocol === 'file:') return v;
  bad(`start(): option "${key}" must be a non-empty path or a file: URL, got ${showValue(v)}`);
}

/** Validates `start()` options and fills in the defaults. */
export function resolveOptions(input: unknown): ResolvedOptions {
  if (input === undefined || input === null) input = {};
  if (typeof input !== 'object' || Array.isArray(input)) {
    bad(
      `start(): options must be an object, got ${Array.isArray(input) ? 'an array' : typeof input}`,
    );
  }
  const o = input as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (KNOWN.has(key)) continue;
    const hint = PY_NAMES[key] ? ` — did you mean "${PY_NAMES[key]}"?` : '';
    bad(`start(): unknown option "${key}"${hint || '.'} Known options: ${[...KNOWN].join(', ')}`);
  }
  const seed = o['seed'] ?? 42;
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    bad(`start(): option "seed" must be an integer in [0, 2^32), got ${showValue(seed)}`);
  }
  const sdir = pathLike(o, 'sdir');
  const suffix = o['sdirSuffix'];
  if (suffix !== undefined && typeof suffix !== 'string') {
    bad(`start(): option "sdirSuffix" must be a string, got ${showValue(suffix)}`);
  }
  const args = o['args'];
  if (args !== undefined && (args === null || typeof args !== 'object' || Array.isArray(args))) {
    bad(`start(): option "args" must be an object of parsed arguments, got ${showValue(args)}`);
  }
  const fig = o['figSizeMm'];
  if (
    fig !== undefined &&
    !(
      Array.isArray(fig) &&
      fig.length === 2 &&
      fig.every((n) => typeof n === 'number' && Number.isFinite(n) && n > 0)
    )
  ) {
    bad(
      `start(): option "figSizeMm" must be [width, height] in millimetres, got ${showValue(fig)}`,
    );
  }
  const alpha = o['alpha'];
  if (alpha !== undefined && (typeof alpha !== 'number' || !(alpha >= 0 && alpha <= 1))) {
    bad(`start(): option "alpha" must be a number in [0, 1], got ${showValue(alpha)}`);
  }
  bool(o, 'agg', false);
  const configDir = pathLike(o, 'configDir') ?? './config';
  return {
    seed,
    sdir: sdir instanceof URL ? fileURLToPath(sdir) : sdir,
    sdirSuffix: suffix as string | undefined,
    file: pathLike(o, 'file'),
    args: args as Record<string, unknown> | undefined,
    verbose: bool(o, 'verbose', true),
    tee: bool(o, 'tee', true),
    patchMathRandom: bool(o, 'patchMathRandom', true),
    configDir: configDir instanceof URL ? fileURLToPath(configDir) : configDir,
    redactSecrets: bool(o, 'redactSecrets', true),
    reconcile: bool(o, 'reconcile', true),
    figSizeMm: (fig as [number, number] | undefined) ?? [160, 100],
    dpiSave: posNumber(o, 'dpiSave', 300, 2400),
    dpiDisplay: posNumber(o, 'dpiDisplay', 100, 2400),
    hideTopRightSpines: bool(o, 'hideTopRightSpines', true),
    alpha: (alpha as number | undefined) ?? 0.9,
    lineWidth: posNumber(o, 'lineWidth', 1.0, 100),
  };
}
