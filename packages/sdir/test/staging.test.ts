// A session directory never exists without its lease: start() prepares it under a hidden
// staging name, lease first, and renames it into place. A process killed at any moment of
// that leaves at most a hidden folder, which reconcile removes once its owner is dead.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collect, spawnFixture, useTempDir, waitForOutput } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { LEASE_FILE, createSessionDir, reconcile } from '../src/index.ts';
import { stagingName } from '../src/sessionName.ts';
import { compilePackage } from './helpers/compiled.ts';
import { deadPid, leaseLike } from './helpers/leases.ts';
import { fixture } from './helpers/processes.ts';

describe('session directories are created lease first', () => {
  it('SIGKILL at any moment of createSessionDir never leaves a session without a lease', async () => {
    const tmp = useTempDir();
    const url = compilePackage(tmp.join('dist'));
    const root = tmp.join('out');
    for (let round = 0; round < 8; round++) {
      const child = spawnFixture(fixture('churn.mjs'), { args: [url, root] });
      const done = collect(child);
      await waitForOutput(child, 'GO');
      // Let it create a few hundred, then kill it wherever it is.
      await new Promise((r) => setTimeout(r, 20 + round * 7));
      child.kill('SIGKILL');
      expect((await done).signal).toBe('SIGKILL');
    }
    const running = join(root, 'RUNNING');
    const names = readdirSync(running);
    const sessions = names.filter((n) => !n.startsWith('.'));
    expect(sessions.length).toBeGreaterThan(10);
    for (const n of sessions) expect(existsSync(join(running, n, LEASE_FILE))).toBe(true);
    // Whatever staging folders the kills left are removed by reconcile (owners dead; one
    // killed before writing its lease is removed after a minute: judge a minute later).
    const r = reconcile(root, { now: new Date(Date.now() + 120_000) });
    expect(r.moved.length).toBe(sessions.length);
    expect(r.skipped).toEqual([]);
    expect(existsSync(running) ? readdirSync(running) : []).toEqual([]);
  });

  it('reconcile removes a dead owner’s staging folder and leaves a live one', () => {
    const tmp = useTempDir();
    const root = tmp.join('out');
    const live = createSessionDir({ sdir: root, lease: { heartbeatMs: 0 } });
    const running = join(root, 'RUNNING');
    const dead = join(running, '.2025Y-11M-18D-07h53m37s_AAAA.999999.new');
    mkdirSync(dead);
    writeFileSync(join(dead, LEASE_FILE), JSON.stringify(leaseLike({ pid: deadPid() })));
    const mine = join(running, stagingName('2025Y-11M-18D-07h53m37s_BBBB'));
    mkdirSync(mine);
    writeFileSync(join(mine, LEASE_FILE), JSON.stringify(leaseLike()));
    const r = reconcile(root);
    expect(r.removedStaging).toEqual([dead]);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(mine)).toBe(true);
    expect(r.alive).toEqual([live.name]);
    expect(r.skipped).toEqual([]);
  });

  it('a staging folder without a lease is left for a minute, then removed when empty', () => {
    const tmp = useTempDir();
    const root = tmp.join('out');
    const running = join(root, 'RUNNING');
    const fresh = join(running, '.2025Y-11M-18D-07h53m37s_CCCC.1.new');
    mkdirSync(fresh, { recursive: true });
    expect(reconcile(root).removedStaging).toEqual([]);
    expect(reconcile(root, { now: new Date(Date.now() + 120_000) }).removedStaging).toEqual([
      fresh,
    ]);
    expect(existsSync(running)).toBe(false);
  });
});
