// Pure pieces: option validation, exit-status mapping, run time, argument parsing, the
// session's lazily loaded plt.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import {
  formatRunTime,
  parseArgs,
  SessionError,
  signalExitStatus,
  statusFolder,
} from '../src/index.ts';
import { resolveOptions } from '../src/options.ts';
import * as pltModule from '@scitex/plt';
import { lazyPlt } from '../src/lazyPlt.ts';
import { hostInfo } from '../src/host.ts';
import { userInfo } from 'node:os';
import { start } from '../src/start.ts';

describe('formatRunTime', () => {
  it.each([
    [0, '00:00:00'],
    [45_000, '00:00:45'],
    [330_000, '00:05:30'],
    [(2 * 3600 + 15 * 60 + 45) * 1000 + 999, '02:15:45'],
    [(100 * 3600 + 30 * 60 + 15) * 1000, '100:30:15'],
  ])('%i ms → %s', (ms, s) => expect(formatRunTime(ms)).toBe(s));
});

describe('exit status', () => {
  it('maps to status folders', () => {
    expect(statusFolder(0)).toBe('FINISHED_SUCCESS');
    expect(statusFolder(1)).toBe('FINISHED_ERROR');
    expect(statusFolder(-1)).toBe('FINISHED_ERROR');
    expect(statusFolder(130)).toBe('FINISHED_ERROR');
    expect(statusFolder(null)).toBe('FINISHED');
    expect(statusFolder(undefined)).toBe('FINISHED');
  });
  it('maps signals the shell way', () => {
    expect(signalExitStatus('SIGINT')).toBe(130);
    expect(signalExitStatus('SIGTERM')).toBe(143);
    expect(signalExitStatus('SIGHUP')).toBe(129);
  });
});

describe('start() options', () => {
  it('fills in the seed defaults', () => {
    expect(resolveOptions(undefined)).toMatchObject({
      seed: 42,
      verbose: true,
      tee: true,
      patchMathRandom: true,
      configDir: undefined,
      figSizeMm: [160, 100],
      dpiSave: 300,
      dpiDisplay: 100,
      hideTopRightSpines: true,
      alpha: 0.9,
      lineWidth: 1,
    });
  });
  it.each([
    [{ seed: -1 }, /seed.*integer in \[0, 2\^32\)/],
    [{ seed: 1.5 }, /seed/],
    [{ seed: '42' }, /seed/],
    [{ seed: 2 ** 32 }, /seed/],
    [{ fig_size_mm: [1, 2] }, /unknown option "fig_size_mm" — did you mean "figSizeMm"/],
    [{ figSizeMm: [160] }, /figSizeMm/],
    [{ tee: 'yes' }, /"tee" must be true or false/],
    [{ dpiSave: 0 }, /dpiSave/],
    [{ alpha: 2 }, /alpha/],
    [{ sdir: '' }, /sdir/],
    [{ args: [1] }, /args/],
    ['opts', /options must be an object/],
    // Values JSON cannot show are named as they are.
    [{ seed: 1n }, /got 1n/],
    [{ seed: NaN }, /got NaN/],
    [{ dpiSave: Infinity }, /got Infinity/],
  ])('%o is refused with SESSION_INVALID_OPTION', (opts, msg) => {
    let err: unknown;
    try {
      resolveOptions(opts);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SessionError);
    expect((err as SessionError).code).toBe('SESSION_INVALID_OPTION');
    expect((err as Error).message).toMatch(msg);
  });
});

describe('parseArgs', () => {
  const schema = {
    lr: { type: 'number', default: 0.01, short: 'l' },
    nEpochs: { type: 'number', required: true },
    model: { type: 'string', choices: ['mlp', 'cnn'], default: 'mlp' },
    k: { type: 'number', choices: [1, 3, 5], default: 3 },
    dryRun: { type: 'boolean' },
    cache: { type: 'boolean', default: true },
  } as const;
  const quiet = { stdout: () => {}, stderr: () => {} };

  it('parses typed values, kebab-case flags, numeric choices and --no-', () => {
    const r = parseArgs(
      schema,
      ['--n-epochs', '5', '-l', '1e-3', '--k', '5', '--dry-run', '--no-cache'],
      quiet,
    );
    expect(r).toEqual({
      kind: 'ok',
      args: { lr: 0.001, nEpochs: 5, model: 'mlp', k: 5, dryRun: true, cache: false },
      set: [],
    });
  });
  it('collects --set KEY=VALUE in order (the CONFIG overrides)', () => {
    const r = parseArgs(
      schema,
      ['--set', 'PARAMS.lr=0.1', '--n-epochs', '1', '--set', 'SEED=7'],
      quiet,
    );
    expect(r.kind === 'ok' && r.set).toEqual(['PARAMS.lr=0.1', 'SEED=7']);
  });
  it('gives booleans a false default', () => {
    const r = parseArgs(schema, ['--n-epochs', '1'], quiet);
    expect(r.kind === 'ok' && r.args.dryRun).toBe(false);
  });
  it('asks for exit 0 on --help and 2 on bad input', () => {
    let help = '';
    expect(parseArgs(schema, ['--help'], { stdout: (s) => (help += s), stderr: () => {} })).toEqual(
      { kind: 'exit', code: 0 },
    );
    expect(help).toMatch(/--n-epochs <number>/);
    expect(parseArgs(schema, [], quiet)).toEqual({ kind: 'exit', code: 2 });
    expect(parseArgs(schema, ['--n-epochs', 'x'], quiet)).toEqual({ kind: 'exit', code: 2 });
    expect(parseArgs(schema, ['--n-epochs', '1', 'extra'], quiet)).toEqual({
      kind: 'exit',
      code: 2,
    });
  });
  it('refuses a broken schema', () => {
    expect(() => parseArgs({ a: { type: 'date' as 'string' } }, [], quiet)).toThrow(/type must be/);
    expect(() => parseArgs({ a: { type: 'string', short: 'h' } }, [], quiet)).toThrow(
      /-h .* --help/,
    );
    expect(() =>
      parseArgs(
        { a: { type: 'string', short: 'x' }, b: { type: 'string', short: 'x' } },
        [],
        quiet,
      ),
    ).toThrow(/already taken/);
  });
});

describe('the session plt (loaded on first use)', () => {
  it('refuses options @scitex/plt would refuse, at once', () => {
    expect(() => lazyPlt({ figSizeMm: [10, 10] })).toThrow(/between 20×15 mm and 2000×2000 mm/);
  });

  it('start() turns that into SESSION_INVALID_OPTION before any directory exists', () => {
    const out = makeTempDir();
    try {
      let err: unknown;
      try {
        start({ sdir: out.path, figSizeMm: [10, 10], configDir: join(out.path, 'none') });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(SessionError);
      expect((err as SessionError).code).toBe('SESSION_INVALID_OPTION');
      expect((err as Error).message).toMatch(/figSizeMm.*20×15 mm/);
      expect(readdirSync(out.path)).toEqual([]);
    } finally {
      out.cleanup();
    }
  });

  it('has options and colours before plotting, and follows configure()', () => {
    const plt = lazyPlt({ alpha: 0.5, figSizeMm: [100, 60] }, () => pltModule);
    expect(plt.options.figSizeMm).toEqual([100, 60]);
    expect(plt.CC.blue.rgba()).toMatch(/,0\.5\)$/);
    expect(plt.COLORS).toBe(plt.CC);
    plt.configure({ alpha: 0.25 });
    expect(plt.options.alpha).toBe(0.25);
    expect(plt.CC.blue.rgba()).toMatch(/,0\.25\)$/);
    const { fig, axes } = plt.subplots();
    expect(axes.plot([1, 2], [3, 4], { color: plt.CC.red })).toBeDefined();
    fig.close();
  });
});

describe('CONFIG.HOST', () => {
  it('takes the user from $USER (or $LOGNAME), the user database only without them', () => {
    expect(hostInfo({ USER: 'alice', LOGNAME: 'bob' }).user).toBe('alice');
    expect(hostInfo({ LOGNAME: 'bob' }).user).toBe('bob');
    expect(hostInfo({}).user).toBe(userInfo().username);
  });

  it('records scheduler job variables only when they are set', () => {
    expect(hostInfo({}).job).toBeUndefined();
    expect(hostInfo({ SLURM_JOB_ID: '42', CUDA_VISIBLE_DEVICES: '0,1' }).job).toEqual({
      SLURM_JOB_ID: '42',
      CUDA_VISIBLE_DEVICES: '0,1',
    });
  });
});
