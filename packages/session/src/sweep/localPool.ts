/**
 * The local backend: runs a sweep's tasks as child processes, `jobs` at a time, with a
 * progress line on stderr. SIGINT/SIGTERM/SIGHUP stop the pool: no task is launched after
 * it, the signal is forwarded to the running tasks (whose sessions then end truthfully as
 * FINISHED_ERROR with SIGNAL), the pool waits for them, records the never-launched tasks as
 * `not-run` in state.json, and resolves to 128 + the signal's number.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import type { SweepManifest } from './manifest.js';
import { writeLocalState, type LocalTaskState } from './localState.js';
import { taskEnv } from './taskEnv.js';

/** Options of {@link runLocalPool}. */
export interface LocalPoolOptions {
  /** The sweep folder (holding manifest.json). */
  dir: string;
  manifest: SweepManifest;
  /** Tasks at a time (≥ 1). */
  jobs: number;
  /** Where the progress goes. */
  stderr: (s: string) => void;
  /** Rewrite one progress line (a terminal) instead of printing a line per finished task. */
  tty?: boolean;
  /** Stop on these signals (forwarding them to the tasks). Default SIGINT, SIGTERM, SIGHUP. */
  signals?: NodeJS.Signals[];
}

const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Runs every task; resolves to 0 (all succeeded), 1 (some failed) or 128+signo (stopped). */
export function runLocalPool(opts: LocalPoolOptions): Promise<number> {
  const { dir, manifest, stderr } = opts;
  const jobs = Math.max(1, Math.floor(opts.jobs));
  const total = manifest.tasks.length;
  const states: LocalTaskState[] = manifest.tasks.map((t) => ({ task: t.task, state: 'pending' }));
  const running = new Map<number, ChildProcess>();
  const logs = join(dir, 'logs');
  mkdirSync(logs, { recursive: true });
  let next = 0;
  let stopped: NodeJS.Signals | null = null;
  let lastKey = '0/0/';

  const save = (): void =>
    writeLocalState(dir, { id: manifest.id, pid: process.pid, stopped, tasks: states });

  const progress = (final = false): void => {
    let ok = 0;
    let failed = 0;
    for (const s of states) {
      if (s.state === 'succeeded') ok++;
      else if (s.state === 'failed') failed++;
    }
    const line =
      `sweep ${manifest.id}: ${ok + failed}/${total} done` +
      (failed ? ` (${failed} failed)` : '') +
      `, ${running.size} running` +
      (stopped ? `, stopping (${stopped})` : '');
    if (opts.tty) stderr(`\r\x1b[2K${line}${final ? '\n' : ''}`);
    else {
      // Not a terminal: a line when a task ends (or the pool stops), not at every launch.
      const key = `${ok}/${failed}/${stopped ?? ''}`;
      if (key !== lastKey || final) stderr(`${line}\n`);
      lastKey = key;
    }
  };

  return new Promise<number>((resolvePool) => {
    const onSignal = (sig: NodeJS.Signals): void => {
      if (stopped) {
        stderr(`\nsweep: still waiting for ${running.size} running task(s) to end\n`);
        return;
      }
      stopped = sig;
      for (const child of running.values()) child.kill(sig);
      progress();
      finishIfDone();
    };
    const signals = opts.signals ?? STOP_SIGNALS;
    for (const s of signals) process.on(s, onSignal);

    const finishIfDone = (): void => {
      if (running.size > 0 || (!stopped && next < total)) return;
      for (const s of signals) process.off(s, onSignal);
      for (const s of states) if (s.state === 'pending') s.state = 'not-run';
      save();
      progress(true);
      if (stopped) {
        const n = (constants.signals as Record<string, number | undefined>)[stopped] ?? 2;
        resolvePool(128 + n);
      } else resolvePool(states.every((s) => s.state === 'succeeded') ? 0 : 1);
    };

    const launch = (): void => {
      while (!stopped && running.size < jobs && next < total) {
        const t = manifest.tasks[next++]!;
        const st = states[t.task]!;
        const out = openSync(join(logs, `task-${t.task}.out`), 'a');
        let child: ChildProcess;
        try {
          child = spawn(
            manifest.node,
            [...manifest.nodeArgs, manifest.script.path, ...manifest.args],
            {
              cwd: manifest.cwd,
              env: {
                ...process.env,
                ...taskEnv({ id: manifest.id, task: t.task, root: manifest.outRoot }, t.overrides),
              },
              stdio: ['ignore', out, out],
              // Its own process group: a terminal's Ctrl-C reaches the pool only, which
              // forwards it once — not twice, as it would to children in the same group.
              detached: true,
            },
          );
        } finally {
          closeSync(out);
        }
        st.state = 'running';
        st.started = new Date().toISOString();
        if (child.pid !== undefined) st.pid = child.pid;
        running.set(t.task, child);
        let ended = false;
        const end = (code: number | null, signal: NodeJS.Signals | null, error?: Error): void => {
          if (ended) return;
          ended = true;
          running.delete(t.task);
          st.ended = new Date().toISOString();
          st.exit = code;
          if (signal) st.signal = signal;
          if (error) st.error = error.message;
          st.state = code === 0 ? 'succeeded' : 'failed';
          save();
          progress();
          launch();
          finishIfDone();
        };
        child.on('error', (e) => end(null, null, e));
        child.on('exit', (code, signal) => end(code, signal));
      }
      save();
      progress();
    };

    save();
    launch();
    finishIfDone();
  });
}
