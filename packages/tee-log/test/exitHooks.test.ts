/**
 * Interplay with other exit hooks (as @scitex/session registers them): their closing
 * output reaches the log whether or not they close the tee, and the process ends as it
 * would without tee.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { collect, runFixture, spawnFixture, useTempDir, waitForOutput } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./fixtures/exitHooks.ts', import.meta.url));

describe('other exit hooks', () => {
  it.each([
    ['normal', 'close', 0],
    ['normal', 'flush', 0],
    ['exit', 'close', 2],
    ['exit', 'flush', 2],
    ['throw', 'close', 1],
  ] as const)(
    '%s, hook does %s: its output is logged, exit code %i',
    async (mode, closeIt, code) => {
      const dir = useTempDir();
      const r = await runFixture(fixture, { args: [mode, dir.path, closeIt] });
      expect([r.code, r.signal]).toEqual([code, null]);
      const log = readFileSync(dir.join('stdout.log'), 'utf8');
      // Listeners registered before and after tee() alike are in the log.
      expect(log).toBe(`working\nplain exit listener\nclosing: code=${code} signal=null\n`);
      expect(r.stdout).toBe(log);
      if (mode === 'throw')
        expect(readFileSync(dir.join('stderr.log'), 'utf8')).toMatch(/^Error: boom\n/);
    },
  );

  it.each(['close', 'flush'])(
    'SIGTERM, hook does %s: closing message logged, dies of SIGTERM',
    async (closeIt) => {
      const dir = useTempDir();
      const child = spawnFixture(fixture, { args: ['wait', dir.path, closeIt] });
      const done = collect(child);
      await waitForOutput(child, 'READY');
      child.kill('SIGTERM');
      const r = await done;
      expect([r.code, r.signal]).toEqual([null, 'SIGTERM']);
      expect(readFileSync(dir.join('stdout.log'), 'utf8')).toBe(
        'working\nclosing: code=null signal=SIGTERM\n',
      );
    },
  );
});
