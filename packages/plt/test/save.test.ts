import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { CC, createPlt } from '../src/index.ts';
import { pngInfo } from '../src/render/png.ts';
import { countColor, countDark, expectRejectCode, overWhite, parseCsv, pixels } from './helpers.ts';

describe('fig.save()', () => {
  it('writes a PNG of mm × dpi pixels with its DPI recorded, plus the CSV and the spec', async () => {
    const dir = useTempDir();
    const plt = createPlt({ baseDir: dir.path });
    const { fig, axes: ax } = plt.subplots();
    const x = [0, 1, 2, 3, 4];
    const y = [0.5, -1.25, Math.PI, Number.NaN, 1e-9];
    ax.plot(x, y, { label: 'signal' });
    ax.setXLabel('Time (s)').setYLabel('Amplitude');
    const files = await fig.save('out/nested/fig.png');
    expect(files).toEqual([
      dir.join('out/nested/fig.png'),
      dir.join('out/nested/fig.csv'),
      dir.join('out/nested/fig.vl.json'),
    ]);
    const png = readFileSync(files[0]!);
    const info = pngInfo(png);
    expect([info.width, info.height]).toEqual([
      Math.round((160 / 25.4) * 300),
      Math.round((100 / 25.4) * 300),
    ]);
    expect([info.width, info.height]).toEqual([1890, 1181]);
    expect(info.dpi).toBeCloseTo(300, 1);
    // The CSV holds exactly the input.
    const csv = parseCsv(readFileSync(files[1]!, 'utf8'));
    expect(csv['ax_00_plot_0_x']!.map(Number)).toEqual(x);
    expect(csv['ax_00_plot_0_y']!.map((s) => (s === '' ? Number.NaN : Number(s)))).toEqual(y);
    // The spec holds them too, with its own metadata.
    const spec = JSON.parse(readFileSync(files[2]!, 'utf8'));
    expect(spec.datasets.ax_00_plot_0).toEqual([
      { x: 0, y: 0.5 },
      { x: 1, y: -1.25 },
      { x: 2, y: Math.PI },
      { x: 3, y: null },
      { x: 4, y: 1e-9 },
    ]);
    expect(spec.usermeta.scitex).toMatchObject({ figSizeMm: [160, 100], dpiSave: 300 });
  });

  it('draws the line in its colour and draws the axis labels', async () => {
    const dir = useTempDir();
    const plt = createPlt({ baseDir: dir.path, dpiSave: 150 });
    const draw = async (labels: boolean): Promise<string> => {
      const { fig, axes: ax } = plt.subplots();
      ax.plot([0, 1, 2], [0, 1, 0], { color: CC.green, lineWidth: 2 });
      // Blank labels take the same room, so only the glyphs differ between the two images.
      if (labels) ax.setXLabel('Time (s)').setYLabel('Amplitude (mV)');
      else ax.setXLabel(' ').setYLabel(' ');
      return (await fig.save(labels ? 'with.png' : 'without.png', { csv: false }))[0]!;
    };
    const withLabels = pixels(await draw(true));
    const without = pixels(await draw(false));
    // Cycle/palette colours carry the configured alpha (0.9) over the white background.
    expect(countColor(withLabels, overWhite(CC.green.rgb, 0.9), 6)).toBeGreaterThan(500);
    expect(countColor(withLabels, overWhite(CC.blue.rgb, 0.9), 6)).toBe(0);
    // The bottom band (x label) and the left band (y label) gain the glyphs' dark pixels.
    const { width: W, height: H } = withLabels;
    const bottom = {
      x: Math.round(W * 0.3),
      y: H - Math.round(H * 0.12),
      w: Math.round(W * 0.4),
      h: Math.round(H * 0.12),
    };
    const left = { x: 0, y: Math.round(H * 0.25), w: Math.round(W * 0.05), h: Math.round(H * 0.5) };
    expect(countDark(withLabels, bottom)).toBeGreaterThan(countDark(without, bottom) + 100);
    expect(countDark(withLabels, left)).toBeGreaterThan(countDark(without, left) + 100);
  });

  it('writes an SVG sized in millimetres with the label text in it', async () => {
    const dir = useTempDir();
    const { fig, axes: ax } = createPlt({ baseDir: () => dir.path }).subplots({
      figSizeMm: [85, 60],
    });
    ax.plot([1, 2], [3, 4]);
    ax.setXLabel('Time (s)').setTitle('A & B');
    const [svgPath] = await fig.save('f.svg');
    const svg = readFileSync(svgPath!, 'utf8');
    expect(
      svg.startsWith('<svg width="85mm" height="60mm" viewBox="0 0 240.944882 170.07874"'),
    ).toBe(true);
    expect(svg).toContain('>Time (s)</text>');
    expect(svg).toContain('>A &amp; B</text>');
    expect(existsSync(dir.join('f.csv')) && existsSync(dir.join('f.vl.json'))).toBe(true);
  });

  it('writes only the spec for .vl.json / .json, and only the image with csv: false', async () => {
    const dir = useTempDir();
    const { fig, axes: ax } = createPlt({ baseDir: dir.path }).subplots();
    ax.scatter([1, 2], [3, 4]);
    expect(await fig.save('a.vl.json')).toEqual([dir.join('a.vl.json')]);
    expect(await fig.save('b.json')).toEqual([dir.join('b.json')]);
    expect(await fig.save('c.png', { csv: false })).toEqual([dir.join('c.png')]);
    expect(await fig.save('d.out', { format: 'svg', csv: false })).toEqual([dir.join('d.out')]);
    expect(readdirSync(dir.path).sort()).toEqual(['a.vl.json', 'b.json', 'c.png', 'd.out']);
    expect(JSON.parse(readFileSync(dir.join('a.vl.json'), 'utf8'))).toEqual(fig.toSpec());
  });

  it('refuses unknown formats before writing anything', async () => {
    const dir = useTempDir();
    const { fig, axes: ax } = createPlt({ baseDir: dir.path }).subplots();
    ax.plot([1, 2]);
    const e = await expectRejectCode(fig.save('fig.pdf'), 'PLT_UNSUPPORTED_FORMAT');
    expect(e.message).toMatch(/\.pdf/);
    await expectRejectCode(fig.save('fig', {}), 'PLT_UNSUPPORTED_FORMAT');
    await expectRejectCode(
      fig.save('fig.png', { format: 'jpg' as never }),
      'PLT_UNSUPPORTED_FORMAT',
    );
    expect(readdirSync(dir.path)).toEqual([]);
  });

  it('reports I/O failures as PLT_IO_FAILED and leaves no partial files', async () => {
    const dir = useTempDir();
    const { fig, axes: ax } = createPlt({ baseDir: dir.path }).subplots();
    ax.plot([1, 2]);
    await fig.save('file.png', { csv: false });
    await expectRejectCode(fig.save('file.png/inside.png'), 'PLT_IO_FAILED');
    expect(readdirSync(dir.path)).toEqual(['file.png']);
  });

  it('refuses to work on a closed figure', async () => {
    const { fig, axes: ax } = createPlt().subplots();
    ax.plot([1, 2]);
    fig.close();
    fig.close();
    await expectRejectCode(fig.save('x.png'), 'PLT_FIGURE_CLOSED');
    expect(() => fig.toSpec()).toThrow(/closed/);
  });
});
