/**
 * What a task receives from its sweep: `SCITEX_SET` (its overrides, a JSON array of
 * `"KEY=VALUE"` strings — see @scitex/config's parseOverrideEnv) and `SCITEX_SWEEP`
 * (`{"id", "task", "root"}`, which start() records as CONFIG.SWEEP via sweepContext()).
 */
import { formatOverrideEnv, OVERRIDE_ENV } from '@scitex/config';

/** The environment variable naming the sweep and task a process runs for. */
export const SWEEP_ENV = 'SCITEX_SWEEP';

/** The value of SCITEX_SWEEP. */
export interface SweepEnv {
  /** Sweep ID. */
  id: string;
  /** 0-based task index. */
  task: number;
  /** Output root holding SWEEPS/<id>/ (and the tasks' sessions). */
  root: string;
}

/** The two variables for one task. */
export function taskEnv(sweep: SweepEnv, overrides: readonly string[]): Record<string, string> {
  return {
    [OVERRIDE_ENV]: formatOverrideEnv(overrides),
    [SWEEP_ENV]: JSON.stringify(sweep),
  };
}
