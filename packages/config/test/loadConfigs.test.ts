import { symlinkSync, writeFileSync } from 'node:fs';
import { useTempDir } from '@scitex/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfigs } from '../src/index.ts';
import { catchConfigError, writeTree } from './helpers.ts';

const cwd = process.cwd();
afterEach(() => process.chdir(cwd));

describe('loadConfigs: files become namespaces', () => {
  it('puts each file under its stem and records where it came from', () => {
    const tmp = useTempDir();
    writeTree(tmp.path, {
      'config/PATH.yaml': 'data: /data\nout: ./out\n',
      'config/MODEL.yml': 'lr: 0.01\nlayers: [64, 32]\n',
    });
    const { config, sources, debug } = loadConfigs({ dir: tmp.join('config') });
    expect(config).toEqual({
      MODEL: { lr: 0.01, layers: [64, 32] },
      PATH: { data: '/data', out: './out' },
    });
    expect(sources).toEqual({
      MODEL: tmp.join('config', 'MODEL.yml'),
      PATH: tmp.join('config', 'PATH.yaml'),
    });
    expect(debug).toBe(false);
  });

  it('takes files in natural order (2 before 10, exp2 before exp10)', () => {
    const tmp = useTempDir();
    const names = ['exp10', 'b', 'exp2', '10', 'A', '2', 'run1_v10', 'run1_v9'];
    for (const n of names) writeTree(tmp.path, { [`config/${n}.yaml`]: `name: ${n}\n` });
    const { config, sources } = loadConfigs({ dir: tmp.join('config') });
    const order = ['2', '10', 'A', 'b', 'exp2', 'exp10', 'run1_v9', 'run1_v10'];
    expect(Object.keys(config)).toEqual(order);
    expect(Object.keys(sources)).toEqual(order);
  });

  it('lets categories/<stem>.yaml replace the namespace of the same name, in place', () => {
    const tmp = useTempDir();
    writeTree(tmp.path, {
      'config/A.yaml': 'a: 1\n',
      'config/PATH.yaml': 'data: /slow\nkeep: me\n',
      'config/Z.yaml': 'z: 1\n',
      'config/categories/PATH.yml': 'data: /fast\n',
      'config/categories/EXTRA.yaml': 'e: 1\n',
    });
    const { config, sources } = loadConfigs({ dir: tmp.join('config') });
    expect(config['PATH']).toEqual({ data: '/fast' });
    expect(Object.keys(config)).toEqual(['A', 'PATH', 'Z', 'EXTRA']);
    expect(sources['PATH']).toBe(tmp.join('config', 'categories', 'PATH.yml'));
    expect(sources['EXTRA']).toBe(tmp.join('config', 'categories', 'EXTRA.yaml'));
  });

  it('skips files with no document, hidden files and other extensions', () => {
    const tmp = useTempDir();
    writeTree(tmp.path, {
      'config/EMPTY.yaml': '',
      'config/COMMENTS.yaml': '# nothing here yet\n\n',
      'config/EMPTY_MAP.yaml': '{}\n',
      'config/.editor-backup.yaml': 'x: 1\n',
      'config/notes.txt': 'x: 1\n',
      'config/data.json': '{"x": 1}\n',
      'config/subdir.yaml/inner.yaml': 'x: 1\n',
    });
    const { config } = loadConfigs({ dir: tmp.join('config') });
    expect(config).toEqual({ EMPTY_MAP: {} });
  });

  it('follows symlinks to files', () => {
    const tmp = useTempDir();
    writeTree(tmp.path, { 'shared/common.yaml': 'seed: 1\n', 'config/x.yaml': 'a: 1\n' });
    symlinkSync(tmp.join('shared', 'common.yaml'), tmp.join('config', 'COMMON.yaml'));
    expect(loadConfigs({ dir: tmp.join('config') }).config).toEqual({
      COMMON: { seed: 1 },
      x: { a: 1 },
    });
  });

  it('keeps YAML types: dates become Dates, quoted strings stay strings', () => {
    const tmp = useTempDir();
    writeTree(tmp.path, {
      'config/X.yaml': 'when: 2025-11-18T07:53:37+09:00\nday: "2025-11-18"\nn: ~\nyes_: yes\n',
    });
    const x = loadConfigs({ dir: tmp.join('config') }).config['X'] as Record<string, unknown>;
    expect(x['when']).toEqual(new Date('2025-11-17T22:53:37Z'));
    expect(x['day']).toBe('2025-11-18');
    expect(x['n']).toBeNull();
    expect(x['yes_']).toBe(true); // YAML 1.1, as PyYAML reads it: yes/no/on/off are booleans
  });

  it('defaults to ./config relative to the current working directory', () => {
    const tmp = useTempDir();
    writeTree(tmp.path, { 'config/PATH.yaml': 'data: here\n' });
    process.chdir(tmp.path);
    const { config, sources } = loadConfigs();
    expect(config).toEqual({ PATH: { data: 'here' } });
    expect(sources['PATH']).toBe(tmp.join('config', 'PATH.yaml'));
    expect(loadConfigs({ dir: 'config' }).config).toEqual(config);
  });
});

describe('loadConfigs: directory problems', () => {
  it('treats a missing directory as an empty config', () => {
    const tmp = useTempDir();
    expect(loadConfigs({ dir: tmp.join('nope') })).toEqual({
      config: {},
      sources: {},
      debug: false,
    });
  });

  it('refuses a config dir that is a file', () => {
    const tmp = useTempDir();
    writeFileSync(tmp.join('config'), 'x: 1\n');
    const err = catchConfigError(() => loadConfigs({ dir: tmp.join('config') }));
    expect(err.code).toBe('CONFIG_DIR_NOT_A_DIRECTORY');
    expect(err.file).toBe(tmp.join('config'));
    expect(err.message).toContain('not a directory');
  });

  it('refuses two files that would make the same namespace', () => {
    const tmp = useTempDir();
    writeTree(tmp.path, { 'config/MODEL.yaml': 'a: 1\n', 'config/MODEL.yml': 'a: 2\n' });
    const err = catchConfigError(() => loadConfigs({ dir: tmp.join('config') }));
    expect(err.code).toBe('CONFIG_DUPLICATE_NAMESPACE');
    expect(err.message).toMatch(
      /MODEL\.yaml and MODEL\.yml would both become the namespace "MODEL"/,
    );
  });

  it('refuses a file whose top level is not a mapping', () => {
    for (const [content, found] of [
      ['- 1\n- 2\n', '[ 1, 2 ]'],
      ['just text\n', '"just text"'],
      ['42\n', '42'],
    ] as const) {
      const tmp = useTempDir();
      writeTree(tmp.path, { 'config/LIST.yaml': content });
      const err = catchConfigError(() => loadConfigs({ dir: tmp.join('config') }));
      expect(err.code).toBe('CONFIG_NOT_A_MAPPING');
      expect(err.file).toBe(tmp.join('config', 'LIST.yaml'));
      expect(err.message).toContain(`found ${found}`);
    }
  });

  it('does not swallow one bad file: the error names it (the original dropped all config)', () => {
    const tmp = useTempDir();
    writeTree(tmp.path, { 'config/GOOD.yaml': 'a: 1\n', 'config/BAD.yaml': 'a: [1, 2\n' });
    const err = catchConfigError(() => loadConfigs({ dir: tmp.join('config') }));
    expect(err.code).toBe('CONFIG_PARSE_FAILED');
    expect(err.file).toBe(tmp.join('config', 'BAD.yaml'));
  });
});
