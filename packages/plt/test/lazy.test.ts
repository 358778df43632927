import { fileURLToPath } from 'node:url';
import { runFixture } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./fixtures/lazy-import.ts', import.meta.url));

describe('lazy loading', () => {
  it('importing the package loads no vega, vega-lite or resvg; the first render does', async () => {
    const r = await runFixture(fixture);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.sawOwnModules).toBe(true); // the module probe works
    expect(out.afterImport).toEqual({ modules: [], vm: [], reads: [], addons: [] });
    // The same probes see all three once something is drawn.
    expect(out.afterRender.vm.some((f: string) => f.endsWith('vega.min.js'))).toBe(true);
    expect(out.afterRender.vm.some((f: string) => f.endsWith('vega-lite.min.js'))).toBe(true);
    expect(out.afterRender.addons.some((f: string) => /resvg/.test(f))).toBe(true);
  });
});
