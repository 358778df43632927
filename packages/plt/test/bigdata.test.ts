import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runFixture, useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { createPlt } from '../src/index.ts';
import { WORKER_THRESHOLD } from '../src/dataJob.ts';

const fixture = fileURLToPath(new URL('./fixtures/big-save.ts', import.meta.url));

describe('large data', () => {
  it('writes every point to the CSV and the spec from a worker thread', async () => {
    const dir = useTempDir();
    const r = await runFixture(fixture, { args: [dir.path] });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.workers).toBe(1);
    expect(out).toMatchObject({ files: 3, csvSame: true, specRows: 300_000 });
    expect([out.lastRow.x, out.lastRow.y]).toEqual(out.last);
  });

  it('writes the same files in-thread when no worker can run (here: under the test runner)', async () => {
    const dir = useTempDir();
    const n = WORKER_THRESHOLD; // CSV values = 2n, above the threshold
    const y = Float64Array.from({ length: n }, (_, i) => Math.cos(i) * 1e-3);
    const { fig, axes: ax } = createPlt({ baseDir: dir.path, dpiSave: 50 }).subplots();
    ax.plot(y);
    const [, csvPath, specPath] = await fig.save('b.png');
    const lines = readFileSync(csvPath!, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(n + 1);
    expect(lines.slice(1).every((l, i) => l === `${i},${y[i]}`)).toBe(true);
    expect(JSON.parse(readFileSync(specPath!, 'utf8')).datasets.ax_00_plot_0).toHaveLength(n);
  });
});
