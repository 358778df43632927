import { describe, expect, it } from 'vitest';
import { createPlt } from '../src/index.ts';
import { svgToPng } from '../src/render/rasterise.ts';
import { renderSvg } from '../src/render/svg.ts';
import { noisySine, pixels } from './helpers.ts';

/** Renders the benchmark's line figure with and without decimation and compares pixels. */
async function compare(
  n: number,
): Promise<{ drawnFraction: number; differ: number; strong: number; max: number }> {
  const { x, y } = noisySine(n);
  const { fig, axes: ax } = createPlt().subplots();
  ax.plot(x, y);
  const parts = fig.specParts();
  const [w, h] = [1890, 1181];
  const k = w / parts.layout.width;
  const dec = await renderSvg(parts, k);
  const full = await renderSvg(parts, k, { decimate: false });
  const a = pixels(await svgToPng(dec, w, h, 300));
  const b = pixels(await svgToPng(full, w, h, 300));
  let differ = 0;
  let strong = 0;
  let max = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    let d = 0;
    for (let c = 0; c < 3; c++) d = Math.max(d, Math.abs(a.data[i + c]! - b.data[i + c]!));
    if (d > 0) differ++;
    if (d > 64) strong++;
    max = Math.max(max, d);
  }
  const points = (s: string): number => (s.match(/L/g) ?? []).length;
  return {
    drawnFraction: points(dec) / points(full),
    differ: differ / (w * h),
    strong: strong / (w * h),
    max,
  };
}

describe('decimation draws the same picture', () => {
  it('draws 1e4 points unchanged (fewer points than half-pixel columns × 2)', async () => {
    const r = await compare(1e4);
    expect(r).toMatchObject({ drawnFraction: 1, differ: 0, max: 0 });
  });

  it('draws 1e5 noisy points from ~13 % of them, within anti-aliasing noise of the full drawing', async () => {
    const r = await compare(1e5);
    expect(r.drawnFraction).toBeLessThan(0.15);
    expect(r.differ).toBeLessThan(0.01); // < 1 % of pixels differ at all
    expect(r.strong).toBeLessThan(0.001); // < 0.1 % by more than a quarter of full intensity
  });
});
