// Shared by the sweep tests: running the sweep CLI as a process, and reading what it left.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixtureCommand, runFixture, type FixtureResult } from '@scitex/test-utils';

const here = dirname(fileURLToPath(import.meta.url));
export const sweepCli: string = join(here, 'fixtures', 'sweep-cli.ts');
export const sweepTask: string = join(here, 'fixtures', 'sweep-task.ts');

/** `--node-arg` flags that let a task run a .ts fixture against the sibling sources. */
export function taskNodeArgs(): string[] {
  const cmd = fixtureCommand('x.ts');
  const flags: string[] = [];
  for (let i = 0; i < cmd.length - 1; i++) {
    const a = cmd[i]!;
    if (a === '--import') flags.push(`--node-arg=--import=${cmd[++i]!}`);
    else flags.push(`--node-arg=${a}`);
  }
  return flags;
}

/** A project folder with config/PARAMS.yaml (lr, fail, sleep). */
export function makeProject(root: string): string {
  mkdirSync(join(root, 'config'), { recursive: true });
  writeFileSync(join(root, 'config', 'PARAMS.yaml'), 'lr: 0.1\nfail: false\nsleep: 0\n');
  return root;
}

/** Runs `scitex-session <args>` (the sweep commands) in `cwd`. */
export function sweep(
  args: string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
  timeoutMs = 120_000,
): Promise<FixtureResult> {
  return runFixture(sweepCli, { args, cwd, env, timeoutMs });
}

/** The only sweep folder under `out`. */
export function onlySweepDir(out: string): string {
  const names = readdirSync(join(out, 'SWEEPS'));
  if (names.length !== 1)
    throw new Error(`expected one sweep in ${out}, found ${names.join(', ')}`);
  return join(out, 'SWEEPS', names[0]!);
}

/** Every session under `out` with its folder and CONFIG.json. */
export function sessionsOf(
  out: string,
): { folder: string; name: string; dir: string; config: Record<string, unknown> }[] {
  const found = [];
  for (const folder of ['RUNNING', 'FINISHED_SUCCESS', 'FINISHED_ERROR', 'FINISHED']) {
    const d = join(out, folder);
    if (!existsSync(d)) continue;
    for (const name of readdirSync(d)) {
      const file = join(d, name, 'CONFIGS', 'CONFIG.json');
      let config: Record<string, unknown> = {};
      try {
        config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      } catch {
        // Not written yet.
      }
      found.push({ folder, name, dir: join(d, name), config });
    }
  }
  return found;
}

/** Resolves once `check` returns a truthy value (polled every 100 ms); rejects after `ms`. */
export async function waitUntil<T>(
  check: () => T | undefined | null | false,
  ms: number,
  what: string,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** SIGKILLs every task process a local sweep under `out` may have left (by recorded pid). */
export function killTasks(out: string): void {
  const pids = new Set<number>();
  for (const s of sessionsOf(out))
    if (typeof s.config['PID'] === 'number') pids.add(s.config['PID']);
  const sweeps = join(out, 'SWEEPS');
  for (const id of existsSync(sweeps) ? readdirSync(sweeps) : []) {
    try {
      const state = JSON.parse(readFileSync(join(sweeps, id, 'state.json'), 'utf8')) as {
        tasks: { pid?: number }[];
      };
      for (const t of state.tasks) if (t.pid) pids.add(t.pid);
    } catch {
      // No state file: not a local sweep, or it never started.
    }
  }
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone, as it should be.
    }
  }
}
