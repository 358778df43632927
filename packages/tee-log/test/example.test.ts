import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runFixture, useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';

const example = fileURLToPath(new URL('../examples/basic.ts', import.meta.url));
const readme = fileURLToPath(new URL('../README.md', import.meta.url));
const importOnly = fileURLToPath(new URL('./fixtures/importOnly.ts', import.meta.url));

describe('README example', () => {
  it('is the same code as examples/basic.ts', () => {
    const block = /```ts\n(import \{[^\n]*\n[^\n]*'@scitex\/tee-log';\n[\s\S]*?)```/.exec(
      readFileSync(readme, 'utf8'),
    );
    expect(block?.[1]).toBe(readFileSync(example, 'utf8'));
  });

  it('prints exactly its //=> comments; the terminal gets the raw bytes', async () => {
    const expected = readFileSync(example, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('//=> '))
      .map((line) => line.slice('//=> '.length));
    const dir = useTempDir();
    const r = await runFixture(example, { cwd: dir.path });
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual(expected);
    expect(r.stderr).toBe(
      '\rstep 0/100\rstep 25/100\rstep 50/100\rstep 75/100\rstep 100/100 \x1b[32mdone\x1b[0m\n',
    );
  });
});

describe('importing', () => {
  it('has no side effects: nothing patched, no listeners, no files', async () => {
    const dir = useTempDir();
    const r = await runFixture(importOnly, { cwd: dir.path });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      exports: ['TERMINATING_SIGNALS', 'TeeError', 'pipeChild', 'tee'],
      writesUntouched: true,
      processUntouched: true,
      listenersAdded: [],
      filesCreated: [],
    });
  });
});
