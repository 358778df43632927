import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runFixture, useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';

const example = fileURLToPath(new URL('../examples/basic.ts', import.meta.url));
const readme = fileURLToPath(new URL('../README.md', import.meta.url));
const importOnly = fileURLToPath(new URL('./fixtures/importOnly.ts', import.meta.url));

describe('README example', () => {
  it('is the same code as examples/basic.ts', () => {
    const block = /```ts\n(import \{[^\n]*'@scitex\/rng';\n[\s\S]*?)```/.exec(
      readFileSync(readme, 'utf8'),
    );
    expect(block?.[1]).toBe(readFileSync(example, 'utf8'));
  });

  it('prints exactly its //=> comments, also when run again', async () => {
    const expected = readFileSync(example, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('//=> '))
      .map((line) => line.slice('//=> '.length));
    expect(expected.length).toBeGreaterThan(5);
    const dir = useTempDir();
    for (let run = 0; run < 2; run++) {
      const result = await runFixture(example, { cwd: dir.path });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout.trimEnd().split('\n')).toEqual(expected);
    }
  });
});

describe('importing', () => {
  it('has no side effects: Math.random untouched and unused, no files, seedrandom not even loaded', async () => {
    const dir = useTempDir();
    const result = await runFixture(importOnly, { cwd: dir.path });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      exports: true,
      mathRandomCalls: 0,
      mathRandomSame: true,
      algorithmFilesLoaded: false,
      filesCreated: [],
      seedrandomEntryLoaded: false,
    });
  });
});
