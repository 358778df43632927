/**
 * The sbatch script of one job array of a sweep. Task `SCITEX_SWEEP_OFFSET +
 * SLURM_ARRAY_TASK_ID` reads its overrides from `tasks/<task>.set` and its sweep record from
 * `tasks/<task>.sweep`, then `exec`s node — so node *is* the batch step's process and receives
 * `--signal=B:USR1@<grace>` and scancel's signals directly, with no shell in between.
 */
import type { SweepManifest } from './manifest.js';
import { shellQuote } from './shellWords.js';

/** One job array: tasks `offset` … `offset + count - 1`. */
export interface SbatchChunk {
  offset: number;
  count: number;
}

/** Options of {@link renderSbatchScript}. */
export interface SbatchScriptOptions {
  manifest: SweepManifest;
  /** The sweep folder. */
  dir: string;
  chunk: SbatchChunk;
  /** At most this many tasks of the array at once (`%P`); null: no limit. */
  parallel: number | null;
  /** Seconds before the time limit at which SIGUSR1 is sent. */
  grace: number;
}

/** The script's text. */
export function renderSbatchScript(o: SbatchScriptOptions): string {
  const { manifest: m, dir, chunk } = o;
  const q = shellQuote;
  const last = chunk.offset + chunk.count - 1;
  const throttle = o.parallel === null ? '' : `%${o.parallel}`;
  const cmd = [m.node, ...m.nodeArgs, m.script.path, ...m.args].map(q).join(' ');
  return [
    '#!/bin/bash',
    `# scitex-session sweep ${m.id}: tasks ${chunk.offset}-${last} of ${m.tasks.length}.`,
    '# Task = SCITEX_SWEEP_OFFSET + SLURM_ARRAY_TASK_ID; its overrides are in tasks/<task>.set.',
    `#SBATCH --job-name=sweep_${m.id.slice(-4)}`,
    `#SBATCH --array=0-${chunk.count - 1}${throttle}`,
    `#SBATCH --output=${dir}/slurm/%A_%a.out`,
    `#SBATCH --chdir=${m.cwd}`,
    `#SBATCH --signal=B:USR1@${o.grace}`,
    '#SBATCH --requeue',
    '#SBATCH --open-mode=append',
    'set -eu',
    `SCITEX_SWEEP_OFFSET=${chunk.offset}`,
    'task=$((SCITEX_SWEEP_OFFSET + SLURM_ARRAY_TASK_ID))',
    `SCITEX_SET=$(cat ${q(`${dir}/tasks/`)}"$task.set")`,
    `SCITEX_SWEEP=$(cat ${q(`${dir}/tasks/`)}"$task.sweep")`,
    'export SCITEX_SET SCITEX_SWEEP',
    `exec ${cmd}`,
    '',
  ].join('\n');
}

/** Splits `total` tasks into arrays of at most `maxArraySize` (indices 0 … max-1). */
export function chunkTasks(total: number, maxArraySize: number): SbatchChunk[] {
  const size = Math.max(1, Math.floor(maxArraySize));
  const out: SbatchChunk[] = [];
  for (let offset = 0; offset < total; offset += size) {
    out.push({ offset, count: Math.min(size, total - offset) });
  }
  return out;
}
