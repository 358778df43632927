/**
 * start() options: defaults (the seed's values) and validation. Bad options fail before
 * anything is created on disk.
 */
import { fileURLToPath } from 'node:url';
import { SessionError } from './errors.js';
import { describeValue } from './describeValue.js';

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
  /**
   * Where `*.yaml` configuration is read from (relative to the current directory).
   * Default: `./config`, or `config/` next to the script when the current directory has none.
   */
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
   * Algorithm of the seeded streams: `'tychei'` (default, fast), `'xor4096'`, `'alea'`, or
   * `'numpy'` — then `rng.get(name)` draws exactly what the Python original's `rng(name)`
   * (NumPy's `default_rng`) draws, and `Math.random` what Python's `random.random()` does.
   */
  rngAlgorithm?: string;
  /**
   * CONFIG overrides, `KEY=VALUE` (YAML scalars): `PARAMS.lr=0.01`, `ARGS.epochs=3`,
   * `SEED=7`; `+KEY=VALUE` adds a key no config defines. run() fills it from `--set`.
   * They apply after `SCITEX_SET` (how a sweep passes them). Recorded as `CONFIG.OVERRIDES`.
   */
  set?: readonly string[];
  /**
   * Record how to run this again: the command line (`ARGV`), the code (`CODE`: script
   * sha256; in git the commit, branch, dirty state and `CONFIGS/git.diff`; outside git a
   * copy of the script's sources in `CONFIGS/source/`) and the dependencies (`DEPS`).
   * `false` for huge repositories. Default true.
   */
  provenance?: boolean;
  /**
   * Accepted for compatibility with the Python API and ignored: figures are always
   * rendered off-screen here.
   */
  agg?: boolean;
}

/** A start() option: how a given value is checked and what it resolves to (its default included). */
type Check<T> = (o: Record<string, unknown>, key: string) => T;

function bad(message: string): never {
  throw new SessionError('SESSION_INVALID_OPTION', message);
}

const bool =
  (dflt: boolean): Check<boolean> =>
  (o, key) => {
    const v = o[key];
    if (v === undefined) return dflt;
    if (typeof v !== 'boolean')
      bad(`start(): option "${key}" must be true or false, got ${describeValue(v)}`);
    return v;
  };

const posNumber =
  (dflt: number, max = Infinity): Check<number> =>
  (o, key) => {
    const v = o[key];
    if (v === undefined) return dflt;
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > max) {
      bad(
        `start(): option "${key}" must be a positive number${max < Infinity ? ` up to ${max}` : ''}, got ${describeValue(v)}`,
      );
    }
    return v;
  };

const pathLike: Check<string | URL | undefined> = (o, key) => {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v === 'string' && v.length > 0) return v;
  if (v instanceof URL && v.protocol === 'file:') return v;
  bad(`start(): option "${key}" must be a non-empty path or a file: URL, got ${describeValue(v)}`);
};

const dirPath: Check<string | undefined> = (o, key) => {
  const v = pathLike(o, key);
  return v instanceof URL ? fileURLToPath(v) : v;
};

/**
 * Every start() option with its check and default, declared once: the list of known
 * options and the resolved type derive from it. The defaults are the seed's values.
 */
const OPTIONS = {
  seed: ((o) => {
    const seed = o['seed'] ?? 42;
    if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
      bad(`start(): option "seed" must be an integer in [0, 2^32), got ${describeValue(seed)}`);
    }
    return seed;
  }) as Check<number>,
  sdir: dirPath as Check<string | undefined>,
  sdirSuffix: ((o) => {
    const suffix = o['sdirSuffix'];
    if (suffix !== undefined && typeof suffix !== 'string') {
      bad(`start(): option "sdirSuffix" must be a string, got ${describeValue(suffix)}`);
    }
    return suffix;
  }) as Check<string | undefined>,
  file: pathLike as Check<string | URL | undefined>,
  args: ((o) => {
    const args = o['args'];
    if (args !== undefined && (args === null || typeof args !== 'object' || Array.isArray(args))) {
      bad(
        `start(): option "args" must be an object of parsed arguments, got ${describeValue(args)}`,
      );
    }
    return args;
  }) as Check<Record<string, unknown> | undefined>,
  verbose: bool(true) as Check<boolean>,
  tee: bool(true) as Check<boolean>,
  patchMathRandom: bool(true) as Check<boolean>,
  configDir: dirPath as Check<string | undefined>,
  redactSecrets: bool(true) as Check<boolean>,
  reconcile: bool(true) as Check<boolean>,
  figSizeMm: ((o) => {
    const fig = o['figSizeMm'];
    if (fig === undefined) return [160, 100];
    if (!(
      Array.isArray(fig) &&
      fig.length === 2 &&
      fig.every((n) => typeof n === 'number' && Number.isFinite(n) && n > 0)
    )) {
      bad(
        `start(): option "figSizeMm" must be [width, height] in millimetres, got ${describeValue(fig)}`,
      );
    }
    return fig as [number, number];
  }) as Check<[number, number]>,
  dpiSave: posNumber(300, 2400) as Check<number>,
  dpiDisplay: posNumber(100, 2400) as Check<number>,
  hideTopRightSpines: bool(true) as Check<boolean>,
  alpha: ((o) => {
    const alpha = o['alpha'];
    if (alpha === undefined) return 0.9;
    if (typeof alpha !== 'number' || !(alpha >= 0 && alpha <= 1)) {
      bad(`start(): option "alpha" must be a number in [0, 1], got ${describeValue(alpha)}`);
    }
    return alpha;
  }) as Check<number>,
  lineWidth: posNumber(1.0, 100) as Check<number>,
  agg: bool(false) as Check<boolean>,
  provenance: bool(true) as Check<boolean>,
  rngAlgorithm: ((o) => {
    const v = o['rngAlgorithm'] ?? 'tychei';
    if (typeof v !== 'string')
      bad(
        `start(): option "rngAlgorithm" must be a string such as 'numpy', got ${describeValue(v)}`,
      );
    return v;
  }) as Check<string>,
  set: ((o) => {
    const v = o['set'] ?? [];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
      bad(`start(): option "set" must be an array of "KEY=VALUE" strings, got ${describeValue(v)}`);
    return v;
  }) as Check<readonly string[]>,
};

/** start() options with their defaults filled in. */
export type ResolvedOptions = { [K in keyof typeof OPTIONS]: ReturnType<(typeof OPTIONS)[K]> };

// Every documented option is checked, and every checked option is documented.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameKeys: Same<keyof StartOptions, keyof typeof OPTIONS> = true;
void _sameKeys;

const KNOWN = Object.keys(OPTIONS);

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
    if (Object.hasOwn(OPTIONS, key)) continue;
    const hint = PY_NAMES[key] ? ` — did you mean "${PY_NAMES[key]}"?` : '';
    bad(`start(): unknown option "${key}"${hint || '.'} Known options: ${KNOWN.join(', ')}`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, check] of Object.entries(OPTIONS)) out[key] = (check as Check<unknown>)(o, key);
  return out as ResolvedOptions;
}
