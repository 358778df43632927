// The README's side-by-side example: the TypeScript and the Python program print the same
// lines, and those lines are the //=> comments of the TypeScript one.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runFixture, useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { runPython } from './python.ts';

const read = (path: string): string =>
  readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');
const tsExample = fileURLToPath(new URL('../examples/sameNumbers.ts', import.meta.url));

describe('README: same numbers as Python', () => {
  const ts = read('../examples/sameNumbers.ts');
  const py = read('../examples/same_numbers.py');
  const expected = ts
    .split('\n')
    .filter((line) => line.startsWith('//=> '))
    .map((line) => line.slice('//=> '.length));

  it('shows both programs as they are', () => {
    const readme = read('../README.md');
    expect(readme).toContain(`\`\`\`ts\n${ts}\`\`\``);
    expect(readme).toContain(`\`\`\`python\n${py}\`\`\``);
  });

  it('the TypeScript program prints its //=> lines', async () => {
    expect(expected.length).toBeGreaterThan(5);
    const result = await runFixture(tsExample, { cwd: useTempDir().path });
    expect(result.stderr).toBe('');
    expect(result.stdout.trimEnd().split('\n')).toEqual(expected);
  });

  it('the Python program prints the same lines (Debian python3-numpy)', () => {
    // runPython runs test/fixtures/<script>; the example lives in examples/.
    const out = runPython('../../examples/same_numbers.py', []).toString();
    expect(out.trimEnd().split('\n')).toEqual(expected);
  });
});
