// Every exit path of DESIGN §5 × tee on/off × stdout a pipe/a file, each with 1 MiB written
// just before the end: the session lands in the right folder with the right EXIT_STATUS,
// the logs hold every line exactly once, and the process ends as the script said.
//
// The full cross product (13 endings × 2 × 2 = 52 runs) is kept: each run is a plain-node
// process of ~0.3 s, and the combinations are where bugs hide (a flush that only misses on
// a pipe with tee off, say). Runs go four at a time.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '@scitex/test-utils';
import { SessionManager } from '@scitex/session';
import { collectNode, runNode, spawnNode, type NodeRunResult } from './helpers/node.ts';
import { fixture } from './helpers/paths.ts';
import { layout, onlySession, type Folder } from './helpers/sessions.ts';

const script = fixture('exit-path.mjs');
const X_LINE = 'x'.repeat(1023);
const LAST = 'last line before the end';

interface Ending {
  mode: string;
  /** Sent once the fixture is waiting; SIGKILL is followed by reconcile. */
  signal?: NodeJS.Signals;
  folder: Folder;
  exitStatus: number | null;
  code: number | null;
  /** Node itself ends these in an orderly way, so even a non-blocking pipe is drained. */
  drains: boolean;
}

const ENDINGS: Ending[] = [
  { mode: 'close', folder: 'FINISHED_SUCCESS', exitStatus: 0, code: 0, drains: true },
  { mode: 'close-status', folder: 'FINISHED_ERROR', exitStatus: 2, code: 0, drains: true },
  { mode: 'close-null', folder: 'FINISHED', exitStatus: null, code: 0, drains: true },
  { mode: 'normal-end', folder: 'FINISHED_SUCCESS', exitStatus: 0, code: 0, drains: true },
  { mode: 'exitcode-4', folder: 'FINISHED_ERROR', exitStatus: 4, code: 4, drains: true },
  { mode: 'exit-0', folder: 'FINISHED_SUCCESS', exitStatus: 0, code: 0, drains: false },
  { mode: 'exit-3', folder: 'FINISHED_ERROR', exitStatus: 3, code: 3, drains: false },
  { mode: 'throw', folder: 'FINISHED_ERROR', exitStatus: 1, code: 1, drains: false },
  { mode: 'reject', folder: 'FINISHED_ERROR', exitStatus: 1, code: 1, drains: false },
  ...(
    [
      ['SIGINT', 130],
      ['SIGTERM', 143],
      ['SIGHUP', 129],
    ] as const
  ).map(([signal, exitStatus]) => ({
    mode: 'wait',
    signal,
    folder: 'FINISHED_ERROR' as const,
    exitStatus,
    code: null,
    drains: false,
  })),
  {
    mode: 'wait',
    signal: 'SIGKILL',
    folder: 'FINISHED_ERROR',
    exitStatus: null,
    code: null,
    drains: false,
  },
];

/** Resolves once `file` exists and contains `text` (the log is flushed on its own timer). */
async function fileContains(file: string, text: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (existsSync(file) && readFileSync(file, 'utf8').includes(text)) return;
    await sleep(50);
  }
  throw new Error(`${file} never showed ${JSON.stringify(text)}`);
}

async function runEnding(e: Ending, teeOn: boolean, out: string, stdoutFile?: string) {
  const opts = { args: [e.mode], env: { OUT: out, TEE: teeOn ? '1' : '0' }, stdoutFile };
  if (!e.signal) return runNode(script, { ...opts, input: '' });
  const child = spawnNode(script, opts);
  const done = collectNode(child, opts);
  await new Promise<void>((resolve) => {
    let seen = '';
    child.stderr!.on('data', (d: Buffer) => {
      seen += d.toString();
      if (seen.includes('waiting')) resolve();
    });
  });
  if (e.signal === 'SIGKILL' && teeOn) {
    // The guarantee under test: output older than a moment is on disk without any exit hook.
    const running = join(out, 'RUNNING', layout(out).RUNNING[0]!, 'logs', 'stdout.log');
    await fileContains(running, LAST);
  }
  child.kill(e.signal);
  return done;
}

function countXLines(text: string): number {
  let n = 0;
  for (const line of text.split('\n')) if (line === X_LINE) n++;
  return n;
}

function checkTerminal(r: NodeRunResult, e: Ending, teeOn: boolean, toFile: boolean): void {
  // tee makes stdout blocking when it is a pipe (syncPipes); files are always written at once.
  // With tee off on a pipe, process.exit() and fatal errors drop what the pipe had not
  // taken yet — Node's behaviour, which a session without tee does not change.
  if (!(teeOn || toFile || e.drains)) return;
  expect(countXLines(r.stdout)).toBe(1024);
  expect(r.stdout).toContain(`${LAST}\n`);
}

describe.concurrent(
  'every exit path × tee on/off × stdout pipe/file, 1 MiB just before the end',
  () => {
    for (const e of ENDINGS) {
      for (const teeOn of [true, false]) {
        for (const toFile of [false, true]) {
          const name =
            `${e.signal ?? e.mode} · tee ${teeOn ? 'on' : 'off'} · stdout a ${toFile ? 'file' : 'pipe'}` +
            ` → ${e.folder}, EXIT_STATUS ${e.exitStatus}`;
          it(name, async ({ expect, onTestFinished }) => {
            const tmp = makeTempDir();
            onTestFinished(() => tmp.cleanup());
            const out = tmp.join('exp_out');
            const stdoutFile = toFile ? tmp.join('terminal.txt') : undefined;
            const r = await runEnding(e, teeOn, out, stdoutFile);

            expect(r.signal).toBe(e.signal ?? null);
            expect(r.code).toBe(e.code);
            if (e.signal === 'SIGKILL') {
              expect(layout(out).RUNNING).toHaveLength(1);
              const rec = SessionManager.reconcile(out);
              expect(rec.moved).toHaveLength(1);
              expect(rec.moved[0]!.code).toBe('pid-gone');
            }
            const s = onlySession(out);
            expect(s.folder).toBe(e.folder);
            expect(s.config['EXIT_STATUS']).toBe(e.exitStatus);
            expect(layout(out).RUNNING).toEqual([]);
            expect(existsSync(join(out, 'RUNNING'))).toBe(false);
            if (e.signal && e.signal !== 'SIGKILL') expect(s.config['SIGNAL']).toBe(e.signal);
            if (e.signal === 'SIGKILL') {
              // The snapshot written at start survives; reconcile says why it was filed.
              expect(s.config['ID']).toBe(s.name);
              expect(
                JSON.parse(readFileSync(join(s.dir, 'reconciled.json'), 'utf8')),
              ).toMatchObject({
                code: 'pid-gone',
              });
            } else {
              expect(s.config['SDIR_PATH']).toBe(s.dir);
              expect(typeof s.config['END_TIME']).toBe('string');
            }

            if (teeOn) {
              expect(countXLines(s.stdout!)).toBe(1024);
              expect(s.stdout).toContain(`${LAST}\n`);
              expect(s.stdout).not.toMatch(/\x1b/);
              expect(s.stderr).toContain('a line on stderr\n');
              if (e.signal !== 'SIGKILL')
                expect(s.stdout).toContain(`Session ${s.name} ${e.folder}`);
              if (e.mode === 'throw')
                expect(s.stderr).toMatch(/Error: boom from the fixture\n\s+at /);
              if (e.mode === 'reject')
                expect(s.stderr).toContain('TypeError: rejected in the fixture');
            } else {
              expect(s.stdout).toBeNull();
              expect(existsSync(join(s.dir, 'logs'))).toBe(false);
            }
            checkTerminal(r, e, teeOn, toFile);
          });
        }
      }
    }
  },
);
