import { useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { loadConfigs, serializeConfig } from '../src/index.ts';
import { expandedSize, MAX_CONFIG_VALUES } from '../src/treeSize.ts';
import { catchConfigError, writeTree } from './helpers.ts';

/** A "billion laughs" file: `levels` lines, each a list of 9 aliases to the line above. */
function bomb(levels: number): string {
  let text = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < levels; i++) {
    const p = `*a${i - 1}`;
    text += `a${i}: &a${i} [${Array(9).fill(p).join(', ')}]\n`;
  }
  return text;
}

describe('a YAML alias bomb in ./config', () => {
  it('is refused with CONFIG_TOO_LARGE naming the file, without expanding it', () => {
    const text = bomb(9); // 9^9 ≈ 387 million strings
    expect(text.length).toBeLessThan(1024);
    const root = writeTree(useTempDir().path, { 'config/BOMB.yaml': text });
    const err = catchConfigError(() => loadConfigs({ dir: `${root}/config` }));
    expect(err.code).toBe('CONFIG_TOO_LARGE');
    expect(err.file).toBe(`${root}/config/BOMB.yaml`);
    expect(err.message).toContain('BOMB.yaml');
    expect(err.message).toContain('aliases');
  });

  it('a file that shares a little through aliases loads, and its snapshot expands it', () => {
    const root = writeTree(useTempDir().path, {
      'config/MODEL.yaml': 'base: &b {lr: 0.1, layers: [1, 2]}\nsmall: *b\nlarge: *b\n',
    });
    const { config } = loadConfigs({ dir: `${root}/config` });
    const json = JSON.parse(serializeConfig(config).jsonText) as Record<string, unknown>;
    expect(json['MODEL']).toEqual({
      base: { lr: 0.1, layers: [1, 2] },
      small: { lr: 0.1, layers: [1, 2] },
      large: { lr: 0.1, layers: [1, 2] },
    });
  });
});

describe('expandedSize', () => {
  it('counts shared objects at every place, cycles once, and stops past the limit', () => {
    const leaf = [1, 2, 3];
    expect(expandedSize({ a: leaf, b: leaf })).toBe(1 + 4 + 4);
    const cyc: Record<string, unknown> = { x: 1 };
    cyc['self'] = cyc;
    expect(expandedSize(cyc)).toBe(3);
    expect(expandedSize('s')).toBe(1);
    let deep: unknown = 0;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(expandedSize(deep)).toBe(100_001); // no stack overflow
    let shared: unknown[] = ['x'];
    for (let i = 0; i < 40; i++) shared = [shared, shared];
    expect(expandedSize(shared, MAX_CONFIG_VALUES)).toBe(MAX_CONFIG_VALUES + 1);
  });
});
