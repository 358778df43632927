import { mkdirSync, symlinkSync } from 'node:fs';
import { useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { loadConfigs } from '../src/index.ts';
import { catchConfigError, writeTree } from './helpers.ts';

describe('symbolic links in ./config that lead nowhere', () => {
  it('a dangling link to a YAML file is CONFIG_BROKEN_LINK naming it (not skipped)', () => {
    const tmp = useTempDir();
    writeTree(tmp.path, { 'config/A.yaml': 'a: 1\n' });
    symlinkSync(tmp.join('shared', 'gone.yaml'), tmp.join('config', 'MODEL.yaml'));
    const err = catchConfigError(() => loadConfigs({ dir: tmp.join('config') }));
    expect(err.code).toBe('CONFIG_BROKEN_LINK');
    expect(err.file).toBe(tmp.join('config', 'MODEL.yaml'));
    expect(err.message).toContain('MODEL.yaml');
    expect(err.message).toContain('gone.yaml, which does not exist');
    expect(err.message).toContain('fix the link or remove it');
  });

  it('a link loop is CONFIG_BROKEN_LINK naming it', () => {
    const tmp = useTempDir();
    writeTree(tmp.path, { 'config/A.yaml': 'a: 1\n' });
    symlinkSync(tmp.join('config', 'LOOP2.yaml'), tmp.join('config', 'LOOP.yaml'));
    symlinkSync(tmp.join('config', 'LOOP.yaml'), tmp.join('config', 'LOOP2.yaml'));
    const err = catchConfigError(() => loadConfigs({ dir: tmp.join('config') }));
    expect(err.code).toBe('CONFIG_BROKEN_LINK');
    expect(err.message).toMatch(/LOOP2?\.yaml: this config file is a symbolic link loop/);
  });

  it('a dangling config/categories link, or a dangling config directory link', () => {
    const tmp = useTempDir();
    writeTree(tmp.path, { 'config/A.yaml': 'a: 1\n' });
    symlinkSync(tmp.join('nowhere'), tmp.join('config', 'categories'));
    const err = catchConfigError(() => loadConfigs({ dir: tmp.join('config') }));
    expect(err.code).toBe('CONFIG_BROKEN_LINK');
    expect(err.file).toBe(tmp.join('config', 'categories'));

    symlinkSync(tmp.join('moved-away'), tmp.join('cfg'));
    const err2 = catchConfigError(() => loadConfigs({ dir: tmp.join('cfg') }));
    expect(err2.code).toBe('CONFIG_BROKEN_LINK');
    expect(err2.message).toContain('this config directory is a symbolic link to');
  });

  it('still ignores hidden names (editor lock links) and links to folders', () => {
    const tmp = useTempDir();
    writeTree(tmp.path, { 'config/A.yaml': 'a: 1\n' });
    symlinkSync('user@host.1234', tmp.join('config', '.#A.yaml')); // how emacs marks a lock
    mkdirSync(tmp.join('folder.yaml'));
    symlinkSync(tmp.join('folder.yaml'), tmp.join('config', 'F.yaml'));
    expect(loadConfigs({ dir: tmp.join('config') }).config).toEqual({ A: { a: 1 } });
  });
});
