/**
 * Whole-process timing: runs commands in a clean environment (only PATH and HOME, as
 * `env -i` would) so inherited variables such as NODE_EXTRA_CA_CERTS do not swamp the
 * figure. Each command gets warm-up runs, then the measured runs are interleaved
 * (A B A B …) so drift on a noisy machine hits every command alike.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { summarize, type Summary } from './stats.js';

export interface Command {
  /** Label used in messages. */
  name: string;
  /** argv[0] and the rest, e.g. [process.execPath, 'script.js']. */
  argv: string[];
  cwd?: string;
  /** Extra environment on top of the clean one. */
  env?: Record<string, string>;
  /** Where stdout goes: 'ignore' (default), or a file path (truncated before each run). */
  stdoutFile?: string;
  /** Runs before every run (also warm-ups), outside the timed part. */
  before?: () => void;
}

export interface TimeOptions {
  runs?: number;
  warmup?: number;
}

/** The environment every timed process gets. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: process.env['HOME'] ?? '/tmp',
    ...extra,
  };
}

function once(cmd: Command): number {
  cmd.before?.();
  const opts: SpawnSyncOptions = {
    cwd: cmd.cwd,
    env: cleanEnv(cmd.env),
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  };
  let fd: number | undefined;
  if (cmd.stdoutFile) {
    // Opened outside the timed region.
    fd = openSyncTrunc(cmd.stdoutFile);
    opts.stdio = ['ignore', fd, 'pipe'];
  }
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd.argv[0]!, cmd.argv.slice(1), opts);
  const t1 = process.hrtime.bigint();
  if (fd !== undefined) closeSync(fd);
  if (r.status !== 0) {
    throw new Error(
      `${cmd.name} failed (status ${r.status}, signal ${r.signal}): ${String(r.stderr).slice(-2000)}`,
    );
  }
  return Number(t1 - t0) / 1e6;
}

function openSyncTrunc(path: string): number {
  return openSync(path, 'w');
}

/** Times each command; returns one summary (milliseconds) per command, in order. */
export function timeProcesses(cmds: Command[], opts: TimeOptions = {}): Summary[] {
  const runs = Math.max(opts.runs ?? 10, 1);
  const warmup = opts.warmup ?? 2;
  for (let i = 0; i < warmup; i++) for (const c of cmds) once(c);
  const samples: number[][] = cmds.map(() => []);
  for (let i = 0; i < runs; i++) cmds.forEach((c, k) => samples[k]!.push(once(c)));
  return samples.map(summarize);
}
