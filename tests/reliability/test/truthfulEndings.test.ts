// Endings that once left a status folder that lied — FINISHED_SUCCESS for a run killed by
// Ctrl-C, RUNNING/ for a run that was over, a ghost copy of a session — each run as a
// real process whose folder, snapshot, logs and exit are read afterwards.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir, waitForOutput } from '@scitex/test-utils';
import { collectNode, runNode, spawnNode } from './helpers/node.ts';
import { fixture } from './helpers/paths.ts';
import { layout, onlySession, tree } from './helpers/sessions.ts';

const script = fixture('endings.mjs');

describe('a signal the script cannot see while it computes', () => {
  it.each([
    ['SIGINT', 'signal-in-busy-loop', 130],
    ['SIGTERM', 'signal-in-busy-loop', 143],
    ['SIGTERM', 'signal-during-close', 143],
  ] as const)(
    '%s during %s, then close(): dies of it, FINISHED_ERROR with SIGNAL',
    async (signal, mode, status) => {
      const out = useTempDir().join('out');
      mkdirSync(out);
      const child = spawnNode(script, { args: [mode], env: { OUT: out } });
      const done = collectNode(child);
      await waitForOutput(child, 'READY');
      child.kill(signal);
      // The signal is pending while the loop runs; the loop ends, close() files the run.
      writeFileSync(join(out, 'go'), '');
      const r = await done;
      expect([r.code, r.signal]).toEqual([null, signal]);
      const s = onlySession(out);
      expect(s.folder).toBe('FINISHED_ERROR');
      expect(s.config['EXIT_STATUS']).toBe(status);
      expect(s.config['SIGNAL']).toBe(signal);
      expect(s.config['REFILED']).toMatchObject({
        why: `${signal} arrived as the session was closing`,
      });
      expect(r.stderr).toContain(`re-filed under FINISHED_ERROR: ${signal} arrived`);
      expect(existsSync(join(out, 'RUNNING'))).toBe(false);
    },
  );
});

describe('exit codes Node sets itself', () => {
  it('top-level await that never settles: exit 13, FINISHED_ERROR, EXIT_STATUS 13', async () => {
    const out = useTempDir().join('out');
    const r = await runNode(script, { args: ['tla-never-settles'], env: { OUT: out } });
    expect(r.code).toBe(13);
    const s = onlySession(out);
    expect([s.folder, s.config['EXIT_STATUS']]).toEqual(['FINISHED_ERROR', 13]);
    expect(s.stdout).toContain('waiting forever');
  });

  it.each(['exit-listener-throws-before', 'exit-listener-throws-after'])(
    '%s start(): exit 1, FINISHED_ERROR, EXIT_STATUS 1 with the error',
    async (mode) => {
      const out = useTempDir().join('out');
      const r = await runNode(script, { args: [mode], env: { OUT: out } });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('thrown by an exit listener');
      const s = onlySession(out);
      expect([s.folder, s.config['EXIT_STATUS']]).toEqual(['FINISHED_ERROR', 1]);
      expect(s.config['ERROR']).toMatchObject({ message: 'thrown by an exit listener' });
    },
  );

  it('process.exit("2"): exit 2, FINISHED_ERROR, EXIT_STATUS 2', async () => {
    const out = useTempDir().join('out');
    const r = await runNode(script, { args: ['exit-string'], env: { OUT: out } });
    expect(r.code).toBe(2);
    const s = onlySession(out);
    expect([s.folder, s.config['EXIT_STATUS']]).toEqual(['FINISHED_ERROR', 2]);
    expect(s.stdout).toContain('exiting with a string');
  });

  it('process.exit(256) ends with 0, as the shell sees it: FINISHED_SUCCESS', async () => {
    const out = useTempDir().join('out');
    const r = await runNode(script, { args: ['exit-256'], env: { OUT: out } });
    expect(r.code).toBe(0);
    expect(onlySession(out).folder).toBe('FINISHED_SUCCESS');
  });
});

describe('start() from an exit listener', () => {
  it.each([
    [undefined, 'FINISHED_SUCCESS', 0],
    ['3', 'FINISHED_ERROR', 3],
  ] as const)(
    'exit code %s, never closed: filed at once with the exit status, the listener’s output logged',
    async (code, folder, status) => {
      const out = useTempDir().join('out');
      const args = code ? ['start-in-exit-listener', code] : ['start-in-exit-listener'];
      const r = await runNode(script, { args, env: { OUT: out } });
      expect(r.code).toBe(status);
      const s = onlySession(out);
      expect([s.folder, s.config['EXIT_STATUS']]).toEqual([folder, status]);
      expect(s.stdout).toContain('inside the exit listener');
      expect(existsSync(join(out, 'RUNNING'))).toBe(false);
    },
  );

  it('and closed there with a status: filed under that status', async () => {
    const out = useTempDir().join('out');
    const r = await runNode(script, {
      args: ['start-and-close-in-exit-listener'],
      env: { OUT: out },
    });
    expect(r.code).toBe(0);
    const s = onlySession(out);
    expect([s.folder, s.config['EXIT_STATUS']]).toEqual(['FINISHED_ERROR', 5]);
    expect(s.stdout).toContain('inside the exit listener');
    expect(s.stdout).toContain('FINISHED_ERROR, exit status 5');
  });
});

describe('the session directory changed under the run', () => {
  it('deleted: close() throws SESSION_DIR_GONE, says so, and re-creates nothing', async () => {
    const out = useTempDir().join('out');
    const r = await runNode(script, { args: ['dir-deleted'], env: { OUT: out } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('THREW SESSION_DIR_GONE');
    expect(r.stderr).toMatch(
      /scitex: close\(\): session \S+ \(exit status 0\) could not be filed; nothing was written: .* was deleted/,
    );
    expect(tree(out)).toEqual([]);
  });

  it('deleted, no close(): the exit hook says so on stderr and re-creates nothing', async () => {
    const out = useTempDir().join('out');
    const r = await runNode(script, { args: ['dir-deleted-no-close'], env: { OUT: out } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/could not be filed; nothing was written: .* was deleted/);
    expect(tree(out)).toEqual([]);
  });

  it('RUNNING/ swapped for a symlink: nothing is written through it', async () => {
    const tmp = useTempDir();
    const out = tmp.join('out');
    const elsewhere = tmp.join('elsewhere');
    const r = await runNode(script, {
      args: ['running-symlinked'],
      env: { OUT: out, ELSEWHERE: elsewhere },
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('SAVE REFUSED SDIR_UNSAFE_PATH');
    expect(r.stderr).toContain('THREW SESSION_UNSAFE_PATH');
    // Outside the output root there is exactly what start() wrote before the swap.
    const [name] = readdirSync(elsewhere);
    const files = tree(join(elsewhere, name!)).filter((f) => !f.endsWith('/'));
    expect(files.sort()).toEqual(
      [
        '.lease.json',
        'CONFIGS/CONFIG.json',
        'CONFIGS/CONFIG.yaml',
        'logs/stderr.log',
        'logs/stdout.log',
      ].sort(),
    );
    const snap = JSON.parse(readFileSync(join(elsewhere, name!, 'CONFIGS/CONFIG.json'), 'utf8'));
    expect(snap['EXIT_STATUS']).toBe(null);
  });
});

describe('figures saved without await', () => {
  it('then close(): the figure is in the final folder, and there is no second copy', async () => {
    const out = useTempDir().join('out');
    const r = await runNode(script, { args: ['figure-not-awaited'], env: { OUT: out } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('is filed once the figure still being saved (curve.png) is written');
    const l = layout(out);
    expect(l.RUNNING).toEqual([]);
    expect(l.FINISHED_SUCCESS).toHaveLength(1);
    const s = onlySession(out);
    for (const f of ['curve.png', 'curve.csv', 'curve.vl.json'])
      expect(existsSync(join(s.dir, f))).toBe(true);
    expect(s.config['SDIR_PATH']).toBe(s.dir);
  });

  it('then process.exit(): says which figure was not saved, files the session, no ghost', async () => {
    const out = useTempDir().join('out');
    const r = await runNode(script, { args: ['figure-then-exit'], env: { OUT: out } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'not saved, the process ended while they were being rendered: curve.png',
    );
    const s = onlySession(out);
    expect(s.folder).toBe('FINISHED_SUCCESS');
    expect(s.config['UNSAVED_FIGURES']).toEqual(['curve.png']);
    expect(existsSync(join(out, 'RUNNING'))).toBe(false);
  });
});

describe('what start() changes, close() restores', () => {
  it('12 sessions in one process: no listener left behind, no MaxListeners warning', async () => {
    const out = useTempDir().join('out');
    const r = await runNode(script, { args: ['many-sessions'], env: { OUT: out } });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('MaxListenersExceededWarning');
    expect(r.stderr).toContain('LISTENERS 0,0,0,0,0,0');
    expect(layout(out).FINISHED_SUCCESS).toHaveLength(12);
  });
});

describe('time', () => {
  it('RUN_TIME comes from the monotonic clock: a wall clock stepped back changes nothing', async () => {
    const out = useTempDir().join('out');
    const r = await runNode(script, { args: ['clock-stepped-back'], env: { OUT: out } });
    expect(r.code).toBe(0);
    const s = onlySession(out);
    expect(s.config['RUN_TIME']).toBe('00:00:01');
    const start = Date.parse(s.config['START_TIME'] as string);
    const end = Date.parse(s.config['END_TIME'] as string);
    expect(end - start).toBeGreaterThanOrEqual(1100);
    expect(end - start).toBeLessThan(60_000);
  });
});

describe('worker threads', () => {
  it('lines a worker printed before close() are in the log', async () => {
    const out = useTempDir().join('out');
    const r = await runNode(script, { args: ['worker-output'], env: { OUT: out } });
    expect(r.code).toBe(0);
    const s = onlySession(out);
    for (let i = 0; i < 200; i++) expect(s.stdout).toContain(`worker line ${i}\n`);
  });
});
