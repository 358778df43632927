import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runFixture, useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';

const example = fileURLToPath(new URL('../examples/basic.ts', import.meta.url));
const readme = fileURLToPath(new URL('../README.md', import.meta.url));
const importOnly = fileURLToPath(new URL('./fixtures/importOnly.ts', import.meta.url));

describe('README example', () => {
  it('is the same code as examples/basic.ts', () => {
    const block = /```ts\n(import \{[^\n]*\n[\s\S]*?'@scitex\/metrics';\n[\s\S]*?)```/.exec(
      readFileSync(readme, 'utf8'),
    );
    expect(block?.[1]).toBe(readFileSync(example, 'utf8'));
  });

  it('prints exactly its //=> comments', async () => {
    const expected = readFileSync(example, 'utf8')
      .split('\n')
      .flatMap((line) => {
        const at = line.indexOf('//=> ');
        return at < 0 ? [] : [line.slice(at + '//=> '.length)];
      });
    const dir = useTempDir();
    const r = await runFixture(example, { cwd: dir.path });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual(expected);
  });
});

describe('importing', () => {
  it('has no side effects: no listeners, no files', async () => {
    const dir = useTempDir();
    const r = await runFixture(importOnly, { cwd: dir.path });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      exports: [
        'FLUSH_INTERVAL_MS',
        'HEADER',
        'MAX_NAME_LENGTH',
        'METRICS_FILE',
        'MetricsError',
        'openMetrics',
        'readMetrics',
      ],
      listenersAdded: [],
      filesCreated: [],
    });
  });
});
