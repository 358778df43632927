// Hostile input through start(): prototype pollution from ./config YAML, symlinks planted
// where the session directory will go, and secrets that must not reach the saved files.
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '@scitex/test-utils';
import { runNode, type NodeRunResult } from './helpers/node.ts';
import { fixture } from './helpers/paths.ts';
import { layout, onlySession, tree } from './helpers/sessions.ts';

interface Report {
  threw?: { name: string; code: string; message: string };
  polluted: string[];
  stdoutRestored?: boolean;
  mathRandomRestored?: boolean;
  id?: string;
  memory?: Record<string, unknown>;
}

function reportOf(r: NodeRunResult): Report {
  const line = r.stderr.split('\n').find((l) => l.startsWith('REPORT '));
  if (!line) throw new Error(`no report; exit ${r.code}, stderr:\n${r.stderr}`);
  return JSON.parse(line.slice('REPORT '.length)) as Report;
}

async function startWithConfig(files: Record<string, string>, options: object = {}, keys = '') {
  const tmp = useTempDir();
  mkdirSync(tmp.join('config'));
  for (const [name, text] of Object.entries(files)) writeFileSync(tmp.join('config', name), text);
  const out = tmp.join('exp_out');
  const r = await runNode(fixture('start-report.mjs'), {
    cwd: tmp.path,
    env: { START_OPTIONS: JSON.stringify({ sdir: out, ...options }), KEYS: keys },
  });
  return { r, out, rep: reportOf(r) };
}

describe('prototype pollution through ./config YAML, via start()', () => {
  const refused: [string, string][] = [
    ['a __proto__ key', '__proto__:\n  polluted: yes\n'],
    ['a quoted "__proto__" key', '"__proto__":\n  isAdmin: true\n'],
    ['__proto__ in a flow mapping', 'x: { __proto__: { polluted: 1 } }\n'],
    [
      '__proto__ brought in by a << merge',
      'base: &b\n  __proto__:\n    polluted: 1\nx:\n  <<: *b\n',
    ],
    ['a nested __proto__ under a list', 'items:\n  - name: a\n    __proto__: { isAdmin: true }\n'],
  ];
  for (const [what, yaml] of refused) {
    it(`${what}: CONFIG_FORBIDDEN_KEY, no session created, nothing polluted`, async () => {
      const { r, out, rep } = await startWithConfig({ 'EVIL.yaml': yaml });
      expect(r.code).toBe(1);
      expect(rep.threw).toMatchObject({ name: 'ConfigError', code: 'CONFIG_FORBIDDEN_KEY' });
      expect(rep.threw!.message).toMatch(/EVIL\.yaml:\d+/);
      expect(rep.polluted).toEqual([]);
      expect(rep.stdoutRestored).toBe(true);
      expect(tree(out)).toEqual([]);
    });
  }

  it('constructor/prototype keys and a << merge of plain keys stay data; the run goes on', async () => {
    const yaml =
      'constructor:\n  prototype:\n    polluted: yes\n' +
      'base: &b\n  lr: 0.1\nx:\n  <<: *b\n  layers: 2\n';
    const { r, out, rep } = await startWithConfig({ 'MODEL.yaml': yaml }, {}, 'MODEL');
    expect(r.code).toBe(0);
    expect(rep.polluted).toEqual([]);
    expect(rep.memory!['MODEL']).toEqual({
      constructor: { prototype: { polluted: true } },
      base: { lr: 0.1 },
      x: { lr: 0.1, layers: 2 },
    });
    const s = onlySession(out);
    expect(s.folder).toBe('FINISHED_SUCCESS');
    expect(s.config['MODEL']).toEqual(rep.memory!['MODEL']);
  });
});

describe('a symlink planted where the next session directory will go, via start()', () => {
  it('is never followed: start() draws another ID, the links and their targets stay untouched', async () => {
    const tmp = useTempDir();
    const out = tmp.join('exp_out');
    const stamp = '2025Y-11M-18D-07h53m37s';
    mkdirSync(tmp.join('victim'));
    writeFileSync(tmp.join('victim', 'precious.txt'), 'do not touch');
    mkdirSync(tmp.join('victim2'));
    mkdirSync(join(out, 'RUNNING'), { recursive: true });
    mkdirSync(join(out, 'FINISHED_SUCCESS'));
    // The names the scripted randomness makes start() try first.
    const planted = {
      [join(out, 'RUNNING', `${stamp}_AAAA`)]: tmp.join('victim'),
      [join(out, 'RUNNING', `${stamp}_BBBB`)]: tmp.join('victim'),
      [join(out, 'RUNNING', `${stamp}_CCCC`)]: tmp.join('nowhere'),
      [join(out, 'FINISHED_SUCCESS', `${stamp}_DDDD`)]: tmp.join('victim2'),
    };
    for (const [link, target] of Object.entries(planted)) symlinkSync(target, link);

    const r = await runNode(fixture('planted.mjs'), { env: { OUT: out }, cwd: tmp.path });
    expect(r.code).toBe(0);
    const rep = JSON.parse(
      r.stderr
        .split('\n')
        .find((l) => l.startsWith('REPORT '))!
        .slice(7),
    );
    expect(rep.id).toMatch(new RegExp(`^${stamp}_([A-Z])\\1{3}$`));
    expect(Object.keys(planted).map((p) => p.split('/').pop())).not.toContain(rep.id);
    expect(rep.status).toBe('FINISHED_SUCCESS');
    expect(lstatSync(rep.dir).isDirectory()).toBe(true);
    expect(readFileSync(join(rep.dir, 'result.txt'), 'utf8')).toBe('the session wrote this');

    for (const [link, target] of Object.entries(planted)) {
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readlinkSync(link)).toBe(target);
    }
    expect(readdirSync(tmp.join('victim'))).toEqual(['precious.txt']);
    expect(readFileSync(tmp.join('victim', 'precious.txt'), 'utf8')).toBe('do not touch');
    expect(readdirSync(tmp.join('victim2'))).toEqual([]);
    expect(tree(tmp.path).some((p) => p.startsWith('nowhere'))).toBe(false);
  });

  it('a symlink at RUNNING/ itself: SDIR_UNSAFE_PATH, its target untouched', async () => {
    const tmp = useTempDir();
    mkdirSync(tmp.join('elsewhere'));
    mkdirSync(tmp.join('exp_out'));
    symlinkSync(tmp.join('elsewhere'), tmp.join('exp_out', 'RUNNING'));
    const r = await runNode(fixture('start-report.mjs'), {
      cwd: tmp.path,
      env: { START_OPTIONS: JSON.stringify({ sdir: tmp.join('exp_out'), configDir: './none' }) },
    });
    expect(r.code).toBe(1);
    expect(reportOf(r).threw).toMatchObject({ name: 'SdirError', code: 'SDIR_UNSAFE_PATH' });
    expect(readdirSync(tmp.join('elsewhere'))).toEqual([]);
    expect(layout(tmp.join('exp_out'))).toMatchObject({ FINISHED_SUCCESS: [], FINISHED_ERROR: [] });
  });
});

describe('secrets in the saved files', () => {
  const SECRETS = ['sk-live-123456', 'hunter2', 'ghp_tokenvalue', 'xoxb-slack', 'argsecret-999'];
  const files = {
    'SERVICE.yaml':
      'api_key: sk-live-123456\ndb:\n  host: localhost\n  password: hunter2\n' +
      'hooks:\n  - name: github\n    GITHUB_TOKEN: ghp_tokenvalue\n  - name: slack\n    token: xoxb-slack\n' +
      'max_tokens: 512\n',
  };
  const args = { apiToken: 'argsecret-999', lr: 0.1 };

  it('are "***" in CONFIG.yaml, CONFIG.json and the logs; kept in memory; plain keys untouched', async () => {
    const { r, out, rep } = await startWithConfig(files, { args }, 'SERVICE,ARGS');
    expect(r.code).toBe(0);
    const s = onlySession(out);
    const json = readFileSync(join(s.dir, 'CONFIGS', 'CONFIG.json'), 'utf8');
    for (const secret of SECRETS) {
      expect(s.yaml).not.toContain(secret);
      expect(json).not.toContain(secret);
      expect(s.stdout).not.toContain(secret);
      expect(s.stderr).not.toContain(secret);
    }
    expect(s.config['SERVICE']).toMatchObject({
      api_key: '***',
      db: { host: 'localhost', password: '***' },
      hooks: [
        { name: 'github', GITHUB_TOKEN: '***' },
        { name: 'slack', token: '***' },
      ],
      max_tokens: 512,
    });
    expect(s.config['ARGS']).toEqual({ apiToken: '***', lr: 0.1 });
    expect(s.yaml).toMatch(/api_key: '\*\*\*'|api_key: "\*\*\*"/);
    // The header and closing message print the arguments: redacted there too.
    expect(s.stdout).toMatch(/apiToken\s+: \*\*\*/);
    expect(s.stdout).toMatch(/lr\s+: 0\.1/);
    // The script itself still has the real values.
    expect(rep.memory!['SERVICE']).toMatchObject({ api_key: 'sk-live-123456' });
    expect(rep.memory!['ARGS']).toEqual(args);
  });

  it('redactSecrets: false keeps them, as asked', async () => {
    const { r, out } = await startWithConfig(files, { args, redactSecrets: false });
    expect(r.code).toBe(0);
    const s = onlySession(out);
    expect(s.config['SERVICE']).toMatchObject({ api_key: 'sk-live-123456' });
    expect(s.stdout).toMatch(/apiToken\s+: argsecret-999/);
  });
});
