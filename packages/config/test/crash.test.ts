import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collect, spawnFixture, useTempDir, waitForOutput } from '@scitex/test-utils';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadSavedConfig, saveConfig } from '../src/index.ts';

const fixture = fileURLToPath(new URL('./fixtures/saveLoop.ts', import.meta.url));

function expectWhole(doc: Record<string, unknown>): number {
  const i = doc['ITERATION'] as number;
  expect(typeof i).toBe('number');
  expect((doc['PAYLOAD'] as string).length).toBe(doc['PAYLOAD_LENGTH']);
  expect((doc['MODEL'] as { layers: unknown[] }).layers).toHaveLength(200);
  return i;
}

describe('a process killed (SIGKILL) while saving over and over', () => {
  // Different kill points: early, middle, later in the loop.
  it.each([3, 11, 25])('leaves complete, parseable snapshots (killed after save %i)', async (n) => {
    const tmp = useTempDir();
    const dir = tmp.join('CONFIGS');
    const child = spawnFixture(fixture, { args: [dir] });
    const done = collect(child);
    await waitForOutput(child, `saved ${n}\n`);
    child.kill('SIGKILL');
    const result = await done;
    expect(result.signal).toBe('SIGKILL');

    const fromJson = loadSavedConfig(dir);
    const i = expectWhole(fromJson);
    expect(i).toBeGreaterThanOrEqual(n);
    expect(fromJson['START_TIME']).toEqual(new Date(1_700_000_000_000 + i));

    const fromYaml = yaml.load(readFileSync(join(dir, 'CONFIG.yaml'), 'utf8')) as Record<
      string,
      unknown
    >;
    const j = expectWhole(fromYaml);
    // CONFIG.json is replaced first, so the YAML is the same save or the one before.
    expect([i, i - 1]).toContain(j);

    // The next save clears any temp file the dead writer left behind.
    saveConfig({ after: true }, dir);
    expect(readdirSync(dir).sort()).toEqual(['CONFIG.json', 'CONFIG.yaml']);
  });
});
