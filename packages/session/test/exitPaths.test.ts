// Every exit path of DESIGN §5, by spawning a fixture and reading what it left on disk.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collect, runFixture, spawnFixture, useTempDir, waitForOutput } from '@scitex/test-utils';
import { layout, onlySession } from './helpers.ts';

const fixture = fileURLToPath(new URL('./fixtures/exit-path.ts', import.meta.url));

async function runMode(mode: string, env: Record<string, string> = {}) {
  const tmp = useTempDir();
  const out = tmp.join('exp_out');
  const r = await runFixture(fixture, { args: [mode], env: { OUT: out, ...env }, cwd: tmp.path });
  return { r, out, s: onlySession(out) };
}

const cases: [mode: string, folder: string, exit: number | null, code: number | null][] = [
  ['normal-end', 'FINISHED_SUCCESS', 0, 0],
  ['close', 'FINISHED_SUCCESS', 0, 0],
  ['close-error', 'FINISHED_ERROR', 1, 0],
  ['close-null', 'FINISHED', null, 0],
  ['exit-0', 'FINISHED_SUCCESS', 0, 0],
  ['exit-3', 'FINISHED_ERROR', 3, 3],
  ['exitcode-4', 'FINISHED_ERROR', 4, 4],
  ['throw', 'FINISHED_ERROR', 1, 1],
  ['throw-top', 'FINISHED_ERROR', 1, 1],
  ['reject', 'FINISHED_ERROR', 1, 1],
];

describe('exit paths', () => {
  for (const [mode, folder, exitStatus, code] of cases) {
    it(`${mode} → ${folder}, EXIT_STATUS ${exitStatus}, process exit ${code}`, async () => {
      const { r, out, s } = await runMode(mode);
      expect(r.code).toBe(code);
      expect(r.signal).toBeNull();
      expect(s.folder).toBe(folder);
      expect(s.config['EXIT_STATUS']).toBe(exitStatus);
      expect(s.config['SDIR_PATH']).toBe(s.dir);
      expect(s.config['SDIR']).toBe(s.dir + '/');
      expect(s.stdout).toContain('line 99\nlast line before the end\n');
      expect(s.stderr).toContain('a line on stderr\n');
      expect(s.stdout).not.toMatch(/\x1b/);
      expect(layout(out).RUNNING).toEqual([]);
    });
  }

  it('an uncaught exception leaves its stack in stderr.log and ERROR in CONFIG', async () => {
    const { r, s } = await runMode('throw');
    expect(r.stderr).toContain('boom from the fixture');
    expect(s.stderr).toContain('Error: boom from the fixture');
    expect(s.stderr).toMatch(/at .*exit-path\.ts/);
    expect(s.config['ERROR']).toMatchObject({
      name: 'Error',
      message: 'boom from the fixture',
      origin: 'uncaughtException',
    });
  });

  it('an unhandled rejection is recorded as such', async () => {
    const { s } = await runMode('reject');
    expect(s.stderr).toContain('rejected in the fixture');
    expect(s.config['ERROR']).toMatchObject({ name: 'TypeError', origin: 'unhandledRejection' });
  });

  it('close() is idempotent and updates CONFIG.SDIR in place', async () => {
    const { r, s } = await runMode('close-twice');
    const line = r.stdout.split('\n').find((l) => l.startsWith('{'))!;
    expect(JSON.parse(line)).toEqual({ same: true, dir: s.dir });
    expect(s.folder).toBe('FINISHED_SUCCESS');
  });

  it('process.exit right after 1 MiB of piped output loses nothing in the log', async () => {
    const { r, s } = await runMode('exit-3', { BIG: '1' });
    expect(r.code).toBe(3);
    expect(s.stdout).toContain('x'.repeat(1023) + '\n'.repeat(1) + 'last line before the end\n');
    expect(s.stdout.split('\n').filter((l) => l.startsWith('xxxx')).length).toBe(1024);
  });

  it('works with tee off: folder and snapshot, no logs', async () => {
    const { r, s } = await runMode('exit-3', { TEE: '0' });
    expect(r.code).toBe(3);
    expect(s.folder).toBe('FINISHED_ERROR');
    expect(s.stdout).toBe('');
    expect(s.config['EXIT_STATUS']).toBe(3);
  });

  for (const [signal, status] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    it(`${signal} → FINISHED_ERROR with EXIT_STATUS ${status}, and the process still dies of ${signal}`, async () => {
      const tmp = useTempDir();
      const out = tmp.join('exp_out');
      const child = spawnFixture(fixture, { args: ['wait'], env: { OUT: out }, cwd: tmp.path });
      const done = collect(child);
      await waitForOutput(child, 'waiting');
      child.kill(signal);
      const r = await done;
      expect(r.signal).toBe(signal);
      const s = onlySession(out);
      expect(s.folder).toBe('FINISHED_ERROR');
      expect(s.config['EXIT_STATUS']).toBe(status);
      expect(s.config['SIGNAL']).toBe(signal);
      expect(s.stdout).toContain('waiting\n');
      expect(s.stdout).toContain(`signal ${signal}`);
    });
  }

  it('SIGKILL leaves the session in RUNNING with its snapshot; the next start() files it', async () => {
    const tmp = useTempDir();
    const out = tmp.join('exp_out');
    const child = spawnFixture(fixture, { args: ['wait'], env: { OUT: out }, cwd: tmp.path });
    const done = collect(child);
    await waitForOutput(child, 'waiting');
    await new Promise((r) => setTimeout(r, 400));
    child.kill('SIGKILL');
    await done;
    const killed = layout(out).RUNNING;
    expect(killed).toHaveLength(1);
    const snap = join(out, 'RUNNING', killed[0]!, 'CONFIGS', 'CONFIG.json');
    expect(JSON.parse((await import('node:fs')).readFileSync(snap, 'utf8')).ID).toBeTruthy();
    // A new run in the same output root reconciles the dead one.
    const r2 = await runFixture(fixture, { args: ['close'], env: { OUT: out }, cwd: tmp.path });
    expect(r2.code).toBe(0);
    const l = layout(out);
    expect(l.RUNNING).toEqual([]);
    expect(l.FINISHED_ERROR).toEqual(killed);
    expect(l.FINISHED_SUCCESS).toHaveLength(1);
  });
});
