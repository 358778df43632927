// Faults found by the reliability suite (tests/reliability has the full matrix): a closed
// stdout pipe, a start() that fails after its directory exists, values that broke error
// messages, and secrets printed in the banner.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collect, fixtureCommand, runFixture, useTempDir } from '@scitex/test-utils';
import { formatArgs } from '../src/banner.ts';
import { onlySession } from './helpers.ts';

const fixture = fileURLToPath(new URL('./fixtures/hardening.ts', import.meta.url));

describe('hardening', () => {
  it('`node exp.js | head -1`: the run does not die of EPIPE; it finishes and its log is complete', async () => {
    const tmp = useTempDir();
    const out = tmp.join('exp_out');
    const argv = fixtureCommand(fixture, { args: ['reader-gone'] });
    const child = spawn(
      'bash',
      ['-c', '"$0" "$@" | head -1; exit ${PIPESTATUS[0]}', process.execPath, ...argv],
      {
        cwd: tmp.path,
        env: { ...process.env, OUT: out, NODE_OPTIONS: '', VITEST: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const r = await collect(child);
    expect(r.stderr).not.toContain('Unhandled');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('scitex: the reader of stdout went away (EPIPE); the run goes on');
    const s = onlySession(out);
    expect(s.folder).toBe('FINISHED_SUCCESS');
    expect(s.stdout).toContain('line 0\n');
    expect(s.stdout).toContain('after the reader went away\n');
    expect(s.stdout).toContain(`Session ${s.config['ID']} FINISHED_SUCCESS`);
  });

  it('start() failing after its directory exists undoes everything', async () => {
    const tmp = useTempDir();
    const out = tmp.join('exp_out');
    const r = await runFixture(fixture, {
      args: ['start-fails'],
      env: { OUT: out },
      cwd: tmp.path,
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stderr.split('\n')[0]!)).toEqual({
      code: 'TEE_ALREADY_ACTIVE',
      restored: true,
    });
    expect(existsSync(join(out, 'RUNNING'))).toBe(false);
    expect(readdirSync(join(out, 'FINISHED_SUCCESS'))).toHaveLength(1);
  });

  it('the banner shows secret-looking arguments as *** unless redaction is off', () => {
    const args = { apiKey: 'sk-1', db_password: 'pw', lr: 0.1 };
    expect(formatArgs(args)).not.toMatch(/sk-1|pw\b/);
    expect(formatArgs(args)).toMatch(/apiKey\s+: \*\*\*/);
    expect(formatArgs(args)).toMatch(/lr\s+: 0\.1/);
    expect(formatArgs(args, false)).toMatch(/apiKey\s+: sk-1/);
  });
});
