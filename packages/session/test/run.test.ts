// run(): the decorator flow, end to end.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runFixture, useTempDir } from '@scitex/test-utils';
import { onlySession } from './helpers.ts';

const fixture = fileURLToPath(new URL('./fixtures/run-main.ts', import.meta.url));

async function go(args: string[]) {
  const tmp = useTempDir();
  const out = tmp.join('exp_out');
  const r = await runFixture(fixture, { args, env: { OUT: out }, cwd: tmp.path });
  return { r, out };
}

describe('run()', () => {
  it('success: parsed arguments reach main, CONFIG.ARGS records them, FINISHED_SUCCESS', async () => {
    const { r, out } = await go(['-e', '3', '--lr', '0.5', '--verbose']);
    expect(r.code).toBe(0);
    const s = onlySession(out);
    expect(s.folder).toBe('FINISHED_SUCCESS');
    expect(s.config['ARGS']).toEqual({ lr: 0.5, epochs: 3, mode: 'ok', verbose: true });
    expect(s.stderr).toContain('INFO: lr=0.5 epochs=3 mode=ok verbose=true');
    expect(s.stdout).toContain('train completed');
    expect(s.stdout).toMatch(/epochs\s+: 3/);
  });

  it('a returned number is the exit status', async () => {
    const { r, out } = await go(['-e', '1', '--mode', 'fail']);
    expect(r.code).toBe(3);
    const s = onlySession(out);
    expect(s.folder).toBe('FINISHED_ERROR');
    expect(s.config['EXIT_STATUS']).toBe(3);
  });

  it('a throw is FINISHED_ERROR with the stack in stderr.log and exit code 1', async () => {
    const { r, out } = await go(['-e', '1', '--mode', 'throw']);
    expect(r.code).toBe(1);
    const s = onlySession(out);
    expect(s.folder).toBe('FINISHED_ERROR');
    expect(s.stderr).toContain('Error in train: Error: training diverged');
    expect(s.stderr).toMatch(/at train .*run-main\.ts/);
    expect(s.config['ERROR']).toMatchObject({ message: 'training diverged' });
  });

  it('--help prints the description and options, exits 0 and creates nothing', async () => {
    const { r, out } = await go(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Train a tiny model (fixture).');
    expect(r.stdout).toMatch(/-l, --lr <number>\s+learning rate \(default: 0\.01\)/);
    expect(r.stdout).toMatch(/--mode <value>.*choices: "ok", "fail", "throw"/s);
    expect(existsSync(out)).toBe(false);
  });

  for (const [what, args, msg] of [
    ['a missing required option', [], /required option '-e, --epochs <number>' not specified/],
    ['a non-number', ['-e', 'ten'], /"ten" is not a number/],
    [
      'a value outside the choices',
      ['-e', '1', '--mode', 'maybe'],
      /Allowed choices are ok, fail, throw/,
    ],
    ['an unknown option', ['-e', '1', '--nope'], /unknown option '--nope'/],
  ] as const) {
    it(`${what} exits 2 with usage, before any directory exists`, async () => {
      const { r, out } = await go([...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(r.stderr).toContain('--help');
      expect(existsSync(out)).toBe(false);
    });
  }
});
