/**
 * Every exit path Node can observe, in real processes: the logs must be complete to the
 * last (even unterminated) line, and the exit code / signal and the terminal output must
 * be what they are without tee.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  collect,
  fixtureCommand,
  runFixture,
  spawnFixture,
  useTempDir,
  waitForOutput,
  type FixtureResult,
} from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./fixtures/exitPath.ts', import.meta.url));
const read = (p: string): string => readFileSync(p, 'utf8');

const STDOUT = 'out line 1\nout line 2\nout line 3\nlast line, no newline';
const BIG = `${STDOUT}\n${'x'.repeat(2_000_000)}\nBIG END\n`;

/** Runs the fixture with and without tee, at the same time. */
async function both(
  mode: string,
  env: Record<string, string> = {},
): Promise<{ on: FixtureResult; off: FixtureResult; logs: string }> {
  const dir = useTempDir();
  const logs = dir.join('logs');
  const [on, off] = await Promise.all([
    runFixture(fixture, { args: [mode, logs], env }),
    runFixture(fixture, { args: [mode, dir.join('unused')], env: { ...env, TEE: '0' } }),
  ]);
  return { on, off, logs };
}

describe('exit paths: logs complete, exit unchanged', () => {
  it.each([
    ['normal', 0],
    ['exitCode', 5],
    ['exit', 3],
  ])('%s → exit code %i', async (mode, code) => {
    const { on, off, logs } = await both(mode);
    expect(on.code).toBe(code);
    expect([on.code, on.signal]).toEqual([off.code, off.signal]);
    expect(on.stdout).toBe(off.stdout);
    expect(on.stderr).toBe(off.stderr);
    expect(read(`${logs}/stdout.log`)).toBe(STDOUT);
    expect(read(`${logs}/stderr.log`)).toBe('err line 1\n');
  });

  it('process.exit() right after >64 KiB written: the log is complete', async () => {
    const { on, off, logs } = await both('exitBig');
    expect([on.code, on.signal]).toEqual([4, null]);
    expect([off.code, off.signal]).toEqual([4, null]);
    expect(read(`${logs}/stdout.log`)).toBe(BIG);
    expect(on.stdout).toBe(BIG);
  });

  it('process.exit() after >64 KiB into a real pipe: syncPipes keeps the terminal side complete too', async () => {
    const dir = useTempDir();
    // A shell pipeline gives a kernel pipe (64 KiB), where Node alone cuts output off at exit.
    const viaPipe = (env: Record<string, string>): Promise<FixtureResult> => {
      const argv = fixtureCommand(fixture, { args: ['exitBig', dir.join('logs')] });
      const child = spawn('sh', ['-c', '"$0" "$@" | cat', process.execPath, ...argv], {
        env: { ...process.env, NODE_OPTIONS: '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return collect(child);
    };
    const [on, off] = await Promise.all([viaPipe({}), viaPipe({ TEE: '0' })]);
    expect(on.stdout).toBe(BIG);
    expect(read(dir.join('logs/stdout.log'))).toBe(BIG);
    expect(off.stdout.length).toBeLessThan(BIG.length);
  });

  it('process.exit() after >64 KiB with syncPipes: false: the log is still complete', async () => {
    const dir = useTempDir();
    const r = await runFixture(fixture, { args: ['exitBig', dir.path], env: { SYNC_PIPES: '0' } });
    expect(r.code).toBe(4);
    expect(read(dir.join('stdout.log'))).toBe(BIG);
  });

  it.each(['throw', 'throwValue', 'reject', 'rejectValue'])(
    'uncaught %s: exit code 1, the report Node prints is in stderr.log',
    async (mode) => {
      const { on, off, logs } = await both(mode);
      expect([on.code, on.signal]).toEqual([1, null]);
      expect([off.code, off.signal]).toEqual([1, null]);
      expect(on.stdout).toBe(off.stdout);
      expect(on.stderr).toBe(off.stderr);
      expect(read(`${logs}/stdout.log`)).toBe(STDOUT);
      const log = read(`${logs}/stderr.log`);
      expect(log.startsWith('err line 1\n')).toBe(true);
      const report = log.slice('err line 1\n'.length);
      // Node prints a source excerpt first, then exactly this.
      expect(on.stderr.endsWith(report)).toBe(true);
      expect(report).toMatch(/\n\nNode\.js v\d+\.\d+\.\d+\n$/);
      if (mode === 'throw') expect(report).toMatch(/^Error: boom\n {4}at .*exitPath\.ts:\d+:\d+/);
      if (mode === 'throw') expect(report).toContain("detail: 'extra property'");
      if (mode === 'throwValue') expect(report.startsWith('42\n')).toBe(true);
      if (mode === 'reject') expect(report.startsWith('Error: rejected\n')).toBe(true);
      if (mode === 'rejectValue')
        expect(report).toContain('The promise rejected with the reason "just a string"');
    },
  );

  it('an exception handled by an uncaughtException listener adds no report', async () => {
    const { on, off, logs } = await both('handled');
    expect([on.code, on.signal]).toEqual([0, null]);
    expect([off.code, off.signal]).toEqual([0, null]);
    expect(read(`${logs}/stderr.log`)).toBe('err line 1\nhandled: caught by the handler\n');
  });

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)(
    '%s: dies of the same signal, logs complete to the unterminated last line',
    async (signal) => {
      const dir = useTempDir();
      const run = async (env: Record<string, string>): Promise<FixtureResult> => {
        const child = spawnFixture(fixture, { args: ['wait', dir.join('logs')], env });
        const done = collect(child);
        await waitForOutput(child, 'READY');
        child.kill(signal);
        return done;
      };
      const [on, off] = await Promise.all([run({}), run({ TEE: '0' })]);
      expect([on.code, on.signal]).toEqual([null, signal]);
      expect([off.code, off.signal]).toEqual([null, signal]);
      expect(on.stdout).toBe(off.stdout);
      expect(read(dir.join('logs/stdout.log'))).toBe(STDOUT);
      expect(read(dir.join('logs/stderr.log'))).toBe('err line 1\nREADY\n');
    },
  );
});
