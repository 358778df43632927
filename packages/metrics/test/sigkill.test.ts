/**
 * SIGKILL cannot be observed, so values must already be on disk once the flush interval
 * has passed, whether the event loop is idle or blocked by a synchronous loop.
 */
import { fileURLToPath } from 'node:url';
import { runFixture, useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { readMetrics } from '../src/index.ts';

const fixture = fileURLToPath(new URL('./fixtures/killable.ts', import.meta.url));

describe('SIGKILL after the flush interval', () => {
  for (const mode of ['idle', 'busy']) {
    it(`${mode}: every value logged before the interval is in the file`, async () => {
      const dir = useTempDir();
      const r = await runFixture(fixture, { args: [mode, dir.path] });
      expect(r.signal).toBe('SIGKILL');
      const data = readMetrics(dir.path);
      expect(data.skipped).toEqual([]);
      const loss = data.series.find((s) => s.name === 'loss')!;
      const acc = data.series.find((s) => s.name === 'acc')!;
      expect(acc.steps).toHaveLength(1000);
      expect(acc.values.at(-1)).toBe(0.999);
      expect(loss.steps).toHaveLength(mode === 'busy' ? 1001 : 1000);
      expect(loss.values.at(-1)).toBe(mode === 'busy' ? 0 : 1 / 1000);
    });
  }
});
