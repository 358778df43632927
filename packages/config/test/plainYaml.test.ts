/**
 * The snapshot YAML written without js-yaml (src/plainYaml.ts) must be the very text
 * js-yaml writes, and must not be taken for values it cannot write that way.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runFixture, useTempDir } from '@scitex/test-utils';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { dumpPlainYaml } from '../src/plainYaml.ts';
import { dumpSnapshotYaml, dumpWithJsYaml, isTimestamp, saveConfig } from '../src/saveConfig.ts';
import { YamlTimestamp } from '../src/snapshotTree.ts';

// The reference: saveConfig's own js-yaml path (its schema and options).
const byJsYaml = dumpWithJsYaml;

// Strings that sit on the edge of a YAML rule, each as a value and as a key.
const EDGE_STRINGS = [
  ...['', ' ', 'a', 'a ', ' a', 'a b', 'a  b', "it's", "'", '"', "''", 'a"b'],
  ...['-', '- a', '-a', 'a-', '--', '---', '...', '?', '? a', '?a', ':', ':a', 'a:', 'a:b', 'a: b'],
  ...['a :b', 'a::b', '::', '#', '#a', 'a#', 'a #b', 'a#b', 'a# b', 'a:#', ',', 'a,b', '[a]'],
  ...['{a}', 'a[0]', '&a', '*a', '!a', '|', '>', '=', '%', '@a', '`a', 'a`', '~', '~a', '<<', '<'],
  ...['null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'FALSE', 'fAlse'],
  ...['y', 'Y', 'yes', 'YES', 'yEs', 'n', 'N', 'no', 'No', 'on', 'ON', 'off', 'Off', 'oFF'],
  ...['0', '00', '-0', '+0', '007', '1_000', '0b', '0b101', '0B101', '0b2', '0x', '0x1F', '0X1F'],
  ...[
    '0xg',
    '0o17',
    '0o8',
    '0O17',
    '-0x1F',
    '+12',
    '1e3',
    '1E3',
    '1e',
    '1.',
    '.5',
    '1.5e-3',
    '+.5',
  ],
  ...['.', '.e3', '1.2.3', '1e999', '-1e999', '9'.repeat(400), '0x' + 'f'.repeat(300), '.inf'],
  ...['-.inf', '+.INF', '.Inf', '.nan', '.NaN', '.NAN', '-.nan', 'inf', 'nan', 'NaN', 'Infinity'],
  ...[
    '1:30',
    '-1:30:00',
    '1:30.5',
    '1_0:3_0',
    '_1:30',
    '__:__',
    '1:',
    ':30',
    '12:30:45',
    '190:20:30.15',
  ],
  ...[
    '2026-11-26',
    '2026-1-26',
    '2026-11-26T10:00:00',
    '2026-11-26 10:00:00',
    '2026-11-26t1:00:00',
  ],
  ...['2026-11-26T10:00:00Z', '2026-11-26T10:00:00.123+09:00', '2026-11-26T10:00:00 -5'],
  ...['2026-11-26T10:00', '2026-11-26X', '20261126', '2026Y-11M-26D-13h51m36s_TZoC'],
  ...['/home/user/exp/run.ts', 'C:\\exp', 'v20.20.0', 'x64', 'linux', 'Intel(R) Xeon(R) CPU'],
  ...['a\tb', 'a\nb', 'a\n', '\n', 'caf\u00e9', '\u00a0', 'a\u2028b', '\u{1F600}', '\ud800'],
  'x'.repeat(1030),
];

describe('dumpPlainYaml', () => {
  it.each(EDGE_STRINGS.map((s) => [JSON.stringify(s).slice(0, 40), s]))(
    'writes the string %s as js-yaml does, as a value and as a key',
    (_, s) => {
      for (const value of [s, { [s]: 1 }, { k: s }, [s], [{ [s]: [s] }]]) {
        const plain = dumpPlainYaml(value, isTimestamp);
        if (plain !== undefined) expect(plain).toBe(byJsYaml(value));
      }
    },
  );

  it('takes printable single-line ASCII strings itself', () => {
    const ascii = EDGE_STRINGS.filter((s) => /^[\x20-\x7e]*$/.test(s) && s.length < 1000);
    expect(ascii.length).toBeGreaterThan(150);
    for (const s of ascii) {
      expect(dumpPlainYaml({ [s]: s }, isTimestamp), JSON.stringify(s)).toBe(byJsYaml({ [s]: s }));
    }
  });

  it('leaves line breaks, tabs, non-ASCII text and keys over 1024 characters to js-yaml', () => {
    for (const s of ['a\tb', 'a\nb', 'caf\u00e9', '\u{1F600}', '\ud800', '\u0085', '\x7f']) {
      expect(dumpPlainYaml({ k: s }, isTimestamp), JSON.stringify(s)).toBeUndefined();
      expect(dumpPlainYaml({ [s]: 1 }, isTimestamp), JSON.stringify(s)).toBeUndefined();
    }
    expect(dumpPlainYaml({ ['x'.repeat(1030)]: 1 }, isTimestamp)).toBeUndefined();
    expect(dumpPlainYaml({ ['x'.repeat(1024)]: 1 }, isTimestamp)).toBe(
      byJsYaml({ ['x'.repeat(1024)]: 1 }),
    );
  });

  it('leaves objects that are not plain to js-yaml', () => {
    for (const v of [new Date(0), new Map(), new (class A {})(), Buffer.from('a'), 1n]) {
      expect(dumpPlainYaml({ k: v }, isTimestamp)).toBeUndefined();
    }
  });

  it('writes numbers, booleans, null, timestamps and empty collections as js-yaml does', () => {
    const numbers = [0, -0, 1, -1, 0.1, -2.5, 1e21, 1e-7, -1.5e-7, 5e-324, 1.7976931348623157e308];
    const value = {
      numbers: [...numbers, NaN, Infinity, -Infinity, 2 ** 53, -(2 ** 53) - 2],
      flags: [true, false],
      nothing: null,
      gone: undefined,
      holes: [1, undefined, , 3], // eslint-disable-line no-sparse-arrays
      when: new YamlTimestamp('2026-11-26T10:00:00.000+09:00'),
      empty: { map: {}, list: [], nested: [[], {}, [[]]] },
      onlyUndefined: { a: undefined },
      proto: Object.assign(Object.create(null) as object, { a: 1 }),
    };
    expect(dumpPlainYaml(value, isTimestamp)).toBe(byJsYaml(value));
  });

  it('writes a session CONFIG as js-yaml does', () => {
    const config = {
      ID: '2026Y-11M-26D-13h51m36s_TZoC',
      PID: 21643,
      START_TIME: new YamlTimestamp('2026-11-26T13:51:36.123+09:00'),
      FILE: '/home/user/exp/train.ts',
      SDIR: '/home/user/exp/train_out/RUNNING/2026Y-11M-26D-13h51m36s_TZoC/',
      ARGS: { lr: 0.001, name: 'baseline run', tags: ['a', 'b'] },
      EXIT_STATUS: null,
      SEED: 42,
      RNG: { seed: 42, streams: { data: { seed: 1234567, draws: 0 } } },
      HOST: { hostname: 'node-07', platform: 'linux', arch: 'x64', node: 'v20.20.0', cpus: 2 },
      DEBUG: false,
      CONFIG_FILES: [],
      MODEL: {
        layers: [
          { units: 64, act: 'relu' },
          { units: 10, act: 'softmax' },
        ],
      },
    };
    const text = dumpPlainYaml(config, isTimestamp);
    expect(text).toBe(byJsYaml(config));
    expect(yaml.load(text!)).toMatchObject({ ID: config.ID, HOST: config.HOST });
  });

  // Generated trees: scalars drawn mostly from characters YAML treats specially.
  const special = fc.constantFrom(...'-?:,[]{}#&*!|=>\'"%@`~<.+_ 0123456789eEbxoTtZnNulLsSfFaiIyY');
  const scalar = fc.oneof(
    fc.string({ unit: special, maxLength: 12 }),
    fc.constantFrom(...EDGE_STRINGS),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'grapheme', maxLength: 6 }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.date({ noInvalidDate: true }).map((d) => new YamlTimestamp(d.toISOString())),
  );
  const key = fc.oneof(fc.string({ unit: special, maxLength: 8 }), fc.string({ maxLength: 8 }));
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar,
      fc.array(tie('tree'), { maxLength: 4 }),
      fc.dictionary(key, tie('tree'), { maxKeys: 4 }),
    ),
  }));

  it('writes exactly what js-yaml writes, whenever it writes anything (generated trees)', () => {
    let taken = 0;
    fc.assert(
      fc.property(tree, (value) => {
        const plain = dumpPlainYaml(value, isTimestamp);
        if (plain === undefined) return;
        taken++;
        expect(plain).toBe(byJsYaml(value));
      }),
      { numRuns: 3000 },
    );
    // Most generated trees are printable ASCII: the fast path must have taken them.
    expect(taken).toBeGreaterThan(1500);
  });

  it('takes every tree of printable single-line ASCII (generated trees)', () => {
    const asciiKey = fc.string({ unit: special, maxLength: 8 });
    const asciiScalar = fc.oneof(
      fc.string({ unit: special, maxLength: 12 }),
      fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }),
      fc.double(),
      fc.boolean(),
    );
    const { asciiTree } = fc.letrec((tie) => ({
      asciiTree: fc.oneof(
        { depthSize: 'small' },
        asciiScalar,
        fc.array(tie('asciiTree'), { maxLength: 4 }),
        fc.dictionary(asciiKey, tie('asciiTree'), { maxKeys: 4 }),
      ),
    }));
    fc.assert(
      fc.property(asciiTree, (value) => {
        expect(dumpPlainYaml(value, isTimestamp)).toBe(byJsYaml(value));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('saveConfig and js-yaml', () => {
  it('writes a snapshot of plain values without loading js-yaml, and loads it for the rest', async () => {
    const tmp = useTempDir();
    const fixture = fileURLToPath(new URL('./fixtures/yamlLoaded.ts', import.meta.url));
    const r = await runFixture(fixture, { args: [tmp.join('plain'), tmp.join('multiline')] });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('after plain: js-yaml not loaded\nafter multi-line: js-yaml loaded\n');
    expect(readFileSync(tmp.join('plain', 'CONFIG.yaml'), 'utf8')).toContain('NAME: run one\n');
    expect(readFileSync(tmp.join('multiline', 'CONFIG.yaml'), 'utf8')).toContain(
      'NOTE: |-\n  line one\n  line two\n',
    );
  });

  it('falls back to js-yaml for the same text it would have written anyway', () => {
    const tree = { NOTE: 'line one\nline two', NAME: 'caf\u00e9', N: 1 };
    expect(dumpSnapshotYaml(tree)).toBe(byJsYaml(tree));
  });

  it('keeps saveConfig output identical for a typical config', () => {
    const tmp = useTempDir();
    const config = { A: 1, B: 'two', C: [1, 2], D: { e: null }, WHEN: new Date(0) };
    saveConfig(config, tmp.path);
    const text = readFileSync(tmp.join('CONFIG.yaml'), 'utf8');
    expect(text.split('\n').slice(1).join('\n')).toMatch(
      /^A: 1\nB: two\nC:\n {2}- 1\n {2}- 2\nD:\n {2}e: null\nWHEN: 19\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\.000[-+]\d\d:\d\d\n$/,
    );
  });
});
