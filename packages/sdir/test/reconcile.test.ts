import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collect, spawnFixture, useTempDir, waitForOutput } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { LEASE_FILE, RECONCILED_FILE, reconcile, type ReconcileResult } from '../src/index.ts';
import { readProcStat } from '../src/processInfo.ts';
import { compilePackage } from './helpers/compiled.ts';
import { deadPid, leaseLike, minutesAgo, sessionWithLease } from './helpers/leases.ts';
import { fixture, runTogether } from './helpers/processes.ts';

const names = (r: ReconcileResult): string[] => r.moved.map((m) => m.name).sort();

function ageTree(dir: string, minutes: number): void {
  const t = new Date(Date.now() - minutes * 60_000);
  for (const n of readdirSync(dir)) utimesSync(join(dir, n), t, t);
  utimesSync(dir, t, t);
}

describe('reconcile', () => {
  it('files a SIGKILLed run in FINISHED_ERROR and leaves a live one alone', async () => {
    const tmp = useTempDir();
    const url = compilePackage(tmp.join('dist'));
    const root = tmp.join('out');
    const start = async (): Promise<{ child: ReturnType<typeof spawnFixture>; dir: string }> => {
      const child = spawnFixture(fixture('hold.mjs'), { args: [url, root] });
      let out = '';
      child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      await waitForOutput(child, /DIR .*\n/);
      return { child, dir: /DIR (.*)\n/.exec(out)![1]! };
    };
    const victim = await start();
    const live = await start();
    try {
      const killed = collect(victim.child);
      victim.child.kill('SIGKILL');
      expect((await killed).signal).toBe('SIGKILL');
      expect(existsSync(victim.dir)).toBe(true); // nothing filed it on the way down

      const r = reconcile(root);
      const name = victim.dir.split('/').pop()!;
      expect(r.moved).toEqual([
        {
          name,
          from: victim.dir,
          to: join(root, 'FINISHED_ERROR', name),
          code: 'pid-gone',
          reason: expect.stringContaining(`owner pid ${victim.child.pid}`),
          lastSeen: expect.any(Date),
        },
      ]);
      expect(r.alive).toEqual([live.dir.split('/').pop()]);
      expect(r.skipped).toEqual([]);
      const rec = JSON.parse(
        readFileSync(join(root, 'FINISHED_ERROR', name, RECONCILED_FILE), 'utf8'),
      );
      expect(rec).toMatchObject({
        version: 1,
        code: 'pid-gone',
        from: 'RUNNING',
        to: 'FINISHED_ERROR',
        by: { pid: process.pid },
        owner: { pid: victim.child.pid },
      });
      expect(Date.parse(rec.at)).toBeLessThanOrEqual(Date.now());
      expect(existsSync(join(root, 'FINISHED_ERROR', name, LEASE_FILE))).toBe(false);
      expect(existsSync(live.dir)).toBe(true);
      expect(reconcile(root).moved).toEqual([]);
    } finally {
      live.child.kill('SIGKILL');
      victim.child.kill('SIGKILL');
    }
  });

  it('recognises a reused pid by its start time', () => {
    const tmp = useTempDir();
    // This process is alive, but the lease says it started at another tick.
    const mine = readProcStat(process.pid);
    const reused = sessionWithLease(
      tmp.path,
      leaseLike({ processStartTicks: mine ? String(Number(mine.startTicks) + 1) : '1' }),
    );
    const genuine = sessionWithLease(tmp.path, leaseLike());
    const r = reconcile(tmp.path);
    if (process.platform === 'linux') {
      expect(r.moved).toMatchObject([{ name: reused.name, code: 'pid-reused' }]);
      expect(r.moved[0]!.reason).toMatch(/now belongs to a process started later/);
    }
    expect(r.alive).toEqual([genuine.name]);
  });

  it('files an owner on another host by a stale heartbeat only', () => {
    const tmp = useTempDir();
    const stale = sessionWithLease(
      tmp.path,
      leaseLike({ hostname: 'node17', heartbeat: minutesAgo(16) }),
    );
    const fresh = sessionWithLease(
      tmp.path,
      leaseLike({ hostname: 'node18', heartbeat: minutesAgo(14) }),
    );
    const future = sessionWithLease(
      tmp.path,
      leaseLike({ hostname: 'node19', heartbeat: new Date(Date.now() + 60_000).toISOString() }),
    );
    const patient = sessionWithLease(
      tmp.path,
      leaseLike({ hostname: 'node20', heartbeat: minutesAgo(50), staleAfterMs: 3_600_000 }),
    );
    const otherNs = sessionWithLease(
      tmp.path,
      leaseLike({ pidNamespace: 'pid:[1]', pid: process.pid, heartbeat: minutesAgo(20) }),
    );
    const r = reconcile(tmp.path);
    expect(r.moved).toMatchObject(
      [
        { name: stale.name, code: 'heartbeat-stale' },
        ...(process.platform === 'linux' ? [{ name: otherNs.name, code: 'heartbeat-stale' }] : []),
      ].sort((a, b) => (a.name < b.name ? -1 : 1)),
    );
    expect(r.moved.find((m) => m.name === stale.name)!.reason).toMatch(
      /node17 \(another host\): no heartbeat for 16 min \(stale after 15 min\)/,
    );
    expect(r.alive.sort()).toEqual([fresh.name, future.name, patient.name].sort());
    // The caller may insist on a shorter threshold, overriding the one in the lease.
    expect(names(reconcile(tmp.path, { staleAfterMs: 10 * 60_000 }))).toEqual(
      [fresh.name, patient.name].sort(),
    );
  });

  it('files sessions from before a reboot and zombie owners', async () => {
    const tmp = useTempDir();
    const rebooted = sessionWithLease(
      tmp.path,
      leaseLike({ bootId: 'f00dfeed-0000-0000-0000-000000000000' }),
    );
    // `sleep 0` exits and stays a zombie: its parent exec'd `sleep` and never reaps it.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      const zpid = await new Promise<number>((resolve) =>
        parent.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim()))),
      );
      for (let i = 0; i < 200 && readProcStat(zpid)?.state !== 'Z'; i++) {
        await new Promise((r) => setTimeout(r, 10));
      }
      const zombie = sessionWithLease(
        tmp.path,
        leaseLike({ pid: zpid, processStartTicks: readProcStat(zpid)?.startTicks ?? null }),
      );
      // On a loaded machine the zombie may be reaped before reconcile looks; then it is
      // simply gone, which must be filed the same way.
      const wasZombie = readProcStat(zpid)?.state === 'Z';
      const r = reconcile(tmp.path);
      const codes = Object.fromEntries(r.moved.map((m) => [m.name, m.code]));
      if (process.platform === 'linux') {
        expect(codes).toEqual({ [rebooted.name]: 'rebooted', [zombie.name]: 'pid-gone' });
        const reason = r.moved.find((m) => m.name === zombie.name)!.reason;
        if (wasZombie) expect(reason).toMatch(/zombie/);
        else expect(reason).toMatch(/is gone/);
      }
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('files a session without a readable lease only after a long idle time', () => {
    const tmp = useTempDir();
    const young = sessionWithLease(tmp.path, null, 'young');
    const old = sessionWithLease(tmp.path, null, 'old');
    writeFileSync(join(old.dir, 'result.txt'), 'partial');
    ageTree(old.dir, 25 * 60);
    const broken = sessionWithLease(tmp.path, null, 'broken');
    writeFileSync(join(broken.dir, LEASE_FILE), '');
    ageTree(broken.dir, 20);
    const brokenYoung = sessionWithLease(tmp.path, null, 'broken-young');
    writeFileSync(join(brokenYoung.dir, LEASE_FILE), '{');

    const dry = reconcile(tmp.path, { dryRun: true });
    expect(names(dry)).toEqual([broken.name, old.name].sort());
    expect(existsSync(old.dir)).toBe(true);

    const r = reconcile(tmp.path);
    expect(Object.fromEntries(r.moved.map((m) => [m.name, m.code]))).toEqual({
      [old.name]: 'no-lease',
      [broken.name]: 'lease-unreadable',
    });
    expect(r.skipped.map((s) => s.path).sort()).toEqual([brokenYoung.dir, young.dir].sort());
    expect(r.skipped.find((s) => s.path === young.dir)!.reason).toMatch(
      /^no lease; owner unknown; idle 0 min, filed after 24 h$/,
    );
    expect(readFileSync(join(tmp.path, 'FINISHED_ERROR', old.name, 'result.txt'), 'utf8')).toBe(
      'partial',
    );
    expect(
      JSON.parse(readFileSync(join(tmp.path, 'FINISHED_ERROR', old.name, RECONCILED_FILE), 'utf8'))
        .owner,
    ).toBeNull();
    expect(names(reconcile(tmp.path, { noLeaseGraceMs: 0, staleAfterMs: 0 }))).toEqual(
      [brokenYoung.name, young.name].sort(),
    );
    expect(existsSync(tmp.join('RUNNING'))).toBe(false);
  });

  it('copes with a missing root, junk and a symlinked RUNNING/', () => {
    const tmp = useTempDir();
    expect(reconcile(tmp.join('nope'))).toEqual({
      moved: [],
      alive: [],
      skipped: [],
      removedStaging: [],
    });
    const s = sessionWithLease(tmp.path, leaseLike({ pid: deadPid() }));
    writeFileSync(tmp.join('RUNNING', 'junk.txt'), '');
    const r = reconcile(tmp.path);
    expect(names(r)).toEqual([s.name]);
    expect(r.skipped).toEqual([
      { path: tmp.join('RUNNING', 'junk.txt'), reason: 'not a directory' },
    ]);
    expect(() => reconcile(tmp.path, { staleAfterMs: -1 })).toThrowError(
      expect.objectContaining({ code: 'SDIR_INVALID_OPTION' }),
    );
  });

  it('moves each dead session exactly once when several processes reconcile at once', async () => {
    const tmp = useTempDir();
    const url = compilePackage(tmp.join('dist'));
    const root = tmp.join('out');
    const dead = deadPid();
    const all = Array.from({ length: 40 }, (_, i) =>
      sessionWithLease(
        root,
        i % 2
          ? leaseLike({ pid: dead })
          : leaseLike({ hostname: 'gone', heartbeat: minutesAgo(60) }),
      ),
    ).map((s) => s.name);
    const alive = sessionWithLease(root, leaseLike()).name;

    const runs = await runTogether(fixture('reconciler.mjs'), 6, () => [url, root]);
    const results = runs.map((r) => {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      return { pid: r.pid, result: JSON.parse(r.stdout.split('\n')[1]!) as ReconcileResult };
    });
    const moved = results.flatMap((r) => r.result.moved.map((m) => m.name));
    expect(moved.sort()).toEqual([...all].sort()); // every one, none twice
    for (const r of results) {
      expect(r.result.alive).toEqual([alive]);
      expect(r.result.skipped).toEqual([]);
      for (const m of r.result.moved) {
        const rec = JSON.parse(
          readFileSync(join(root, 'FINISHED_ERROR', m.name, RECONCILED_FILE), 'utf8'),
        );
        expect(rec.by.pid).toBe(r.pid); // the record names the process that moved it
      }
    }
    expect(readdirSync(join(root, 'FINISHED_ERROR'))).toHaveLength(40);
    expect(readdirSync(join(root, 'RUNNING'))).toEqual([alive]);
  });
});

describe('reconcile onFiled', () => {
  it('is told of each filed session with its last sign of life; its error becomes a note', () => {
    const tmp = useTempDir();
    const root = tmp.join('out');
    const a = sessionWithLease(root, leaseLike({ pid: deadPid(), heartbeat: minutesAgo(30) }));
    const b = sessionWithLease(root, leaseLike({ pid: deadPid() }));
    ageTree(a.dir, 60);
    ageTree(b.dir, 60);
    const seen: string[] = [];
    const r = reconcile(root, {
      onFiled: (m) => {
        seen.push(m.name);
        expect(existsSync(m.to)).toBe(true);
        if (m.name === b.name) throw new Error('snapshot unreadable');
      },
    });
    expect(seen.sort()).toEqual([a.name, b.name].sort());
    const ma = r.moved.find((m) => m.name === a.name)!;
    // The heartbeat (30 min ago) is newer than the files (60 min ago).
    expect(Math.abs(ma.lastSeen.getTime() - (Date.now() - 30 * 60_000))).toBeLessThan(60_000);
    expect(ma.note).toBeUndefined();
    expect(r.moved.find((m) => m.name === b.name)!.note).toMatch(/snapshot unreadable/);
  });

  it('is not called on a dry run', () => {
    const root = useTempDir().join('out');
    sessionWithLease(root, leaseLike({ pid: deadPid() }));
    let called = 0;
    const r = reconcile(root, { dryRun: true, onFiled: () => called++ });
    expect(r.moved).toHaveLength(1);
    expect(called).toBe(0);
  });
});
