import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runFixture } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';

const example = fileURLToPath(new URL('../examples/basic.ts', import.meta.url));
const readme = fileURLToPath(new URL('../README.md', import.meta.url));

describe('the README example', () => {
  it('prints exactly what its //=> comments say', async () => {
    const source = readFileSync(example, 'utf8');
    const expected = [...source.matchAll(/\/\/=>(?: (.*))?$/gm)].map((m) => m[1] ?? '');
    const result = await runFixture(example, { env: { SCITEX_DEBUG: undefined } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(expected.join('\n') + '\n');
  });

  it('is the one shown in the README', () => {
    expect(readFileSync(readme, 'utf8')).toContain(
      '```ts\n' + readFileSync(example, 'utf8') + '```',
    );
  });
});
