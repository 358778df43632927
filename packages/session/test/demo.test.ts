// The demo `pnpm demo` runs (examples/quickstart.ts), in debug mode so it is quick: it
// must leave one finished session with clean logs, both snapshots, and a PNG + CSV.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runFixture } from '@scitex/test-utils';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const demo = join(pkg, 'examples', 'quickstart.ts');

describe('examples/quickstart.ts', () => {
  it('leaves a FINISHED_SUCCESS session with clean logs, CONFIG.yaml/json, pi.png and pi.csv', async () => {
    const r = await runFixture(demo, { cwd: pkg, env: { SCITEX_DEBUG: '1' } });
    expect(r.code, r.stderr).toBe(0);
    const dir = /→ (\S+FINISHED_SUCCESS\/DEBUG_\S+)/.exec(r.stdout)?.[1];
    expect(dir).toBeDefined();
    try {
      for (const f of [
        'logs/stdout.log',
        'logs/stderr.log',
        'CONFIGS/CONFIG.yaml',
        'CONFIGS/CONFIG.json',
        'pi.png',
        'pi.csv',
        'pi.vl.json',
      ]) {
        expect(existsSync(join(dir!, f)), f).toBe(true);
      }
      const out = readFileSync(join(dir!, 'logs/stdout.log'), 'utf8');
      const err = readFileSync(join(dir!, 'logs/stderr.log'), 'utf8');
      expect(out + err).not.toMatch(/\x1b/);
      expect(out).toMatch(/π ≈ 3\.\d+ from 2000 samples/);
      const config = JSON.parse(readFileSync(join(dir!, 'CONFIGS/CONFIG.json'), 'utf8'));
      expect(config.PARAMS.N_SAMPLES).toBe(2000); // DEBUG_N_SAMPLES applied
      expect(config.RNG.streams.points.draws).toBeGreaterThan(0);
      const png = readFileSync(join(dir!, 'pi.png'));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1890, 1181]); // 160×100 mm at 300 dpi
      const csv = readFileSync(join(dir!, 'pi.csv'), 'utf8').trim().split('\n');
      expect(csv[0]).toBe('ax_00_plot_0_x,ax_00_plot_0_y,ax_00_axhline_0_y');
      expect(csv).toHaveLength(41);
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });
});
