/**
 * The slurm backend: writes each task's files and one sbatch script per job array into the
 * sweep folder, submits the arrays, records the job ids in jobs.json and returns — it does not
 * wait for the tasks (`sweep status` and `sweep collect` look at them later).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SweepManifest } from './manifest.js';
import { chunkTasks, renderSbatchScript } from './sbatchScript.js';
import { sbatch } from './slurmCommands.js';
import { SWEEP_ENV, taskEnv } from './taskEnv.js';
import { writeJsonAtomic, writeTextAtomic } from './writeAtomic.js';
import { OVERRIDE_ENV } from '@scitex/config';

/** The jobs file's name in a sweep folder. */
export const JOBS_FILE = 'jobs.json';

/** One submitted job array. */
export interface SweepJob {
  /** SLURM job id of the array (SLURM_ARRAY_JOB_ID). */
  job: string;
  /** Task numbers `offset` … `offset + count - 1` (array indices 0 … count-1). */
  offset: number;
  count: number;
  /** The sbatch script, relative to the sweep folder. */
  script: string;
}

/** jobs.json. */
export interface SweepJobs {
  id: string;
  submitted: string;
  jobs: SweepJob[];
}

/** Options of {@link submitSlurm}. */
export interface SubmitSlurmOptions {
  dir: string;
  manifest: SweepManifest;
  /** Extra sbatch options, after the script's own (so they win). */
  sbatchOptions: string[];
}

/** Writes the task files and scripts, submits every array; returns the jobs. */
export function submitSlurm(o: SubmitSlurmOptions): SweepJobs {
  const { dir, manifest: m } = o;
  const s = m.slurm!;
  mkdirSync(join(dir, 'tasks'), { recursive: true });
  mkdirSync(join(dir, 'slurm'), { recursive: true });
  for (const t of m.tasks) {
    const env = taskEnv({ id: m.id, task: t.task, root: m.outRoot }, t.overrides);
    writeTextAtomic(join(dir, 'tasks', `${t.task}.set`), env[OVERRIDE_ENV]!, false);
    writeTextAtomic(join(dir, 'tasks', `${t.task}.sweep`), env[SWEEP_ENV]!, false);
  }
  const chunks = chunkTasks(m.tasks.length, s.maxArraySize);
  const scripts = chunks.map((chunk, i) => {
    const file = `job-${i}.sbatch`;
    const text = renderSbatchScript({
      manifest: m,
      dir,
      chunk,
      parallel: s.parallel,
      grace: s.grace,
    });
    writeTextAtomic(join(dir, file), text);
    return file;
  });
  const record: SweepJobs = { id: m.id, submitted: new Date().toISOString(), jobs: [] };
  for (let i = 0; i < chunks.length; i++) {
    let job: string;
    try {
      job = sbatch(join(dir, scripts[i]!), o.sbatchOptions);
    } catch (err) {
      writeJsonAtomic(join(dir, JOBS_FILE), record);
      const done = record.jobs.map((j) => j.job).join(', ');
      throw new Error(
        `${(err as Error).message}\n` +
          (record.jobs.length
            ? `submitted before the failure: job arrays ${done} (tasks 0-${chunks[i]!.offset - 1}); ` +
              `the rest can be submitted by hand: sbatch ${join(dir, scripts[i]!)} …`
            : 'nothing was submitted'),
        { cause: err },
      );
    }
    record.jobs.push({
      job,
      offset: chunks[i]!.offset,
      count: chunks[i]!.count,
      script: scripts[i]!,
    });
    writeJsonAtomic(join(dir, JOBS_FILE), record);
  }
  return record;
}

/** Reads jobs.json, or null when there is none. */
export function readJobs(dir: string): SweepJobs | null {
  try {
    return JSON.parse(readFileSync(join(dir, JOBS_FILE), 'utf8')) as SweepJobs;
  } catch {
    return null;
  }
}
