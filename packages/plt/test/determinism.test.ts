import { fileURLToPath } from 'node:url';
import { runFixture, useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./fixtures/fixed-figure.ts', import.meta.url));

describe('determinism', () => {
  it('gives byte-identical SVG, PNG, CSV and spec in two processes and twice in one', async () => {
    const runs = [];
    for (let i = 0; i < 2; i++) {
      const dir = useTempDir();
      const r = await runFixture(fixture, { args: [dir.path] });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      runs.push(JSON.parse(r.stdout) as { hashes: string[]; sameInProcess: boolean });
    }
    expect(runs[0]!.hashes).toHaveLength(4); // svg, png, csv, vl.json
    expect(new Set(runs[0]!.hashes).size).toBe(4);
    expect(runs[1]!.hashes).toEqual(runs[0]!.hashes);
    expect(runs[0]!.sameInProcess).toBe(true);
    expect(runs[1]!.sameInProcess).toBe(true);
  });
});
