/**
 * Renders one PNG per plot type into a folder (default `./gallery_out`):
 *
 *   node --import tsx examples/plt-gallery.ts [outDir] [dpi]
 *
 * The package README shows these images (docs/gallery/, rendered at 150 dpi).
 */
import { resolve } from 'node:path';
import { CC, createPlt } from '@scitex/plt';

const outDir = resolve(process.argv[2] ?? 'gallery_out');
const dpi = Number(process.argv[3] ?? 300);
const plt = createPlt({ figSizeMm: [80, 55], dpiSave: dpi, baseDir: outDir });

// A small seeded generator (mulberry32) so the gallery is the same on every run.
let seed = 42;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
function normal(): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}
const linspace = (a: number, b: number, n: number): number[] =>
  Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));

const written: string[] = [];
async function save(
  fig: { save(p: string, o?: { csv?: boolean }): Promise<string[]> },
  name: string,
): Promise<void> {
  written.push(...(await fig.save(`${name}.png`, { csv: false })));
}

{
  const { fig, axes: ax } = plt.subplots();
  const t = linspace(0, 2, 400);
  ax.plot(
    t,
    t.map((v) => Math.sin(2 * Math.PI * v)),
    { label: 'sin' },
  );
  ax.plot(
    t,
    t.map((v) => Math.cos(2 * Math.PI * v)),
    { label: 'cos', linestyle: '--' },
  );
  ax.plot(
    linspace(0, 2, 9),
    linspace(0, 2, 9).map((v) => 0.5 * Math.sin(Math.PI * v)),
    { label: 'samples', marker: 'o', linestyle: ':' },
  );
  ax.setXLabel('Time (s)').setYLabel('Amplitude (mV)').setTitle('plot').legend();
  await save(fig, 'plot');
}
{
  const { fig, axes: ax } = plt.subplots();
  const x = Array.from({ length: 120 }, normal);
  ax.scatter(
    x,
    x.map((v) => 0.8 * v + 0.5 * normal()),
    { label: 'group A', s: 12 },
  );
  ax.scatter(
    x.map((v) => v + 1),
    x.map(() => normal() - 1),
    { label: 'group B', marker: '^', s: 12 },
  );
  ax.setXLabel('Predictor (a.u.)').setYLabel('Response (a.u.)').setTitle('scatter').legend();
  await save(fig, 'scatter');
}
{
  const { fig, axes: ax } = plt.subplots();
  ax.bar(['Control', 'Drug A', 'Drug B', 'Drug C'], [4.2, 6.1, 5.3, 7.4], {
    yerr: [0.5, 0.7, 0.4, 0.9],
    capsize: 3,
    color: CC.blue,
  });
  ax.setYLabel('Response (mV)').setTitle('bar');
  await save(fig, 'bar');
}
{
  const { fig, axes: ax } = plt.subplots();
  ax.hist(Array.from({ length: 2000 }, normal), { bins: 30, label: 'N(0, 1)' });
  ax.hist(
    Array.from({ length: 1000 }, () => normal() * 0.6 + 1.5),
    { bins: 30, label: 'N(1.5, 0.6)', alpha: 0.6 },
  );
  ax.setXLabel('Value').setYLabel('Count').setTitle('hist').legend();
  await save(fig, 'hist');
}
{
  const { fig, axes: ax } = plt.subplots();
  const t = linspace(0, 10, 200);
  const m = t.map((v) => Math.exp(-v / 4) * Math.cos(v));
  ax.fillBetween(
    t,
    m.map((v) => v - 0.15),
    m.map((v) => v + 0.15),
    { alpha: 0.3, label: '±1 SD' },
  );
  ax.plot(t, m, { label: 'mean' });
  ax.axhline(0, { color: 'gray', linestyle: '--', lineWidth: 0.5 });
  ax.setXLabel('Time (s)').setYLabel('Signal').setTitle('fillBetween').legend();
  await save(fig, 'fill_between');
}
{
  const { fig, axes: ax } = plt.subplots();
  const x = [1, 2, 3, 4, 5, 6];
  ax.errorbar(
    x,
    x.map((v) => 2 + Math.log(v)),
    { yerr: x.map((v) => 0.1 + 0.05 * v), marker: 'o', capsize: 2, label: 'model' },
  );
  ax.errorbar(
    x,
    x.map((v) => 1.5 + 0.4 * v),
    { yerr: 0.3, marker: 's', linestyle: 'none', capsize: 2, label: 'data' },
  );
  ax.setXLabel('Dose (mg)').setYLabel('Effect').setTitle('errorbar').legend({ loc: 'upper left' });
  await save(fig, 'errorbar');
}
{
  const { fig, axes: ax } = plt.subplots();
  const m = Array.from({ length: 12 }, (_, i) =>
    Array.from({ length: 16 }, (_, j) => Math.sin(i / 3) * Math.cos(j / 4) + 0.1 * normal()),
  );
  ax.imshow(m, { cmap: 'viridis', colorbarLabel: 'Power (dB)' });
  ax.setXLabel('Channel').setYLabel('Trial').setTitle('imshow');
  await save(fig, 'imshow');
}
{
  const { fig, axes: ax } = plt.subplots();
  const groups = [0, 1, 2, 3].map((k) =>
    Array.from({ length: 60 }, () => normal() * (1 + 0.3 * k) + k),
  );
  ax.boxplot(groups, { labels: ['W', 'N1', 'N2', 'REM'] });
  ax.setYLabel('Amplitude (µV)').setTitle('boxplot');
  await save(fig, 'boxplot');
}
{
  const { fig, axes: ax } = plt.subplots();
  const f = linspace(1, 100, 300);
  ax.plot(
    f,
    f.map((v) => 100 / v ** 1.5 + 0.02),
  );
  ax.setXScale('log').setYScale('log');
  ax.axvline(10, { color: CC.red, linestyle: ':' });
  ax.text(11, 5, 'alpha peak', { color: CC.red, fontSize: 6 });
  ax.setXLabel('Frequency (Hz)').setYLabel('Power (µV²/Hz)').setTitle('log axes, axvline, text');
  await save(fig, 'log_axes');
}
{
  const { fig, axes } = plt.subplots({ nrows: 2, ncols: 2, figSizeMm: [120, 80], sharex: true });
  const t = linspace(0, 1, 200);
  axes.forEach((row, r) =>
    row.forEach((ax, c) => {
      const k = 2 * r + c + 1;
      ax.plot(
        t,
        t.map((v) => Math.sin(2 * Math.PI * k * v)),
        { color: `C${k - 1}` },
      );
      ax.setTitle(`${k} Hz`);
      if (c === 0) ax.setYLabel('Amplitude');
      if (r === 1) ax.setXLabel('Time (s)');
    }),
  );
  fig.suptitle('subplots (2×2, sharex)');
  await save(fig, 'subplots');
}

console.log(written.map((p) => p.slice(outDir.length + 1)).join('\n'));
