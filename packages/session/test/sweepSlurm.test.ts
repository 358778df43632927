// The slurm backend against a real single-node SLURM (scripts/slurm-local.sh, started here and
// stopped after): a 6-task grid, array chunking at MaxArraySize, SIGUSR1 before the time limit,
// and a requeued task. Fails — does not skip — when SLURM cannot be started.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '@scitex/test-utils';
import { sweepStatus } from '../src/sweep/taskStatus.ts';
import {
  makeProject,
  sessionsOf,
  sweep,
  sweepTask,
  taskNodeArgs,
  waitUntil,
} from './sweepHelpers.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const script = join(repo, 'scripts', 'slurm-local.sh');
// A cluster of its own (state folder, port), so a cluster the user runs is left alone.
const clusterEnv = {
  SCITEX_SLURM_DIR: process.env['SCITEX_SLURM_TEST_DIR'] ?? '/tmp/scitex-slurm-test',
  SCITEX_SLURM_PORT: '6837',
  SCITEX_SLURM_MAX_ARRAY_SIZE: '5',
};
const SLURM_CONF = join(clusterEnv.SCITEX_SLURM_DIR, 'slurm.conf');
const env = { SLURM_CONF };

function slurmLocal(cmd: 'start' | 'stop'): { code: number | null; output: string } {
  const r = spawnSync('bash', [script, cmd], {
    env: { ...process.env, ...clusterEnv },
    encoding: 'utf8',
    timeout: 600_000,
  });
  return { code: r.status, output: `${r.stdout}${r.stderr}${r.error ? String(r.error) : ''}` };
}

function slurmCmd(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
}

interface Submitted {
  id: string;
  dir: string;
  jobs: { job: string; offset: number; count: number; script: string }[];
}

async function submit(cwd: string, out: string, args: string[]): Promise<Submitted> {
  const r = await sweep(
    ['sweep', sweepTask, '--backend', 'slurm', '--out', out, '--json', ...args, ...taskNodeArgs()],
    cwd,
    env,
  );
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Submitted;
}

/** Rows of the sweep once every task has a finished session. */
function whenAllFinished(dir: string, ms: number): Promise<ReturnType<typeof sweepStatus>['rows']> {
  return waitUntil(
    () => {
      const { rows } = sweepStatus(dir);
      return rows.every((r) => r.state.startsWith('FINISHED')) && rows;
    },
    ms,
    'every task to finish',
  );
}

const ready = (dir: string): boolean =>
  existsSync(join(dir, 'logs', 'stdout.log')) &&
  readFileSync(join(dir, 'logs', 'stdout.log'), 'utf8').includes('ready');

const submittedJobs: string[] = [];

/** scancel a job and wait until it has left the queue (so its files are complete). */
async function cancelAndWait(job: string): Promise<void> {
  spawnSync('scancel', [job], { env: { ...process.env, ...env } });
  await waitUntil(
    () => {
      const r = spawnSync('squeue', ['-h', '-j', job, '-O', 'State'], {
        env: { ...process.env, ...env },
        encoding: 'utf8',
      });
      return r.status !== 0 || r.stdout.trim() === '';
    },
    60_000,
    `job ${job} to leave the queue`,
  );
}

beforeAll(() => {
  const r = slurmLocal('start');
  if (r.code !== 0) {
    throw new Error(
      `SLURM could not be started by scripts/slurm-local.sh (exit ${r.code}); the slurm backend ` +
        `cannot be tested without it (needs root and Debian's slurm-wlm/munge):\n${r.output}`,
    );
  }
  process.env['SLURM_CONF'] = SLURM_CONF; // for squeue in sweepStatus, called in-process
}, 600_000);

afterAll(() => {
  if (submittedJobs.length)
    spawnSync('scancel', submittedJobs, { env: { ...process.env, ...env } });
  const r = slurmLocal('stop');
  delete process.env['SLURM_CONF'];
  if (r.code !== 0) throw new Error(`slurm-local.sh stop failed: ${r.output}`);
}, 120_000);

describe('sweep --backend slurm', { timeout: 180_000 }, () => {
  it('submits a 6-task grid (arrays of MaxArraySize 5 and 1) and returns at once; status and collect follow', async () => {
    const tmp = useTempDir();
    makeProject(tmp.path);
    const out = tmp.join('out');
    const t0 = Date.now();
    const s = await submit(tmp.path, out, [
      '--grid',
      'PARAMS.lr=0.1,0.2,0.3',
      '--grid',
      'PARAMS.fail=false,true',
      '--sbatch',
      '--time=5 --comment="scitex test"',
    ]);
    submittedJobs.push(...s.jobs.map((j) => j.job));
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(s.jobs.map((j) => [j.offset, j.count, j.script])).toEqual([
      [0, 5, 'job-0.sbatch'],
      [5, 1, 'job-1.sbatch'],
    ]);
    const sbatchText = readFileSync(join(s.dir, 'job-0.sbatch'), 'utf8');
    expect(sbatchText).toContain('#SBATCH --array=0-4\n');
    expect(readFileSync(join(s.dir, 'job-1.sbatch'), 'utf8')).toContain('SCITEX_SWEEP_OFFSET=5\n');
    expect(sbatchText).toMatch(/^exec \S*node /m);
    expect(slurmCmd('scontrol', ['show', 'job', s.jobs[0]!.job])).toContain('Comment=scitex test');

    const rows = await whenAllFinished(s.dir, 150_000);
    expect(rows.map((r) => r.state)).toEqual([
      'FINISHED_SUCCESS',
      'FINISHED_ERROR',
      'FINISHED_SUCCESS',
      'FINISHED_ERROR',
      'FINISHED_SUCCESS',
      'FINISHED_ERROR',
    ]);
    const jobOf = (task: number): string =>
      task < 5 ? `${s.jobs[0]!.job}_${task}` : `${s.jobs[1]!.job}_${task - 5}`;
    expect(rows.map((r) => r.job)).toEqual([0, 1, 2, 3, 4, 5].map(jobOf));
    for (const sess of sessionsOf(out)) {
      const sw = sess.config['SWEEP'] as { task: number; attempt: number; job: string };
      expect(sw).toMatchObject({ id: s.id, attempt: 0, job: jobOf(sw.task) });
      expect(sess.config['MANIFEST_SEEN']).toBe(true);
    }
    expect(readdirSync(join(s.dir, 'slurm')).sort()).toHaveLength(6);

    const status = await sweep(['sweep', 'status', s.id, out], tmp.path, env);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('3 FINISHED_SUCCESS, 3 FINISHED_ERROR');
    const csv = await sweep(['sweep', 'collect', s.id, out, '--csv'], tmp.path, env);
    expect(csv.stdout.trim().split('\n')).toHaveLength(7);
    expect(csv.stdout).toMatch(/^4,0\.3,false,FINISHED_SUCCESS,.*,0\.(1|09999+\d*)$/m);
  });

  it('splits 12 tasks into arrays of MaxArraySize (5), throttled with %P', async () => {
    const tmp = useTempDir();
    makeProject(tmp.path);
    const out = tmp.join('out');
    const s = await submit(tmp.path, out, [
      '--grid',
      'PARAMS.lr=1,2,3,4,5,6,7,8,9,10,11,12',
      '--parallel',
      '3',
    ]);
    submittedJobs.push(...s.jobs.map((j) => j.job));
    expect(s.jobs.map((j) => [j.offset, j.count])).toEqual([
      [0, 5],
      [5, 5],
      [10, 2],
    ]);
    expect(readFileSync(join(s.dir, 'job-0.sbatch'), 'utf8')).toContain('--array=0-4%3\n');
    expect(readFileSync(join(s.dir, 'job-2.sbatch'), 'utf8')).toContain('--array=0-1%3\n');
    const manifest = JSON.parse(readFileSync(join(s.dir, 'manifest.json'), 'utf8')) as {
      slurm: { maxArraySize: number };
    };
    expect(manifest.slurm.maxArraySize).toBe(5);

    const rows = await whenAllFinished(s.dir, 170_000);
    expect(rows.every((r) => r.state === 'FINISHED_SUCCESS' && r.attempts === 1)).toBe(true);
    const byTask = new Map<number, Record<string, unknown>>();
    for (const sess of sessionsOf(out)) {
      const sw = sess.config['SWEEP'] as { task: number };
      expect(byTask.has(sw.task)).toBe(false);
      byTask.set(sw.task, sess.config);
    }
    expect([...byTask.keys()].sort((a, b) => a - b)).toEqual([...Array(12).keys()]);
    // Task 9 ran as index 4 of the second array, with lr = 10.
    const t9 = byTask.get(9)!;
    expect((t9['SWEEP'] as { job: string }).job).toBe(`${s.jobs[1]!.job}_4`);
    expect(readFileSync(join(t9['SDIR_PATH'] as string, 'metrics.csv'), 'utf8')).toMatch(
      /^0,loss,10,/m,
    );
  });

  // The session's SIGUSR1 ending needs start()'s SIGUSR1 listener (the lead's wiring).
  it('scancel --signal=USR1 --full of a running task: the session ends truthfully as preempted', async () => {
    const tmp = useTempDir();
    makeProject(tmp.path);
    const out = tmp.join('out');
    const s = await submit(tmp.path, out, ['--grid', 'PARAMS.sleep=600000', '--grace', '30']);
    const job = `${s.jobs[0]!.job}_0`;
    submittedJobs.push(s.jobs[0]!.job);
    try {
      await waitUntil(
        () => sessionsOf(out).some((x) => x.folder === 'RUNNING' && ready(x.dir)),
        90_000,
        'the task to run',
      );
      slurmCmd('scancel', ['--signal=USR1', '--full', job]);
      const ended = await waitUntil(
        () => sessionsOf(out).find((x) => x.folder !== 'RUNNING'),
        30_000,
        'the task session to end after SIGUSR1',
      );
      expect(ended.folder).toBe('FINISHED_ERROR');
      expect(ended.config).toMatchObject({ SIGNAL: 'SIGUSR1', EXIT_STATUS: 138 });
      expect(ended.config['PREEMPTED']).toBeTruthy();
      expect(ended.config['PREEMPTED_BY_FIXTURE']).toBeUndefined(); // start() did it
      const rows = await whenAllFinished(s.dir, 30_000);
      expect(rows[0]).toMatchObject({ state: 'FINISHED_ERROR', exit: 138, signal: 'SIGUSR1' });
    } finally {
      await cancelAndWait(s.jobs[0]!.job);
    }
  });

  it('--signal=B:USR1@grace warns a task before its time limit; it ends truthfully', async () => {
    const tmp = useTempDir();
    makeProject(tmp.path);
    const out = tmp.join('out');
    // A 1-minute limit with 50 s of grace: SIGUSR1 about 10 s in (SLURM checks limits
    // periodically, so it may come some seconds late), well before the kill at 60 s.
    const s = await submit(tmp.path, out, [
      '--grid',
      'PARAMS.sleep=600000',
      '--grace',
      '50',
      '--sbatch',
      '--time=1',
    ]);
    submittedJobs.push(s.jobs[0]!.job);
    try {
      const ended = await waitUntil(
        () => sessionsOf(out).find((x) => x.folder !== 'RUNNING'),
        100_000,
        'the task to be warned and end',
      );
      expect(ended.folder).toBe('FINISHED_ERROR');
      expect(ended.config).toMatchObject({ SIGNAL: 'SIGUSR1', EXIT_STATUS: 138 });
      expect(ended.config['PREEMPTED']).toBeTruthy();
    } finally {
      await cancelAndWait(s.jobs[0]!.job);
    }
  });

  it('a requeued task comes back as attempt 1, linked to attempt 0, and is counted once', async () => {
    const tmp = useTempDir();
    makeProject(tmp.path);
    const out = tmp.join('out');
    const s = await submit(tmp.path, out, ['--grid', 'PARAMS.sleep=600000']);
    const job = `${s.jobs[0]!.job}_0`;
    submittedJobs.push(s.jobs[0]!.job);
    try {
      const first = await waitUntil(
        () => sessionsOf(out).find((x) => x.folder === 'RUNNING' && ready(x.dir)),
        90_000,
        'attempt 0 to run',
      );
      slurmCmd('scontrol', ['requeue', job]);
      // SLURM holds a requeued job back (BeginTime = now + ~2 min); a cluster that requeues
      // a preempted task would start it when resources free up. Start it now.
      await waitUntil(
        () => /PENDING/.test(slurmCmd('squeue', ['-h', '-j', job, '-O', 'State'])),
        60_000,
        'the task to be pending again',
      );
      slurmCmd('scontrol', ['update', `jobid=${job}`, 'StartTime=now']);
      const second = await waitUntil(
        () =>
          sessionsOf(out).find(
            (x) =>
              x.folder === 'RUNNING' &&
              (x.config['SWEEP'] as { attempt?: number } | undefined)?.attempt === 1 &&
              ready(x.dir),
          ),
        90_000,
        'attempt 1 to run',
      );
      expect(second.config['SWEEP']).toMatchObject({
        id: s.id,
        task: 0,
        attempt: 1,
        previous: first.name,
      });
      const old = sessionsOf(out).find((x) => x.name === first.name)!;
      expect(old.folder).toBe('FINISHED_ERROR');
      expect(old.config).toMatchObject({ SIGNAL: 'SIGTERM', EXIT_STATUS: 143 });
      const { rows } = sweepStatus(s.dir);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ state: 'running', attempts: 2, session: second.dir });
    } finally {
      await cancelAndWait(s.jobs[0]!.job);
    }
  });
});
