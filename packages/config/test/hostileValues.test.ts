/**
 * Whatever a CONFIG holds, saveConfig writes a bounded snapshot and keeps everything it
 * can: large values as summaries, unreadable ones as markers, each with a note.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { useTempDir } from '@scitex/test-utils';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadSavedConfig, saveConfig } from '../src/index.ts';
import { MAX_DEPTH, MAX_SNAPSHOT_CHARS } from '../src/snapshotLimits.ts';

const MB = 1024 * 1024;

function save(config: Record<string, unknown>): {
  back: Record<string, unknown>;
  notes: Record<string, string>;
  jsonBytes: number;
  yamlText: string;
} {
  const tmp = useTempDir();
  const paths = saveConfig(config, tmp.path, { fsync: false });
  const json = JSON.parse(readFileSync(paths.json, 'utf8')) as {
    $scitex: { notes?: Record<string, string> };
  };
  const yamlText = readFileSync(paths.yaml, 'utf8');
  yaml.load(yamlText); // the human file always parses
  return {
    back: loadSavedConfig(tmp.path),
    notes: json.$scitex.notes ?? {},
    jsonBytes: statSync(paths.json).size,
    yamlText,
  };
}

const ordinary = () => ({
  ID: 'run-1',
  lr: 0.01,
  when: new Date('2025-11-18T07:53:37Z'),
  seeds: [1n, 2n],
  small: new Float64Array([1.5, NaN, -0]),
  tags: new Set(['a', 'b']),
  nested: { deep: { x: [1, 'two', null] } },
});

describe('large values are saved as a summary', () => {
  it(
    'a Float64Array(1e7): a small file with type, length, sha256 and the first values',
    { timeout: 60_000 },
    () => {
      const big = new Float64Array(1e7);
      for (let i = 0; i < 20; i++) big[i] = i / 2;
      const config = { ...ordinary(), data: { weights: big } };
      const { back, notes, jsonBytes, yamlText } = save(config);
      expect(jsonBytes).toBeLessThan(64 * 1024);
      const sha256 = createHash('sha256').update(new Uint8Array(big.buffer)).digest('hex');
      expect(back['data']).toEqual({
        weights: {
          $summary: 'Float64Array',
          length: 1e7,
          bytes: 8e7,
          sha256,
          head: [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5],
        },
      });
      expect(notes['/data/weights']).toBe('a Float64Array of 10000000 items, saved as a summary');
      expect(yamlText).toContain('#   /data/weights: a Float64Array of 10000000 items');
      // Everything else comes back exactly.
      const { data: _, ...rest } = back;
      const { data: __, ...want } = config;
      expect(rest).toEqual(want);
    },
  );

  it('a 1e7-item array, a 100 MB string, huge Map, Set and Buffer', { timeout: 60_000 }, () => {
    const text = 'x'.repeat(100 * MB);
    const config = {
      ...ordinary(),
      list: Array.from({ length: 1e7 }, (_, i) => i),
      text,
      map: new Map(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, i])),
      set: new Set(Array.from({ length: 200_000 }, (_, i) => i)),
      buf: Buffer.alloc(10 * MB, 7),
      obj: Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, i])),
    };
    const { back, notes, jsonBytes } = save(config);
    expect(jsonBytes).toBeLessThan(64 * 1024);
    expect(back['list']).toEqual({
      $summary: 'Array',
      length: 1e7,
      head: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    });
    expect(back['text']).toMatchObject({
      $summary: 'string',
      length: 100 * MB,
      bytes: 100 * MB,
      sha256: createHash('sha256').update(text).digest('hex'),
    });
    expect(back['map']).toMatchObject({ $summary: 'Map', length: 200_000 });
    expect((back['map'] as { head: unknown[] }).head[0]).toEqual(['k0', 0]);
    expect(back['set']).toMatchObject({ $summary: 'Set', length: 200_000 });
    expect(back['buf']).toMatchObject({ $summary: 'Buffer', length: 10 * MB, bytes: 10 * MB });
    expect(back['obj']).toMatchObject({ $summary: 'Object', length: 200_000 });
    expect(Object.keys(notes).sort()).toEqual(['/buf', '/list', '/map', '/obj', '/set', '/text']);
    for (const k of Object.keys(ordinary())) {
      expect(back[k]).toEqual((config as Record<string, unknown>)[k]);
    }
  });
});

describe('values that cannot be read are skipped with a note', () => {
  it('a revoked Proxy, a throwing getter, a throwing toJSON: the rest is saved', () => {
    const { proxy, revoke } = Proxy.revocable({ a: 1 }, {});
    revoke();
    const config = {
      ...ordinary(),
      handle: proxy,
      model: {
        ok: 1,
        get broken(): number {
          throw new Error('boom');
        },
      },
      opt: {
        toJSON() {
          throw new RangeError('nope');
        },
      },
    };
    const { back, notes, yamlText } = save(config);
    expect(back['handle']).toMatch(/^\[Unreadable: TypeError: .*revoked/);
    expect(back['model']).toEqual({ ok: 1, broken: '[Unreadable: Error: boom]' });
    expect(back['opt']).toBe('[Unreadable: RangeError: nope]');
    expect(Object.keys(notes)).toEqual(['/handle', '/model/broken', '/opt']);
    expect(notes['/model/broken']).toBe('could not be read (Error: boom)');
    expect(yamlText).toContain('#   /model/broken: could not be read (Error: boom)');
    for (const k of Object.keys(ordinary())) {
      expect(back[k]).toEqual((config as Record<string, unknown>)[k]);
    }
  });

  it('a Proxy whose every trap throws, at any place', () => {
    const evil = new Proxy(
      {},
      Object.fromEntries(
        ['get', 'has', 'ownKeys', 'getPrototypeOf', 'getOwnPropertyDescriptor'].map((t) => [
          t,
          () => {
            throw new Error(`trap ${t}`);
          },
        ]),
      ),
    );
    const { back } = save({ a: evil, list: [1, evil], map: new Map([['k', evil]]), ok: true });
    expect(back['a']).toBe('[Unreadable: Error: trap getPrototypeOf]');
    expect(back['list']).toEqual([1, '[Unreadable: Error: trap getPrototypeOf]']);
    expect(back['map']).toEqual(new Map([['k', '[Unreadable: Error: trap getPrototypeOf]']]));
    expect(back['ok']).toBe(true);
  });
});

describe('shape limits', () => {
  it('nesting 1e5 levels deep is cut at MAX_DEPTH with a note', () => {
    let deep: Record<string, unknown> = { end: true };
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    const { back, notes } = save({ deep, ok: 1 });
    let node = back['deep'] as Record<string, unknown> | string;
    let depth = 0;
    while (typeof node === 'object') {
      node = node['d'] as Record<string, unknown> | string;
      depth++;
    }
    expect(depth).toBe(MAX_DEPTH);
    expect(node).toBe(`[Not saved: nested more than ${MAX_DEPTH} levels deep]`);
    expect(Object.values(notes)).toEqual([`nested more than ${MAX_DEPTH} levels deep, not saved`]);
    expect(back['ok']).toBe(1);
  });

  it('a toJSON that returns a new object forever is cut at MAX_DEPTH', () => {
    class Endless {
      toJSON(): unknown {
        return new Endless();
      }
    }
    const { back } = save({ e: new Endless(), ok: 1 });
    expect(back['e']).toBe(`[Not saved: nested more than ${MAX_DEPTH} levels deep]`);
  });

  it('an object shared 2^40 ways (an alias bomb built in code) stops at the size limit', () => {
    let shared: unknown[] = ['lol'];
    for (let i = 0; i < 40; i++) shared = [shared, shared];
    const { back, notes, jsonBytes } = save({ ok: 1, bomb: shared, after: 2 });
    expect(jsonBytes).toBeLessThan(2 * MAX_SNAPSHOT_CHARS);
    expect(back['ok']).toBe(1);
    // Values are saved in order until the snapshot is full; what did not fit is noted.
    expect(Object.values(notes).some((n) => n.includes('size limit'))).toBe(true);
    expect(notes['/']).toBe(
      'only 2 of 3 entries saved: the snapshot reached its size limit (16 MiB)',
    );
  });
});

/** Names a hostile value; made into the value only inside the property (fast-check inspects what it generates). */
class Hostile {
  constructor(readonly kind: string) {}
}

/** `tree` with every Hostile replaced by the value it names. */
function materialize(tree: unknown): unknown {
  if (tree instanceof Hostile) return make(tree.kind);
  if (Array.isArray(tree)) return tree.map(materialize);
  if (
    tree !== null &&
    typeof tree === 'object' &&
    Object.getPrototypeOf(tree) === Object.prototype
  ) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(tree)) {
      Object.defineProperty(out, k, {
        value: materialize((tree as Record<string, unknown>)[k]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return tree;
}

/** Values chosen to break a serialiser. */
const hostile: fc.Arbitrary<unknown> = fc
  .constantFrom(
    'revoked',
    'getter',
    'toJSON',
    'traps',
    'cycle',
    'dag',
    'deep',
    'symbolKey',
    'bigint',
    'function',
    'bigTyped',
    'longString',
    'mapObjectKeys',
  )
  .map((kind) => new Hostile(kind));

function make(kind: string): unknown {
  switch (kind) {
    case 'revoked': {
      const r = Proxy.revocable({}, {});
      r.revoke();
      return r.proxy;
    }
    case 'getter':
      return Object.defineProperty({}, 'x', {
        enumerable: true,
        get() {
          throw new Error('getter');
        },
      });
    case 'toJSON':
      return {
        toJSON() {
          throw Symbol('not even an Error');
        },
      };
    case 'traps':
      return new Proxy([], {
        getPrototypeOf() {
          throw null;
        },
      });
    case 'cycle': {
      const o: Record<string, unknown> = {};
      o['self'] = o;
      o['list'] = [o];
      return o;
    }
    case 'dag': {
      let s: unknown[] = [1];
      for (let i = 0; i < 14; i++) s = [s, s];
      return s;
    }
    case 'deep': {
      let d: unknown = 0;
      for (let i = 0; i < 5000; i++) d = [d];
      return d;
    }
    case 'symbolKey':
      return { [Symbol('s')]: 1, plain: 2 };
    case 'bigint':
      return 2n ** 200n;
    case 'function':
      return () => 1;
    case 'bigTyped':
      return new Float32Array(100_000);
    case 'longString':
      return 'y'.repeat(2 * MB);
    default:
      return new Map<unknown, unknown>([[{ k: 1 }, new Set([1])]]);
  }
}

describe('property: saveConfig never throws on hostile trees and stays bounded', () => {
  it('holds for random trees with hostile values anywhere', { timeout: 120_000 }, () => {
    const key = fc.string({ maxLength: 6 }).filter((k) => k !== '$scitex');
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.anything({ maxDepth: 2, withBigInt: true, withDate: true, withMap: true }),
        hostile,
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    const tmp = useTempDir();
    fc.assert(
      fc.property(fc.dictionary(key, tree, { maxKeys: 6 }), (spec) => {
        const config = materialize(spec) as Record<string, unknown>;
        const paths = saveConfig(config, tmp.path, { fsync: false });
        expect(statSync(paths.json).size).toBeLessThan(2 * MAX_SNAPSHOT_CHARS);
        expect(statSync(paths.yaml).size).toBeLessThan(2 * MAX_SNAPSHOT_CHARS);
        loadSavedConfig(tmp.path); // and it reads back
      }),
      { numRuns: 60 },
    );
  });
});
