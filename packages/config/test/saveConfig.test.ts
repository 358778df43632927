import { EventEmitter } from 'node:events';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { useTempDir } from '@scitex/test-utils';
import yaml from 'js-yaml';
import { afterEach, describe, expect, it } from 'vitest';
import {
  formatLocalIso,
  isSecretKey,
  loadSavedConfig,
  saveConfig,
  serializeConfig,
} from '../src/index.ts';
import { catchConfigError } from './helpers.ts';

const tz = process.env['TZ'];
const cwd = process.cwd();
afterEach(() => {
  if (tz === undefined) delete process.env['TZ'];
  else process.env['TZ'] = tz;
  process.chdir(cwd);
});

const instant = new Date('2025-11-17T22:53:37.123Z');

describe('dates', () => {
  it.each([
    ['Asia/Tokyo', '2025-11-18T07:53:37.123+09:00'],
    ['UTC', '2025-11-17T22:53:37.123+00:00'],
    ['America/St_Johns', '2025-11-17T19:23:37.123-03:30'],
    ['Asia/Kathmandu', '2025-11-18T04:38:37.123+05:45'],
  ])('are written in local time with the offset (%s)', (zone, iso) => {
    process.env['TZ'] = zone;
    expect(formatLocalIso(instant)).toBe(iso);
    expect(new Date(iso).getTime()).toBe(instant.getTime());
  });

  it('use the offset in force on that date (daylight saving)', () => {
    process.env['TZ'] = 'Europe/Berlin';
    expect(formatLocalIso(new Date('2025-07-01T12:00:00Z'))).toBe('2025-07-01T14:00:00.000+02:00');
    expect(formatLocalIso(new Date('2025-01-01T12:00:00Z'))).toBe('2025-01-01T13:00:00.000+01:00');
  });

  it('handle far years and invalid dates', () => {
    process.env['TZ'] = 'UTC';
    const far = new Date(Date.UTC(12345, 0, 1));
    expect(formatLocalIso(far)).toBe('+012345-01-01T00:00:00.000+00:00');
    expect(new Date(formatLocalIso(far)!).getTime()).toBe(far.getTime());
    expect(formatLocalIso(new Date(NaN))).toBeNull();
  });
});

describe('saveConfig', () => {
  it('writes CONFIG.yaml and CONFIG.json into dir (created), returning their paths', () => {
    const tmp = useTempDir();
    const paths = saveConfig({ ID: 'x' }, tmp.join('run', 'CONFIGS'));
    expect(paths).toEqual({
      yaml: tmp.join('run', 'CONFIGS', 'CONFIG.yaml'),
      json: tmp.join('run', 'CONFIGS', 'CONFIG.json'),
      notes: {},
    });
    expect(yaml.load(readFileSync(paths.yaml, 'utf8'))).toEqual({ ID: 'x' });
    expect(JSON.parse(readFileSync(paths.json, 'utf8'))['ID']).toBe('x');
    expect(readdirSync(tmp.join('run', 'CONFIGS')).sort()).toEqual(['CONFIG.json', 'CONFIG.yaml']);
  });

  it('resolves a relative dir against the working directory', () => {
    const tmp = useTempDir();
    process.chdir(tmp.path);
    expect(saveConfig({ a: 1 }, 'CONFIGS').json).toBe(tmp.join('CONFIGS', 'CONFIG.json'));
  });

  it('writes a YAML a person can read: order kept, 2-space indent, bare timestamps', () => {
    process.env['TZ'] = 'Asia/Tokyo';
    const config = {
      MODEL: { lr: 0.001, layers: [64, 32], opt: { name: 'adam' } },
      PATH: { data: './data' },
      ID: '2025Y-11M-18D-07h53m37s_Z5MR',
      PID: 1234,
      START_TIME: instant,
      END_TIME: null,
      NOTE: '2025-11-18',
      FLAG: 'yes',
      ARGS: {},
    };
    const { yamlText } = serializeConfig(config);
    expect(yamlText).toBe(
      [
        '# CONFIG snapshot written by @scitex/config (for reading; CONFIG.json is the exact copy)',
        'MODEL:',
        '  lr: 0.001',
        '  layers:',
        '    - 64',
        '    - 32',
        '  opt:',
        '    name: adam',
        'PATH:',
        '  data: ./data',
        'ID: 2025Y-11M-18D-07h53m37s_Z5MR',
        'PID: 1234',
        'START_TIME: 2025-11-18T07:53:37.123+09:00',
        'END_TIME: null',
        "NOTE: '2025-11-18'",
        "FLAG: 'yes'",
        'ARGS: {}',
        '',
      ].join('\n'),
    );
    // Strings that look like dates or booleans stay strings for any YAML reader.
    const back = yaml.load(yamlText) as Record<string, unknown>;
    expect(back['NOTE']).toBe('2025-11-18');
    expect(back['START_TIME']).toEqual(instant);
  });

  it('leaves out private keys, functions, symbols, undefined and live handles', () => {
    const config = {
      keep: 1,
      _sys: { secret: 1 },
      nested: { _cache: [1], ok: true, fn: () => 1 },
      sym: Symbol('s'),
      undef: undefined,
      nul: null,
      stdout: process.stdout,
      readable: Readable.from(['x']),
      emitter: new EventEmitter(),
      promise: Promise.resolve(1),
      weak: new WeakMap(),
      list: [1, () => 2, undefined, Symbol('t'), process.stderr],
    };
    const back = JSON.parse(serializeConfig(config).jsonText);
    delete back.$scitex;
    expect(back).toEqual({
      keep: 1,
      nested: { ok: true },
      nul: null,
      list: [1, null, null, null, null],
    });
    expect(Object.keys(yaml.load(serializeConfig(config).yamlText) as object)).toEqual([
      'keep',
      'nested',
      'nul',
      'list',
    ]);
  });

  it('replaces the previous snapshot and leaves no temporary files', () => {
    const tmp = useTempDir();
    saveConfig({ v: 1 }, tmp.path);
    saveConfig({ v: 2 }, tmp.path);
    expect(loadSavedConfig(tmp.path)).toEqual({ v: 2 });
    expect(readdirSync(tmp.path).sort()).toEqual(['CONFIG.json', 'CONFIG.yaml']);
  });

  it('removes temp files left by a writer that died, but not those of live ones', () => {
    const tmp = useTempDir();
    const dead = tmp.join('.CONFIG.json.999999999.0badc0de.tmp');
    const live = tmp.join(`.CONFIG.yaml.${process.ppid}.12345678.tmp`);
    const other = tmp.join('.notes.999999999.0badc0de.tmp');
    for (const f of [dead, live, other]) writeFileSync(f, '{');
    saveConfig({ v: 1 }, tmp.path);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(other)).toBe(true);
  });

  it('works without fsync too', () => {
    const tmp = useTempDir();
    saveConfig({ v: 1 }, tmp.path, { fsync: false });
    expect(loadSavedConfig(tmp.path)).toEqual({ v: 1 });
  });

  it('reports a directory it cannot write as CONFIG_WRITE_FAILED', () => {
    const tmp = useTempDir();
    writeFileSync(tmp.join('file'), 'x');
    const err = catchConfigError(() => saveConfig({ a: 1 }, tmp.join('file', 'CONFIGS')));
    expect(err.code).toBe('CONFIG_WRITE_FAILED');
    expect(err.message).toContain('cannot write the config snapshot');
    expect(err.cause).toBeInstanceOf(Error);
  });

  it('saves a value whose toJSON() throws as a marker with a note, and everything else', () => {
    const tmp = useTempDir();
    saveConfig({ v: 1 }, tmp.path);
    const hostile = {
      v: 2,
      bad: {
        toJSON() {
          throw new Error('no way');
        },
      },
    };
    const { notes } = saveConfig(hostile, tmp.path);
    expect(notes).toEqual({ '/bad': 'could not be read (Error: no way)' });
    expect(loadSavedConfig(tmp.path)).toEqual({ v: 2, bad: '[Unreadable: Error: no way]' });
    const meta = JSON.parse(readFileSync(tmp.join('CONFIG.json'), 'utf8')).$scitex;
    expect(meta.notes).toEqual({ '/bad': 'could not be read (Error: no way)' });
    expect(readFileSync(tmp.join('CONFIG.yaml'), 'utf8')).toContain(
      '#   /bad: could not be read (Error: no way)\n',
    );
  });

  it('refuses the reserved top-level key $scitex and non-objects', () => {
    const tmp = useTempDir();
    expect(catchConfigError(() => saveConfig({ $scitex: 1 }, tmp.path)).code).toBe(
      'CONFIG_RESERVED_KEY',
    );
    expect(
      catchConfigError(() => saveConfig([1] as unknown as Record<string, unknown>, tmp.path)).code,
    ).toBe('CONFIG_WRITE_FAILED');
    expect(existsSync(tmp.join('CONFIG.json'))).toBe(false);
  });
});

describe('redaction', () => {
  const config = () => ({
    GITHUB_TOKEN: 'ghp_abc',
    db_password: 'hunter2',
    api_key: 'k1',
    apiKey: 'k2',
    APIKEY: 'k3',
    'x-api-key': 'k4',
    clientSecret: 'cs-value',
    services: [
      { name: 'slack', token: 't1' },
      { name: 'none', token: null },
    ],
    nested: { deep: { Password: { user: 'u', pass: 'p' } } },
    headers: new Map([
      ['Authorization-Token', 'bearer x'],
      ['accept', 'json'],
    ]),
    empty_secret: '',
    max_tokens: 512,
    tokenizer: 'bert-base',
    num_tokens: 10,
    author: 'me',
  });

  it('writes "***" for secret-looking keys at any depth, in both files', () => {
    const c = config();
    const { yamlText, jsonText } = serializeConfig(c);
    for (const secret of [
      'ghp_abc',
      'hunter2',
      'k1',
      'k2',
      'k3',
      'k4',
      't1',
      'bearer x',
      'cs-value',
    ]) {
      expect(jsonText).not.toContain(secret);
      expect(yamlText).not.toContain(secret);
    }
    const back = loadSavedConfig(writeJson(jsonText));
    expect(back).toMatchObject({
      GITHUB_TOKEN: '***',
      db_password: '***',
      api_key: '***',
      apiKey: '***',
      APIKEY: '***',
      'x-api-key': '***',
      clientSecret: '***',
      services: [
        { name: 'slack', token: '***' },
        { name: 'none', token: null },
      ],
      nested: { deep: { Password: '***' } },
      empty_secret: '',
      max_tokens: 512,
      tokenizer: 'bert-base',
      num_tokens: 10,
      author: 'me',
    });
    expect((back['headers'] as Map<string, string>).get('Authorization-Token')).toBe('***');
    expect((back['headers'] as Map<string, string>).get('accept')).toBe('json');
    expect(JSON.parse(jsonText).$scitex.types['/GITHUB_TOKEN']).toBe('Redacted');
  });

  it('leaves the in-memory object untouched', () => {
    const c = config();
    const before = structuredClone(c);
    serializeConfig(c);
    expect(c).toEqual(before);
  });

  it('keeps the values with redact: false', () => {
    const { jsonText } = serializeConfig(config(), { redact: false });
    const back = loadSavedConfig(writeJson(jsonText));
    expect(back['GITHUB_TOKEN']).toBe('ghp_abc');
    expect(back['nested']).toEqual({ deep: { Password: { user: 'u', pass: 'p' } } });
  });

  it.each([
    ['GITHUB_TOKEN', true],
    ['token', true],
    ['accessToken', true],
    ['HF_TOKEN', true],
    ['db_password', true],
    ['PASSWORD', true],
    ['passwd', true],
    ['mysecret', true],
    ['api_key', true],
    ['API-KEY', true],
    ['apikey', true],
    ['OpenAIApiKey', true],
    ['private_key', true],
    ['Private.Key', true],
    ['dbPassWd', true],
    ['SECRETS', true],
    ['max_tokens', false],
    ['tokenizer', false],
    ['n_tokens', false],
    ['keyboard', false],
    ['api_url', false],
    ['monkey', false],
  ])('isSecretKey(%s) is %s', (key, secret) => {
    expect(isSecretKey(key)).toBe(secret);
  });
});

/** Writes a CONFIG.json text into a fresh temp dir and returns the file. */
function writeJson(text: string): string {
  const file = useTempDir().join('CONFIG.json');
  writeFileSync(file, text);
  return file;
}
