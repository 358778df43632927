import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { useTempDir } from '@scitex/test-utils';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  CIRCULAR,
  isSecretKey,
  loadSavedConfig,
  saveConfig,
  serializeConfig,
} from '../src/index.ts';
import { catchConfigError } from './helpers.ts';

function roundTrip(config: Record<string, unknown>): Record<string, unknown> {
  const tmp = useTempDir();
  saveConfig(config, tmp.path);
  return loadSavedConfig(tmp.path);
}

describe('save → load is faithful', () => {
  it('brings a session CONFIG back, dates as Dates', () => {
    const START_TIME = new Date('2025-11-17T22:53:37.123Z');
    const END_TIME = new Date('2025-11-17T22:55:01.004Z');
    const config = {
      MODEL: { lr: 0.001, layers: [64, 32], schedule: [{ at: 10, lr: 1e-4 }] },
      ID: '2025Y-11M-18D-07h53m37s_Z5MR',
      PID: 4242,
      START_TIME,
      END_TIME,
      RUN_TIME: '00:01:23',
      FILE: '/home/me/exp.ts',
      ARGS: { lr: 0.01, tags: ['a', 'b'], dry: false, none: null },
      EXIT_STATUS: 0,
      SEED: 42,
      HOST: { hostname: 'node1', cpus: 8 },
    };
    const back = roundTrip(config);
    expect(back).toEqual(config);
    expect(back['START_TIME']).toBeInstanceOf(Date);
    expect((back['END_TIME'] as Date).getTime()).toBe(END_TIME.getTime());
    expect(Object.keys(back)).toEqual(Object.keys(config));
  });

  it('keeps Map, Set, BigInt, URL, RegExp, Buffer, typed arrays and special numbers', () => {
    const config = {
      map: new Map<string, unknown>([
        ['b', 1],
        ['a', new Date(0)],
      ]),
      indexMap: new Map([
        ['10', 'x'],
        ['2', 'y'],
      ]),
      objMap: new Map<unknown, unknown>([
        [1, 'one'],
        [{ k: 1 }, new Set([1n])],
        [new Date(5), null],
      ]),
      set: new Set<unknown>(['x', 2, new Date(1)]),
      big: 2n ** 70n,
      neg: -5n,
      url: new URL('https://example.org/a?b=1#c'),
      re: /a\/b[c]/gimsuy,
      buf: Buffer.from([0, 1, 2, 255]),
      bytes: new Uint8Array([1, 2, 3]),
      floats: new Float64Array([1.5, NaN, -Infinity, -0]),
      floats32: new Float32Array([0.25, Infinity]),
      bigs: new BigInt64Array([-1n, 2n ** 62n]),
      ab: new Uint8Array([9, 8]).buffer,
      nums: [NaN, Infinity, -Infinity, -0, 0, 1e308, 5e-324],
      holes: [1, undefined, 3],
      invalid: new Date(NaN),
    };
    const back = roundTrip(config);
    expect(back).toEqual(config);
    expect([...(back['indexMap'] as Map<string, string>).keys()]).toEqual(['10', '2']);
    expect(Object.is((back['nums'] as number[])[3], -0)).toBe(true);
    expect(Object.is((back['floats'] as Float64Array)[3], -0)).toBe(true);
    expect(back['re']).toEqual(/a\/b[c]/gimsuy);
    expect(Buffer.isBuffer(back['buf'])).toBe(true);
    expect(back['bigs']).toBeInstanceOf(BigInt64Array);
    expect(back['ab']).toBeInstanceOf(ArrayBuffer);
    expect(Number.isNaN((back['invalid'] as Date).getTime())).toBe(true);
    expect((back['holes'] as unknown[]).length).toBe(3);
  });

  it('keeps errors with name, message, stack, extra fields and cause', () => {
    const err = Object.assign(new TypeError('bad input', { cause: new Error('root') }), {
      code: 'E_BAD',
    });
    const back = roundTrip({ ERROR: err })['ERROR'] as Error & { code: string };
    expect(back).toBeInstanceOf(Error);
    expect(back.name).toBe('TypeError');
    expect(back.message).toBe('bad input');
    expect(back.stack).toBe(err.stack);
    expect(back.code).toBe('E_BAD');
    expect((back.cause as Error).message).toBe('root');
  });

  it('writes a circular reference as "[Circular]" and restores the reference on load', () => {
    const config: Record<string, unknown> = { name: 'root', child: { items: [] as unknown[] } };
    const child = config['child'] as { items: unknown[]; parent?: unknown; self?: unknown };
    child.parent = config;
    child.self = child;
    child.items.push(child, new Map([['up', config]]));
    const { yamlText, jsonText } = serializeConfig(config);
    expect(yaml.load(yamlText)).toEqual({
      name: 'root',
      child: { items: [CIRCULAR, { up: CIRCULAR }], parent: CIRCULAR, self: CIRCULAR },
    });
    expect(JSON.parse(jsonText).child.parent).toBe('[Circular]');
    const back = roundTrip(config);
    const c = back['child'] as typeof child;
    expect(c.parent).toBe(back);
    expect(c.self).toBe(c);
    expect(c.items[0]).toBe(c);
    expect((c.items[1] as Map<string, unknown>).get('up')).toBe(back);
  });

  it('writes an object shared by two branches twice (only cycles become references)', () => {
    const shared = { x: 1 };
    const back = roundTrip({ a: shared, b: shared });
    expect(back).toEqual({ a: { x: 1 }, b: { x: 1 } });
  });

  it('keeps class instances as their data, using toJSON when there is one', () => {
    class Point {
      constructor(
        public x: number,
        public y: number,
      ) {}
    }
    class Money {
      toJSON(): string {
        return '12.50 EUR';
      }
    }
    expect(roundTrip({ p: new Point(1, 2), m: new Money() })).toEqual({
      p: { x: 1, y: 2 },
      m: '12.50 EUR',
    });
  });

  it('holds for arbitrary data (property test)', () => {
    const key = fc
      .string({ unit: 'binary', maxLength: 8 })
      .filter((k) => !k.startsWith('_') && !isSecretKey(k) && k !== '$scitex');
    const value = fc.anything({
      key,
      maxDepth: 3,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      stringUnit: 'binary',
    });
    const tmp = useTempDir();
    fc.assert(
      fc.property(fc.dictionary(key, value), (config) => {
        saveConfig(config, tmp.path, { fsync: false });
        const back = loadSavedConfig(tmp.path);
        expect(back).toEqual(config);
        // The human file always parses too.
        yaml.load(readFileSync(tmp.join('CONFIG.yaml'), 'utf8'));
      }),
      { numRuns: 150 },
    );
  });
});

describe('loadSavedConfig', () => {
  it('accepts the file, its CONFIGS/ folder or the session folder', () => {
    const tmp = useTempDir();
    saveConfig({ ID: 'x' }, tmp.join('session', 'CONFIGS'));
    for (const p of [
      tmp.join('session', 'CONFIGS', 'CONFIG.json'),
      tmp.join('session', 'CONFIGS'),
      tmp.join('session'),
    ]) {
      expect(loadSavedConfig(p)).toEqual({ ID: 'x' });
    }
  });

  it('reports a missing snapshot as CONFIG_READ_FAILED', () => {
    const tmp = useTempDir();
    mkdirSync(tmp.join('empty'));
    for (const p of [tmp.join('nope.json'), tmp.join('empty')]) {
      const err = catchConfigError(() => loadSavedConfig(p));
      expect(err.code).toBe('CONFIG_READ_FAILED');
    }
  });

  it.each([
    ['truncated JSON', '{"ID": "x", "START', /not valid JSON/],
    ['a YAML file', 'ID: x\n', /not valid JSON/],
    ['a JSON list', '[1, 2]', /top level is not an object/],
    ['a foreign JSON object', '{"ID": "x"}', /was not written by saveConfig/],
    [
      'a newer format',
      '{"$scitex": {"format": "scitex-config-snapshot", "version": 99, "types": {}}}',
      /newer than this @scitex\/config/,
    ],
    [
      'a broken type table',
      '{"$scitex": {"format": "scitex-config-snapshot", "version": 1, "types": []}}',
      /type table is malformed/,
    ],
    [
      'an unknown tag',
      '{"x": 1, "$scitex": {"format": "scitex-config-snapshot", "version": 1, "types": {"/x": "Frob"}}}',
      /unknown type tag "Frob"/,
    ],
    [
      'a value that does not fit its tag',
      '{"x": 1, "$scitex": {"format": "scitex-config-snapshot", "version": 1, "types": {"/x": "BigInt"}}}',
      /\/x: expected a string/,
    ],
    [
      'a bad BigInt',
      '{"x": "1.5", "$scitex": {"format": "scitex-config-snapshot", "version": 1, "types": {"/x": "BigInt"}}}',
      /1\.5/,
    ],
    [
      'a dangling reference',
      '{"x": "[Circular]", "$scitex": {"format": "scitex-config-snapshot", "version": 1, "types": {}, "refs": {"/x": "/nowhere"}}}',
      /points nowhere/,
    ],
  ])('refuses %s as CONFIG_BAD_SNAPSHOT', (_name, text, why) => {
    const tmp = useTempDir();
    writeFileSync(tmp.join('CONFIG.json'), text);
    const err = catchConfigError(() => loadSavedConfig(tmp.path));
    expect(err.code).toBe('CONFIG_BAD_SNAPSHOT');
    expect(err.file).toBe(tmp.join('CONFIG.json'));
    expect(err.message).toMatch(why);
  });
});
