import { writeFileSync } from 'node:fs';
import { useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { isDebug, loadConfigs, parseDebugFlag } from '../src/index.ts';
import { catchConfigError, writeTree } from './helpers.ts';

const noEnv = {};

function debugWith(yaml: string, env: Record<string, string> = noEnv): boolean {
  const tmp = useTempDir();
  writeTree(tmp.path, { 'config/IS_DEBUG.yaml': yaml });
  return isDebug({ dir: tmp.join('config'), env });
}

describe('isDebug: IS_DEBUG.yaml', () => {
  const truthy = [
    'true',
    'True',
    'TRUE',
    '"true"',
    "'yes'",
    'yes',
    'Yes',
    'on',
    '1',
    '"1"',
    '" TRUE "',
  ];
  const falsy = [
    'false',
    'False',
    '"false"',
    '"no"',
    'no',
    'off',
    '0',
    '"0"',
    '""',
    '~',
    'null',
    '',
  ];

  it.each(truthy)('IS_DEBUG: %s is true', (v) => {
    expect(debugWith(`IS_DEBUG: ${v}\n`)).toBe(true);
  });

  it.each(falsy)('IS_DEBUG: %s is false', (v) => {
    expect(debugWith(`IS_DEBUG: ${v}\n`)).toBe(false);
  });

  it('is false with the string "false" (the original treated it as true, B17)', () => {
    expect(debugWith('IS_DEBUG: "false"\n')).toBe(false);
  });

  it('is false for an empty file, a file without the key, and no file at all', () => {
    expect(debugWith('')).toBe(false);
    expect(debugWith('# IS_DEBUG: true\n')).toBe(false);
    expect(debugWith('OTHER: true\n')).toBe(false);
    const tmp = useTempDir();
    writeTree(tmp.path, { 'config/A.yaml': 'a: 1\n' });
    expect(isDebug({ dir: tmp.join('config'), env: noEnv })).toBe(false);
    expect(isDebug({ dir: tmp.join('missing'), env: noEnv })).toBe(false);
  });

  it('reads IS_DEBUG.yml too', () => {
    const tmp = useTempDir();
    writeTree(tmp.path, { 'config/IS_DEBUG.yml': 'IS_DEBUG: true\n' });
    expect(isDebug({ dir: tmp.join('config'), env: noEnv })).toBe(true);
  });

  it.each(['maybe', '2', '[true]', '{a: 1}', '-1', '0.5'])(
    'IS_DEBUG: %s is an error, not a guess',
    (v) => {
      const tmp = useTempDir();
      writeTree(tmp.path, { 'config/IS_DEBUG.yaml': `IS_DEBUG: ${v}\n` });
      const err = catchConfigError(() => isDebug({ dir: tmp.join('config'), env: noEnv }));
      expect(err.code).toBe('CONFIG_BAD_DEBUG_FLAG');
      expect(err.file).toBe(tmp.join('config', 'IS_DEBUG.yaml'));
      expect(err.message).toMatch(/IS_DEBUG is .* not a yes\/no value; use true or false/);
    },
  );

  it('wants a mapping: a bare "true" gets a message saying what to write', () => {
    const tmp = useTempDir();
    writeTree(tmp.path, { 'config/IS_DEBUG.yaml': 'true\n' });
    const err = catchConfigError(() => isDebug({ dir: tmp.join('config'), env: noEnv }));
    expect(err.code).toBe('CONFIG_NOT_A_MAPPING');
    expect(err.message).toContain('expected a mapping like "IS_DEBUG: true"');
  });

  it('refuses a config dir that is a file', () => {
    const tmp = useTempDir();
    writeFileSync(tmp.join('config'), '');
    expect(catchConfigError(() => isDebug({ dir: tmp.join('config') })).code).toBe(
      'CONFIG_DIR_NOT_A_DIRECTORY',
    );
  });
});

describe('isDebug: SCITEX_DEBUG', () => {
  it.each(['1', 'true', 'TRUE', 'yes', 'on'])('SCITEX_DEBUG=%s turns debug on', (v) => {
    const tmp = useTempDir();
    expect(isDebug({ dir: tmp.join('none'), env: { SCITEX_DEBUG: v } })).toBe(true);
  });

  it.each(['0', 'false', 'no', 'off', ''])('SCITEX_DEBUG=%s leaves it off', (v) => {
    const tmp = useTempDir();
    expect(isDebug({ dir: tmp.join('none'), env: { SCITEX_DEBUG: v } })).toBe(false);
  });

  it('either source switches debug on', () => {
    expect(debugWith('IS_DEBUG: false\n', { SCITEX_DEBUG: '1' })).toBe(true);
    expect(debugWith('IS_DEBUG: true\n', { SCITEX_DEBUG: '0' })).toBe(true);
  });

  it('refuses an unclear value', () => {
    const tmp = useTempDir();
    const err = catchConfigError(() =>
      isDebug({ dir: tmp.join('none'), env: { SCITEX_DEBUG: 'maybe' } }),
    );
    expect(err.code).toBe('CONFIG_BAD_DEBUG_FLAG');
    expect(err.message).toContain('SCITEX_DEBUG="maybe"');
  });

  it('ignores CI=True (the original turned on substitution but not the ID prefix, B17)', () => {
    const tmp = useTempDir();
    expect(isDebug({ dir: tmp.join('none'), env: { CI: 'True' } })).toBe(false);
  });

  it('reads process.env by default', () => {
    const tmp = useTempDir();
    const before = process.env['SCITEX_DEBUG'];
    process.env['SCITEX_DEBUG'] = '1';
    try {
      expect(isDebug({ dir: tmp.join('none') })).toBe(true);
      expect(loadConfigs({ dir: tmp.join('none') }).debug).toBe(true);
    } finally {
      if (before === undefined) delete process.env['SCITEX_DEBUG'];
      else process.env['SCITEX_DEBUG'] = before;
    }
  });
});

describe('parseDebugFlag', () => {
  it('maps every spelling and refuses the rest', () => {
    expect([true, 1, 'yes', 'On', ' 1 '].map(parseDebugFlag)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([false, 0, null, undefined, 'No', 'off', ''].map(parseDebugFlag)).toEqual(
      Array(7).fill(false),
    );
    expect(['maybe', 2, {}, [], new Date(0)].map(parseDebugFlag)).toEqual(Array(5).fill(undefined));
  });
});
