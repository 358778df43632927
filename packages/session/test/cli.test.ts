// The scitex-session CLI against real output roots.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collect, runFixture, spawnFixture, useTempDir, waitForOutput } from '@scitex/test-utils';
import { layout } from './helpers.ts';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/exit-path.ts', import.meta.url));

async function makeRoot() {
  const tmp = useTempDir();
  const out = tmp.join('exp_out');
  await runFixture(fixture, { args: ['close'], env: { OUT: out }, cwd: tmp.path });
  await runFixture(fixture, { args: ['exit-3'], env: { OUT: out }, cwd: tmp.path });
  return { tmp, out };
}

describe('scitex-session CLI', () => {
  it('list: a table, newest first, and --json', async () => {
    const { tmp, out } = await makeRoot();
    const r = await runFixture(cli, { args: ['list', out], cwd: tmp.path });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ID\s+STATUS\s+STARTED\s+RUN TIME\s+EXIT$/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/error\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+\d\d:\d\d:\d\d\s+3$/);
    expect(lines[2]).toMatch(/success .* 0$/);
    const j = await runFixture(cli, { args: ['list', '--json'], cwd: tmp.path });
    expect(j.code).toBe(0);
    const parsed = JSON.parse(j.stdout);
    expect(parsed.sessions.map((s: { status: string }) => s.status)).toEqual(['error', 'success']);
  });

  it('show: snapshot and log tails; a unique prefix is enough', async () => {
    const { tmp, out } = await makeRoot();
    const name = layout(out).FINISHED_ERROR[0]!;
    const r = await runFixture(cli, {
      args: ['show', name.slice(0, name.length - 2), out, '-n', '8'],
      cwd: tmp.path,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`ID: ${name}`);
    expect(r.stdout).toContain('--- logs/stdout.log (last 8 lines)');
    expect(r.stdout).toContain('last line before the end');
  });

  it('reconcile: moves a SIGKILLed run, leaves a live one', async () => {
    const tmp = useTempDir();
    const out = tmp.join('exp_out');
    const live = spawnFixture(fixture, { args: ['wait'], env: { OUT: out }, cwd: tmp.path });
    const liveDone = collect(live);
    await waitForOutput(live, 'waiting');
    const dead = spawnFixture(fixture, { args: ['wait'], env: { OUT: out }, cwd: tmp.path });
    const deadDone = collect(dead);
    await waitForOutput(dead, 'waiting');
    dead.kill('SIGKILL');
    await deadDone;
    expect(layout(out).RUNNING).toHaveLength(2);
    const r = await runFixture(cli, { args: ['reconcile', out], cwd: tmp.path });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 moved, 1 still running/);
    expect(layout(out).RUNNING).toHaveLength(1);
    expect(layout(out).FINISHED_ERROR).toHaveLength(1);
    const shown = await runFixture(cli, { args: ['list', out], cwd: tmp.path });
    expect(shown.stdout).toMatch(/running/);
    live.kill('SIGTERM');
    await liveDone;
    expect(layout(out).FINISHED_ERROR).toHaveLength(2);
    expect(layout(out).RUNNING).toEqual([]);
  });

  it('bad input: clear messages and exit codes', async () => {
    const tmp = useTempDir();
    const missing = await runFixture(cli, { args: ['list', tmp.join('nope')], cwd: tmp.path });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/does not exist/);
    writeFileSync(tmp.join('file'), 'x');
    const file = await runFixture(cli, { args: ['list', tmp.join('file')], cwd: tmp.path });
    expect(file.code).toBe(1);
    expect(file.stderr).toMatch(/is not a directory/);
    const none = await runFixture(cli, { args: ['list'], cwd: tmp.path });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no output root/);
    const usage = await runFixture(cli, { args: ['frobnicate'], cwd: tmp.path });
    expect(usage.code).toBe(2);
    mkdirSync(tmp.join('x_out', 'FINISHED_SUCCESS'), { recursive: true });
    const unknown = await runFixture(cli, { args: ['show', 'nope'], cwd: tmp.path });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no session "nope"/);
  });
});
