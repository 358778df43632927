// The sweep command: grid parsing, validation before anything is written, the local pool
// (manifest first, every task a session, Ctrl-C), status and collect.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect, spawnFixture, useTempDir } from '@scitex/test-utils';
import { parseGrid, splitValues } from '../src/sweep/grid.ts';
import { chunkTasks, renderSbatchScript } from '../src/sweep/sbatchScript.ts';
import { shellQuote, splitShellWords } from '../src/sweep/shellWords.ts';
import { sweepContext } from '../src/sweep/context.ts';
import type { SweepManifest } from '../src/sweep/manifest.ts';
import {
  makeProject,
  onlySweepDir,
  sessionsOf,
  sweep,
  sweepCli,
  sweepTask,
  killTasks,
  taskNodeArgs,
  waitUntil,
} from './sweepHelpers.ts';

describe('grid', () => {
  it('is the product of the values, the first key slowest', () => {
    const g = parseGrid(['PARAMS.lr=0.1,0.2', '+PARAMS.wd=0,1e-4', 'ARGS.mode=a']);
    expect(g.tasks).toEqual([
      ['PARAMS.lr=0.1', '+PARAMS.wd=0', 'ARGS.mode=a'],
      ['PARAMS.lr=0.1', '+PARAMS.wd=1e-4', 'ARGS.mode=a'],
      ['PARAMS.lr=0.2', '+PARAMS.wd=0', 'ARGS.mode=a'],
      ['PARAMS.lr=0.2', '+PARAMS.wd=1e-4', 'ARGS.mode=a'],
    ]);
    expect(g.axes[1]).toEqual({ key: 'PARAMS.wd', add: true, values: ['0', '1e-4'] });
  });

  it('does not split inside brackets or quotes', () => {
    expect(splitValues('[64,32], [128, 64],{a: 1, b: 2}')).toEqual([
      '[64,32]',
      '[128, 64]',
      '{a: 1, b: 2}',
    ]);
    expect(splitValues(`'a,b',"c,\\"d",e`)).toEqual([`'a,b'`, `"c,\\"d"`, 'e']);
  });

  it('refuses an empty grid, a malformed key, a repeated key and a bad value', () => {
    expect(() => parseGrid([])).toThrow(/nothing to sweep/);
    expect(() => parseGrid(['PARAMS.lr'])).toThrow(/no "="/);
    expect(() => parseGrid(['PARAMS.lr='])).toThrow(/no values/);
    expect(() => parseGrid(['a..b=1'])).toThrow(/malformed key/);
    expect(() => parseGrid(['a=1', 'a=2'])).toThrow(/given twice/);
    expect(() => parseGrid(['a=[1,2'])).toThrow(/not valid YAML/);
  });
});

describe('shell words', () => {
  it('split like a shell and quote back', () => {
    expect(splitShellWords(`--partition=gpu  --comment='a b' --x="c \\"d\\"" e\\ f`)).toEqual([
      '--partition=gpu',
      '--comment=a b',
      '--x=c "d"',
      'e f',
    ]);
    expect(() => splitShellWords(`--x='a`)).toThrow(/unclosed/);
    expect(shellQuote('/a/b.ts')).toBe('/a/b.ts');
    expect(shellQuote(`it's`)).toBe(`'it'\\''s'`);
  });
});

describe('sbatch script', () => {
  it('splits tasks at MaxArraySize and execs node for task offset + array index', () => {
    expect(chunkTasks(12, 5)).toEqual([
      { offset: 0, count: 5 },
      { offset: 5, count: 5 },
      { offset: 10, count: 2 },
    ]);
    expect(chunkTasks(3, 1001)).toEqual([{ offset: 0, count: 3 }]);
    const manifest = {
      id: '2026Y-01M-02D-03h04m05s_AbC1',
      tasks: Array.from({ length: 12 }, (_, task) => ({ task, overrides: [] })),
      node: '/usr/bin/node',
      nodeArgs: ['--max-old-space-size=4096'],
      script: { path: '/p/exp.mjs', sha256: '' },
      args: ['--epochs', 'a b'],
      cwd: '/p',
    } as unknown as SweepManifest;
    const text = renderSbatchScript({
      manifest,
      dir: '/p/exp_out/SWEEPS/x',
      chunk: { offset: 5, count: 5 },
      parallel: 2,
      grace: 90,
    });
    expect(text).toContain('#SBATCH --array=0-4%2\n');
    expect(text).toContain('#SBATCH --signal=B:USR1@90\n');
    expect(text).toContain('#SBATCH --requeue\n');
    expect(text).toContain('#SBATCH --output=/p/exp_out/SWEEPS/x/slurm/%A_%a.out\n');
    expect(text).toContain('SCITEX_SWEEP_OFFSET=5\n');
    expect(text).toContain(
      "\nexec /usr/bin/node --max-old-space-size=4096 /p/exp.mjs --epochs 'a b'\n",
    );
  });
});

describe('sweepContext', () => {
  it('reads SCITEX_SWEEP and the attempt; nothing outside a sweep', () => {
    expect(sweepContext({})).toBeUndefined();
    expect(
      sweepContext({
        SCITEX_SWEEP: '{"id":"S1","task":3}',
        SLURM_ARRAY_JOB_ID: '12',
        SLURM_ARRAY_TASK_ID: '3',
      }),
    ).toEqual({ SWEEP: { id: 'S1', task: 3, attempt: 0, job: '12_3' } });
    expect(
      sweepContext({ SCITEX_SWEEP: '{"id":"S1","task":0}', SLURM_RESTART_COUNT: '2' })?.SWEEP
        .attempt,
    ).toBe(2);
    for (const bad of ['x', '{"id":"S1"}', '{"id":"../x","task":0}', '{"id":"S","task":-1}']) {
      expect(() => sweepContext({ SCITEX_SWEEP: bad }), bad).toThrow(/SCITEX_SWEEP must be JSON/);
    }
  });
});

describe('sweep (local backend)', () => {
  it('refuses bad input with exit 2 before writing anything', async () => {
    const tmp = useTempDir();
    makeProject(tmp.path);
    const out = tmp.join('out');
    const cases: [string[], RegExp][] = [
      [[sweepTask, '--out', out], /nothing to sweep/],
      [[sweepTask, '--grid', 'PARAMS.lrr=0.1,0.2', '--out', out], /Did you mean "PARAMS.lr"/],
      [[sweepTask, '--grid', 'PARAMS.lr=', '--out', out], /no values/],
      [[sweepTask, '--grid', 'PARAMS.lr=1', '--grid', 'PARAMS.lr=2', '--out', out], /twice/],
      [[tmp.join('missing.ts'), '--grid', 'PARAMS.lr=1', '--out', out], /not a script file/],
      [[sweepTask, '--grid', 'PARAMS.lr=1', '-j', '0', '--out', out], /-j\/--jobs/],
      [[sweepTask, '--grid', 'PARAMS.lr=1', '--backend', 'pbs', '--out', out], /local or slurm/],
    ];
    for (const [args, message] of cases) {
      const r = await sweep(['sweep', ...args], tmp.path);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(existsSync(out)).toBe(false);
    // A +KEY may be new; ARGS.* and SEED are checked by the task's own start() (this
    // task declares no arguments, so its new one needs the +).
    const ok = await sweep(
      [
        'sweep',
        sweepTask,
        '--grid',
        '+PARAMS.new=1',
        '--grid',
        '+ARGS.anything=2',
        '--out',
        out,
        '-j',
        '1',
        ...taskNodeArgs(),
      ],
      tmp.path,
    );
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('writes the manifest first, runs a 6-task grid as sessions, reports status and collects', async () => {
    const tmp = useTempDir();
    makeProject(tmp.path);
    const out = tmp.join('out');
    const r = await sweep(
      [
        'sweep',
        sweepTask,
        '--grid',
        'PARAMS.lr=0.1,0.2,0.3',
        '--grid',
        'PARAMS.fail=false,true',
        '-j',
        '2',
        '--out',
        out,
        '--json',
        ...taskNodeArgs(),
      ],
      tmp.path,
    );
    expect(r.code, r.stderr).toBe(1); // three tasks fail on purpose
    expect(r.stderr).toMatch(/6\/6 done \(3 failed\), 0 running/);
    const dir = onlySweepDir(out);
    const result = JSON.parse(r.stdout) as { id: string; exitCode: number };
    expect(dir.endsWith(result.id)).toBe(true);

    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as SweepManifest;
    expect(manifest).toMatchObject({
      format: 'scitex-sweep',
      backend: 'local',
      local: { jobs: 2 },
    });
    expect(manifest.script.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.command).toContain(manifest.script.path);
    expect(manifest.tasks).toHaveLength(6);
    expect(manifest.tasks[5]).toEqual({
      task: 5,
      overrides: ['PARAMS.lr=0.3', 'PARAMS.fail=true'],
    });

    const sessions = sessionsOf(out);
    expect(sessions).toHaveLength(6);
    const created = statSync(join(dir, 'manifest.json')).mtimeMs;
    for (const s of sessions) {
      const sw = s.config['SWEEP'] as { id: string; task: number; attempt: number };
      expect(sw).toMatchObject({ id: result.id, attempt: 0 });
      expect(s.config['MANIFEST_SEEN']).toBe(true);
      expect(new Date(s.config['START_TIME'] as string).getTime()).toBeGreaterThanOrEqual(
        Math.floor(created) - 1000,
      );
      expect(s.folder).toBe(sw.task % 2 === 1 ? 'FINISHED_ERROR' : 'FINISHED_SUCCESS');
    }
    expect(new Set(sessions.map((s) => (s.config['SWEEP'] as { task: number }).task)).size).toBe(6);

    const status = await sweep(['sweep', 'status', result.id, out], tmp.path);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(
      /^5 +PARAMS\.lr=0\.3 PARAMS\.fail=true +FINISHED_ERROR +\S+ +3 +1/m,
    );
    expect(status.stdout).toContain('3 FINISHED_SUCCESS, 3 FINISHED_ERROR');

    const csv = await sweep(['sweep', 'collect', result.id.slice(-4), '--csv'], out);
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'task,PARAMS.lr,PARAMS.fail,status,run_time,exit_status,session,metric:loss',
    );
    expect(lines).toHaveLength(7);
    expect(lines[3]).toMatch(
      /^2,0\.2,false,FINISHED_SUCCESS,\d\d:\d\d:\d\d,0,.*FINISHED_SUCCESS.*,0\.0666/,
    );
    const json = await sweep(['sweep', 'collect', result.id, out, '--json'], tmp.path);
    const rows = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(rows[1]).toMatchObject({
      task: 1,
      'PARAMS.lr': 0.1,
      'PARAMS.fail': true,
      exit_status: 3,
    });
  });

  // Needs start() to apply SCITEX_SET and record SWEEP/OVERRIDES itself (the lead's wiring).
  it('each task session records SWEEP and OVERRIDES from start(), and its CONFIG has the values', async () => {
    const tmp = useTempDir();
    makeProject(tmp.path);
    const out = tmp.join('out');
    const r = await sweep(
      ['sweep', sweepTask, '--grid', 'PARAMS.lr=0.5,0.25', '--out', out, ...taskNodeArgs()],
      tmp.path,
    );
    expect(r.code, r.stderr).toBe(0);
    for (const s of sessionsOf(out)) {
      expect(s.config['SWEEP_SET_BY_FIXTURE']).toBeUndefined();
      const task = (s.config['SWEEP'] as { task: number }).task;
      const lr = task === 0 ? 0.5 : 0.25;
      expect((s.config['PARAMS'] as { lr: number }).lr).toBe(lr);
      expect(s.config['OVERRIDES']).toEqual([
        { key: 'PARAMS.lr', value: lr, source: 'SCITEX_SET', added: false },
      ]);
    }
  });

  it(
    'Ctrl-C stops the pool: running tasks end truthfully, the rest are recorded as not run',
    {
      timeout: 120_000,
    },
    async () => {
      const tmp = useTempDir();
      makeProject(tmp.path);
      const out = tmp.join('out');
      const child = spawnFixture(sweepCli, {
        cwd: tmp.path,
        args: [
          'sweep',
          sweepTask,
          '--grid',
          'PARAMS.lr=1,2,3,4,5,6',
          '--grid',
          'PARAMS.sleep=600000',
          '-j',
          '2',
          '--out',
          out,
          ...taskNodeArgs(),
        ],
      });
      const done = collect(child, { timeoutMs: 90_000 });
      try {
        await waitUntil(
          () =>
            sessionsOf(out).filter(
              (s) =>
                s.folder === 'RUNNING' &&
                existsSync(join(s.dir, 'logs', 'stdout.log')) &&
                readFileSync(join(s.dir, 'logs', 'stdout.log'), 'utf8').includes('ready'),
            ).length === 2,
          30_000,
          'two running tasks',
        );
        child.kill('SIGINT');
        const r = await done;
        expect(r.code, r.stderr).toBe(130);
        expect(r.stderr).toMatch(/stopping \(SIGINT\)/);
        const sessions = sessionsOf(out);
        expect(sessions).toHaveLength(2);
        for (const s of sessions) {
          expect(s.folder).toBe('FINISHED_ERROR');
          expect(s.config).toMatchObject({ SIGNAL: 'SIGINT', EXIT_STATUS: 130 });
        }
        const dir = onlySweepDir(out);
        const state = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as {
          stopped: string;
          tasks: { state: string; signal?: string }[];
        };
        expect(state.stopped).toBe('SIGINT');
        expect(state.tasks.map((t) => t.state)).toEqual([
          'failed',
          'failed',
          'not-run',
          'not-run',
          'not-run',
          'not-run',
        ]);
        expect(state.tasks[0]!.signal).toBe('SIGINT');
        const status = await sweep(['sweep', 'status', dir.slice(-4), out], tmp.path);
        expect(status.stdout).toContain('2 FINISHED_ERROR, 4 not-run');
      } finally {
        child.kill('SIGKILL');
        await done.catch(() => undefined);
        killTasks(out);
      }
    },
  );
});
