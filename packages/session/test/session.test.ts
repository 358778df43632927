// start()/close() as a user sees them: the seed's Quick Start, CONFIG keys, layout on disk.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runFixture, useTempDir } from '@scitex/test-utils';
import { onlySession } from './helpers.ts';

const fixture = fileURLToPath(new URL('./fixtures/seed-quickstart.ts', import.meta.url));

async function quickstart(setup?: (cwd: string) => void, env: Record<string, string> = {}) {
  const tmp = useTempDir();
  setup?.(tmp.path);
  const out = tmp.join('exp_out');
  const r = await runFixture(fixture, { env: { OUT: out, ...env }, cwd: tmp.path });
  if (r.code !== 0) throw new Error(`fixture failed: ${r.stderr}`);
  const report = JSON.parse(r.stdout.trim().split('\n').pop()!);
  return { r, out, s: onlySession(out), report };
}

describe('the seed Quick Start', () => {
  it('leaves the seed directory structure: logs, CONFIGS, figures inside the session', async () => {
    const { s, report } = await quickstart();
    expect(s.folder).toBe('FINISHED_SUCCESS');
    for (const f of [
      'logs/stdout.log',
      'logs/stderr.log',
      'CONFIGS/CONFIG.yaml',
      'CONFIGS/CONFIG.json',
      'figs/line.png',
      'figs/line.csv',
    ]) {
      expect(existsSync(join(s.dir, f)), f).toBe(true);
    }
    expect(report.sdir).toBe(s.dir + '/');
    expect(report.result).toEqual({ dir: s.dir, status: 'FINISHED_SUCCESS', exitStatus: 0 });
    expect(existsSync(join(s.dir, '..', '..', 'RUNNING'))).toBe(false);
  });

  it('logs are clean: no escape codes, progress redraws collapsed', async () => {
    const { s, r } = await quickstart();
    expect(r.stdout).toContain('\x1b[31mred text\x1b[0m');
    expect(s.stdout).toContain('red text on stdout\n');
    expect(s.stdout).not.toMatch(/\x1b/);
    expect(s.stderr).toContain('progress 100%\n');
    expect(s.stderr).not.toContain('progress 10%');
    expect(s.stdout).toMatch(/SciTeX v\d+\.\d+\.\d+ \| \S+ \(PID: \d+\)/);
    expect(s.stdout).toMatch(/lr\s+: 0\.1/);
  });

  it('CONFIG has every key of the contract, on disk as ISO dates', async () => {
    const { s } = await quickstart();
    const c = s.config;
    for (const k of [
      'ID',
      'PID',
      'START_TIME',
      'END_TIME',
      'RUN_TIME',
      'FILE',
      'SDIR',
      'SDIR_PATH',
      'SDIR_OUT',
      'ARGS',
      'EXIT_STATUS',
      'SEED',
      'RNG',
      'HOST',
    ]) {
      expect(c, k).toHaveProperty(k);
    }
    expect(c['ID']).toMatch(/^\d{4}Y-\d{2}M-\d{2}D-\d{2}h\d{2}m\d{2}s_[A-Za-z0-9]{4}$/);
    expect(c['START_TIME']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$/);
    expect(c['RUN_TIME']).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(c['FILE']).toBe(fixture);
    expect(c['SDIR_PATH']).toBe(s.dir);
    expect(c['ARGS']).toEqual({ lr: 0.1, tag: 'demo' });
    expect(c['SEED']).toBe(42);
    expect(c['HOST']).toMatchObject({ platform: process.platform, node: process.version });
    expect(JSON.stringify(c['RNG'])).toContain('data');
    expect(s.yaml).toContain(`ID: ${c['ID']}`);
  });

  it('seeds: Math.random patched during the session and restored after; reruns draw the same', async () => {
    const a = await quickstart();
    const b = await quickstart();
    expect(a.report.patched).toBe(true);
    expect(a.report.restored).toBe(true);
    expect(a.report.first).toBe(b.report.first);
    expect(a.report.data).toBe(b.report.data);
    expect(a.s.config['ID']).not.toBe(b.s.config['ID']);
  });

  it('a second start() while one is open is SESSION_ALREADY_ACTIVE', async () => {
    const { report } = await quickstart();
    expect(report.second).toBe('SESSION_ALREADY_ACTIVE');
  });

  it('./config namespaces, debug mode and secret redaction', async () => {
    const { s } = await quickstart((cwd) => {
      mkdirSync(join(cwd, 'config'));
      writeFileSync(
        join(cwd, 'config', 'MODEL.yaml'),
        'layers: 4\nDEBUG_layers: 1\napi_key: sk-very-secret\n',
      );
      writeFileSync(join(cwd, 'config', 'IS_DEBUG.yaml'), 'IS_DEBUG: true\n');
    });
    expect(s.config['ID']).toMatch(/^DEBUG_/);
    expect(s.config['DEBUG']).toBe(true);
    expect(s.config['MODEL']).toMatchObject({ layers: 1, api_key: '***' });
    expect(readFileSync(join(s.dir, 'CONFIGS', 'CONFIG.yaml'), 'utf8')).not.toContain(
      'sk-very-secret',
    );
    expect(JSON.stringify(s.config['CONFIG_FILES'])).toContain('MODEL.yaml');
  });

  it('a malformed config file stops start() with a clear error and creates no session', async () => {
    const tmp = useTempDir();
    mkdirSync(tmp.join('config'));
    writeFileSync(tmp.join('config', 'BAD.yaml'), 'a: 1\n  b: 2\n');
    const r = await runFixture(fixture, { env: { OUT: tmp.join('exp_out') }, cwd: tmp.path });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/CONFIG_PARSE_FAILED|BAD\.yaml:2/);
    expect(existsSync(tmp.join('exp_out', 'RUNNING'))).toBe(false);
  });
});
