/**
 * @scitex/plt: the same line figure (160×100 mm, PNG at 300 dpi, axis labels, a noisy
 * sine of 1e4 / 1e5 / 1e6 points) drawn by @scitex/plt and by matplotlib (Debian's
 * python3-matplotlib, Agg), whole processes timed side by side in one run (interleaved).
 * Two @scitex/plt rows per size: the PNG alone (what matplotlib writes), and the default
 * save, which also writes <stem>.csv and <stem>.vl.json with every point.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, timeProcesses, type Command } from '../lib/process.ts';
import { fmtMs } from '../lib/stats.ts';
import type { Figure, Suite } from '../lib/types.ts';

const pltEntry = import.meta.resolve('@scitex/plt');

const nodeScript = `import { subplots } from ${JSON.stringify(pltEntry)};
const n = Number(process.argv[2]);
const x = new Float64Array(n);
const y = new Float64Array(n);
let s = 12345;
for (let i = 0; i < n; i++) {
  x[i] = (i / n) * 10;
  s = (s * 1103515245 + 12345) % 2147483648;
  y[i] = Math.sin(x[i] * 2 * Math.PI) + 0.2 * (s / 2147483648 - 0.5);
}
const { fig, axes: ax } = subplots();
ax.plot(x, y);
ax.setXLabel('Time (s)').setYLabel('Signal');
await fig.save(process.argv[3], { csv: process.argv[4] === 'with-data' });
`;

const pyScript = `import sys
import numpy as np
import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt
n = int(sys.argv[1])
x = np.arange(n) / n * 10
y = np.sin(x * 2 * np.pi) + 0.2 * (np.random.default_rng(1).random(n) - 0.5)
fig, ax = plt.subplots(figsize=(160 / 25.4, 100 / 25.4))
ax.plot(x, y)
ax.set_xlabel('Time (s)')
ax.set_ylabel('Signal')
fig.savefig(sys.argv[2], dpi=300)
`;

/** A python with matplotlib, Debian's first. */
function findPython(): string | undefined {
  for (const p of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(p, ['-c', 'import matplotlib, numpy'], {
      env: cleanEnv(),
      stdio: 'ignore',
    });
    if (r.status === 0) return p;
  }
  return undefined;
}

const suite: Suite = {
  name: 'plt',
  async run({ quick, tmp, log }) {
    const sizes = quick ? [1_000, 10_000] : [10_000, 100_000, 1_000_000];
    const runs = quick ? 2 : 7;
    mkdirSync(join(tmp, 'out'), { recursive: true });
    const js = join(tmp, 'line.mjs');
    const py = join(tmp, 'line.py');
    writeFileSync(js, nodeScript);
    writeFileSync(py, pyScript);
    const python = findPython();
    if (!python) log('matplotlib not found: skipping it (apt-get install -y python3-matplotlib)');
    const figures: Figure[] = [];
    for (const n of sizes) {
      const out = (name: string): string => join(tmp, 'out', `${name}-${n}.png`);
      const cmds: Command[] = [
        { name: 'plt png', argv: [process.execPath, js, String(n), out('plt')] },
        {
          name: 'plt png+csv+spec',
          argv: [process.execPath, js, String(n), out('pltdata'), 'with-data'],
        },
      ];
      if (python) cmds.push({ name: 'matplotlib', argv: [python, py, String(n), out('mpl')] });
      log(`line figure, ${n} points: ${cmds.map((c) => c.name).join(' vs ')}`);
      const [png, full, mpl] = timeProcesses(cmds, { runs, warmup: 1 });
      const size = `${n.toExponential(0).replace('+', '')} points`;
      if (mpl) {
        const r = png!.median / mpl.median;
        figures.push({
          figure: `line figure 160×100 mm, PNG 300 dpi, ${size}: @scitex/plt vs matplotlib (whole process)`,
          measured: `${r.toFixed(2)}× (plt ${fmtMs(png!)}, matplotlib ${fmtMs(mpl)})`,
          target: '≤ 1.0×',
          value: r,
          pass: r <= 1,
        });
        figures.push({
          figure: `  same, default save (also writes .csv and .vl.json with every point)`,
          measured: `${(full!.median / mpl.median).toFixed(2)}× (${fmtMs(full!)})`,
          target: '—',
          value: null,
          pass: null,
        });
      } else {
        figures.push({
          figure: `line figure 160×100 mm, PNG 300 dpi, ${size}: @scitex/plt (matplotlib not installed)`,
          measured: `PNG ${fmtMs(png!)}; with .csv + .vl.json ${fmtMs(full!)}`,
          target: '≤ matplotlib',
          value: null,
          pass: null,
        });
      }
    }
    return figures;
  },
};

export default suite;
