import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import {
  collectCode,
  collectProvenance,
  ProvenanceError,
  redactArgv,
  writeProvenanceFiles,
} from '../src/index.ts';
import { git, initRepo } from './helpers/git.ts';

const sha = (s: string | Buffer): string => createHash('sha256').update(s).digest('hex');

function write(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

/** A small project: a script, a helper, config, dependencies, outputs of earlier runs. */
function project(root: string): string {
  write(join(root, 'exp.ts'), "import './lib/helper.ts';\nconsole.log('hi');\n");
  write(join(root, 'lib', 'helper.ts'), 'export const x = 1;\n');
  write(join(root, 'config', 'PARAMS.yaml'), 'lr: 0.1\n');
  write(join(root, 'data.csv'), '1,2\n');
  write(join(root, 'big.json'), JSON.stringify({ x: 'y'.repeat(5000) }));
  write(join(root, 'node_modules', 'dep-a', 'package.json'), '{"name":"dep-a","version":"1.2.3"}');
  write(join(root, 'node_modules', 'dep-a', 'index.js'), '');
  write(join(root, 'exp_out', 'FINISHED_SUCCESS', 'x', 'out.json'), '{}');
  write(join(root, '.cache', 'c.js'), '');
  write(
    join(root, 'package.json'),
    JSON.stringify({
      name: 'p',
      dependencies: { 'dep-a': '^1' },
      devDependencies: { missing: '1' },
    }),
  );
  write(join(root, 'package-lock.json'), '{"lockfileVersion":3}');
  return join(root, 'exp.ts');
}

describe('collectProvenance outside git', () => {
  it('records argv, the script hash, the source files and the dependencies', () => {
    const tmp = useTempDir();
    const script = project(tmp.path);
    const r = collectProvenance({
      script,
      argv: [script, '--lr', '0.1'],
      execArgv: ['--import', 'tsx'],
      cwd: tmp.path,
      maxFileBytes: 1000,
    });
    expect(r.ARGV).toEqual({
      argv: [script, '--lr', '0.1'],
      execArgv: ['--import', 'tsx'],
      cwd: tmp.path,
    });
    expect(r.CODE.script).toBe(script);
    expect(r.CODE.sha256).toBe(sha(readFileSync(script)));
    expect(r.CODE.git).toBeUndefined();
    expect(r.CODE.source?.root).toBe(tmp.path);
    expect(r.CODE.source?.files).toEqual([
      'config/PARAMS.yaml',
      'exp.ts',
      'lib/helper.ts',
      'package-lock.json',
      'package.json',
    ]);
    expect(r.CODE.source?.skipped).toEqual([
      { path: 'big.json', reason: expect.stringMatching(/bytes, over the limit of 1000/) },
    ]);
    expect(r.DEPS.node).toBe(process.version);
    expect(r.DEPS.packageJson).toBe(join(tmp.path, 'package.json'));
    expect(r.DEPS.dependencies).toEqual({ 'dep-a': '1.2.3', missing: null });
    expect(r.DEPS.lockfile).toEqual({
      name: 'package-lock.json',
      path: join(tmp.path, 'package-lock.json'),
      sha256: sha('{"lockfileVersion":3}'),
    });
    // Plain JSON: it survives a round trip unchanged.
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('copies the source files into CONFIGS/source/, bounded by count', () => {
    const tmp = useTempDir();
    const script = project(tmp.join('proj'));
    const r = collectProvenance({ script, argv: [script], execArgv: [], maxFiles: 2 });
    // The script's folder comes before its subfolders.
    expect(r.CODE.source?.files).toEqual(['big.json', 'exp.ts']);
    expect(r.CODE.source?.skipped.map((s) => s.reason)).toContain('more than 2 source files');
    const configs = tmp.join('CONFIGS');
    const written = writeProvenanceFiles(r, configs);
    expect(written).toEqual(['source/big.json', 'source/exp.ts']);
    expect(readFileSync(join(configs, 'source', 'exp.ts'), 'utf8')).toBe(
      readFileSync(script, 'utf8'),
    );
    expect(existsSync(join(configs, 'git.diff'))).toBe(false);
    expect(existsSync(join(configs, 'source', 'node_modules'))).toBe(false);
  });

  it('bounds the total size of the copy', () => {
    const tmp = useTempDir();
    const script = project(tmp.path);
    const r = collectProvenance({ script, argv: [script], execArgv: [], maxTotalBytes: 60 });
    // exp.ts (45 bytes) fits, package.json does not; the small config file still does.
    expect(r.CODE.source?.files).toEqual(['config/PARAMS.yaml', 'exp.ts']);
    expect(r.CODE.source?.skipped.map((s) => s.reason)).toContain(
      'over the total of 60 bytes for all source files',
    );
  });

  it('spawns no git outside a work tree', () => {
    const tmp = useTempDir();
    const script = project(tmp.join('proj'));
    const bin = fakeGit(tmp.join('bin'), tmp.join('git-was-called'));
    const path = process.env['PATH'];
    process.env['PATH'] = bin;
    try {
      collectProvenance({ script, argv: [script], execArgv: [] });
    } finally {
      process.env['PATH'] = path;
    }
    expect(existsSync(tmp.join('git-was-called'))).toBe(false);
  });

  it('refuses a missing script and bad options with coded errors', () => {
    const tmp = useTempDir();
    const missing = tmp.join('nope.ts');
    expect(() => collectProvenance({ script: missing, argv: [], execArgv: [] })).toThrow(
      expect.objectContaining({ code: 'PROVENANCE_SCRIPT_NOT_FOUND' }),
    );
    expect(() => collectCode(tmp.path)).toThrow(ProvenanceError);
    expect(() =>
      collectProvenance({ script: missing, argv: 'x' as unknown as string[], execArgv: [] }),
    ).toThrow(expect.objectContaining({ code: 'PROVENANCE_INVALID_OPTION' }));
  });
});

/** A `git` on PATH that only leaves a mark that it ran. */
function fakeGit(bin: string, mark: string): string {
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'git'), `#!/bin/sh\n: > ${JSON.stringify(mark)}\nexit 1\n`);
  chmodSync(join(bin, 'git'), 0o755);
  return bin;
}

describe('secrets on the command line', () => {
  const isSecret = (name: string): boolean => /token|password/i.test(name);

  it('redactArgv replaces the values of secret options, in both spellings', () => {
    expect(
      redactArgv(
        ['/p/exp.js', '--api-token', 'abc', '--password=hunter2', '--lr', '0.1', '--token', '-v'],
        isSecret,
      ),
    ).toEqual({
      argv: ['/p/exp.js', '--api-token', '***', '--password=***', '--lr', '0.1', '--token', '-v'],
      redacted: ['api-token', 'password'],
    });
  });

  it('collectProvenance records them as *** and lists their names', () => {
    const tmp = useTempDir();
    const script = tmp.join('exp.mjs');
    writeFileSync(script, '');
    const argv = [script, '--token', 'abc'];
    const r = collectProvenance({ script, argv, execArgv: [], isSecret });
    expect(r.ARGV.argv).toEqual([script, '--token', '***']);
    expect(r.ARGV.redacted).toEqual(['token']);
    expect(argv).toEqual([script, '--token', 'abc']); // the caller's array is untouched
    expect(collectProvenance({ script, argv, execArgv: [] }).ARGV.argv).toEqual(argv);
  });
});

describe('collectProvenance inside git', () => {
  it('a clean tree: commit and branch, not dirty, nothing to write', () => {
    const tmp = useTempDir();
    const script = project(tmp.path);
    writeFileSync(tmp.join('.gitignore'), 'node_modules/\n*_out/\n');
    const commit = initRepo(tmp.path);
    const r = collectProvenance({ script, argv: [script], execArgv: [] });
    expect(r.CODE.source).toBeUndefined();
    expect(r.CODE.git).toEqual({
      root: tmp.path,
      commit,
      branch: 'main',
      dirty: false,
      changed: [],
      untracked: [],
    });
    expect(writeProvenanceFiles(r, tmp.join('CONFIGS'))).toEqual([]);
  });

  it('a dirty tree: changed and untracked files listed, the diff saved as CONFIGS/git.diff', () => {
    const tmp = useTempDir();
    const script = project(tmp.path);
    writeFileSync(tmp.join('.gitignore'), 'node_modules/\n*_out/\n');
    const commit = initRepo(tmp.path);
    writeFileSync(script, "console.log('changed');\n");
    writeFileSync(tmp.join('lib', 'new.ts'), 'export {};\n');
    const r = collectProvenance({ script, argv: [script], execArgv: [] });
    const g = r.CODE.git!;
    expect(g.commit).toBe(commit);
    expect(g.dirty).toBe(true);
    expect(g.changed).toEqual([{ path: 'exp.ts', sha256: sha(readFileSync(script)) }]);
    expect(g.untracked).toEqual(['lib/new.ts']);
    const diff = git(tmp.path, 'diff', 'HEAD', '--binary') + '\n';
    expect(g.diff).toEqual({
      file: 'git.diff',
      sha256: sha(diff),
      bytes: Buffer.byteLength(diff),
      truncated: false,
    });
    expect(writeProvenanceFiles(r, tmp.join('CONFIGS'))).toEqual(['git.diff']);
    const saved = readFileSync(tmp.join('CONFIGS', 'git.diff'), 'utf8');
    expect(saved).toBe(diff);
    expect(saved).toContain("+console.log('changed');");
    // A record read back from a snapshot has no diff text in memory: it is taken again.
    const copy = JSON.parse(JSON.stringify(r)) as typeof r;
    expect(writeProvenanceFiles(copy, tmp.join('CONFIGS2'))).toEqual(['git.diff']);
    expect(readFileSync(tmp.join('CONFIGS2', 'git.diff'), 'utf8')).toBe(diff);
  });

  it('a diff over the limit is cut there and says so', () => {
    const tmp = useTempDir();
    const script = project(tmp.path);
    writeFileSync(tmp.join('.gitignore'), 'node_modules/\n*_out/\n');
    initRepo(tmp.path);
    writeFileSync(script, 'x'.repeat(10_000) + '\n');
    const r = collectCode(script, { maxDiffBytes: 1000 });
    expect(r.git?.diff).toMatchObject({ bytes: 1000, truncated: true });
  });

  it('git missing or failing is recorded, not thrown', () => {
    const tmp = useTempDir();
    const script = project(tmp.join('repo'));
    initRepo(tmp.join('repo'));
    const bin = fakeGit(tmp.join('bin'), tmp.join('git-was-called'));
    const path = process.env['PATH'];
    process.env['PATH'] = bin;
    let failing;
    try {
      failing = collectCode(script);
      process.env['PATH'] = tmp.join('empty');
      const missing = collectCode(script);
      expect(missing.git?.error).toBe('git is not installed (or not on PATH)');
    } finally {
      process.env['PATH'] = path;
    }
    expect(existsSync(tmp.join('git-was-called'))).toBe(true);
    expect(failing.git?.error).toMatch(/^git status exited with 1/);
    expect(failing.sha256).toBe(sha(readFileSync(script)));
  });

  it('a repository without commits: no commit, no diff', () => {
    const tmp = useTempDir();
    const script = project(tmp.path);
    git(tmp.path, '-c', 'init.defaultBranch=main', 'init', '-q');
    git(tmp.path, 'add', 'exp.ts');
    const r = collectCode(script);
    expect(r.git).toMatchObject({ commit: null, branch: 'main', dirty: true });
    expect(r.git?.changed.map((c) => c.path)).toEqual(['exp.ts']);
    expect(r.git?.diff).toBeUndefined();
  });
});
