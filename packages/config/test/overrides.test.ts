import { describe, expect, it } from 'vitest';
import {
  applyOverrides,
  formatOverrideEnv,
  parseOverrideEnv,
  parseOverrides,
  parseOverrideValue,
} from '../src/index.ts';
import { catchConfigError } from './helpers.ts';

const base = (): Record<string, unknown> => ({
  PARAMS: { lr: 0.01, layers: [64, 32], opt: { name: 'adam', beta: 0.9 } },
  ARGS: { epochs: 10 },
  SEED: 42,
});

describe('parseOverrides', () => {
  it('parses KEY=VALUE and +KEY=VALUE with YAML scalar values', () => {
    const got = parseOverrides(
      ['PARAMS.lr=0.1', '+PARAMS.wd=1e-4', 'a=true', 'b=null', "c='7'", 'd=[1, 2]', 'e=', 'f=x=y'],
      '--set',
    );
    expect(got.map((o) => [o.key, o.value, o.add])).toEqual([
      ['PARAMS.lr', 0.1, false],
      ['PARAMS.wd', '1e-4', true], // YAML 1.1 (PyYAML): a float needs a dot, 1.0e-4
      ['a', true, false],
      ['b', null, false],
      ['c', '7', false],
      ['d', [1, 2], false],
      ['e', '', false],
      ['f', 'x=y', false],
    ]);
    expect(got[0]).toMatchObject({ text: '0.1', source: '--set' });
  });

  it('keeps text that YAML would read as a block mapping, list or comment as a string', () => {
    expect(parseOverrideValue('a: b')).toBe('a: b');
    expect(parseOverrideValue('- x')).toBe('- x');
    expect(parseOverrideValue('#1')).toBe('#1');
    expect(parseOverrideValue('{a: 1}')).toEqual({ a: 1 });
    expect(parseOverrideValue('2025-01-02')).toBeInstanceOf(Date);
  });

  it('refuses items without "=", malformed keys and invalid YAML', () => {
    for (const bad of ['PARAMS.lr', '=1', 'a..b=1', '.a=1', 'a.=1', 'a b=1', '+=1']) {
      const err = catchConfigError(() => parseOverrides([bad], '--set'));
      expect(err.code, bad).toBe('CONFIG_BAD_OVERRIDE');
      expect(err.message).toContain('--set');
    }
    expect(catchConfigError(() => parseOverrides(['a=[1, 2'], '--set')).code).toBe(
      'CONFIG_BAD_OVERRIDE',
    );
    expect(catchConfigError(() => parseOverrides([3 as unknown as string], 'x')).code).toBe(
      'CONFIG_BAD_OVERRIDE',
    );
  });

  it('refuses __proto__, constructor and prototype segments, also inside values', () => {
    for (const bad of [
      '__proto__.x=1',
      'a.constructor=1',
      '+a.prototype.b=1',
      'a={__proto__: 1}',
    ]) {
      expect(catchConfigError(() => parseOverrides([bad], '--set')).code, bad).toBe(
        'CONFIG_FORBIDDEN_KEY',
      );
    }
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
});

describe('parseOverrideEnv', () => {
  it('reads a JSON array of KEY=VALUE strings, values with newlines included', () => {
    const text = formatOverrideEnv(['PARAMS.lr=0.1', 'PARAMS.note="a\\nb"', '+x=1']);
    const got = parseOverrideEnv(text);
    expect(got.map((o) => [o.key, o.value, o.source])).toEqual([
      ['PARAMS.lr', 0.1, 'SCITEX_SET'],
      ['PARAMS.note', 'a\nb', 'SCITEX_SET'],
      ['x', 1, 'SCITEX_SET'],
    ]);
  });

  it('reads one KEY=VALUE per line, skipping blank and # lines', () => {
    const got = parseOverrideEnv('PARAMS.lr=0.1\r\n\n# a comment\n  ARGS.epochs=3  \n');
    expect(got.map((o) => [o.key, o.value])).toEqual([
      ['PARAMS.lr', 0.1],
      ['ARGS.epochs', 3],
    ]);
  });

  it('gives nothing for unset or blank, and an error for bad JSON', () => {
    expect(parseOverrideEnv(undefined)).toEqual([]);
    expect(parseOverrideEnv('  \n')).toEqual([]);
    expect(catchConfigError(() => parseOverrideEnv('["a=1"')).code).toBe('CONFIG_BAD_OVERRIDE');
    expect(catchConfigError(() => parseOverrideEnv('[1, 2]')).code).toBe('CONFIG_BAD_OVERRIDE');
  });
});

describe('applyOverrides', () => {
  it('sets existing keys at any depth without touching the input', () => {
    const config = base();
    const frozen = JSON.stringify(config);
    const { config: out, applied } = applyOverrides(
      config,
      parseOverrides(
        ['PARAMS.lr=0.1', 'PARAMS.opt.name=sgd', 'PARAMS.layers.1=16', 'ARGS.epochs=3'],
        '--set',
      ),
    );
    expect(JSON.stringify(config)).toBe(frozen);
    expect(out).toEqual({
      PARAMS: { lr: 0.1, layers: [64, 16], opt: { name: 'sgd', beta: 0.9 } },
      ARGS: { epochs: 3 },
      SEED: 42,
    });
    expect(applied).toEqual([
      { key: 'PARAMS.lr', value: 0.1, source: '--set', added: false },
      { key: 'PARAMS.opt.name', value: 'sgd', source: '--set', added: false },
      { key: 'PARAMS.layers.1', value: 16, source: '--set', added: false },
      { key: 'ARGS.epochs', value: 3, source: '--set', added: false },
    ]);
    // Untouched branches are shared, changed ones are copies.
    expect((out['PARAMS'] as Record<string, unknown>)['opt']).not.toBe(
      (config['PARAMS'] as Record<string, unknown>)['opt'],
    );
    expect(out['SEED']).toBe(42);
  });

  it('refuses an unknown key, naming it and its close matches', () => {
    const err = catchConfigError(() =>
      applyOverrides(base(), parseOverrides(['PARAMS.lrr=0.1'], '--set')),
    );
    expect(err.code).toBe('CONFIG_UNKNOWN_OVERRIDE');
    expect(err.message).toContain('"PARAMS.lrr"');
    expect(err.message).toContain('Did you mean "PARAMS.lr"');
    expect(err.message).toContain('+PARAMS.lrr=0.1');
    const far = catchConfigError(() => applyOverrides(base(), parseOverrides(['zzzzzz=1'], 'X')));
    expect(far.code).toBe('CONFIG_UNKNOWN_OVERRIDE');
    expect(far.message).not.toContain('Did you mean');
    // Case-insensitive equality is the first suggestion.
    const seed = catchConfigError(() => applyOverrides(base(), parseOverrides(['seed=1'], 'X')));
    expect(seed.message).toContain('Did you mean "SEED"');
  });

  it('adds +KEY=VALUE keys, creating intermediate mappings', () => {
    const { config, applied } = applyOverrides(
      base(),
      parseOverrides(['+PARAMS.sched.kind=cos', '+NEW=1', '+PARAMS.lr=0.5'], 'SCITEX_SET'),
    );
    expect(config['NEW']).toBe(1);
    expect(config['PARAMS']).toMatchObject({ sched: { kind: 'cos' }, lr: 0.5 });
    expect(applied.map((a) => [a.key, a.added])).toEqual([
      ['PARAMS.sched.kind', true],
      ['NEW', true],
      ['PARAMS.lr', false],
    ]);
  });

  it('lets a later override of a key win and records it once', () => {
    const env = parseOverrideEnv('["PARAMS.lr=0.1", "+X=1"]');
    const cli = parseOverrides(['PARAMS.lr=0.2', 'X=2'], '--set');
    const { config, applied } = applyOverrides(base(), [...env, ...cli]);
    expect((config['PARAMS'] as Record<string, unknown>)['lr']).toBe(0.2);
    expect(applied).toEqual([
      { key: 'PARAMS.lr', value: 0.2, source: '--set', added: false },
      { key: 'X', value: 2, source: '--set', added: true },
    ]);
  });

  it('maps aliases to their target key', () => {
    const { config, applied } = applyOverrides(base(), parseOverrides(['seed=7'], '--set'), {
      aliases: { seed: 'SEED' },
    });
    expect(config['SEED']).toBe(7);
    expect(applied[0]!.key).toBe('SEED');
  });

  it('refuses a path through a scalar or past the end of a list', () => {
    expect(
      catchConfigError(() => applyOverrides(base(), parseOverrides(['+PARAMS.lr.x=1'], 'X'))).code,
    ).toBe('CONFIG_BAD_OVERRIDE');
    expect(
      catchConfigError(() => applyOverrides(base(), parseOverrides(['+PARAMS.layers.5=1'], 'X')))
        .code,
    ).toBe('CONFIG_BAD_OVERRIDE');
    expect(
      catchConfigError(() => applyOverrides(base(), parseOverrides(['PARAMS.layers.5=1'], 'X')))
        .code,
    ).toBe('CONFIG_UNKNOWN_OVERRIDE');
  });

  it('never reaches a prototype, whatever the key', () => {
    const forged = [{ key: '__proto__.polluted', value: 1, text: '1', add: true, source: 'X' }];
    expect(catchConfigError(() => applyOverrides(base(), forged)).code).toBe(
      'CONFIG_FORBIDDEN_KEY',
    );
    const { config } = applyOverrides(
      { toString: { a: 1 } } as Record<string, unknown>,
      parseOverrides(['toString.a=2', '+hasOwnProperty=3'], 'X'),
    );
    expect(config['toString']).toEqual({ a: 2 });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // Inherited names are not keys of the config.
    expect(
      catchConfigError(() => applyOverrides(base(), parseOverrides(['valueOf=1'], 'X'))).code,
    ).toBe('CONFIG_UNKNOWN_OVERRIDE');
  });
});
