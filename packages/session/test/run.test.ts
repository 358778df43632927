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

describe('run() overrides', () => {
  it('--set ARGS.x and SEED reach main and CONFIG; CONFIG.OVERRIDES says where from', async () => {
    const { r, out } = await go(['-e', '3', '--set', 'ARGS.lr=0.25', '--set', 'SEED=7']);
    expect(r.code, r.stderr).toBe(0);
    const s = onlySession(out);
    expect(s.config['ARGS']).toMatchObject({ lr: 0.25, epochs: 3 });
    expect(s.config['SEED']).toBe(7);
    expect(s.stderr).toContain('INFO: lr=0.25 epochs=3');
    expect(s.config['OVERRIDES']).toEqual([
      { key: 'ARGS.lr', value: 0.25, source: '--set', added: false },
      { key: 'SEED', value: 7, source: '--set', added: false },
    ]);
  });

  it('SCITEX_SET applies too, and --set wins over it', async () => {
    const tmp = useTempDir();
    const out = tmp.join('exp_out');
    const r = await runFixture(fixture, {
      args: ['-e', '1', '--set', 'ARGS.lr=0.5'],
      env: { OUT: out, SCITEX_SET: JSON.stringify(['ARGS.lr=0.1', 'ARGS.mode=fail']) },
      cwd: tmp.path,
    });
    expect(r.code).toBe(3); // mode=fail from SCITEX_SET
    expect(onlySession(out).config['ARGS']).toMatchObject({ lr: 0.5, mode: 'fail' });
  });

  it.each([
    [['--set', 'ARGS.lrr=0.1'], /unknown key "ARGS\.lrr"/],
    [['--set', 'PARAMS.lr=0.1'], /unknown key "PARAMS\.lr"/],
    [['--set', 'ARGS.lr=fast'], /ARGS\.lr must be a number/],
    [['--set', 'ARGS.mode=walk'], /ARGS\.mode must be one of ok, fail, throw/],
    [['--set', 'SEED=-1'], /SEED must be an integer/],
    [['--set', 'nonsense'], /KEY=VALUE/],
  ])('%j: exit 2 with a message, before any directory exists', async (extra, message) => {
    const { r, out } = await go(['-e', '1', ...extra]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('+KEY=VALUE adds a key no config defines', async () => {
    const { r, out } = await go(['-e', '1', '--set', '+EXTRA.note=hello']);
    expect(r.code, r.stderr).toBe(0);
    expect(onlySession(out).config['EXTRA']).toEqual({ note: 'hello' });
  });
});
