// CI runs the benchmarks only in --quick mode, as a smoke test that every suite still
// works. No timing is asserted here: figures are measured by `pnpm bench`, not by tests.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '@scitex/test-utils';

const benchDir = fileURLToPath(new URL('..', import.meta.url));

describe('pnpm bench -- --quick', () => {
  it('runs every suite and writes a results table', () => {
    const tmp = useTempDir();
    const out = tmp.join('RESULTS.md');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'run.ts', '--quick', '--out', out], {
      cwd: benchDir,
      encoding: 'utf8',
      timeout: 600_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md).toMatch(/^# Benchmark results \(quick/);
    expect(md).toMatch(/- node: v\d+/);
    expect(md).not.toContain('(suite failed)');
    for (const suite of [
      'rng',
      'sdir',
      'session',
      'tee-log',
      'plt',
      'metrics',
      'provenance',
      'sweep',
    ]) {
      expect(md, suite).toMatch(new RegExp(`^\\| ${suite} \\|`, 'm'));
    }
  }, 600_000);
});
