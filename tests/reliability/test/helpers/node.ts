// Fixture processes in plain node (no tsx, no source condition): they import the built
// packages, like a user's script does.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

export interface NodeRunOptions {
  args?: string[];
  cwd?: string;
  /** Added to the environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** Written to stdin, which is then closed. Without it stdin stays open (see `spawnNode`). */
  input?: string;
  /** Send stdout to this file instead of a pipe. */
  stdoutFile?: string;
  /** SIGKILL after this long (a hung fixture must not hang the suite). Default 90 s. */
  timeoutMs?: number;
}

export interface NodeRunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout as bytes (from the file with `stdoutFile`). */
  stdoutBytes: Buffer;
}

/** The environment of a fixture: ours, minus what would slow it down or confuse it. */
export function fixtureEnv(extra: NodeRunOptions['env'] = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID', 'NODE_OPTIONS']) delete env[k];
  // Loading extra CA certificates costs ~50 ms a process; fixtures never use TLS.
  delete env['NODE_EXTRA_CA_CERTS'];
  // A debug switch inherited from the developer's shell would change session IDs.
  delete env['SCITEX_DEBUG'];
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Starts `node script ...args`; stdin is a pipe that stays open unless `input` is given. */
export function spawnNode(script: string, opts: NodeRunOptions = {}): ChildProcess {
  let outFd: number | undefined;
  if (opts.stdoutFile) outFd = openSync(opts.stdoutFile, 'w');
  const child = spawn(process.execPath, [script, ...(opts.args ?? [])], {
    cwd: opts.cwd,
    env: fixtureEnv(opts.env),
    stdio: ['pipe', outFd ?? 'pipe', 'pipe'],
  });
  if (outFd !== undefined) closeSync(outFd);
  if (opts.input !== undefined) child.stdin?.end(opts.input);
  return child;
}

/** Collects a child's output and how it ended. */
export function collectNode(
  child: ChildProcess,
  opts: NodeRunOptions = {},
): Promise<NodeRunResult> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (d: Buffer) => out.push(d));
    child.stderr?.on('data', (d: Buffer) => err.push(d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 90_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stdoutBytes = opts.stdoutFile ? readFileSync(opts.stdoutFile) : Buffer.concat(out);
      resolve({
        code,
        signal,
        stdout: stdoutBytes.toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        stdoutBytes,
      });
    });
  });
}

/** Runs a fixture to the end. */
export function runNode(script: string, opts: NodeRunOptions = {}): Promise<NodeRunResult> {
  return collectNode(spawnNode(script, { input: '', ...opts }), opts);
}
