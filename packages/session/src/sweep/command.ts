/**
 * `scitex-session sweep`: run a script over a grid of overrides, on this machine or on SLURM,
 * and look at the result.
 *
 *   sweep <script> --grid KEY=v1,v2 [--grid …] [--backend local|slurm] [-j N] [--parallel P]
 *         [--sbatch "…"] [--grace S] [--out OUT_ROOT] [--config-dir DIR] [--node PATH]
 *         [--node-arg FLAG] [--json] [-- script args]
 *   sweep status <SWEEP_ID> [OUT_ROOT] [--json] [--no-queue]
 *   sweep collect <SWEEP_ID> [OUT_ROOT] [--csv | --json] [--no-queue]
 *
 * Exit codes: 0 done (local: every task succeeded), 1 a task failed or a command failed,
 * 2 bad usage (nothing was written or launched), 128+n the local pool was stopped by signal n.
 */
import { realpathSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import type { CliIO } from '../cliMain.js';
import { VERSION } from '../version.js';
import { collectSweep, toCsv } from './collect.js';
import { parseGrid } from './grid.js';
import { runLocalPool } from './localPool.js';
import {
  createSweepDir,
  findSweep,
  sha256File,
  writeManifest,
  type SweepManifest,
} from './manifest.js';
import { submitSlurm } from './slurmBackend.js';
import { maxArraySize } from './slurmCommands.js';
import { splitShellWords } from './shellWords.js';
import { sweepStatus } from './taskStatus.js';
import { SweepUsageError } from './usageError.js';
import { validateKeys } from './validateKeys.js';
import { textTable } from '../textTable.js';

/** What {@link registerSweepCommand} returns: the exit code the last sweep action chose. */
export interface SweepCommandHandle {
  /** Set by the sweep actions (0, 1 or 128+n); undefined when no sweep action ran. */
  exitCode: number | undefined;
}

/** Options of `sweep <script>` as commander hands them over. */
interface RunOpts {
  grid: string[];
  backend: string;
  jobs?: string;
  parallel?: string;
  sbatch?: string;
  grace: string;
  out?: string;
  configDir: string;
  nodeArg: string[];
  node?: string;
  json?: boolean;
}

const collectList = (v: string, prev: string[]): string[] => [...prev, v];

/**
 * Adds `sweep`, `sweep status` and `sweep collect` to `program`. The actions are async: parse
 * with `program.parseAsync(…)`, then use `handle.exitCode`. Usage errors go through
 * `command.error()` (a CommanderError with exit code 2 under `exitOverride()`). Turns on
 * `program.enablePositionalOptions()`.
 */
export function registerSweepCommand(program: Command, io: CliIO): SweepCommandHandle {
  const handle: SweepCommandHandle = { exitCode: undefined };
  // Needed for the sweep command's own positional options (below); it only makes the
  // program's options (--version) count before a subcommand, where they are written anyway.
  program.enablePositionalOptions();
  const usage = (cmd: Command, fn: () => Promise<number> | number) => async (): Promise<void> => {
    try {
      handle.exitCode = await fn();
    } catch (err) {
      if (err instanceof SweepUsageError) cmd.error(`error: ${err.message}`, { exitCode: 2 });
      throw err;
    }
  };

  const sweep = program
    .command('sweep')
    .description('run a script over a grid of CONFIG overrides (local pool or SLURM job arrays)')
    .argument('<script>', 'the script to run (node script; .ts needs --node-arg=--import=tsx)')
    .argument('[args...]', 'arguments for the script, after --')
    .option(
      '--grid <KEY=v1,v2>',
      'a CONFIG key and its values (repeatable; +KEY adds a new key)',
      collectList,
      [],
    )
    .option('--backend <backend>', 'local or slurm', 'local')
    .option('-j, --jobs <N>', 'local: tasks at a time (default: number of cores)')
    .option('--parallel <P>', 'slurm: at most P tasks of an array at once (%P)')
    .option('--sbatch <options>', 'slurm: extra sbatch options, e.g. "--partition=gpu --time=60"')
    .option('--grace <seconds>', 'slurm: SIGUSR1 this long before the time limit', '120')
    .option(
      '--out <OUT_ROOT>',
      "output root of the script's sessions (default <script dir>/<stem>_out)",
    )
    .option('--config-dir <dir>', 'config folder the keys are checked against', './config')
    .option('--node-arg <flag>', 'a node flag for every task (repeatable)', collectList, [])
    .option(
      '--node <path>',
      'the node binary the tasks run (default: the one running this command)',
    )
    .option('--json', 'print the result as JSON')
    // Options after `status`/`collect` are theirs (both have a --json of their own).
    .enablePositionalOptions();
  sweep.action((script: string, args: string[], o: RunOpts) =>
    usage(sweep, () => startSweep(script, args, o, io))(),
  );

  sweep
    .command('status')
    .description('one line per task: overrides, state, run time, exit')
    .argument('<SWEEP_ID>', 'sweep ID (full, unique prefix, or 4-character tail)')
    .argument(
      '[OUT_ROOT]',
      'output root holding SWEEPS/ (default: the current folder or its *_out folders)',
    )
    .option('--json', 'machine-readable output')
    .option('--no-queue', 'do not ask squeue (slurm sweeps)')
    .action(function (
      this: Command,
      id: string,
      root: string | undefined,
      o: { json?: boolean; queue: boolean },
    ) {
      return usage(this, () => showStatus(id, root, o, io))();
    });

  sweep
    .command('collect')
    .description(
      'one table, a row per task: overrides, status, run time, exit, session, last metrics',
    )
    .argument('<SWEEP_ID>', 'sweep ID (full, unique prefix, or 4-character tail)')
    .argument('[OUT_ROOT]', 'output root holding SWEEPS/')
    .option('--csv', 'CSV output')
    .option('--json', 'JSON output')
    .option('--no-queue', 'do not ask squeue (slurm sweeps)')
    .action(function (
      this: Command,
      id: string,
      root: string | undefined,
      o: { csv?: boolean; json?: boolean; queue: boolean },
    ) {
      return usage(this, () => showCollect(id, root, o, io))();
    });
  return handle;
}

/**
 * A standalone `scitex-session`-like program with only the sweep commands: parses `argv`
 * and resolves to the exit code (0, 1, 2 or 128+n). What the CLI does for `sweep …`.
 */
export async function runSweepCli(argv: string[], io: CliIO): Promise<number> {
  const program = new Command('scitex-session')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run scitex-session sweep --help for usage)');
  const handle = registerSweepCommand(program, io);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    io.stderr(`scitex-session: ${(e as Error).message}\n`);
    return 1;
  }
  return handle.exitCode ?? 0;
}

function positiveInt(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1) {
    throw new SweepUsageError(`${name} must be a whole number ≥ 1, got ${JSON.stringify(v)}`);
  }
  return Number(v);
}

/** Checks everything, writes the manifest, then launches (local) or submits (slurm). */
async function startSweep(script: string, args: string[], o: RunOpts, io: CliIO): Promise<number> {
  const backend = o.backend;
  if (backend !== 'local' && backend !== 'slurm') {
    throw new SweepUsageError(`--backend must be local or slurm, got ${JSON.stringify(backend)}`);
  }
  const scriptPath = resolve(io.cwd, script);
  let real: string;
  try {
    real = realpathSync(scriptPath);
    if (!statSync(real).isFile()) throw new Error('not a file');
  } catch {
    throw new SweepUsageError(`${scriptPath} is not a script file`);
  }
  const grid = parseGrid(o.grid);
  validateKeys(grid.tasks[0]!, o.configDir, io.cwd);
  const jobs = positiveInt('-j/--jobs', o.jobs) ?? availableParallelism();
  const parallel = positiveInt('--parallel', o.parallel) ?? null;
  if (!/^\d+$/.test(o.grace)) {
    throw new SweepUsageError(`--grace must be whole seconds, got ${JSON.stringify(o.grace)}`);
  }
  let sbatchOptions: string[];
  try {
    sbatchOptions = splitShellWords(o.sbatch ?? '');
  } catch (err) {
    throw new SweepUsageError(`--sbatch: ${(err as Error).message}`);
  }
  if (sbatchOptions.some((w) => /^--?(a|array)(=|$)/.test(w))) {
    throw new SweepUsageError(
      '--sbatch must not set --array: the sweep splits the tasks into arrays itself',
    );
  }
  const outRoot = o.out
    ? resolve(io.cwd, o.out)
    : join(dirname(real), `${basename(real, extname(real))}_out`);
  // Asked before anything is written, so an unreachable cluster leaves no half sweep.
  const maxArray = backend === 'slurm' ? maxArraySize() : 0;

  // On a cluster the compute nodes may keep node elsewhere: --node names it.
  const node = o.node ?? process.execPath;
  const { id, dir } = createSweepDir(outRoot);
  const manifest: SweepManifest = {
    format: 'scitex-sweep',
    version: 1,
    id,
    created: new Date().toISOString(),
    backend,
    script: { path: real, sha256: sha256File(real) },
    cwd: io.cwd,
    outRoot,
    node,
    nodeArgs: o.nodeArg,
    args,
    command: [node, ...o.nodeArg, real, ...args],
    grid: grid.axes,
    tasks: grid.tasks.map((overrides, task) => ({ task, overrides })),
  };
  if (backend === 'local') manifest.local = { jobs };
  else
    manifest.slurm = {
      parallel,
      grace: Number(o.grace),
      sbatch: sbatchOptions,
      maxArraySize: maxArray,
    };
  writeManifest(dir, manifest);

  const n = manifest.tasks.length;
  if (backend === 'slurm') {
    const record = submitSlurm({ dir, manifest, sbatchOptions });
    if (o.json) {
      io.stdout(JSON.stringify({ id, dir, jobs: record.jobs }, null, 2) + '\n');
    } else {
      const list = record.jobs
        .map((j) => `${j.job} (tasks ${j.offset}-${j.offset + j.count - 1})`)
        .join(', ');
      io.stdout(
        `sweep ${id}: ${n} tasks submitted as job array${record.jobs.length > 1 ? 's' : ''} ${list}\n`,
      );
      io.stdout(`folder: ${dir}\nstatus: scitex-session sweep status ${id} ${outRoot}\n`);
    }
    return 0;
  }
  io.stderr(
    `sweep ${id}: ${n} tasks, ${Math.min(jobs, n)} at a time; task output in ${join(dir, 'logs')}\n`,
  );
  const code = await runLocalPool({
    dir,
    manifest,
    jobs,
    stderr: io.stderr,
    tty: process.stderr.isTTY === true && !o.json,
  });
  const { rows } = sweepStatus(dir, { queue: false });
  if (o.json) {
    io.stdout(JSON.stringify({ id, dir, exitCode: code, tasks: rows }, null, 2) + '\n');
  } else {
    const failed = rows.filter((r) => r.state !== 'FINISHED_SUCCESS').length;
    io.stdout(`sweep ${id}: ${n - failed} of ${n} tasks succeeded\n`);
    io.stdout(`status: scitex-session sweep status ${id} ${outRoot}\n`);
  }
  return code;
}

const text = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

function showStatus(
  id: string,
  root: string | undefined,
  o: { json?: boolean; queue: boolean },
  io: CliIO,
): number {
  const dir = findSweep(id, root, io.cwd);
  const s = sweepStatus(dir, { queue: o.queue });
  if (s.queueError)
    io.stderr(`note: squeue not asked (${s.queueError}); states from the sessions only\n`);
  if (o.json) {
    io.stdout(
      JSON.stringify(
        { id: s.manifest.id, dir, backend: s.manifest.backend, tasks: s.rows },
        null,
        2,
      ) + '\n',
    );
    return 0;
  }
  const rows = [['TASK', 'OVERRIDES', 'STATE', 'RUN TIME', 'EXIT', 'ATTEMPTS', 'JOB']];
  for (const r of s.rows) {
    rows.push([
      String(r.task),
      r.overrides.join(' '),
      r.signal && r.state.startsWith('FINISHED') ? `${r.state} (${r.signal})` : r.state,
      r.runTime ?? '',
      text(r.exit),
      String(r.attempts),
      r.job ?? '',
    ]);
  }
  io.stdout(
    `sweep ${s.manifest.id} (${s.manifest.backend}, ${s.rows.length} tasks)\n` + textTable(rows),
  );
  const counts = new Map<string, number>();
  for (const r of s.rows) counts.set(r.state, (counts.get(r.state) ?? 0) + 1);
  io.stdout([...counts].map(([k, v]) => `${v} ${k}`).join(', ') + '\n');
  return 0;
}

function showCollect(
  id: string,
  root: string | undefined,
  o: { csv?: boolean; json?: boolean; queue: boolean },
  io: CliIO,
): number {
  if (o.csv && o.json) throw new SweepUsageError('give --csv or --json, not both');
  const t = collectSweep(findSweep(id, root, io.cwd), { queue: o.queue });
  if (o.json) io.stdout(JSON.stringify(t.rows, null, 2) + '\n');
  else if (o.csv) io.stdout(toCsv(t));
  else io.stdout(textTable([t.columns, ...t.rows.map((r) => t.columns.map((c) => text(r[c])))]));
  return 0;
}
