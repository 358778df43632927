// Failures that need a whole process: start() failing after its directory exists, misuse
// of an open session, and the debug switch in every spelling — end to end through start().
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeTempDir, useTempDir } from '@scitex/test-utils';
import { runNode, type NodeRunResult } from './helpers/node.ts';
import { fixture } from './helpers/paths.ts';
import { onlySession, tree } from './helpers/sessions.ts';

function reportOf(r: NodeRunResult): Record<string, unknown> {
  const line = r.stderr.split('\n').find((l) => l.startsWith('REPORT '));
  if (!line) throw new Error(`no report; exit ${r.code}, stderr:\n${r.stderr}`);
  return JSON.parse(line.slice('REPORT '.length)) as Record<string, unknown>;
}

describe('start() failing after the directory exists', () => {
  it('stdout already tee’d by the script: TEE_ALREADY_ACTIVE, the half-made session removed, nothing left patched', async () => {
    const tmp = useTempDir();
    const out = tmp.join('exp_out');
    const r = await runNode(fixture('start-report.mjs'), {
      cwd: tmp.path,
      env: {
        START_OPTIONS: JSON.stringify({ sdir: out, configDir: './none' }),
        OWN_TEE: tmp.join('own-logs'),
      },
    });
    expect(r.code).toBe(1);
    expect(reportOf(r)).toMatchObject({
      threw: { name: 'TeeError', code: 'TEE_ALREADY_ACTIVE' },
      stdoutRestored: true,
      mathRandomRestored: true,
    });
    // The output root stays (it was asked for); no session, no RUNNING/.
    expect(tree(out)).toEqual([]);
  });
});

describe('misusing an open session', () => {
  it('bad exitStatus values and a second start() are refused; the session then closes normally', async () => {
    const tmp = useTempDir();
    const out = tmp.join('exp_out');
    const r = await runNode(fixture('misuse.mjs'), { cwd: tmp.path, env: { OUT: out } });
    expect(r.code).toBe(0);
    const rep = reportOf(r) as {
      codes: Record<string, string>;
      result: { status: string };
      same: boolean;
    };
    expect(rep.codes['exitStatus "x"']).toMatch(/^SESSION_INVALID_OPTION: .*got "x"/);
    expect(rep.codes['exitStatus 1.5']).toMatch(/^SESSION_INVALID_OPTION: .*got 1\.5/);
    expect(rep.codes['exitStatus NaN']).toMatch(/^SESSION_INVALID_OPTION: .*got NaN/);
    expect(rep.codes['exitStatus 1n']).toMatch(/^SESSION_INVALID_OPTION: .*got 1n/);
    expect(rep.codes['second start()']).toMatch(/^SESSION_ALREADY_ACTIVE: /);
    expect(rep.result.status).toBe('FINISHED_SUCCESS');
    expect(rep.same).toBe(true);
    const s = onlySession(out);
    expect(s.folder).toBe('FINISHED_SUCCESS');
    expect(s.config['EXIT_STATUS']).toBe(0);
    expect(s.stdout).toContain('still in the session\n');
  });
});

describe('the debug switch, every spelling, through start()', () => {
  const cases: [source: string, value: string, debug: boolean][] = [
    ...(['true', 'True', 'TRUE', 'yes', 'on', '1', '"true"', '"1"'] as const).map(
      (v) => ['IS_DEBUG.yaml', v, true] as [string, string, boolean],
    ),
    ...(['false', 'False', 'no', 'off', '0', '"false"', '"no"', '"0"', 'null', '~'] as const).map(
      (v) => ['IS_DEBUG.yaml', v, false] as [string, string, boolean],
    ),
    ...(['1', 'true', 'yes', 'on'] as const).map(
      (v) => ['SCITEX_DEBUG', v, true] as [string, string, boolean],
    ),
    ...(['0', 'false', 'no', 'off', ''] as const).map(
      (v) => ['SCITEX_DEBUG', v, false] as [string, string, boolean],
    ),
  ];
  it.concurrent.for(cases)(
    '%s %s → debug %s',
    async ([source, value, debug], { expect, onTestFinished }) => {
      const tmp = makeTempDir();
      onTestFinished(() => tmp.cleanup());
      mkdirSync(tmp.join('config'));
      writeFileSync(tmp.join('config', 'MODEL.yaml'), 'layers: 12\nDEBUG_layers: 1\n');
      const env: Record<string, string> = {};
      if (source === 'IS_DEBUG.yaml')
        writeFileSync(tmp.join('config', 'IS_DEBUG.yaml'), `IS_DEBUG: ${value}\n`);
      else env['SCITEX_DEBUG'] = value;
      const out = tmp.join('exp_out');
      const r = await runNode(fixture('start-report.mjs'), {
        cwd: tmp.path,
        env: { ...env, START_OPTIONS: JSON.stringify({ sdir: out }), KEYS: 'MODEL,DEBUG' },
      });
      expect(r.code, r.stderr).toBe(0);
      const rep = reportOf(r) as {
        id: string;
        memory: { MODEL: { layers: number }; DEBUG: boolean };
      };
      expect(rep.memory.DEBUG).toBe(debug);
      expect(rep.memory.MODEL.layers).toBe(debug ? 1 : 12);
      expect(rep.id.startsWith('DEBUG_')).toBe(debug);
      expect(onlySession(out).name.startsWith('DEBUG_')).toBe(debug);
    },
  );
});
