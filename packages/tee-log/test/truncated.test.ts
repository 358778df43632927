/**
 * A log truncated by the user mid-run (`truncate -s 0 logs/stdout.log`) must go on at its
 * new end: no hole of NUL bytes where the old content was, and every later line in it.
 */
import { spawn } from 'node:child_process';
import { readFileSync, truncateSync } from 'node:fs';
import { collect, fixtureCommand, useTempDir, waitForOutput } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';

const fixture = new URL('./fixtures/truncated.ts', import.meta.url).pathname;

describe('a log file truncated while the tee writes it', () => {
  it('keeps writing at its end: no NUL bytes, the later lines present', async () => {
    const dir = useTempDir();
    const logs = dir.join('logs');
    const child = spawn(process.execPath, fixtureCommand(fixture, { args: [logs] }), {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    try {
      const done = collect(child);
      await waitForOutput(child, 'READY');
      const before = readFileSync(dir.join('logs', 'stdout.log'), 'utf8');
      expect(before.endsWith('before 200 ' + '.'.repeat(40) + '\nprogress 10%')).toBe(true);
      for (const f of ['stdout.log', 'stdout.raw.log', 'stderr.log']) {
        truncateSync(dir.join('logs', f), 0);
      }
      child.stdin.end('go\n');
      const r = await done;
      expect(r.code).toBe(0);

      const out = readFileSync(dir.join('logs', 'stdout.log'));
      expect(out.includes(0)).toBe(false);
      expect(out.toString()).toBe('progress 100%\nafter 1\nafter 2\nafter 3\nlast, no newline');
      const raw = readFileSync(dir.join('logs', 'stdout.raw.log'));
      expect(raw.includes(0)).toBe(false);
      expect(raw.toString()).toBe(
        '\rprogress 50%\rprogress 100%\nafter 1\nafter 2\nafter 3\nlast, no newline',
      );
      expect(readFileSync(dir.join('logs', 'stderr.log')).includes(0)).toBe(false);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
