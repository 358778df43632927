import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import {
  compareSessions,
  csvCompare,
  csvMaxAbsDiff,
  flattenConfig,
  maskLog,
  parseCsv,
} from '../src/index.ts';

interface Fake {
  id: string;
  folder?: string;
  config?: Record<string, unknown>;
  files?: Record<string, string>;
  stdout?: string;
  stderr?: string;
}

/** A finished session as start()/close() leave it, written by hand. */
function fakeSession(root: string, f: Fake): string {
  const folder = f.folder ?? 'FINISHED_SUCCESS';
  const dir = join(root, folder, f.id);
  mkdirSync(join(dir, 'CONFIGS'), { recursive: true });
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const config = {
    ID: f.id,
    PID: Math.floor(Math.random() * 1e5),
    START_TIME: new Date().toISOString(),
    FILE: '/p/exp.ts',
    SDIR: dir + '/',
    SDIR_PATH: dir,
    SDIR_OUT: root,
    ARGS: {},
    EXIT_STATUS: folder === 'FINISHED_SUCCESS' ? 0 : 1,
    SEED: 42,
    HOST: { hostname: f.id },
    $scitex: { format: 'scitex-config-snapshot', version: 1, types: {} },
    ...f.config,
  };
  writeFileSync(join(dir, 'CONFIGS', 'CONFIG.json'), JSON.stringify(config));
  writeFileSync(join(dir, 'CONFIGS', 'CONFIG.yaml'), `ID: ${f.id}\n`);
  const header = (id: string): string =>
    `SciTeX v0.1.0 | ${id} (PID: ${config.PID})\nSession: ${join(root, 'RUNNING', id)}\n`;
  writeFileSync(join(dir, 'logs', 'stdout.log'), header(f.id) + (f.stdout ?? ''));
  writeFileSync(join(dir, 'logs', 'stderr.log'), f.stderr ?? '');
  for (const [path, text] of Object.entries(f.files ?? {})) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const metricsCsv = (time: string): string => `step,name,value,time\n0,loss,1,${time}\n`;

const A = '2025Y-11M-18D-07h53m37s_Z5MR';
const B = '2025Y-11M-18D-07h59m01s_k2Qa';

describe('compareSessions', () => {
  it('two runs that printed and saved the same: same, whatever their IDs, paths, times', () => {
    const tmp = useTempDir();
    const common = {
      config: { PARAMS: { lr: 0.1 } },
      files: {
        'pi.csv': 'x,y\n1,2\n',
        'fig/pi.png': 'PNG',
        'metrics.csv': metricsCsv('2025-11-18T07:53:38.000Z'),
      },
      stdout: `took 12.3 ms\nrun time 00:00:01 at 2025-11-18T07:53:37.123+09:00\n`,
    };
    const a = fakeSession(tmp.path, { id: A, ...common });
    const b = fakeSession(tmp.join('elsewhere'), {
      id: B,
      ...common,
      files: { ...common.files, 'metrics.csv': metricsCsv('2025-11-18T07:59:02.000Z') },
      stdout: `took 7 ms\nrun time 00:01:02 at 2025-11-18T07:59:01.001+09:00\n`,
    });
    const r = compareSessions(a, b);
    expect(r.params).toEqual([]);
    expect(r.files).toEqual([
      { path: 'fig/pi.png', status: 'same' },
      { path: 'metrics.csv', status: 'same', timestampsDiffer: true },
      { path: 'pi.csv', status: 'same' },
    ]);
    expect(r.logs).toEqual({ stdout: 'same', stderr: 'same' });
    expect(r.status).toEqual({
      a: { folder: 'FINISHED_SUCCESS', exitStatus: 0 },
      b: { folder: 'FINISHED_SUCCESS', exitStatus: 0 },
    });
    expect(r.same).toBe(true);
  });

  it('names each differing parameter and file, the CSV distance and the first log difference', () => {
    const tmp = useTempDir();
    const a = fakeSession(tmp.path, {
      id: A,
      config: { PARAMS: { lr: 0.1, layers: [64, 10], name: 'x' }, ARGS: { epochs: 3 } },
      files: { 'res.csv': 'step,loss\n1,0.5\n2,0.25\n', 'same.txt': 's', 'a-only.txt': 'a' },
      stdout: 'loss 0.25\n',
    });
    const b = fakeSession(tmp.path, {
      id: B,
      folder: 'FINISHED_ERROR',
      config: {
        PARAMS: { lr: 0.2, layers: [64, 20], name: 'x', extra: true },
        ARGS: { epochs: 3 },
      },
      files: { 'res.csv': 'step,loss\n1,0.5\n2,0.125\n', 'same.txt': 's', 'b-only.txt': 'b' },
      stdout: 'loss 0.125\n',
    });
    const r = compareSessions(a, b);
    // EXIT_STATUS is reported under status, not as a parameter.
    expect(r.params).toEqual([
      { key: 'PARAMS.extra', a: undefined, b: true },
      { key: 'PARAMS.layers', a: [64, 10], b: [64, 20] },
      { key: 'PARAMS.lr', a: 0.1, b: 0.2 },
    ]);
    expect(r.files).toEqual([
      { path: 'a-only.txt', status: 'onlyA' },
      { path: 'b-only.txt', status: 'onlyB' },
      { path: 'res.csv', status: 'different', maxAbsDiff: 0.125 },
      { path: 'same.txt', status: 'same' },
    ]);
    expect(r.logs).toEqual({
      stdout: 'different',
      stderr: 'same',
      firstDifference: { log: 'stdout', line: 3, a: 'loss 0.25', b: 'loss 0.125' },
    });
    expect(r.status.b).toEqual({ folder: 'FINISHED_ERROR', exitStatus: 1 });
    expect(r.same).toBe(false);
  });

  it('reports code and dependency differences when both runs recorded them', () => {
    const tmp = useTempDir();
    const code = (sha256: string): Record<string, unknown> => ({ script: '/p/exp.ts', sha256 });
    const deps = (v: string): Record<string, unknown> => ({ node: 'v20', dependencies: { x: v } });
    const a = fakeSession(tmp.path, { id: A, config: { CODE: code('aa'), DEPS: deps('1') } });
    const b = fakeSession(tmp.path, { id: B, config: { CODE: code('bb'), DEPS: deps('2') } });
    const r = compareSessions(a, b);
    expect(r.params).toEqual([]);
    expect(r.code?.map((d) => d.what)).toEqual(['script']);
    expect(r.deps).toEqual([{ name: 'x', recorded: '1', now: '2' }]);
    expect(r.same).toBe(true);
  });

  it('bad input: a missing directory, no snapshot, a corrupt snapshot', () => {
    const tmp = useTempDir();
    const a = fakeSession(tmp.path, { id: A });
    expect(() => compareSessions(a, tmp.join('nope'))).toThrow(
      expect.objectContaining({ code: 'PROVENANCE_NOT_A_SESSION' }),
    );
    mkdirSync(tmp.join('empty'));
    expect(() => compareSessions(tmp.join('empty'), a)).toThrow(
      expect.objectContaining({ code: 'PROVENANCE_NOT_A_SESSION' }),
    );
    const b = fakeSession(tmp.path, { id: B });
    writeFileSync(join(b, 'CONFIGS', 'CONFIG.json'), '{"ID": "trunc');
    expect(() => compareSessions(a, b)).toThrow(
      expect.objectContaining({ code: 'PROVENANCE_BAD_SNAPSHOT' }),
    );
  });
});

describe('flattenConfig', () => {
  it('dotted paths, arrays as leaves, bookkeeping left out', () => {
    const f = flattenConfig({
      ID: 'x',
      PID: 1,
      SDIR: '/a/',
      HOST: { hostname: 'h' },
      PARAMS: { lr: 0.1, nested: { a: [1, 2] }, empty: {} },
      SEED: 42,
    });
    expect([...f]).toEqual([
      ['PARAMS.lr', 0.1],
      ['PARAMS.nested.a', [1, 2]],
      ['PARAMS.empty', {}],
      ['SEED', 42],
    ]);
  });
});

describe('maskLog', () => {
  it('masks IDs, session paths, PIDs, timestamps and durations, and nothing else', () => {
    const dir = '/runs/exp_out/FINISHED_SUCCESS/2025Y-11M-18D-07h53m37s_Z5MR-tuned';
    const text = [
      'SciTeX v0.1.0 | 2025Y-11M-18D-07h53m37s_Z5MR (PID: 4242)',
      'Session: /runs/exp_out/RUNNING/2025Y-11M-18D-07h53m37s_Z5MR-tuned',
      '  → /runs/exp_out/FINISHED_SUCCESS/2025Y-11M-18D-07h53m37s_Z5MR-tuned',
      'other root /runs/exp_out/x.csv, other id DEBUG_2024Y-01M-02D-03h04m05s_abcd',
      'at 2025-11-18T07:53:37.123+09:00 or 2025-11-18 07:53:37, run time 100:30:15',
      'took 12.3 ms, 2s, 1.5 minutes, 3e-3 s; pid=77',
      'π ≈ 3.140820 from 200000 samples (error 7.73e-4) at 40/40 batches',
    ].join('\n');
    expect(maskLog(text, [dir]).split('\n')).toEqual([
      'SciTeX v0.1.0 | <ID> (PID: <PID>)',
      'Session: <SDIR>',
      '  → <SDIR>',
      'other root <OUT_ROOT>/x.csv, other id <ID>',
      'at <TIME> or <TIME>, run time <DURATION>',
      'took <DURATION>, <DURATION>, <DURATION>, <DURATION>; pid=<PID>',
      'π ≈ 3.140820 from 200000 samples (error 7.73e-4) at 40/40 batches',
    ]);
  });
});

describe('csvMaxAbsDiff', () => {
  it('the largest absolute difference of same-shaped numeric CSVs', () => {
    expect(csvMaxAbsDiff('a,b\n1,2\n3,\n', 'a,b\n1.5,2\n3,\n')).toBe(0.5);
    expect(csvMaxAbsDiff('a\n1e3\n', 'a\n1000\n')).toBe(0);
    expect(csvMaxAbsDiff('a\nNaN\n', 'a\nNaN\n')).toBe(0);
    expect(csvMaxAbsDiff('a\n1\n', 'a\nNaN\n')).toBe(Infinity);
  });
  it('null when shapes or text cells differ', () => {
    expect(csvMaxAbsDiff('a\n1\n', 'a\n1\n2\n')).toBeNull();
    expect(csvMaxAbsDiff('a,b\n1,2\n', 'a\n1\n')).toBeNull();
    expect(csvMaxAbsDiff('a\nx\n', 'a\ny\n')).toBeNull();
    expect(csvMaxAbsDiff('a\n1\n', 'b\n1\n')).toBeNull();
  });

  it('reads quoted cells and sets timestamps aside', () => {
    expect(parseCsv('a,"b,c",""""\r\n1,"x\ny",3')).toEqual([
      ['a', 'b,c', '"'],
      ['1', 'x\ny', '3'],
    ]);
    const metrics = (v: number, t: string): string =>
      `step,name,value,time\n0,"val,acc",${v},${t}\n`;
    const t1 = '2026-12-06T16:20:01.123Z';
    const t2 = '2026-12-06T16:25:00.001Z';
    expect(csvCompare(metrics(0.5, t1), metrics(0.5, t2))).toEqual({
      maxAbsDiff: 0,
      onlyTimestamps: true,
    });
    expect(csvCompare(metrics(0.5, t1), metrics(0.75, t2))).toEqual({
      maxAbsDiff: 0.25,
      onlyTimestamps: false,
    });
  });
});
