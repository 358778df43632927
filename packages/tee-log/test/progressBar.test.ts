/**
 * A real progress-bar library and a real colour library: the terminal receives exactly
 * what the program wrote (live bars, colours), the logs hold only the final bar states
 * and no escape codes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runFixture, useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./fixtures/progressBar.ts', import.meta.url));

describe('cli-progress + chalk', () => {
  it('terminal output unchanged; logs clean, one final line per bar', async () => {
    const dir = useTempDir();
    const r = await runFixture(fixture, { args: [dir.path], env: { FORCE_COLOR: '1' } });
    expect(r.code).toBe(0);
    const file = (name: string): Buffer => readFileSync(dir.join(name));

    // The terminal got exactly what the program wrote: colours and live redraws included.
    expect(Buffer.from(r.stdout)).toEqual(file('stdout.written'));
    expect(Buffer.from(r.stderr)).toEqual(file('stderr.written'));
    expect(r.stdout).toContain('\x1b[32m✔\x1b[39m');
    expect(r.stderr.split('\x1b[1G').length).toBeGreaterThan(3 * 5); // many frames per bar
    expect(file('stdout.raw.log')).toEqual(file('stdout.written'));
    expect(file('stderr.raw.log')).toEqual(file('stderr.written'));

    const full = '\u2588'.repeat(20);
    expect(file('stderr.log').toString()).toBe(
      [1, 2, 3].map((e) => `epoch ${e} |${full}| 100% | 40/40\n`).join(''),
    );
    expect(file('stdout.log').toString()).toBe(
      '✔ epoch 1 loss 1.000\n✔ epoch 2 loss 0.500\n✔ epoch 3 loss 0.333\n',
    );
  });
});
