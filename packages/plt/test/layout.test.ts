import { fileURLToPath } from 'node:url';
import { runFixture } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { createPlt } from '../src/index.ts';
import { renderSvg } from '../src/render/svg.ts';

type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('layout', () => {
  it('fills exactly the figure size, with every plot area inside it', () => {
    for (const [nrows, ncols, w, h] of [
      [1, 1, 160, 100],
      [2, 3, 180, 120],
      [3, 1, 85, 150],
    ] as const) {
      const { fig, axes } = createPlt().subplots({ nrows, ncols, figSizeMm: [w, h] });
      for (const ax of fig.axes) ax.plot([0, 1e4], [-3, 3]);
      (Array.isArray(axes) ? axes[0]![0]! : axes).setTitle('T').setYLabel('Y label');
      const { layout } = fig.specParts();
      const p = layout.padding;
      expect(
        p.left + ncols * layout.plotWidth + (ncols - 1) * layout.colSpacing + p.right,
      ).toBeCloseTo((w / 25.4) * 72, 6);
      expect(
        p.top + nrows * layout.plotHeight + (nrows - 1) * layout.rowSpacing + p.bottom,
      ).toBeCloseTo((h / 25.4) * 72, 6);
      expect(
        Math.min(p.left, p.top, p.right, p.bottom, layout.plotWidth, layout.plotHeight),
      ).toBeGreaterThan(0);
    }
  });

  it('refuses a figure too small for its axes', () => {
    const { fig } = createPlt().subplots({ nrows: 8, ncols: 8, figSizeMm: [20, 15] });
    expect(() => fig.toSpec()).toThrow(/too small/);
  });

  it('pads limits by 5 % like matplotlib, keeps bars on 0, and honours user limits', () => {
    const scale = (spec: Spec, i = 0): unknown => spec['concat'][i].layer[0].encoding;
    const plt = createPlt();
    let { fig, axes: ax } = plt.subplots();
    ax.plot([0, 10], [0, 100]);
    expect(scale(fig.toSpec())).toMatchObject({
      x: { scale: { domain: [-0.5, 10.5] } },
      y: { scale: { domain: [-5, 105] } },
    });
    ({ fig, axes: ax } = plt.subplots());
    ax.bar([1, 2], [3, 4]);
    expect((scale(fig.toSpec()) as Spec)['y'].scale.domain).toEqual([0, 4.2]);
    ({ fig, axes: ax } = plt.subplots());
    ax.plot([0, 10], [0, 100]);
    ax.setXLim(2, 8).setYLim([100, 0]);
    expect(scale(fig.toSpec())).toMatchObject({
      x: { scale: { domain: [2, 8] } },
      y: { scale: { domain: [0, 100], reverse: true } },
    });
    ({ fig, axes: ax } = plt.subplots());
    ax.plot([1, 1000], [1, 2]);
    ax.setXScale('log');
    const x = (scale(fig.toSpec()) as Spec)['x'];
    expect(x.scale.type).toBe('log');
    expect(x.axis.values).toEqual([1, 10, 100, 1000]);
  });

  it('shares limits and hides inner tick labels with sharex/sharey', () => {
    const { fig, axes } = createPlt().subplots({ nrows: 2, ncols: 2, sharex: true, sharey: true });
    axes[0]![0]!.plot([0, 1], [0, 1]);
    axes[1]![1]!.plot([5, 6], [-3, 9]);
    const views = fig.toSpec()['concat'] as Spec[];
    const enc = views.map((v) => v['layer'][0].encoding);
    expect(new Set(enc.map((e) => JSON.stringify(e.x.scale.domain))).size).toBe(1);
    expect(new Set(enc.map((e) => JSON.stringify(e.y.scale.domain))).size).toBe(1);
    expect(enc.map((e) => e.x.axis.labels)).toEqual([false, false, true, true]);
    expect(enc.map((e) => e.y.axis.labels)).toEqual([true, false, true, false]);
  });

  it('puts the legend where the data is not (loc: best)', () => {
    const where = (ys: number[], xs = [0, 1, 2, 3, 4]): unknown => {
      const { fig, axes: ax } = createPlt().subplots();
      ax.plot(xs, ys, { label: 'data', linestyle: 'none', marker: 'o' });
      ax.setXLim(-0.2, 4.2).setYLim(-0.5, 10.5);
      ax.legend();
      const layers = (fig.toSpec()['concat'] as Spec[])[0]!['layer'] as Spec[];
      const text = layers.find((l) => l['mark'].text === 'data')!;
      const { plotWidth: width, plotHeight: height } = fig.specParts().layout;
      return [
        text['encoding'].x.value < width / 2 ? 'left' : 'right',
        text['encoding'].y.value < height / 2 ? 'upper' : 'lower',
      ];
    };
    expect(where([5, 5, 5, 5, 5])).toEqual(['right', 'upper']); // matplotlib's first choice when free
    expect(where([9.9, 10], [3.9, 4])).toEqual(['left', 'upper']); // points in the upper right
    expect(where([10, 9.9, 9.9, 10], [0, 0.1, 3.9, 4])).toEqual(['left', 'lower']); // both upper corners taken
  });

  it('keeps each colour bar next to its own axes', async () => {
    const { fig, axes } = createPlt().subplots({ nrows: 1, ncols: 2 });
    axes[0]![0]!.imshow([[1, 2]], { colorbarLabel: 'left bar' });
    axes[0]![1]!.imshow([[3, 4]], { colorbarLabel: 'right bar', cmap: 'gray' });
    const svg = await renderSvg(fig.specParts(), 300 / 72);
    expect(svg.match(/aria-roledescription="legend"/g)).toHaveLength(2);
    expect(svg).toContain('>left bar</text>');
    expect(svg).toContain('>right bar</text>');
  });
});

describe('robustness', () => {
  it('survives drawing far outside the canvas (a legend taller than its axes)', async () => {
    const fixture = fileURLToPath(new URL('./fixtures/overflow.ts', import.meta.url));
    const r = await runFixture(fixture);
    expect(r.stderr).toBe('');
    expect([r.code, r.stdout.trim()]).toEqual([0, 'drawn']);
  });

  it('draws the full frame and grid lines when asked', () => {
    const { fig, axes: ax } = createPlt({ hideTopRightSpines: false }).subplots();
    ax.plot([0, 1]);
    ax.grid(true, { axis: 'y' });
    const spec = fig.toSpec() as Spec;
    expect(spec['config'].view).toMatchObject({ stroke: '#000000' });
    const enc = spec['concat'][0].layer[0].encoding;
    expect([enc.x.axis.grid, enc.y.axis.grid]).toEqual([false, true]);
  });
});
