import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import {
  LEASE_FILE,
  RECONCILED_FILE,
  createSessionDir,
  finalizeSessionDir,
  readLease,
  type SessionDir,
} from '../src/index.ts';
import { moveDirNoReplace } from '../src/moveDir.ts';

const sdirError = (code: string): unknown => expect.objectContaining({ name: 'SdirError', code });

function session(root: string, files = 0): SessionDir {
  const s = createSessionDir({ sdir: root });
  s.lease?.stop();
  mkdirSync(join(s.dir, 'logs'));
  writeFileSync(join(s.dir, 'logs', 'stdout.log'), 'hello\n');
  for (let i = 0; i < files; i++) writeFileSync(join(s.dir, `f${i}.txt`), String(i));
  return s;
}

describe('finalizeSessionDir', () => {
  it.each([
    [0, 'FINISHED_SUCCESS'],
    [1, 'FINISHED_ERROR'],
    [2, 'FINISHED_ERROR'],
    [130, 'FINISHED_ERROR'],
    [-1, 'FINISHED_ERROR'],
    [null, 'FINISHED'],
    [undefined, 'FINISHED'],
  ])('exit status %s → %s, by rename (same inode), lease removed', (status, folder) => {
    const tmp = useTempDir();
    const s = session(tmp.path, 3);
    const inode = statSync(s.dir).ino;
    const dest = finalizeSessionDir(s.dir, status);
    expect(dest).toBe(tmp.join(folder, s.name));
    expect(statSync(dest).ino).toBe(inode);
    expect(readdirSync(dest).sort()).toEqual(['f0.txt', 'f1.txt', 'f2.txt', 'logs']);
    expect(readFileSync(join(dest, 'logs', 'stdout.log'), 'utf8')).toBe('hello\n');
    expect(existsSync(tmp.join('RUNNING'))).toBe(false);
  });

  it('accepts the SessionDir object and a custom output root (no RUNNING/ in the string)', () => {
    const tmp = useTempDir();
    const s = session(tmp.join('custom-root'));
    expect(finalizeSessionDir(s, 0)).toBe(tmp.join('custom-root', 'FINISHED_SUCCESS', s.name));
  });

  it('never overwrites an existing destination, even an empty directory', () => {
    const tmp = useTempDir();
    const a = session(tmp.path);
    mkdirSync(tmp.join('FINISHED_SUCCESS', a.name), { recursive: true });
    expect(() => finalizeSessionDir(a.dir, 0)).toThrowError(sdirError('SDIR_DEST_EXISTS'));
    expect(readdirSync(tmp.join('FINISHED_SUCCESS', a.name))).toEqual([]);
    expect(readdirSync(a.dir).sort()).toEqual([LEASE_FILE, 'logs']);

    const b = session(tmp.path);
    mkdirSync(tmp.join('FINISHED_ERROR', b.name), { recursive: true });
    writeFileSync(tmp.join('FINISHED_ERROR', b.name, 'precious'), 'keep');
    expect(() => finalizeSessionDir(b.dir, 1)).toThrowError(sdirError('SDIR_DEST_EXISTS'));
    expect(readdirSync(tmp.join('FINISHED_ERROR', b.name))).toEqual(['precious']);
    expect(existsSync(b.dir)).toBe(true);
  });

  it('replaces a claim left empty by a mover that died (older than a minute)', () => {
    const tmp = useTempDir();
    const s = session(tmp.path);
    const claim = tmp.join('FINISHED_SUCCESS', s.name);
    mkdirSync(claim, { recursive: true });
    const old = new Date(Date.now() - 5 * 60_000);
    utimesSync(claim, old, old);
    expect(finalizeSessionDir(s.dir, 0)).toBe(claim);
    expect(readdirSync(claim).sort()).toEqual(['logs']);
  });

  it('removes RUNNING/ only when it is empty', () => {
    const tmp = useTempDir();
    const a = session(tmp.path);
    const b = session(tmp.path);
    finalizeSessionDir(a.dir, 0);
    expect(readdirSync(tmp.join('RUNNING'))).toEqual([b.name]);
    writeFileSync(tmp.join('RUNNING', 'stray.txt'), '');
    finalizeSessionDir(b.dir, 0);
    expect(readdirSync(tmp.join('RUNNING'))).toEqual(['stray.txt']);
  });

  it('refuses what is not a RUNNING session', () => {
    const tmp = useTempDir();
    const s = session(tmp.path);
    mkdirSync(tmp.join('RUNNING', 'not-a-session'));
    symlinkSync(s.dir, tmp.join('RUNNING', '2025Y-11M-18D-07h53m37s_LINK'));
    writeFileSync(tmp.join('RUNNING', '2025Y-11M-18D-07h53m37s_FILE'), '');
    for (const dir of [
      tmp.path,
      tmp.join('RUNNING', 'not-a-session'),
      tmp.join('RUNNING', '2025Y-11M-18D-07h53m37s_LINK'),
      tmp.join('RUNNING', '2025Y-11M-18D-07h53m37s_FILE'),
      tmp.join('RUNNING', '2025Y-11M-18D-07h53m37s_GONE'),
      tmp.join('FINISHED', s.name),
    ]) {
      expect(() => finalizeSessionDir(dir, 0), dir).toThrowError(sdirError('SDIR_NOT_A_SESSION'));
    }
    expect(existsSync(s.dir)).toBe(true);
    finalizeSessionDir(s.dir, 0);
    expect(() => finalizeSessionDir(s.dir, 0)).toThrowError(/already finalized/);
  });

  it.each([1.5, Number.NaN, '0', true])('refuses exit status %j', (status) => {
    const tmp = useTempDir();
    const s = session(tmp.path);
    expect(() => finalizeSessionDir(s.dir, status as number)).toThrowError(
      sdirError('SDIR_INVALID_OPTION'),
    );
    expect(existsSync(s.dir)).toBe(true);
  });

  it('records a reason given by someone other than the owner', () => {
    const tmp = useTempDir();
    const s = createSessionDir({ sdir: tmp.path });
    s.lease?.stop();
    const dest = finalizeSessionDir(s.dir, 1, { reason: 'killed by hand' });
    const rec = JSON.parse(readFileSync(join(dest, RECONCILED_FILE), 'utf8'));
    expect(rec).toMatchObject({
      version: 1,
      code: 'manual',
      reason: 'killed by hand',
      from: 'RUNNING',
      to: 'FINISHED_ERROR',
      by: { pid: process.pid },
      owner: { pid: process.pid },
    });
    expect(readLease(dest)).toBeNull();
  });

  it('takes its session back from FINISHED_ERROR after a wrongful reconcile', () => {
    const tmp = useTempDir();
    const s = createSessionDir({ sdir: tmp.path });
    s.lease?.stop();
    // What a reconciler on another host does when this process looked dead.
    const filed = tmp.join('FINISHED_ERROR', s.name);
    expect(moveDirNoReplace(s.dir, filed)).toBe('rename');
    writeFileSync(
      join(filed, RECONCILED_FILE),
      JSON.stringify({
        version: 1,
        at: new Date().toISOString(),
        code: 'heartbeat-stale',
        reason: 'x',
        owner: s.lease!.info,
      }),
    );
    const dest = finalizeSessionDir(s.dir, 0);
    expect(dest).toBe(tmp.join('FINISHED_SUCCESS', s.name));
    expect(JSON.parse(readFileSync(join(dest, RECONCILED_FILE), 'utf8')).reclaimed).toMatchObject({
      to: 'FINISHED_SUCCESS',
    });
    expect(existsSync(filed)).toBe(false);
  });

  it('copies, verifies and removes when the rename crosses devices (EXDEV)', () => {
    const tmp = useTempDir();
    const s = session(tmp.path, 5);
    mkdirSync(join(s.dir, 'nested', 'deeper'), { recursive: true });
    writeFileSync(join(s.dir, 'nested', 'deeper', 'data.bin'), Buffer.alloc(100_000, 7));
    symlinkSync('nested/deeper/data.bin', join(s.dir, 'link'));
    const exdev = (): never => {
      throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
    };
    const dest = tmp.join('FINISHED_SUCCESS', s.name);
    expect(moveDirNoReplace(s.dir, dest, { rename: exdev })).toBe('copy');
    expect(existsSync(s.dir)).toBe(false);
    expect(readFileSync(join(dest, 'nested', 'deeper', 'data.bin'))).toEqual(
      Buffer.alloc(100_000, 7),
    );
    expect(readFileSync(join(dest, 'link'))).toHaveLength(100_000);
    expect(readdirSync(dest).sort()).toEqual([
      LEASE_FILE,
      'f0.txt',
      'f1.txt',
      'f2.txt',
      'f3.txt',
      'f4.txt',
      'link',
      'logs',
      'nested',
    ]);
  });

  it('moves across real devices when FINISHED_* lives on another file system', () => {
    const tmp = useTempDir();
    // /dev/shm is a tmpfs on Linux; where it is missing this runs on one device.
    const other = existsSync('/dev/shm') ? '/dev/shm' : tmp.path;
    const far = mkdtempSync(join(other, 'sdir-test-'));
    try {
      symlinkSync(far, tmp.join('FINISHED_SUCCESS'));
      const s = session(tmp.path, 20);
      const inode = statSync(s.dir).ino;
      const dest = finalizeSessionDir(s.dir, 0);
      expect(dest).toBe(tmp.join('FINISHED_SUCCESS', s.name));
      expect(readdirSync(join(far, s.name))).toHaveLength(21);
      expect(readFileSync(join(dest, 'f7.txt'), 'utf8')).toBe('7');
      expect(existsSync(s.dir)).toBe(false);
      if (statSync(far).dev !== statSync(tmp.path).dev) expect(statSync(dest).ino).not.toBe(inode);
    } finally {
      rmSync(far, { recursive: true, force: true });
    }
  });
});
