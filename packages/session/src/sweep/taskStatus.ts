/**
 * Where each task of a sweep stands, from what is on disk and in the queue: the task's
 * sessions (found by CONFIG.SWEEP in the output root; the latest attempt counts, so a
 * requeued task is neither counted twice nor lost), `squeue` for tasks still queued (slurm),
 * and state.json for tasks that never got a session (local).
 */
import { STATUS_FOLDERS, type SessionInfo } from '@scitex/sdir';
import { formatRunTime } from '../runTime.js';
import { readLocalState } from './localState.js';
import { readManifest, type SweepManifest } from './manifest.js';
import { readJobs } from './slurmBackend.js';
import { squeue, type QueuedTask } from './slurmCommands.js';
import { taskSessions, type TaskSession } from './taskSessions.js';

/** One task's row. */
export interface TaskRow {
  task: number;
  overrides: string[];
  /**
   * `queued`, `starting` (launched, no session yet), `running`, `running (owner dead)`,
   * `FINISHED_SUCCESS`, `FINISHED_ERROR`, `FINISHED`, `not-run` (the local pool stopped before
   * it), `failed (no session)`, `no session` (slurm: left the queue without a session).
   */
  state: string;
  /** Sessions found for the task (more than one after a requeue or a rerun). */
  attempts: number;
  runTime: string | null;
  exit: number | null;
  signal: string | null;
  /** The latest attempt's session directory. */
  session: string | null;
  /** SLURM `<array job>_<index>`, for slurm sweeps. */
  job: string | null;
}

/** What {@link sweepStatus} returns. */
export interface SweepStatus {
  manifest: SweepManifest;
  rows: TaskRow[];
  /** Latest session per task (for collect). */
  sessions: Map<number, TaskSession>;
  /** Set when squeue could not be asked (the rows then rely on sessions alone). */
  queueError?: string;
}

/** The status of every task of the sweep in folder `dir`. */
export function sweepStatus(dir: string, opts: { queue?: boolean } = {}): SweepStatus {
  const manifest = readManifest(dir);
  const byTask = taskSessions(manifest.outRoot, manifest.id);
  const local = manifest.backend === 'local' ? readLocalState(dir) : null;
  const jobs = manifest.backend === 'slurm' ? readJobs(dir) : null;
  const queued = new Map<number, QueuedTask>();
  let queueError: string | undefined;
  if (jobs && opts.queue !== false) {
    try {
      for (const q of squeue(jobs.jobs.map((j) => j.job))) {
        const j = jobs.jobs.find((x) => x.job === q.arrayJob);
        if (j) queued.set(j.offset + q.index, q);
      }
    } catch (err) {
      queueError = (err as Error).message;
    }
  }
  const sessions = new Map<number, TaskSession>();
  const rows = manifest.tasks.map((t): TaskRow => {
    const list = byTask.get(t.task) ?? [];
    const latest = list[list.length - 1];
    if (latest) sessions.set(t.task, latest);
    const q = queued.get(t.task);
    const job = jobs?.jobs.find((j) => t.task >= j.offset && t.task < j.offset + j.count);
    const row: TaskRow = {
      task: t.task,
      overrides: t.overrides,
      state: 'no session',
      attempts: list.length,
      runTime: null,
      exit: null,
      signal: null,
      session: null,
      job: job ? `${job.job}_${t.task - job.offset}` : null,
    };
    if (latest) {
      const s = latest.info;
      row.session = s.dir;
      row.state =
        s.status === 'running'
          ? s.alive === false
            ? 'running (owner dead)'
            : 'running'
          : STATUS_FOLDERS[s.status];
      row.runTime = runTimeOf(s, latest.config);
      row.exit = s.exitStatus ?? null;
      const sig = latest.config['SIGNAL'];
      row.signal = typeof sig === 'string' ? sig : null;
    }
    // Queued or started again after its latest session ended (a requeue): the new attempt
    // is what the task is doing now; a finished session of the same attempt is just the job
    // completing.
    const newAttempt = q && (!latest || q.restarts > latest.attempt);
    if (q && newAttempt) {
      row.state =
        q.state === 'PENDING'
          ? 'queued'
          : q.state === 'RUNNING'
            ? 'starting'
            : q.state.toLowerCase();
    } else if (!latest && local) {
      const ls = local.tasks.find((x) => x.task === t.task);
      if (ls) {
        row.state =
          ls.state === 'pending'
            ? 'queued'
            : ls.state === 'running'
              ? 'starting'
              : ls.state === 'not-run'
                ? 'not-run'
                : 'failed (no session)';
        if (ls.exit !== undefined) row.exit = ls.exit;
        if (ls.signal) row.signal = ls.signal;
      }
    }
    return row;
  });
  const out: SweepStatus = { manifest, rows, sessions };
  if (queueError !== undefined) out.queueError = queueError;
  return out;
}

function runTimeOf(s: SessionInfo, config: Record<string, unknown>): string | null {
  if (typeof config['RUN_TIME'] === 'string') return config['RUN_TIME'];
  if (!s.startTime) return null;
  const end = s.endTime ?? (s.status === 'running' ? new Date() : undefined);
  return end ? formatRunTime(end.getTime() - s.startTime.getTime()) : null;
}
