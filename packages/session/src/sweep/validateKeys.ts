/**
 * Checks a sweep's keys once, before anything runs: every key must exist in the config the
 * tasks will load (`./config/*.yaml` in the tasks' working folder) unless written `+KEY`.
 * `ARGS.*` keys (run() arguments) and `SEED`/`seed` are left to each task's start(), which
 * alone knows the script's argument schema — and refuses an unknown one with exit 2 before
 * its session directory exists.
 */
import { resolve } from 'node:path';
import { applyOverrides, ConfigError, loadConfigs, parseOverrides } from '@scitex/config';
import { SweepUsageError } from './usageError.js';

/** Keys whose first segment is one of these are checked by the task itself. */
const TASK_CHECKED = new Set(['ARGS', 'SEED', 'seed']);

/** Throws SweepUsageError if an override in `overrides` names a key the config lacks. */
export function validateKeys(overrides: readonly string[], configDir: string, cwd: string): void {
  try {
    const parsed = parseOverrides(overrides, '--grid');
    const checkable = parsed.filter((o) => !TASK_CHECKED.has(o.key.split('.')[0]!));
    if (checkable.length === 0) return;
    const { config } = loadConfigs({ dir: resolve(cwd, configDir) });
    applyOverrides(config, checkable);
  } catch (err) {
    if (err instanceof ConfigError) {
      throw new SweepUsageError(
        `${err.message}${err.code === 'CONFIG_UNKNOWN_OVERRIDE' ? ` (config folder: ${resolve(cwd, configDir)})` : ''}`,
      );
    }
    throw err;
  }
}
