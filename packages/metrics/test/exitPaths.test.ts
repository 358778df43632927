/**
 * Values buffered when the process ends are written on every end Node can observe, and
 * the process ends exactly as it would without metrics (same code, same signal).
 */
import { fileURLToPath } from 'node:url';
import { runFixture, useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { readMetrics } from '../src/index.ts';

const fixture = fileURLToPath(new URL('./fixtures/exitPath.ts', import.meta.url));

const cases = [
  { mode: 'exit', code: 3, signal: null, values: 10 },
  { mode: 'throw', code: 1, signal: null, values: 10 },
  { mode: 'sigterm', code: null, signal: 'SIGTERM', values: 10 },
  { mode: 'tla', code: 13, signal: null, values: 10 },
  { mode: 'exit-listener', code: 0, signal: null, values: 11 },
] as const;

describe('ending without close()', () => {
  for (const c of cases) {
    it(`${c.mode}: every value is in the file; exit ${c.code ?? c.signal} as without metrics`, async () => {
      const dir = useTempDir();
      const r = await runFixture(fixture, { args: [c.mode, dir.path] });
      expect([r.code, r.signal]).toEqual([c.code, c.signal]);
      const loss = readMetrics(dir.path).series[0]!;
      expect(loss.values).toHaveLength(c.values);
      expect(loss.steps.at(-1)).toBe(c.values - 1);
    });
  }
});
