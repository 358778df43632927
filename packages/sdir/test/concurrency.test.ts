import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { compilePackage } from './helpers/compiled.ts';
import { fixture, runTogether, type Finished } from './helpers/processes.ts';

function outcomes(runs: Finished[]): { dir: string; final: string; pid: number }[] {
  return runs.map((r) => {
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.startsWith('{'))!;
    return { ...(JSON.parse(line) as { dir: string; final: string }), pid: r.pid };
  });
}

describe('many processes into one output root', () => {
  it('200 processes released together get 200 distinct sessions, all finalized', async () => {
    const tmp = useTempDir();
    const url = compilePackage(tmp.join('dist'));
    const root = tmp.join('out');
    // Creating and finalizing at once also races RUNNING/ creation against its removal.
    const runs = await runTogether(fixture('together.mjs'), 200, () => [
      url,
      root,
      '4',
      '-',
      'finalize',
    ]);
    const results = outcomes(runs);
    expect(new Set(results.map((r) => r.dir)).size).toBe(200);
    const finished = readdirSync(join(root, 'FINISHED_SUCCESS'));
    expect(finished).toHaveLength(200);
    // Each directory holds exactly its creator's file: none shared, none lost.
    for (const r of results) {
      expect(r.final).toBe(join(root, 'FINISHED_SUCCESS', r.dir.split('/').pop()!));
      expect(readdirSync(r.final)).toEqual(['owner.txt']);
      expect(readFileSync(join(r.final, 'owner.txt'), 'utf8')).toBe(String(r.pid));
    }
    expect(existsSync(join(root, 'RUNNING'))).toBe(false);
  });

  it('collisions draw a new ID: 50 processes, one second, 62 possible names', async () => {
    const tmp = useTempDir();
    const url = compilePackage(tmp.join('dist'));
    const root = tmp.join('out');
    const now = new Date(2025, 10, 18, 7, 53, 37).toISOString();
    const results = outcomes(
      await runTogether(fixture('together.mjs'), 50, () => [url, root, '1', now, 'keep']),
    );
    const names = readdirSync(join(root, 'RUNNING'));
    expect(names).toHaveLength(50);
    expect(names.every((n) => /^2025Y-11M-18D-07h53m37s_[A-Za-z0-9]$/.test(n))).toBe(true);
    for (const r of results) {
      expect(readFileSync(join(r.dir, 'owner.txt'), 'utf8')).toBe(String(r.pid));
    }
  });
});
