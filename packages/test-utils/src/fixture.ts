/**
 * Runs fixture scripts in a real Node process, so behaviour that only shows when a
 * process ends (exit hooks, flushed logs, signals) is observed for real. TypeScript
 * fixtures run through tsx, and sibling packages resolve to their sources via the
 * "@scitex/source" condition — no build needed.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { openSync, closeSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export interface FixtureOptions {
  args?: string[];
  cwd?: string;
  /** Added to (not replacing) the parent's environment. `undefined` values delete a variable. */
  env?: Record<string, string | undefined>;
  /** Text written to the child's stdin, which is then closed. */
  input?: string;
  /** Send the child's stdout to this file instead of a pipe (then `stdout` is read from it). */
  stdoutFile?: string;
  /** Kill the child with SIGKILL after this many ms (default 60 s). */
  timeoutMs?: number;
  /** Extra flags for node, before the script. */
  nodeArgs?: string[];
}

export interface FixtureResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

const require = createRequire(import.meta.url);
// tsx's package entry is its --import loader.
const tsxLoader = pathToFileURL(require.resolve('tsx')).href;

/** The node command line (argv after `node`) that runs `script` like runFixture does. */
export function fixtureCommand(
  script: string,
  opts: Pick<FixtureOptions, 'args' | 'nodeArgs'> = {},
): string[] {
  const loader = script.endsWith('.ts') || script.endsWith('.mts') ? ['--import', tsxLoader] : [];
  return [
    '--conditions=@scitex/source',
    ...loader,
    ...(opts.nodeArgs ?? []),
    script,
    ...(opts.args ?? []),
  ];
}

function childEnv(extra: FixtureOptions['env']): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Children must not think they run under vitest, and colours must not depend on the runner.
  delete env['VITEST'];
  delete env['VITEST_WORKER_ID'];
  delete env['NODE_OPTIONS'];
  for (const [k, v] of Object.entries(extra ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Starts a fixture and returns the live child (for sending signals mid-run). */
export function spawnFixture(script: string, opts: FixtureOptions = {}): ChildProcess {
  let outFd: number | undefined;
  if (opts.stdoutFile) outFd = openSync(opts.stdoutFile, 'w');
  const stdio: StdioOptions = ['pipe', outFd ?? 'pipe', 'pipe'];
  const child = spawn(process.execPath, fixtureCommand(script, opts), {
    cwd: opts.cwd,
    env: childEnv(opts.env),
    stdio,
  });
  if (outFd !== undefined) closeSync(outFd);
  if (opts.input !== undefined) child.stdin?.end(opts.input);
  else child.stdin?.end();
  return child;
}

/** Resolves once `pattern` shows up in the child's stdout or stderr; on timeout the child is killed. */
export function waitForOutput(
  child: ChildProcess,
  pattern: RegExp | string,
  timeoutMs = 30_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const test = (s: string): boolean =>
      typeof pattern === 'string' ? s.includes(pattern) : pattern.test(s);
    const timer = setTimeout(() => {
      cleanup();
      // A child that never said it is ready must not outlive the test that waited for it.
      child.kill('SIGKILL');
      reject(new Error(`timed out waiting for ${String(pattern)}; saw: ${seen.slice(-2000)}`));
    }, timeoutMs);
    const onData = (d: Buffer): void => {
      seen += d.toString();
      if (test(seen)) {
        cleanup();
        resolve();
      }
    };
    const onExit = (): void => {
      cleanup();
      reject(new Error(`process exited before ${String(pattern)}; saw: ${seen.slice(-2000)}`));
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', onExit);
  });
}

/** Collects a started child's output and exit. */
export function collect(child: ChildProcess, opts: FixtureOptions = {}): Promise<FixtureResult> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (d: Buffer) => out.push(d));
    child.stderr?.on('data', (d: Buffer) => err.push(d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 60_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: opts.stdoutFile
          ? readFileSync(opts.stdoutFile, 'utf8')
          : Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
      });
    });
  });
}

/** Runs a fixture script to completion and returns its exit code or signal and its output. */
export function runFixture(script: string, opts: FixtureOptions = {}): Promise<FixtureResult> {
  return collect(spawnFixture(script, opts), opts);
}
