import { describe, expect, it } from 'vitest';
import { CC, createPlt, type Axes } from '../src/index.ts';
import { countColor, overWhite, pixels } from './helpers.ts';

type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function marksOf(spec: Spec): string[] {
  return (spec['concat'][0].layer as Spec[])
    .slice(1)
    .map((l) => (typeof l['mark'] === 'string' ? l['mark'] : l['mark'].type));
}

describe('plot types', () => {
  it('each Axes method adds its layers and its data, and the figure draws', async () => {
    const plt = createPlt({ dpiDisplay: 40 });
    const cases: Array<[string, (ax: Axes) => void, string[]]> = [
      [
        'plot',
        (ax) => ax.plot([1, 2, 3], [1, 4, 9], { marker: 's', linestyle: '--' }),
        ['line', 'point'],
      ],
      ['scatter', (ax) => ax.scatter([1, 2], [3, 4], { s: 10, marker: 'x' }), ['point']],
      [
        'bar',
        (ax) => ax.bar([1, 2], [3, 4], { yerr: [0.5, 1], capsize: 2, edgeColor: 'black' }),
        ['rect', 'rule', 'tick', 'tick'],
      ],
      ['hist', (ax) => ax.hist([1, 2, 2, 3, 3, 3], { bins: 3, density: true }), ['rect']],
      ['fillBetween', (ax) => ax.fillBetween([1, 2, 3], [1, 2, 1], 0), ['area']],
      [
        'errorbar',
        (ax) =>
          ax.errorbar([1, 2], [3, 4], {
            yerr: [
              [0.1, 0.2],
              [0.3, 0.4],
            ],
            xerr: 0.1,
            marker: 'o',
          }),
        ['line', 'rule', 'rule', 'point'],
      ],
      [
        'imshow',
        (ax) =>
          ax.imshow(
            [
              [1, 2],
              [3, 4],
            ],
            { cmap: 'magma_r', vmin: 0, vmax: 5 },
          ),
        ['rect'],
      ],
      [
        'boxplot',
        (ax) =>
          ax.boxplot(
            [
              [1, 2, 3, 4, 100],
              [5, 6, 7],
            ],
            { labels: ['a', 'b'] },
          ),
        ['rule', 'rule', 'rule', 'rule', 'rect', 'rule', 'point'],
      ],
      ['axhline', (ax) => ax.axhline(1, { linestyle: ':' }), ['rule']],
      ['axvline', (ax) => ax.axvline(2, { from: 0.2, to: 0.8 }), ['rule']],
      [
        'text',
        (ax) => ax.text(0.5, 0.5, 'note', { coords: 'axes', ha: 'center', rotation: 45 }),
        ['text'],
      ],
    ];
    for (const [name, draw, marks] of cases) {
      const { fig, axes: ax } = plt.subplots();
      draw(ax);
      const spec = fig.toSpec();
      expect(marksOf(spec), name).toEqual(marks);
      const png = await fig.toPNG();
      expect(png.subarray(1, 4).toString(), name).toBe('PNG');
    }
  });

  it('hist returns numpy-like counts and edges', () => {
    const { axes: ax } = createPlt().subplots();
    const h = ax.hist([0, 1, 1, 2, 2, 2, 3, 3, 3, 3], { bins: 3 });
    expect(h.edges).toEqual([0, 1, 2, 3]);
    expect(h.counts).toEqual([1, 2, 7]); // the last bin includes its right edge
    expect(h.columns).toEqual([
      'ax_00_hist_0_data',
      'ax_00_hist_0_bin_start',
      'ax_00_hist_0_bin_end',
      'ax_00_hist_0_count',
    ]);
    const d = ax.hist([0, 1, 1, 2], { bins: [0, 1, 2], density: true });
    expect(d.counts).toEqual([0.25, 0.75]);
  });

  it('boxplot uses matplotlib statistics (linear quartiles, 1.5 IQR whiskers)', () => {
    const { fig, axes: ax } = createPlt().subplots();
    ax.boxplot([1, 2, 3, 4, 5, 6, 7, 8, 9, 100]);
    const stats = (fig.toSpec()['datasets'] as Spec)['ax_00_boxplot_0'][0];
    expect(stats).toMatchObject({ q1: 3.25, med: 5.5, q3: 7.75, lo: 1, hi: 9 });
    expect((fig.toSpec()['datasets'] as Spec)['ax_00_boxplot_0_fliers']).toEqual([
      { x: 1, y: 100 },
    ]);
  });

  it('draws explicit colours exactly and cycle colours with the configured alpha', async () => {
    const plt = createPlt({ dpiDisplay: 100, alpha: 0.5 });
    const { fig, axes: ax } = plt.subplots();
    ax.bar([0], [1], { color: '#123456', width: 0.5 });
    ax.bar([1], [1]); // first cycle colour: blue at alpha 0.5
    const img = pixels(await fig.toPNG());
    expect(countColor(img, [0x12, 0x34, 0x56], 1)).toBeGreaterThan(1000);
    expect(countColor(img, overWhite(CC.blue.rgb, 0.5), 2)).toBeGreaterThan(1000);
  });

  it('places string categories at 0, 1, 2 … and labels the ticks with them', () => {
    const { fig, axes: ax } = createPlt().subplots();
    ax.bar(['ctrl', 'drug'], [1, 2]);
    ax.bar(['drug', 'wash'], [3, 4], { bottom: [2, 0] });
    const enc = (fig.toSpec()['concat'] as Spec[])[0]!['layer'][0].encoding;
    expect(enc.x.axis.values).toEqual([0, 1, 2]);
    expect(enc.x.axis.labelExpr).toContain('["ctrl","drug","wash"]');
    expect(fig.toCSV().split('\n')[1]).toBe('ctrl,1,drug,3,2');
  });
});
