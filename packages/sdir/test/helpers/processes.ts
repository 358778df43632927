/**
 * Starting many fixture processes and releasing them at the same instant: each child
 * prints `ready`, then waits for a line on stdin; the parent sends `go` to all of them
 * once every child is ready.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

export interface Finished {
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

interface Running {
  child: ChildProcess;
  ready: Promise<void>;
  done: Promise<Finished>;
}

function start(script: string, args: string[], cwd?: string): Running {
  const env = { ...process.env };
  delete env['NODE_OPTIONS'];
  delete env['VITEST'];
  delete env['VITEST_WORKER_ID'];
  // Loading extra CA certificates costs ~50 ms a process; these children never use TLS.
  delete env['NODE_EXTRA_CA_CERTS'];
  const child = spawn(process.execPath, [script, ...args], { cwd, env, stdio: 'pipe' });
  let out = '';
  let err = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('ready\n')) markReady();
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<Finished>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      markReady();
      resolve({ pid: child.pid!, code, signal, stdout: out, stderr: err });
    });
  });
  return { child, ready, done };
}

/**
 * Starts `count` processes of `script` (plain node), waits until all are ready, releases
 * them together and returns how each ended. `argsFor(i)` gives each one's arguments.
 */
export async function runTogether(
  script: string,
  count: number,
  argsFor: (i: number) => string[],
  cwd?: string,
): Promise<Finished[]> {
  const procs = Array.from({ length: count }, (_, i) => start(script, argsFor(i), cwd));
  await Promise.all(procs.map((p) => p.ready));
  for (const p of procs) p.child.stdin?.end('go\n');
  return Promise.all(procs.map((p) => p.done));
}
