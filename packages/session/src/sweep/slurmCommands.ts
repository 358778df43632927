/**
 * The SLURM client commands a sweep uses — `scontrol show config`, `sbatch --parsable`,
 * `squeue` — and nothing else (no `sacct`: accounting is often off, and slow when on).
 */
import { spawnSync } from 'node:child_process';

/** Runs a SLURM client command; throws with its stderr when it fails or is missing. */
function slurm(cmd: string, args: readonly string[], env?: NodeJS.ProcessEnv): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: env ?? process.env });
  if (r.error) {
    const missing = (r.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? `${cmd} not found: the slurm backend needs the SLURM client commands on PATH ` +
            '(on a laptop: scripts/slurm-local.sh start)'
        : `${cmd} failed: ${r.error.message}`,
    );
  }
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}): ${r.stderr.trim()}`);
  }
  return r.stdout;
}

/** The cluster's MaxArraySize (array indices run 0 … MaxArraySize-1); 1001 if not shown. */
export function maxArraySize(): number {
  const m = /^\s*MaxArraySize\s*=\s*(\d+)/m.exec(slurm('scontrol', ['show', 'config']));
  return m ? Number(m[1]) : 1001;
}

/** Submits `script` with extra options; returns the job id. */
export function sbatch(script: string, options: readonly string[]): string {
  const out = slurm('sbatch', ['--parsable', ...options, script]).trim();
  // --parsable prints "jobid" or "jobid;cluster".
  const id = out.split('\n').pop()!.split(';')[0]!.trim();
  if (!/^\d+$/.test(id)) throw new Error(`sbatch printed ${JSON.stringify(out)}, not a job id`);
  return id;
}

/** One array task as squeue shows it. */
export interface QueuedTask {
  /** The array's job id (SLURM_ARRAY_JOB_ID). */
  arrayJob: string;
  /** The array index (SLURM_ARRAY_TASK_ID). */
  index: number;
  /** PENDING, RUNNING, COMPLETING, … */
  state: string;
  /** Why it waits, for pending tasks. */
  reason: string;
  /** Times it was requeued (its next run sees SLURM_RESTART_COUNT = this). */
  restarts: number;
}

/**
 * The array tasks of `jobs` still known to the controller (pending arrays expanded). Jobs
 * the controller has forgotten are simply absent; an unreachable controller is an error.
 */
export function squeue(jobs: readonly string[]): QueuedTask[] {
  if (jobs.length === 0) return [];
  const format = 'ArrayJobID:|,ArrayTaskID:|,State:|,Reason:|,RestartCnt:|';
  const r = spawnSync('squeue', ['-h', '-r', '-j', jobs.join(','), '-O', format], {
    encoding: 'utf8',
  });
  if (r.error) throw new Error(`squeue: ${r.error.message}`);
  // "Invalid job id specified": every job has left the queue.
  if (r.status !== 0 && /invalid job id/i.test(r.stderr)) return [];
  if (r.status !== 0) throw new Error(`squeue failed (exit ${r.status}): ${r.stderr.trim()}`);
  const out: QueuedTask[] = [];
  for (const line of r.stdout.split('\n')) {
    const [arrayJob, index, state, reason, restarts] = line.split('|').map((c) => c.trim());
    if (!arrayJob || index === undefined || !/^\d+$/.test(index)) continue;
    out.push({
      arrayJob,
      index: Number(index),
      state: state ?? '',
      reason: reason ?? '',
      restarts: Number(restarts) || 0,
    });
  }
  return out;
}
