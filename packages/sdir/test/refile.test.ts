// Refiling a finished session, and telling that a session directory was deleted,
// replaced, or that a folder on its path became a symlink.
import { existsSync, mkdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import {
  checkSessionDir,
  createSessionDir,
  finalizeSessionDir,
  refileSessionDir,
  sessionDirIdentity,
  type SdirError,
} from '../src/index.ts';

const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return (e as SdirError).code;
  }
  return undefined;
};

describe('refileSessionDir', () => {
  it('moves a finished session to the folder of its new exit status', () => {
    const root = useTempDir().join('out');
    const s = createSessionDir({ sdir: root, lease: false });
    const ok = finalizeSessionDir(s.dir, 0);
    const err = refileSessionDir(ok, 130);
    expect(err).toBe(join(root, 'FINISHED_ERROR', s.name));
    expect(existsSync(ok)).toBe(false);
    expect(refileSessionDir(err, 1)).toBe(err);
    expect(refileSessionDir(err, null)).toBe(join(root, 'FINISHED', s.name));
  });

  it('refuses what is not a finished session, or is gone', () => {
    const root = useTempDir().join('out');
    const s = createSessionDir({ sdir: root, lease: false });
    expect(code(() => refileSessionDir(s.dir, 1))).toBe('SDIR_NOT_A_SESSION');
    const done = finalizeSessionDir(s.dir, 0);
    rmSync(done, { recursive: true });
    expect(code(() => refileSessionDir(done, 1))).toBe('SDIR_DIR_GONE');
  });
});

describe('checkSessionDir', () => {
  it('passes while the directory is the one created', () => {
    const root = useTempDir().join('out');
    const s = createSessionDir({ sdir: root, lease: false });
    expect(code(() => checkSessionDir(s.dir, sessionDirIdentity(s.dir)))).toBeUndefined();
  });

  it('deleted → SDIR_DIR_GONE; deleted and made again → SDIR_DIR_GONE', () => {
    const root = useTempDir().join('out');
    const s = createSessionDir({ sdir: root, lease: false });
    const id = sessionDirIdentity(s.dir);
    rmSync(s.dir, { recursive: true });
    expect(code(() => checkSessionDir(s.dir, id))).toBe('SDIR_DIR_GONE');
    mkdirSync(s.dir);
    expect(code(() => checkSessionDir(s.dir, id))).toBe('SDIR_DIR_GONE');
  });

  it('RUNNING/ or the directory swapped for a symlink → SDIR_UNSAFE_PATH', () => {
    const tmp = useTempDir();
    const root = tmp.join('out');
    const s = createSessionDir({ sdir: root, lease: false });
    const id = sessionDirIdentity(s.dir);
    const elsewhere = tmp.join('elsewhere');
    renameSync(join(root, 'RUNNING'), elsewhere);
    symlinkSync(elsewhere, join(root, 'RUNNING'));
    expect(code(() => checkSessionDir(s.dir, id))).toBe('SDIR_UNSAFE_PATH');
    rmSync(join(root, 'RUNNING'));
    mkdirSync(join(root, 'RUNNING'));
    symlinkSync(join(elsewhere, s.name), s.dir);
    expect(code(() => checkSessionDir(s.dir, id))).toBe('SDIR_UNSAFE_PATH');
  });
});
