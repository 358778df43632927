import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runFixture, useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { LEASE_FILE, createSessionDir, finalizeSessionDir, readLease } from '../src/index.ts';
import { readBootId } from '../src/processInfo.ts';
import { fixture } from './helpers/processes.ts';

const until = async (cond: () => boolean): Promise<void> => {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(cond()).toBe(true);
};

describe('lease', () => {
  it('identifies the owner well enough to survive PID reuse', () => {
    const tmp = useTempDir();
    const s = createSessionDir({ sdir: tmp.path });
    s.lease?.stop();
    const info = readLease(s.dir)!;
    expect(info.pid).toBe(process.pid);
    expect(Date.parse(info.processStart)).toBeLessThanOrEqual(Date.now());
    if (process.platform === 'linux') {
      expect(info.bootId).toBe(readBootId());
      expect(info.processStartTicks).toMatch(/^\d+$/);
      const stat = readFileSync(`/proc/${process.pid}/stat`, 'utf8');
      expect(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]).toBe(info.processStartTicks);
    }
  });

  it('refreshes the heartbeat on its timer, and heartbeat() on demand', async () => {
    const tmp = useTempDir();
    const s = createSessionDir({ sdir: tmp.path, lease: { heartbeatMs: 20 } });
    const first = readLease(s.dir)!.heartbeat;
    await until(() => readLease(s.dir)!.heartbeat !== first);
    s.lease!.stop();
    s.lease!.stop(); // idempotent
    const stopped = readLease(s.dir)!.heartbeat;
    expect(s.lease!.heartbeat()).toBe(false);
    expect(readLease(s.dir)!.heartbeat).toBe(stopped);
  });

  it('stops by itself once the session has been moved', async () => {
    const tmp = useTempDir();
    const s = createSessionDir({ sdir: tmp.path, lease: { heartbeatMs: 0 } });
    expect(s.lease!.heartbeat()).toBe(true);
    const done = finalizeSessionDir(s.dir, 0);
    expect(s.lease!.heartbeat()).toBe(false); // never recreates RUNNING/<name>
    expect(readLease(done)).toBeNull();
    using _ = s.lease!;
  });

  it('readLease returns null for a missing or damaged lease', () => {
    const tmp = useTempDir();
    const s = createSessionDir({ sdir: tmp.path, lease: false });
    expect(readLease(s.dir)).toBeNull();
    writeFileSync(join(s.dir, LEASE_FILE), '{"version":1,');
    expect(readLease(s.dir)).toBeNull();
    writeFileSync(join(s.dir, LEASE_FILE), JSON.stringify({ version: 1, pid: -1 }));
    expect(readLease(s.dir)).toBeNull();
  });

  it('never keeps a finished script alive', async () => {
    const tmp = useTempDir();
    const r = await runFixture(fixture('natural-exit.ts'), { args: [tmp.path], timeoutMs: 30_000 });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^DIR /);
  });
});
