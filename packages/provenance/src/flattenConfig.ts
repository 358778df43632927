/**
 * A CONFIG as dotted paths (`PARAMS.lr`, `ARGS.epochs`), without the session's own
 * bookkeeping: what is left are the parameters of the run, which compare lines up.
 */

/**
 * Top-level CONFIG keys that are bookkeeping, not parameters — the one list compare and the
 * session's report both use: they differ between any two runs (IDs, PIDs, times, paths,
 * host, random draws counted), are reported elsewhere (exit status, signal, error, metrics:
 * results; code and dependencies: `code`, `deps`), restate what is already a parameter
 * (`ARGV` the arguments, `OVERRIDES` the values set), or say how this run came about
 * (`RERUN_OF`, `SWEEP`, where the config files were read from, how it was filed).
 * `FILE`, `ARGS`, `SEED` and every config namespace are parameters.
 */
export const BOOKKEEPING_KEYS: readonly string[] = [
  'ID',
  'PID',
  'START_TIME',
  'END_TIME',
  'RUN_TIME',
  'SDIR',
  'SDIR_PATH',
  'SDIR_OUT',
  'HOST',
  'DEBUG',
  'CONFIG_DIR',
  'CONFIG_FILES',
  'EXIT_STATUS',
  'SIGNAL',
  'ERROR',
  'REFILED',
  'UNSAVED_FIGURES',
  'RECONCILED',
  'PREEMPTED',
  'RNG',
  'METRICS',
  'ARGV',
  'CODE',
  'DEPS',
  'OVERRIDES',
  'SWEEP',
  'RERUN_OF',
  'RERUN_FORCED',
  '$scitex',
];

function isPlain(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * `config` flattened: nested plain objects become `a.b.c` keys; arrays and other values
 * are leaves. Top-level keys in `omit` (default {@link BOOKKEEPING_KEYS}) are left out.
 */
export function flattenConfig(
  config: Record<string, unknown>,
  omit: readonly string[] = BOOKKEEPING_KEYS,
): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const walk = (v: unknown, path: string): void => {
    if (isPlain(v) && Object.keys(v).length > 0) {
      for (const k of Object.keys(v)) walk(v[k], path ? `${path}.${k}` : k);
    } else out.set(path, v);
  };
  for (const k of Object.keys(config)) if (!omit.includes(k)) walk(config[k], k);
  return out;
}
