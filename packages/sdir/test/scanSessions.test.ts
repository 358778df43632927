import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import {
  LEASE_FILE,
  createSessionDir,
  finalizeSessionDir,
  parseSessionId,
  reconcile,
  scanSessions,
} from '../src/index.ts';
import { deadPid, leaseLike, sessionWithLease } from './helpers/leases.ts';

function withConfig(dir: string, config: unknown): void {
  mkdirSync(join(dir, 'CONFIGS'), { recursive: true });
  writeFileSync(
    join(dir, 'CONFIGS', 'CONFIG.json'),
    typeof config === 'string' ? config : JSON.stringify(config),
  );
}

describe('scanSessions', () => {
  it('lists every status with times, exit status, owner and liveness', () => {
    const tmp = useTempDir();
    const live = createSessionDir({ sdir: tmp.path, suffix: 'live' });
    live.lease?.stop();
    const done = createSessionDir({ sdir: tmp.path, suffix: 'done' });
    done.lease?.stop();
    withConfig(done.dir, {
      ID: done.id,
      START_TIME: '2025-11-18T07:53:37.000+09:00',
      END_TIME: '2025-11-18T08:00:00.500+09:00',
      EXIT_STATUS: 0,
    });
    finalizeSessionDir(done.dir, 0);
    const failed = createSessionDir({ sdir: tmp.path, suffix: 'failed', lease: false });
    withConfig(failed.dir, { EXIT_STATUS: 3 });
    finalizeSessionDir(failed.dir, 3);
    const unknown = createSessionDir({ sdir: tmp.path, suffix: 'unknown', lease: false });
    finalizeSessionDir(unknown.dir, null);
    sessionWithLease(tmp.path, leaseLike({ pid: deadPid() }), 'dead');

    const { sessions, skipped } = scanSessions(tmp.path);
    expect(skipped).toEqual([]);
    const by = Object.fromEntries(sessions.map((s) => [s.suffix, s]));
    expect(Object.keys(by).sort()).toEqual(['dead', 'done', 'failed', 'live', 'unknown']);
    expect(by['live']).toMatchObject({
      status: 'running',
      alive: true,
      owner: { pid: process.pid },
    });
    expect(by['live']!.ownerStatus).toMatchObject({ alive: true, code: 'alive' });
    expect(by['dead']).toMatchObject({
      status: 'running',
      alive: false,
      ownerStatus: { code: 'pid-gone' },
    });
    expect(by['done']).toMatchObject({
      status: 'success',
      dir: tmp.join('FINISHED_SUCCESS', done.name),
      startTime: new Date('2025-11-17T22:53:37.000Z'),
      endTime: new Date('2025-11-17T23:00:00.500Z'),
      exitStatus: 0,
    });
    expect(by['done']!.owner).toBeUndefined();
    expect(by['failed']).toMatchObject({ status: 'error', exitStatus: 3 });
    expect(by['unknown']).toMatchObject({ status: 'finished' });
    expect(by['unknown']!.exitStatus).toBeUndefined();
    // Sorted by start time: the CONFIG says "done" started in 2025.
    expect(sessions[0]!.suffix).toBe('done');

    reconcile(tmp.path);
    const again = scanSessions(tmp.path).sessions.find((s) => s.suffix === 'dead')!;
    expect(again).toMatchObject({ status: 'error', reconciled: { code: 'pid-gone' } });
    expect(again.reconciled!.at).toBeInstanceOf(Date);
  });

  it('copes with junk: reports it, never throws', () => {
    const tmp = useTempDir();
    const ok = createSessionDir({ sdir: tmp.path, suffix: 'ok' });
    ok.lease?.stop();
    const corrupt = createSessionDir({ sdir: tmp.path, suffix: 'corrupt', lease: false });
    withConfig(corrupt.dir, '{"ID": "2025Y-');
    writeFileSync(join(corrupt.dir, LEASE_FILE), 'garbage');
    const odd = createSessionDir({ sdir: tmp.path, suffix: 'odd', lease: false });
    withConfig(odd.dir, { START_TIME: 'yesterday', EXIT_STATUS: 'oops' });
    const arr = createSessionDir({ sdir: tmp.path, suffix: 'array', lease: false });
    withConfig(arr.dir, '[1,2]');
    finalizeSessionDir(arr.dir, 0);
    createSessionDir({ sdir: tmp.path, suffix: 'nolease', lease: false });

    writeFileSync(tmp.join('RUNNING', 'notes.txt'), 'stray');
    mkdirSync(tmp.join('RUNNING', 'my-backup'));
    symlinkSync('/', tmp.join('RUNNING', '2025Y-11M-18D-07h53m37s_LINK'));
    mkdirSync(tmp.join('FINISHED_SUCCESS'), { recursive: true });
    writeFileSync(tmp.join('FINISHED_SUCCESS', '2025Y-11M-18D-07h53m37s_Z5MR.tar.gz'), '');
    writeFileSync(tmp.join('FINISHED'), 'a file where a folder should be');
    writeFileSync(tmp.join('result.png'), ''); // user files beside the folders are not junk

    const { sessions, skipped } = scanSessions(tmp.path);
    expect(sessions.map((s) => s.suffix).sort()).toEqual([
      'array',
      'corrupt',
      'nolease',
      'odd',
      'ok',
    ]);
    const notes = Object.fromEntries(sessions.map((s) => [s.suffix, s.notes ?? []]));
    expect(notes['ok']).toEqual([]);
    expect(notes['corrupt']!.join('\n')).toMatch(
      /CONFIG\.json: corrupt JSON[\s\S]*lease unreadable/,
    );
    expect(notes['odd']!.join('\n')).toMatch(/START_TIME is not an ISO date[\s\S]*EXIT_STATUS/);
    expect(notes['array']).toEqual(['CONFIGS/CONFIG.json: not a JSON object']);
    expect(notes['nolease']).toEqual(['no lease']);
    expect(sessions.find((s) => s.suffix === 'nolease')!.alive).toBeNull();
    // No valid START_TIME and no lease: the time in the ID.
    expect(sessions.find((s) => s.suffix === 'odd')!.startTime).toEqual(
      parseSessionId(odd.name)!.time,
    );
    expect(skipped.map((s) => [s.path.slice(tmp.path.length + 1), s.reason]).sort()).toEqual([
      ['FINISHED', 'not a directory'],
      ['FINISHED_SUCCESS/2025Y-11M-18D-07h53m37s_Z5MR.tar.gz', 'not a directory'],
      ['RUNNING/2025Y-11M-18D-07h53m37s_LINK', 'symlink; not followed'],
      ['RUNNING/my-backup', 'not a session directory name'],
      ['RUNNING/notes.txt', 'not a directory'],
    ]);
  });

  it('reports a missing or non-directory output root instead of throwing', () => {
    const tmp = useTempDir();
    expect(scanSessions(tmp.join('nope'))).toEqual({
      sessions: [],
      skipped: [{ path: tmp.join('nope'), reason: expect.stringContaining('ENOENT') }],
    });
    writeFileSync(tmp.join('file'), '');
    expect(scanSessions(tmp.join('file')).skipped[0]!.reason).toBe(
      'output root is not a directory',
    );
    expect(scanSessions(tmp.path)).toEqual({ sessions: [], skipped: [] });
  });
});
