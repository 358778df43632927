import { useTempDir } from '@scitex/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { applyDebugOverrides, loadConfigs, loadSavedConfig, saveConfig } from '../src/index.ts';
import { catchConfigError, writeTree } from './helpers.ts';

function expectCleanPrototype(): void {
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  expect(([] as unknown as Record<string, unknown>)['polluted']).toBeUndefined();
}

afterEach(() => {
  // Never let one test's pollution hide in another's result.
  delete (Object.prototype as Record<string, unknown>)['polluted'];
});

describe('prototype pollution through config files', () => {
  const refused: [string, string, number][] = [
    ['a __proto__ key', '__proto__:\n  polluted: 1\n', 1],
    ['a quoted __proto__ key', 'safe: 1\n"__proto__": {polluted: 1}\n', 2],
    ['a nested __proto__ key', 'a:\n  b:\n    __proto__: {polluted: 1}\n', 3],
    ['__proto__ in a flow mapping', 'a: {x: 1, __proto__: {polluted: 1}}\n', 1],
    ['__proto__ in a list item', 'l:\n  - __proto__: {polluted: 1}\n', 2],
    ['a << merge of a __proto__ mapping', 'x:\n  <<: {__proto__: {polluted: 1}}\n', 2],
    [
      'a << merge of an anchored __proto__ mapping',
      'base: &b\n  ok: 1\nevil: &e\n  __proto__: {polluted: 1}\nx:\n  <<: [*b, *e]\n',
      4,
    ],
  ];

  it.each(refused)('refuses %s with the line, leaving Object.prototype clean', (_n, yaml, line) => {
    const tmp = useTempDir();
    writeTree(tmp.path, { 'config/EVIL.yaml': yaml });
    const err = catchConfigError(() => loadConfigs({ dir: tmp.join('config') }));
    expect(err.code).toBe('CONFIG_FORBIDDEN_KEY');
    expect(err.line).toBe(line);
    expect(err.message).toContain('"__proto__" is not allowed');
    expectCleanPrototype();
  });

  it('refuses a file named __proto__.yaml', () => {
    const tmp = useTempDir();
    writeTree(tmp.path, { 'config/__proto__.yaml': 'polluted: 1\n' });
    expect(catchConfigError(() => loadConfigs({ dir: tmp.join('config') })).code).toBe(
      'CONFIG_FORBIDDEN_KEY',
    );
    expectCleanPrototype();
  });

  it('keeps constructor/prototype keys as ordinary data', () => {
    const tmp = useTempDir();
    writeTree(tmp.path, {
      'config/C.yaml': 'constructor:\n  prototype:\n    polluted: 1\nprototype: {polluted: 1}\n',
      'config/M.yaml': 'base: &b\n  constructor: {prototype: {polluted: 1}}\nx:\n  <<: *b\n',
      'config/IS_DEBUG.yaml': 'IS_DEBUG: true\n',
      'config/D.yaml': 'DEBUG_constructor: {prototype: {polluted: 2}}\n',
    });
    const { config } = loadConfigs({ dir: tmp.join('config') });
    expect(config['C']).toEqual({
      constructor: { prototype: { polluted: 1 } },
      prototype: { polluted: 1 },
    });
    const m = config['M'] as Record<string, Record<string, unknown>>;
    expect(Object.keys(m['x']!)).toEqual(['constructor']);
    expect(Object.getPrototypeOf(m['x'])).toBe(Object.prototype);
    expect({}.constructor).toBe(Object);
    expectCleanPrototype();
  });

  it('debug overrides cannot reach a prototype', () => {
    const evil = JSON.parse(
      '{"DEBUG___proto__": {"polluted": 1}, "a": {"__proto__": {"polluted": 1}}}',
    );
    const out = applyDebugOverrides(evil) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(out, '__proto__')).toBe(true);
    expectCleanPrototype();
  });
});

describe('prototype pollution through snapshots', () => {
  it('saving and loading objects with own __proto__ keys never touches a prototype', () => {
    const tmp = useTempDir();
    const config = JSON.parse('{"a": {"__proto__": {"polluted": 1}}, "m": 1}') as Record<
      string,
      unknown
    >;
    config['map'] = new Map([['__proto__', { polluted: 1 }]]);
    saveConfig(config, tmp.path);
    const back = loadSavedConfig(tmp.path);
    const a = back['a'] as Record<string, unknown>;
    expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
    // Like every key starting with "_", it is left out of the snapshot.
    expect(a).toEqual({});
    expect((back['map'] as Map<string, unknown>).get('__proto__')).toEqual({ polluted: 1 });
    expectCleanPrototype();
  });

  it('a hand-crafted CONFIG.json cannot pollute through its type table', () => {
    const tmp = useTempDir();
    writeTree(tmp.path, {
      'CONFIG.json':
        '{"__proto__": {"polluted": 1}, "x": {"constructor": {"prototype": {"polluted": 1}}},' +
        ' "$scitex": {"format": "scitex-config-snapshot", "version": 1,' +
        ' "types": {"/__proto__": "Map", "/x/__proto__": "Set"}, "refs": {"/y": "/__proto__"}}}',
    });
    const back = loadSavedConfig(tmp.path);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expectCleanPrototype();
  });
});
