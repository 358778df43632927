import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runFixture, useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { pngInfo } from '../src/render/png.ts';

const example = fileURLToPath(new URL('../examples/quickstart.ts', import.meta.url));
const gallery = fileURLToPath(new URL('../examples/plt-gallery.ts', import.meta.url));
const readme = fileURLToPath(new URL('../README.md', import.meta.url));

describe('the README example', () => {
  it('prints exactly what its //=> comments say', async () => {
    const source = readFileSync(example, 'utf8');
    const expected = [...source.matchAll(/\/\/=>(?: (.*))?$/gm)].map((m) => m[1] ?? '');
    const result = await runFixture(example);
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

describe('the gallery', () => {
  it('renders one PNG per plot type', async () => {
    const dir = useTempDir();
    const result = await runFixture(gallery, { args: [dir.path, '40'] });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const names = readdirSync(dir.path).sort();
    expect(names).toEqual(
      [
        'bar',
        'boxplot',
        'errorbar',
        'fill_between',
        'hist',
        'imshow',
        'log_axes',
        'plot',
        'scatter',
        'subplots',
      ].map((n) => `${n}.png`),
    );
    expect(pngInfo(readFileSync(`${dir.path}/plot.png`))).toMatchObject({
      width: Math.round((80 / 25.4) * 40),
    });
  });
});
