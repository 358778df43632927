import { readFileSync, writeFileSync } from 'node:fs';
import { useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { CC, createPlt, rerender } from '../src/index.ts';
import { pngInfo } from '../src/render/png.ts';
import { countColor, expectRejectCode, noisySine, overWhite, pixels } from './helpers.ts';

describe('rerender()', () => {
  it('rebuilds byte-identical images from the saved spec alone', async () => {
    const dir = useTempDir();
    const plt = createPlt({ baseDir: dir.path, dpiSave: 150 });
    const { fig, axes } = plt.subplots({ nrows: 1, ncols: 2 });
    const { x, y } = noisySine(50_000); // decimated when drawn
    axes[0]![0]!.plot(x, y, { label: 'noisy' });
    axes[0]![0]!.legend();
    axes[0]![1]!.imshow([
      [1, 2],
      [3, Number.NaN],
    ]);
    await fig.save('orig.png');
    await fig.save('orig.svg', { csv: false });
    expect(await plt.rerender('orig.vl.json', 'again.png')).toEqual([dir.join('again.png')]);
    await plt.rerender(dir.join('orig.vl.json'), dir.join('again.svg'));
    expect(readFileSync(dir.join('again.png')).equals(readFileSync(dir.join('orig.png')))).toBe(
      true,
    );
    expect(readFileSync(dir.join('again.svg'), 'utf8')).toBe(
      readFileSync(dir.join('orig.svg'), 'utf8'),
    );
    // Another DPI on request.
    await plt.rerender('orig.vl.json', 'hi.png', { dpi: 300 });
    expect(pngInfo(readFileSync(dir.join('hi.png')))).toMatchObject({ width: 1890, height: 1181 });
  });

  it('draws an edited spec: change a colour in the .vl.json, get it in the image', async () => {
    const dir = useTempDir();
    const { fig, axes: ax } = createPlt({ baseDir: dir.path, dpiSave: 100 }).subplots();
    ax.plot([0, 1, 2], [0, 1, 0], { color: CC.blue, lineWidth: 3, alpha: 1 });
    await fig.save('f.vl.json');
    const text = readFileSync(dir.join('f.vl.json'), 'utf8').replace(/"#0080C0"/g, '"#FF4632"');
    writeFileSync(dir.join('g.vl.json'), text);
    await rerender(dir.join('g.vl.json'), dir.join('g.png'));
    const img = pixels(dir.join('g.png'));
    expect(countColor(img, CC.red.rgb, 4)).toBeGreaterThan(100);
    expect(countColor(img, overWhite(CC.blue.rgb, 1), 4)).toBe(0);
  });

  it('renders a foreign Vega-Lite spec at its own size', async () => {
    const dir = useTempDir();
    const spec = {
      width: 100,
      height: 50,
      data: {
        values: [
          { a: 1, b: 2 },
          { a: 2, b: 3 },
        ],
      },
      mark: 'line',
      encoding: {
        x: { field: 'a', type: 'quantitative' },
        y: { field: 'b', type: 'quantitative' },
      },
    };
    writeFileSync(dir.join('foreign.vl.json'), JSON.stringify(spec));
    await rerender(dir.join('foreign.vl.json'), dir.join('foreign.png'), { dpi: 144 });
    const info = pngInfo(readFileSync(dir.join('foreign.png')));
    expect(info.width).toBeGreaterThan(200); // 2× Vega's pixels (144 dpi / 72)
    expect(info.dpi).toBeCloseTo(144, 1);
  });

  it('reports unreadable or broken specs', async () => {
    const dir = useTempDir();
    await expectRejectCode(
      rerender(dir.join('missing.vl.json'), dir.join('x.png')),
      'PLT_BAD_DATA',
    );
    writeFileSync(
      dir.join('bad.vl.json'),
      JSON.stringify({ mark: 'no-such-mark', data: { values: [] } }),
    );
    const e = await expectRejectCode(
      rerender(dir.join('bad.vl.json'), dir.join('x.png')),
      'PLT_RENDER_FAILED',
    );
    expect(e.cause).toBeInstanceOf(Error);
    await expectRejectCode(
      rerender(dir.join('bad.vl.json'), dir.join('x.gif')),
      'PLT_UNSUPPORTED_FORMAT',
    );
  });
});
