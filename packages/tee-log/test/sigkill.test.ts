/**
 * SIGKILL cannot be observed, so output must already be on disk: older than a fraction
 * of a second, whether the event loop is idle or blocked by a synchronous loop.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { collect, spawnFixture, useTempDir, waitForOutput } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./fixtures/killable.ts', import.meta.url));

async function killed(mode: string): Promise<string> {
  const dir = useTempDir();
  const child = spawnFixture(fixture, { args: [mode, dir.path] });
  const done = collect(child);
  await waitForOutput(child, 'READY');
  child.kill('SIGKILL');
  const r = await done;
  expect(r.signal).toBe('SIGKILL');
  return readFileSync(dir.join('stdout.log'), 'utf8');
}

describe('SIGKILL', () => {
  it('idle process: output written 0.5 s earlier is in the log, the unterminated line too', async () => {
    expect(await killed('idle')).toBe('early line 1\nearly line 2\nearly line 3\nprogress 50%');
  });

  it('busy synchronous loop: the next write after a blocked stretch flushes', async () => {
    expect(await killed('busy')).toBe(
      'early line 1\nearly line 2\nearly line 3\nafter a blocked stretch\n',
    );
  });
});
