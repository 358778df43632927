import { mkdirSync, writeFileSync } from 'node:fs';
import { useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { checkCode, collectCode, compareDeps, type DepsRecord } from '../src/index.ts';
import { git, initRepo } from './helpers/git.ts';

describe('checkCode', () => {
  it('same code: no differences; a changed script outside git: the script', () => {
    const tmp = useTempDir();
    const script = tmp.join('exp.mjs');
    writeFileSync(script, 'console.log(1);\n');
    const recorded = collectCode(script);
    expect(checkCode(recorded, collectCode(script))).toEqual([]);
    writeFileSync(script, 'console.log(2);\n');
    const diffs = checkCode(recorded, collectCode(script));
    expect(diffs.map((d) => d.what)).toEqual(['script']);
    expect(diffs[0]!.message).toMatch(/exp\.mjs: its contents changed \(sha256 \w{12}… recorded/);
  });

  it('in git: an uncommitted change, a new commit, a tree no longer in git', () => {
    const tmp = useTempDir();
    const script = tmp.join('exp.mjs');
    writeFileSync(script, 'console.log(1);\n');
    initRepo(tmp.path);
    const recorded = collectCode(script);
    writeFileSync(script, 'console.log(2);\n');
    const dirty = checkCode(recorded, collectCode(script));
    expect(dirty.map((d) => d.what)).toEqual(['script', 'diff']);
    expect(dirty[1]!.message).toBe(
      'uncommitted changes differ in exp.mjs (recorded: clean tree; now: changes in exp.mjs)',
    );
    git(tmp.path, 'commit', '-q', '-am', 'second');
    const committed = checkCode(recorded, collectCode(script));
    expect(committed.map((d) => d.what)).toEqual(['script', 'commit']);
    expect(committed[1]!.message).toMatch(
      /^git commit \w{12} recorded, \w{12} now \(branch main\)$/,
    );
    // Back to the recorded bytes, but committed on top: still a different commit.
    writeFileSync(script, 'console.log(1);\n');
    git(tmp.path, 'commit', '-q', '-am', 'third');
    expect(checkCode(recorded, collectCode(script)).map((d) => d.what)).toEqual(['commit']);
    expect(checkCode(recorded, collectCode(script, { git: false })).map((d) => d.what)).toEqual([
      'git',
    ]);
  });

  it('the same dirty diff is the same code', () => {
    const tmp = useTempDir();
    const script = tmp.join('exp.mjs');
    writeFileSync(script, 'console.log(1);\n');
    initRepo(tmp.path);
    writeFileSync(script, 'console.log(2);\n');
    expect(checkCode(collectCode(script), collectCode(script))).toEqual([]);
  });
});

describe('checkCode ignore', () => {
  it('uncommitted changes of ignored files (config a rerun takes from its snapshot) do not count', () => {
    const tmp = useTempDir();
    const script = tmp.join('exp.mjs');
    writeFileSync(script, 'console.log(1);\n');
    mkdirSync(tmp.join('config'));
    writeFileSync(tmp.join('config', 'PARAMS.yaml'), 'lr: 0.1\n');
    initRepo(tmp.path);
    const recorded = collectCode(script);
    writeFileSync(tmp.join('config', 'PARAMS.yaml'), 'lr: 0.2\n');
    const now = collectCode(script);
    expect(checkCode(recorded, now).map((d) => d.what)).toEqual(['diff']);
    expect(checkCode(recorded, now, { ignore: [tmp.join('config', 'PARAMS.yaml')] })).toEqual([]);
    expect(checkCode(recorded, now, { ignore: ['config/PARAMS.yaml'] })).toEqual([]);
    // A recorded run without per-file hashes falls back to the diff's hash.
    const noHashes = { ...now.git!, changed: now.git!.changed.map((c) => ({ path: c.path })) };
    expect(checkCode(recorded, { ...now, git: noHashes }).map((d) => d.what)).toEqual(['diff']);
  });
});

describe('compareDeps', () => {
  it('lists node, the lockfile and each dependency that differ', () => {
    const a: DepsRecord = {
      node: 'v20.1.0',
      lockfile: { name: 'pnpm-lock.yaml', path: '/p/pnpm-lock.yaml', sha256: 'aaa' },
      dependencies: { x: '1.0.0', y: '2.0.0', gone: '1.0.0' },
    };
    const b: DepsRecord = {
      node: 'v22.0.0',
      lockfile: { name: 'pnpm-lock.yaml', path: '/q/pnpm-lock.yaml', sha256: 'bbb' },
      dependencies: { x: '1.0.0', y: '2.1.0', constructor: '1.0.0' },
    };
    expect(compareDeps(a, b)).toEqual([
      { name: 'node', recorded: 'v20.1.0', now: 'v22.0.0' },
      { name: 'lockfile', recorded: 'pnpm-lock.yaml aaa', now: 'pnpm-lock.yaml bbb' },
      { name: 'constructor', recorded: null, now: '1.0.0' },
      { name: 'gone', recorded: '1.0.0', now: null },
      { name: 'y', recorded: '2.0.0', now: '2.1.0' },
    ]);
    expect(compareDeps(a, a)).toEqual([]);
    // A version redacted in the snapshot is unknown, not different.
    expect(
      compareDeps(
        { ...a, dependencies: { 'csrf-token': '***' } },
        { ...a, dependencies: { 'csrf-token': '1.0.0' } },
      ),
    ).toEqual([]);
  });
});
