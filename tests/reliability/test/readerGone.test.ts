// The consumer closes the pipe early (`node exp.js | head -1`): the run must not die of
// EPIPE. It finishes as the script says, and its logs hold everything it printed.
import { describe, expect, it } from 'vitest';
import { useTempDir } from '@scitex/test-utils';
import { spawn } from 'node:child_process';
import { collectNode, fixtureEnv } from './helpers/node.ts';
import { fixture } from './helpers/paths.ts';
import { onlySession, type Folder } from './helpers/sessions.ts';

interface Case {
  name: string;
  mode: 'close' | 'end' | 'exit-5';
  tee: boolean;
  /** `2>&1 | head -1`: stderr's reader is gone too. */
  both: boolean;
  folder: Folder;
  code: number;
}

const CASES: Case[] = [
  { name: 'close()', mode: 'close', tee: true, both: false, folder: 'FINISHED_SUCCESS', code: 0 },
  {
    name: 'the script just ends',
    mode: 'end',
    tee: true,
    both: false,
    folder: 'FINISHED_SUCCESS',
    code: 0,
  },
  {
    name: 'process.exit(5)',
    mode: 'exit-5',
    tee: true,
    both: false,
    folder: 'FINISHED_ERROR',
    code: 5,
  },
  {
    name: 'close(), stdout and stderr both into the closed pipe (2>&1)',
    mode: 'close',
    tee: true,
    both: true,
    folder: 'FINISHED_SUCCESS',
    code: 0,
  },
  {
    name: 'close(), tee off',
    mode: 'close',
    tee: false,
    both: false,
    folder: 'FINISHED_SUCCESS',
    code: 0,
  },
];

describe('the stdout reader goes away mid-run (`| head -1`)', () => {
  for (const c of CASES) {
    it(`${c.name}: ${c.folder}, exit ${c.code}, logs complete`, async () => {
      const tmp = useTempDir();
      const out = tmp.join('exp_out');
      const redirect = c.both ? ' 2>&1' : '';
      const child = spawn(
        'bash',
        [
          '-c',
          `"$NODE_BIN" "$0" "$@"${redirect} | head -1; exit \${PIPESTATUS[0]}`,
          fixture('reader-gone.mjs'),
          c.mode,
        ],
        {
          cwd: tmp.path,
          env: fixtureEnv({ OUT: out, TEE: c.tee ? '1' : '0', NODE_BIN: process.execPath }),
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const r = await collectNode(child);
      expect(r.code).toBe(c.code);
      expect(r.stderr).not.toMatch(/EPIPE.*\n\s+at |Unhandled 'error' event/);
      if (!c.both) {
        expect(r.stderr).toContain(
          'scitex: the reader of stdout went away (EPIPE); the run goes on',
        );
        expect(r.stderr).toContain('still running after the reader went away');
      }
      const s = onlySession(out);
      expect(s.folder).toBe(c.folder);
      expect(s.config['EXIT_STATUS']).toBe(c.code);
      if (!c.tee) {
        expect(r.stderr).toContain('and its stdout is discarded');
        expect(s.stdout).toBeNull();
        return;
      }
      const count = Number(/COUNT (\d+)/.exec(s.stderr!)![1]);
      expect(count).toBeGreaterThan(0);
      const lines = s.stdout!.split('\n');
      const before = lines.filter((l) => l.startsWith('before '));
      const after = lines.filter((l) => l.startsWith('after '));
      expect(before).toEqual(Array.from({ length: count }, (_, i) => `before ${i}`));
      expect(after).toEqual(Array.from({ length: 1000 }, (_, i) => `after ${i}`));
      expect(s.stdout).toContain('first line\n');
      expect(s.stdout).toContain(`Session ${s.name} ${c.folder}`);
      expect(s.stderr).toContain('scitex: the reader of stdout went away (EPIPE)');
      expect(s.stderr).toContain('still running after the reader went away\n');
    });
  }
});
