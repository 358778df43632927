import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runFixture, useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';

const example = fileURLToPath(new URL('../examples/basic.ts', import.meta.url));
const readme = fileURLToPath(new URL('../README.md', import.meta.url));
const importOnly = fileURLToPath(new URL('./fixtures/importOnly.ts', import.meta.url));

describe('README example', () => {
  it('prints what its //=> comments say', async () => {
    const source = readFileSync(example, 'utf8');
    const expected = source
      .split('\n')
      .filter((l) => l.startsWith('//=> '))
      .map((l) => l.slice(5));
    const r = await runFixture(example);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual(expected);
  });

  it('is the example shown in the README', () => {
    expect(readFileSync(readme, 'utf8')).toContain(readFileSync(example, 'utf8').trim());
  });
});

describe('import', () => {
  it('has no side effects: no exit or signal listeners, no files', async () => {
    const dir = useTempDir();
    const r = await runFixture(importOnly, { cwd: dir.path });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.listenersAdded).toEqual([]);
    expect(report.filesCreated).toEqual([]);
    expect(report.exports).toContain('collectProvenance');
  });
});
