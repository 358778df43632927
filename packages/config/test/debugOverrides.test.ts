import { useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { applyDebugOverrides, loadConfigs } from '../src/index.ts';
import { writeTree } from './helpers.ts';

describe('applyDebugOverrides', () => {
  it('overrides x with DEBUG_x or debug_x and keeps the DEBUG_ key', () => {
    expect(applyDebugOverrides({ lr: 0.1, DEBUG_lr: 0.5, epochs: 100, debug_epochs: 1 })).toEqual({
      lr: 0.5,
      DEBUG_lr: 0.5,
      epochs: 1,
      debug_epochs: 1,
    });
  });

  it('wins whatever the key order', () => {
    const before = applyDebugOverrides({ DEBUG_n: 1, n: 1000 });
    const after = applyDebugOverrides({ n: 1000, DEBUG_n: 1 });
    expect(before['n']).toBe(1);
    expect(after['n']).toBe(1);
    // Key order is kept as written.
    expect(Object.keys(before)).toEqual(['DEBUG_n', 'n']);
  });

  it('works at any depth and inside lists of mappings', () => {
    const input = {
      model: { encoder: { layers: 12, DEBUG_layers: 1 } },
      stages: [
        { name: 'warmup', steps: 1000, debug_steps: 2 },
        { name: 'main', steps: 90000, DEBUG_steps: 3, nested: [[{ k: 'x', DEBUG_k: 'y' }]] },
        'plain',
        7,
      ],
    };
    expect(applyDebugOverrides(input)).toEqual({
      model: { encoder: { layers: 1, DEBUG_layers: 1 } },
      stages: [
        { name: 'warmup', steps: 2, debug_steps: 2 },
        {
          name: 'main',
          steps: 3,
          DEBUG_steps: 3,
          nested: [[{ k: 'y', DEBUG_k: 'y' }]],
        },
        'plain',
        7,
      ],
    });
  });

  it('applies overrides inside an override value, and replaces mappings whole', () => {
    const out = applyDebugOverrides({
      data: { path: '/big', n: 1e6 },
      DEBUG_data: { path: '/small', DEBUG_path: '/tiny' },
    });
    expect(out['data']).toEqual({ path: '/tiny', DEBUG_path: '/tiny' });
  });

  it('adds x when only DEBUG_x exists, and lets DEBUG_x beat debug_x', () => {
    expect(applyDebugOverrides({ DEBUG_only: 1 })).toEqual({ DEBUG_only: 1, only: 1 });
    expect(applyDebugOverrides({ DEBUG_x: 'upper', x: 0, debug_x: 'lower' })['x']).toBe('upper');
    expect(
      applyDebugOverrides<Record<string, unknown>>({ debug_x: 'lower', DEBUG_x: 'upper' })['x'],
    ).toBe('upper');
  });

  it('leaves other prefixes and the bare prefix alone', () => {
    const input = { Debug_x: 1, DEBUGx: 2, DEBUG_: 3, x: 0, mydebug_x: 4 };
    expect(applyDebugOverrides(input)).toEqual(input);
  });

  it('does not modify its input', () => {
    const input = { a: { x: 1, DEBUG_x: 2 }, list: [{ y: 1, debug_y: 2 }] };
    const copy = structuredClone(input);
    applyDebugOverrides(input);
    expect(input).toEqual(copy);
  });

  it('passes scalars and Dates through', () => {
    const d = new Date(0);
    expect(applyDebugOverrides(5)).toBe(5);
    expect(applyDebugOverrides({ d })['d']).toBe(d);
  });
});

describe('loadConfigs in debug mode', () => {
  const files = {
    'config/MODEL.yaml':
      'DEBUG_batch: 2\nbatch: 256\nlayers:\n  - size: 512\n    DEBUG_size: 8\n  - size: 256\n    debug_size: 4\n',
    'config/PATH.yaml': 'data: /big\nDEBUG_data: /small\n',
  };

  it('substitutes when IS_DEBUG.yaml says so', () => {
    const tmp = useTempDir();
    writeTree(tmp.path, { ...files, 'config/IS_DEBUG.yaml': 'IS_DEBUG: true\n' });
    const { config, debug } = loadConfigs({ dir: tmp.join('config') });
    expect(debug).toBe(true);
    expect(config['MODEL']).toEqual({
      DEBUG_batch: 2,
      batch: 2,
      layers: [
        { size: 8, DEBUG_size: 8 },
        { size: 4, debug_size: 4 },
      ],
    });
    expect(config['PATH']).toEqual({ data: '/small', DEBUG_data: '/small' });
    expect(config['IS_DEBUG']).toEqual({ IS_DEBUG: true });
  });

  it('does not substitute otherwise, and the debug option overrides the file', () => {
    const tmp = useTempDir();
    writeTree(tmp.path, { ...files, 'config/IS_DEBUG.yaml': 'IS_DEBUG: "false"\n' });
    const off = loadConfigs({ dir: tmp.join('config') });
    expect(off.debug).toBe(false);
    expect((off.config['PATH'] as { data: string }).data).toBe('/big');
    const forced = loadConfigs({ dir: tmp.join('config'), debug: true });
    expect(forced.debug).toBe(true);
    expect((forced.config['PATH'] as { data: string }).data).toBe('/small');
  });
});
