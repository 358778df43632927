/**
 * `scitex-session sweep`: what the local pool costs per task (a 100-task sweep of a trivial
 * script against 100 plain `node` runs at the same parallelism), and — when a SLURM cluster
 * answers (scripts/slurm-local.sh start) — the time to submit 1,000 tasks.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { cleanEnv } from '../lib/process.ts';
import { fmtMs, summarize } from '../lib/stats.ts';
import type { Figure, Suite } from '../lib/types.ts';

// The published CLI (bench/ measures dist/, built by `pnpm bench`).
const cli = join(
  dirname(createRequire(import.meta.url).resolve('@scitex/session/package.json')),
  'dist',
  'cli.js',
);

function run(argv: string[], env: Record<string, string>, cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const c = spawn(argv[0]!, argv.slice(1), {
      env: cleanEnv(env),
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    c.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    c.on('error', reject);
    c.on('close', (code) =>
      code === 0 ? resolve(code) : reject(new Error(`${argv.join(' ')} exited ${code}: ${err}`)),
    );
  });
}

/** `n` plain runs of `script`, `jobs` at a time; milliseconds. */
async function plainPool(script: string, n: number, jobs: number, cwd: string): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < n) {
      next++;
      await run([process.execPath, script], {}, cwd);
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  return performance.now() - t0;
}

/** One local sweep of `n` tasks of `script`, `jobs` at a time; milliseconds. */
async function sweepPool(
  script: string,
  n: number,
  jobs: number,
  cwd: string,
  out: string,
): Promise<number> {
  const values = Array.from({ length: n }, (_, i) => i).join(',');
  const t0 = performance.now();
  await run(
    [
      process.execPath,
      cli,
      'sweep',
      script,
      '--grid',
      `+TASK=${values}`,
      '-j',
      String(jobs),
      '--out',
      out,
    ],
    {},
    cwd,
  );
  return performance.now() - t0;
}

function slurmAnswers(): boolean {
  return spawnSync('scontrol', ['ping'], { encoding: 'utf8' }).status === 0;
}

const suite: Suite = {
  name: 'sweep',
  async run({ quick, tmp, log }) {
    const figures: Figure[] = [];
    mkdirSync(join(tmp, 'project'), { recursive: true });
    const cwd = join(tmp, 'project');
    const script = join(cwd, 'task.mjs');
    writeFileSync(script, "console.log('hello');\n");
    const n = quick ? 10 : 100;
    const jobs = availableParallelism();
    const rounds = quick ? 1 : 5;

    log(`${n}-task local sweep vs ${n} plain node runs, ${jobs} at a time`);
    await plainPool(script, jobs, jobs, cwd); // warm-up
    await sweepPool(script, jobs, jobs, cwd, join(tmp, 'out-warm'));
    const plain: number[] = [];
    const swept: number[] = [];
    for (let r = 0; r < rounds; r++) {
      plain.push(await plainPool(script, n, jobs, cwd));
      swept.push(await sweepPool(script, n, jobs, cwd, join(tmp, `out-${r}`)));
    }
    const p = summarize(plain);
    const s = summarize(swept);
    const ratio = s.median / p.median;
    figures.push({
      figure: `local sweep of ${n} trivial tasks vs ${n} plain \`node\` runs, ${jobs} at a time`,
      measured:
        `${ratio.toFixed(2)}× (sweep ${fmtMs(s)}, plain ${fmtMs(p)}; ` +
        `+${((s.median - p.median) / n).toFixed(1)} ms per task)`,
      target: '≤ 1.2×',
      value: ratio,
      pass: ratio <= 1.2,
    });

    if (!slurmAnswers()) {
      figures.push({
        figure: 'sweep --backend slurm: 1,000 tasks submitted',
        measured:
          'not measured: no SLURM cluster answers (scripts/slurm-local.sh start, SLURM_CONF)',
        target: 'informational',
        value: null,
        pass: null,
      });
      return figures;
    }
    const tasks = quick ? 100 : 1000;
    log(`${tasks}-task slurm sweep, submission only (held, then cancelled)`);
    const values = Array.from({ length: tasks }, (_, i) => i).join(',');
    const t0 = performance.now();
    const r = spawnSync(
      process.execPath,
      [
        cli,
        'sweep',
        script,
        '--backend',
        'slurm',
        '--grid',
        `+TASK=${values}`,
        '--sbatch',
        '--hold',
        '--json',
        '--out',
        join(tmp, 'out-slurm'),
      ],
      { cwd, encoding: 'utf8', env: cleanEnv({ SLURM_CONF: process.env['SLURM_CONF'] ?? '' }) },
    );
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`slurm sweep failed: ${r.stderr}`);
    const submitted = JSON.parse(r.stdout) as { jobs: { job: string }[] };
    spawnSync(
      'scancel',
      submitted.jobs.map((j) => j.job),
    );
    figures.push({
      figure: `sweep --backend slurm: ${tasks} tasks submitted (${submitted.jobs.length} job array${submitted.jobs.length > 1 ? 's' : ''})`,
      measured: `${(ms / 1000).toFixed(2)} s from the command to all submitted`,
      target: 'informational',
      value: null,
      pass: null,
    });
    return figures;
  },
};

export default suite;
