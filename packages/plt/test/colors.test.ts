import { describe, expect, it } from 'vitest';
import { CC, COLOR_CYCLE, COLORS, createPlt } from '../src/index.ts';

// original-behaviour §9.3
const TABLE: Array<[string, number, number, number, string]> = [
  ['white', 255, 255, 255, '#FFFFFF'],
  ['black', 0, 0, 0, '#000000'],
  ['blue', 0, 128, 192, '#0080C0'],
  ['red', 255, 70, 50, '#FF4632'],
  ['pink', 255, 150, 200, '#FF96C8'],
  ['green', 20, 180, 20, '#14B414'],
  ['yellow', 230, 160, 20, '#E6A014'],
  ['gray', 128, 128, 128, '#808080'],
  ['grey', 128, 128, 128, '#808080'],
  ['purple', 200, 50, 255, '#C832FF'],
  ['lightblue', 20, 200, 200, '#14C8C8'],
  ['brown', 128, 0, 0, '#800000'],
  ['navy', 0, 0, 100, '#000064'],
  ['orange', 228, 94, 50, '#E45E32'],
];

describe('CC / COLORS', () => {
  it('has exactly the 14 named colours of the original, gray and grey both', () => {
    expect(Object.keys(CC).sort()).toEqual(TABLE.map((r) => r[0]).sort());
    for (const [name, r, g, b, hex] of TABLE) {
      const c = CC[name as keyof typeof CC];
      expect(c.hex).toBe(hex);
      expect(c.rgb).toEqual([r, g, b]);
      expect(c.rgba()).toBe(`rgba(${r},${g},${b},0.9)`);
      expect(String(c)).toBe(hex);
    }
    expect(COLORS).toBe(CC);
  });

  it('gives the original normalised tuples with the configured alpha', () => {
    expect(CC.blue.rgbaNorm).toEqual([0, 0.5, 0.75, 0.9]);
    expect(CC.red.rgbaNorm).toEqual([1, 0.27, 0.2, 0.9]);
    expect(CC.navy.rgbaNorm).toEqual([0, 0, 0.39, 0.9]);
    expect(CC.blue.rgba(0.5)).toBe('rgba(0,128,192,0.5)');
  });

  it('follows the instance alpha, also after configure()', () => {
    const plt = createPlt({ alpha: 0.5 });
    expect(plt.CC.blue.rgba()).toBe('rgba(0,128,192,0.5)');
    plt.configure({ alpha: 0.25 });
    expect(plt.CC.blue.rgbaNorm[3]).toBe(0.25);
    expect(plt.COLORS).toBe(plt.CC);
    expect(CC.blue.rgba()).toBe('rgba(0,128,192,0.9)'); // the default instance is untouched
  });

  it('cycles through the 11 cycle colours in the original order', () => {
    expect(COLOR_CYCLE).toEqual([
      'blue',
      'red',
      'pink',
      'green',
      'yellow',
      'gray',
      'purple',
      'lightblue',
      'brown',
      'navy',
      'orange',
    ]);
    const { fig, axes: ax } = createPlt().subplots();
    for (let i = 0; i < 12; i++) ax.plot([0, 1], [i, i]);
    const strokes = (
      fig.toSpec()['concat'] as Array<{ layer: Array<{ mark: { stroke?: string } }> }>
    )[0]!.layer
      .map((l) => l.mark.stroke)
      .filter(Boolean);
    expect(strokes).toEqual([...COLOR_CYCLE.map((n) => CC[n].hex), CC.blue.hex]);
  });
});
