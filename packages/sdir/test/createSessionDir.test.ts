import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { ID_TAIL_ALPHABET, LEASE_FILE, createSessionDir, genId, readLease } from '../src/index.ts';

const sdirError = (code: string): unknown => expect.objectContaining({ name: 'SdirError', code });

describe('createSessionDir', () => {
  it('creates <script dir>/<stem>_out/RUNNING/<ID>-<suffix>/ with a lease', () => {
    const tmp = useTempDir();
    writeFileSync(tmp.join('exp.ts'), '');
    const s = createSessionDir({ script: tmp.join('exp.ts'), suffix: 'main' });
    s.lease?.stop();
    expect(s.outRoot).toBe(tmp.join('exp_out'));
    expect(s.name).toBe(`${s.id}-main`);
    expect(s.dir).toBe(tmp.join('exp_out', 'RUNNING', s.name));
    expect(lstatSync(s.dir).isDirectory()).toBe(true);
    expect(readdirSync(s.dir)).toEqual([LEASE_FILE]);
    const lease = readLease(s.dir)!;
    expect(lease).toMatchObject({
      version: 1,
      pid: process.pid,
      heartbeatMs: 10_000,
      staleAfterMs: 900_000,
    });
    expect(s.lease!.info).toEqual(lease);
  });

  it('uses a given output root (relative to the cwd), debug IDs and an explicit ID', () => {
    const tmp = useTempDir();
    const s = createSessionDir({ sdir: tmp.join('a', 'b'), debug: true, lease: false });
    expect(s.outRoot).toBe(tmp.join('a', 'b'));
    expect(s.id.startsWith('DEBUG_')).toBe(true);
    expect(s.lease).toBeNull();
    expect(readdirSync(s.dir)).toEqual([]);
    const t = createSessionDir({
      sdir: tmp.path,
      id: '2025Y-11M-18D-07h53m37s_Z5MR',
      lease: false,
    });
    expect(t.dir).toBe(tmp.join('RUNNING', '2025Y-11M-18D-07h53m37s_Z5MR'));
    expect(() => createSessionDir({ sdir: tmp.path, id: t.id, lease: false })).toThrowError(
      sdirError('SDIR_CREATE_FAILED'),
    );
    expect(() => createSessionDir({ sdir: tmp.path, id: 'my-run' })).toThrowError(
      sdirError('SDIR_INVALID_OPTION'),
    );
  });

  it.each(['', 'a/b', 'a\\b', '..', 'x..y', 'a\0b', 'line\nbreak', 'x'.repeat(250)])(
    'refuses suffix %j before creating anything',
    (suffix) => {
      const tmp = useTempDir();
      expect(() => createSessionDir({ sdir: tmp.join('out'), suffix })).toThrowError(
        sdirError('SDIR_INVALID_SUFFIX'),
      );
      expect(existsSync(tmp.join('out'))).toBe(false);
    },
  );

  it('names the path and the cause when the output root cannot be created', () => {
    const tmp = useTempDir();
    writeFileSync(tmp.join('file'), 'x');
    expect(() => createSessionDir({ sdir: tmp.join('file') })).toThrowError(
      expect.objectContaining({
        code: 'SDIR_CREATE_FAILED',
        message: expect.stringContaining(`${tmp.join('file')}: it exists and is not a directory`),
      }),
    );
    let err: unknown;
    try {
      createSessionDir({ sdir: tmp.join('file', 'sub') });
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'SDIR_CREATE_FAILED', cause: { code: 'ENOTDIR' } });
    expect((err as Error).message).toContain(tmp.join('file', 'sub'));
  });

  it('refuses a symlink at RUNNING/ and leaves its target alone', () => {
    const tmp = useTempDir();
    mkdirSync(tmp.join('elsewhere'));
    mkdirSync(tmp.join('out'));
    symlinkSync(tmp.join('elsewhere'), tmp.join('out', 'RUNNING'));
    expect(() => createSessionDir({ sdir: tmp.join('out') })).toThrowError(
      sdirError('SDIR_UNSAFE_PATH'),
    );
    expect(readdirSync(tmp.join('elsewhere'))).toEqual([]);
  });

  it('never follows a symlink planted at the next session path', () => {
    const tmp = useTempDir();
    const now = new Date(2025, 10, 18, 7, 53, 37);
    const running = tmp.join('out', 'RUNNING');
    mkdirSync(running, { recursive: true });
    mkdirSync(tmp.join('victim'));
    // With 1-character tails and a fixed time there are 62 possible names: plant 61.
    const free = 'Q';
    const stamp = genId({ now, length: 1 }).slice(0, -1);
    for (const c of ID_TAIL_ALPHABET) {
      if (c !== free) symlinkSync(tmp.join('victim'), join(running, stamp + c));
    }
    for (let i = 0; i < 3; i++) {
      // Dangling links count too.
      symlinkSync(tmp.join('nowhere'), join(running, `${stamp}${free}${i}`));
    }
    const s = createSessionDir({ sdir: tmp.join('out'), idLength: 1, now });
    s.lease?.stop();
    expect(s.name).toBe(stamp + free);
    expect(lstatSync(s.dir).isSymbolicLink()).toBe(false);
    expect(readdirSync(tmp.join('victim'))).toEqual([]);
    expect(existsSync(tmp.join('nowhere'))).toBe(false);
  });

  it('never reuses the name of a finished session', () => {
    const tmp = useTempDir();
    const now = new Date(2025, 10, 18, 7, 53, 37);
    const stamp = genId({ now, length: 1 }).slice(0, -1);
    const folders = ['FINISHED_SUCCESS', 'FINISHED_ERROR', 'FINISHED'];
    [...ID_TAIL_ALPHABET].forEach((c, i) => {
      if (c !== 'Q') mkdirSync(tmp.join(folders[i % 3]!, stamp + c), { recursive: true });
    });
    const s = createSessionDir({ sdir: tmp.path, idLength: 1, now, lease: false });
    expect(s.name).toBe(stamp + 'Q');
    expect(readdirSync(tmp.join('RUNNING'))).toEqual([s.name]);
    expect(() => createSessionDir({ sdir: tmp.path, id: stamp + 'A', lease: false })).toThrowError(
      /FINISHED_SUCCESS.* already exists/,
    );
  });

  it('cleans up when the lease options are invalid', () => {
    const tmp = useTempDir();
    expect(() =>
      createSessionDir({ sdir: tmp.path, lease: { heartbeatMs: 1000, staleAfterMs: 10 } }),
    ).toThrowError(sdirError('SDIR_INVALID_OPTION'));
    expect(readdirSync(tmp.path)).toEqual([]);
    expect(() => createSessionDir({ sdir: tmp.path, idLength: 0 })).toThrowError(
      sdirError('SDIR_INVALID_OPTION'),
    );
    expect(readdirSync(tmp.path)).toEqual([]);
  });

  it('records the stale threshold from SCITEX_SDIR_STALE_MS', () => {
    const tmp = useTempDir();
    process.env['SCITEX_SDIR_STALE_MS'] = '3600000';
    try {
      const s = createSessionDir({ sdir: tmp.path });
      s.lease?.stop();
      expect(JSON.parse(readFileSync(join(s.dir, LEASE_FILE), 'utf8'))).toMatchObject({
        staleAfterMs: 3_600_000,
      });
    } finally {
      delete process.env['SCITEX_SDIR_STALE_MS'];
    }
  });
});
