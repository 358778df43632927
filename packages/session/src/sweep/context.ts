/**
 * What a task of a sweep records as CONFIG.SWEEP, read from its environment: the sweep id and
 * task index (SCITEX_SWEEP, set by the sweep), the attempt (SLURM_RESTART_COUNT: 0, or n after
 * n requeues) and, for a later attempt, the directory name of the previous attempt's session —
 * so a requeued task's runs are linked, and `sweep status` counts the task once.
 */
import { basename } from 'node:path';
import { SessionError } from '../errors.js';
import { SWEEP_ENV } from './taskEnv.js';
import { taskSessions } from './taskSessions.js';

/** CONFIG.SWEEP. */
export interface SweepRecord {
  /** Sweep ID (the folder `<out>/SWEEPS/<id>/`). */
  id: string;
  /** 0-based task index. */
  task: number;
  /** 0 for the first run, n after n requeues (SLURM_RESTART_COUNT). */
  attempt: number;
  /** Directory name of the previous attempt's session, when there was one. */
  previous?: string;
  /** SLURM `<SLURM_ARRAY_JOB_ID>_<SLURM_ARRAY_TASK_ID>`, when run by the slurm backend. */
  job?: string;
}

/**
 * `{ SWEEP }` for a process started by a sweep, `undefined` otherwise. Throws SessionError
 * `SESSION_INVALID_OPTION` when SCITEX_SWEEP is set but is not `{"id": string, "task":
 * number, "root"?: string}`. Looks at the output root's sessions only for a requeued attempt.
 */
export function sweepContext(
  env: NodeJS.ProcessEnv = process.env,
): { SWEEP: SweepRecord } | undefined {
  const text = env[SWEEP_ENV];
  if (text === undefined || text.trim() === '') return undefined;
  let v: { id?: unknown; task?: unknown; root?: unknown };
  try {
    v = JSON.parse(text) as typeof v;
  } catch {
    v = {};
  }
  if (
    typeof v !== 'object' ||
    v === null ||
    typeof v.id !== 'string' ||
    !/^[\w-]+$/.test(v.id) ||
    typeof v.task !== 'number' ||
    !Number.isInteger(v.task) ||
    v.task < 0
  ) {
    throw new SessionError(
      'SESSION_INVALID_OPTION',
      `${SWEEP_ENV} must be JSON {"id": "<sweep id>", "task": <index>, "root": "<output root>"}, ` +
        `got ${JSON.stringify(text.slice(0, 200))}; it is set by scitex-session sweep — unset it to run alone`,
    );
  }
  const restarts = Number(env['SLURM_RESTART_COUNT'] ?? '0');
  const SWEEP: SweepRecord = {
    id: v.id,
    task: v.task,
    attempt: Number.isInteger(restarts) && restarts > 0 ? restarts : 0,
  };
  if (SWEEP.attempt > 0 && typeof v.root === 'string') {
    const prev = (taskSessions(v.root, v.id).get(v.task) ?? []).filter(
      (s) => s.attempt < SWEEP.attempt,
    );
    const last = prev[prev.length - 1];
    if (last) SWEEP.previous = basename(last.info.dir);
  }
  const job = env['SLURM_ARRAY_JOB_ID'];
  const index = env['SLURM_ARRAY_TASK_ID'];
  if (job && index) SWEEP.job = `${job}_${index}`;
  return { SWEEP };
}
