// Bad input to the public functions of every package, in this process: each call gets its
// documented error code (or documented result), and leaves nothing behind — no file in the
// work folder, stdout and Math.random untouched. Calls that need an open session or a whole
// process run in fixtures (startFailures.test.ts, logContent.test.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '@scitex/test-utils';
import * as config from '@scitex/config';
import * as plt from '@scitex/plt';
import * as rng from '@scitex/rng';
import * as sdir from '@scitex/sdir';
import * as session from '@scitex/session';
import * as teeLog from '@scitex/tee-log';
import { tree } from './helpers/sessions.ts';

// Made while the tables are built (they name paths in it); removed after the file.
const tmp: TempDir = makeTempDir('scitex-bad-input-');
const root = tmp.join('work');
mkdirSync(root);
afterAll(() => tmp.cleanup());

/** A config folder with these files, outside the work folder (which must stay empty). */
function configDir(files: Record<string, string | Buffer>): string {
  const dir = tmp.join(`config-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

type Outcome =
  { code: string; name?: string; message?: RegExp } | { typeError: true } | { returns: unknown };

interface Case {
  what: string;
  call: () => unknown;
  outcome: Outcome;
}

const out = (): string => join(root, 'exp_out');
const startWith = (o: Record<string, unknown>) => () =>
  session.start({
    sdir: out(),
    configDir: join(tmp.path, 'no-config'),
    ...o,
  } as session.StartOptions);
const yamlStart = (files: Record<string, string | Buffer>, env?: Record<string, string>) => () => {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return session.start({ sdir: out(), configDir: configDir(files) });
  } finally {
    for (const k of Object.keys(env ?? {})) if (!(k in saved)) delete process.env[k];
  }
};

const SESSION: Case[] = [
  ...(
    [
      ['seed -1', { seed: -1 }],
      ['seed 1.5', { seed: 1.5 }],
      ['seed "42"', { seed: '42' }],
      ['seed NaN', { seed: NaN }],
      ['seed Infinity', { seed: Infinity }],
      ['seed 2^32', { seed: 2 ** 32 }],
      ['seed 1n (BigInt)', { seed: 1n }],
    ] as const
  ).map(([w, o]) => ({
    what: `start({ ${w} })`,
    call: startWith(o),
    outcome: {
      code: 'SESSION_INVALID_OPTION',
      message: /option "seed" must be an integer in \[0, 2\^32\)/,
    },
  })),
  {
    what: 'start({ seed: NaN }) names the value',
    call: startWith({ seed: NaN }),
    outcome: { code: 'SESSION_INVALID_OPTION', message: /got NaN/ },
  },
  ...(['../x', 'a/b', 'a\\b', 'a\0b', '', '..', 'a\nb', 'x'.repeat(300)] as const).map((s) => ({
    what: `start({ sdirSuffix: ${JSON.stringify(s.length > 20 ? `${s.slice(0, 3)}…(${s.length})` : s)} })`,
    call: startWith({ sdirSuffix: s }),
    outcome: { code: 'SDIR_INVALID_SUFFIX', name: 'SdirError' },
  })),
  {
    what: 'start({ sdirSuffix: 5 })',
    call: startWith({ sdirSuffix: 5 }),
    outcome: { code: 'SESSION_INVALID_OPTION' },
  },
  {
    what: 'start({ sdir: "" })',
    call: startWith({ sdir: '' }),
    outcome: { code: 'SESSION_INVALID_OPTION' },
  },
  {
    what: 'start({ sdir: 5 })',
    call: startWith({ sdir: 5 }),
    outcome: { code: 'SESSION_INVALID_OPTION' },
  },
  {
    what: 'start({ sdir: "a\\0b" })',
    call: startWith({ sdir: 'a\0b' }),
    outcome: { code: 'SDIR_INVALID_OPTION', name: 'SdirError' },
  },
  {
    what: 'start({ sdir: http URL })',
    call: startWith({ sdir: new URL('http://example.com/out') }),
    outcome: { code: 'SESSION_INVALID_OPTION' },
  },
  {
    what: 'start({ file: 5 })',
    call: startWith({ file: 5 }),
    outcome: { code: 'SESSION_INVALID_OPTION' },
  },
  {
    what: 'start({ file: "a\\0b" })',
    call: startWith({ file: 'a\0b' }),
    outcome: { code: 'SDIR_INVALID_OPTION', name: 'SdirError' },
  },
  ...(
    [
      ['tee: "yes"', { tee: 'yes' }],
      ['verbose: 1', { verbose: 1 }],
      ['agg: 1', { agg: 1 }],
      ['hideTopRightSpines: null', { hideTopRightSpines: null }],
      ['figSizeMm: [160]', { figSizeMm: [160] }],
      ['figSizeMm: [160, -1]', { figSizeMm: [160, -1] }],
      ['dpiSave: 0', { dpiSave: 0 }],
      ['dpiSave: 1e9', { dpiSave: 1e9 }],
      ['alpha: 2', { alpha: 2 }],
      ['lineWidth: NaN', { lineWidth: NaN }],
      ['args: [1]', { args: [1] }],
      ['args: null', { args: null }],
      ['fig_size_mm (Python spelling)', { fig_size_mm: [1, 2] }],
      ['an unknown option', { colour: 'red' }],
    ] as const
  ).map(([w, o]) => ({
    what: `start({ ${w} })`,
    call: startWith(o),
    outcome: { code: 'SESSION_INVALID_OPTION' },
  })),
  {
    what: 'start("opts")',
    call: () => session.start('opts' as never),
    outcome: { code: 'SESSION_INVALID_OPTION' },
  },
  {
    what: 'start([])',
    call: () => session.start([] as never),
    outcome: { code: 'SESSION_INVALID_OPTION' },
  },
  {
    what: 'start({ configDir: a file })',
    call: () => {
      const f = tmp.join('config-file');
      writeFileSync(f, 'x');
      return session.start({ sdir: out(), configDir: f });
    },
    outcome: { code: 'CONFIG_DIR_NOT_A_DIRECTORY', name: 'ConfigError' },
  },
  {
    what: 'start({ configDir: "a\\0b" })',
    call: startWith({ configDir: 'a\0b' }),
    outcome: { code: 'CONFIG_READ_FAILED', name: 'ConfigError' },
  },
  // Malformed ./config YAML of each kind, through start(): the file is named, nothing created.
  ...(
    [
      ['bad indentation', 'a: 1\n  b: 2\n', 'CONFIG_PARSE_FAILED', /BAD\.yaml:2/],
      ['tab indentation', 'a:\n\tb: 1\n', 'CONFIG_PARSE_FAILED', /BAD\.yaml:2/],
      ['an unclosed quote', 'a: "open\nb: 1\n', 'CONFIG_PARSE_FAILED', /BAD\.yaml:1/],
      ['an unclosed [', 'a: [1, 2\nb: 1\n', 'CONFIG_PARSE_FAILED', /BAD\.yaml/],
      ['an unclosed {', 'a: {x: 1\n', 'CONFIG_PARSE_FAILED', /BAD\.yaml/],
      ['an unsafe tag', 'a: !!python/object:os.system x\n', 'CONFIG_PARSE_FAILED', /BAD\.yaml:1/],
      [
        'a JS function tag',
        'a: !!js/function "function () {}"\n',
        'CONFIG_PARSE_FAILED',
        /BAD\.yaml:1/,
      ],
      ['two documents', 'a: 1\n---\nb: 2\n', 'CONFIG_PARSE_FAILED', /BAD\.yaml/],
      [
        'invalid UTF-8',
        Buffer.from([0x61, 0x3a, 0x20, 0xff, 0xfe, 0x0a]),
        'CONFIG_PARSE_FAILED',
        /BAD\.yaml:1/,
      ],
      ['a NUL byte', 'a: x\0y\n', 'CONFIG_PARSE_FAILED', /BAD\.yaml:1/],
      ['a duplicate key', 'a: 1\na: 2\n', 'CONFIG_DUPLICATE_KEY', /BAD\.yaml:2/],
      ['a top-level list', '- 1\n- 2\n', 'CONFIG_NOT_A_MAPPING', /BAD\.yaml/],
      ['a top-level scalar', 'just text\n', 'CONFIG_NOT_A_MAPPING', /BAD\.yaml/],
      ['a __proto__ key', '__proto__: { polluted: 1 }\n', 'CONFIG_FORBIDDEN_KEY', /BAD\.yaml:1/],
    ] as const
  ).map(([kind, text, code, message]) => ({
    what: `start() with ./config/BAD.yaml holding ${kind}`,
    call: yamlStart({ 'OK.yaml': 'fine: 1\n', 'BAD.yaml': text }),
    outcome: { code, name: 'ConfigError', message },
  })),
  {
    what: 'start() with ./config/a.yaml and a.yml',
    call: yamlStart({ 'a.yaml': 'x: 1\n', 'a.yml': 'y: 2\n' }),
    outcome: { code: 'CONFIG_DUPLICATE_NAMESPACE', name: 'ConfigError' },
  },
  ...(['maybe', '2', '"yes please"'] as const).map((v) => ({
    what: `start() with IS_DEBUG: ${v}`,
    call: yamlStart({ 'IS_DEBUG.yaml': `IS_DEBUG: ${v}\n` }),
    outcome: { code: 'CONFIG_BAD_DEBUG_FLAG', name: 'ConfigError' },
  })),
  {
    what: 'start() with IS_DEBUG.yaml holding a bare "true"',
    call: yamlStart({ 'IS_DEBUG.yaml': 'true\n' }),
    outcome: { code: 'CONFIG_NOT_A_MAPPING', name: 'ConfigError', message: /IS_DEBUG: true/ },
  },
  {
    what: 'start() with SCITEX_DEBUG=maybe',
    call: yamlStart({}, { SCITEX_DEBUG: 'maybe' }),
    outcome: { code: 'CONFIG_BAD_DEBUG_FLAG', name: 'ConfigError' },
  },
  {
    what: 'start() with RUNNING/ a file',
    call: () => {
      const o = tmp.join('running-file');
      mkdirSync(o);
      writeFileSync(join(o, 'RUNNING'), 'x');
      return session.start({ sdir: o, configDir: join(tmp.path, 'no-config') });
    },
    outcome: { code: 'SDIR_CREATE_FAILED', name: 'SdirError' },
  },
  {
    what: 'close(undefined)',
    call: () => session.close(undefined as never),
    outcome: { code: 'SESSION_NOT_ACTIVE' },
  },
  {
    what: 'close({})',
    call: () => session.close({} as never),
    outcome: { code: 'SESSION_NOT_ACTIVE' },
  },
  {
    what: 'close(a CONFIG of no open session)',
    call: () => session.close({ ID: '2025Y-11M-18D-07h53m37s_Z5MR' } as never),
    outcome: { code: 'SESSION_NOT_ACTIVE', message: /2025Y-11M-18D-07h53m37s_Z5MR/ },
  },
  {
    what: 'parseArgs with a bad type in the schema',
    call: () =>
      session.parseArgs({ a: { type: 'date' as 'string' } }, [], {
        stdout: () => {},
        stderr: () => {},
      }),
    outcome: { code: 'SESSION_INVALID_OPTION' },
  },
  {
    what: 'parseArgs with -h taken',
    call: () =>
      session.parseArgs({ a: { type: 'string', short: 'h' } }, [], {
        stdout: () => {},
        stderr: () => {},
      }),
    outcome: { code: 'SESSION_INVALID_OPTION' },
  },
  {
    what: 'parseArgs with a non-number',
    call: () =>
      session.parseArgs({ n: { type: 'number', required: true } }, ['--n', 'ten'], {
        stdout: () => {},
        stderr: () => {},
      }),
    outcome: { returns: { kind: 'exit', code: 2 } },
  },
  {
    what: 'SessionManager.scan(a missing root)',
    call: () => session.SessionManager.scan(join(root, 'nope')),
    outcome: {
      returns: {
        sessions: [],
        skipped: [{ path: join(root, 'nope'), reason: expect.stringContaining('ENOENT') }],
      },
    },
  },
  {
    what: 'SessionManager.scan(123)',
    call: () => session.SessionManager.scan(123 as never),
    outcome: { code: 'SESSION_INVALID_OPTION' },
  },
  {
    what: 'SessionManager.reconcile(a missing root)',
    call: () => session.SessionManager.reconcile(join(root, 'nope')),
    outcome: { returns: { moved: [], alive: [], skipped: [], removedStaging: [] } },
  },
  {
    what: 'SessionManager.reconcile(123)',
    call: () => session.SessionManager.reconcile(123 as never),
    outcome: { code: 'SESSION_INVALID_OPTION' },
  },
  {
    what: 'formatRunTime(NaN)',
    call: () => session.formatRunTime(NaN),
    outcome: { code: 'SESSION_INVALID_OPTION' },
  },
  {
    what: "signalExitStatus('SIGFOO')",
    call: () => session.signalExitStatus('SIGFOO' as never),
    outcome: { code: 'SESSION_INVALID_OPTION' },
  },
  {
    what: 'parseArgs(null, [])',
    call: () => session.parseArgs(null as never, []),
    outcome: { code: 'SESSION_INVALID_OPTION' },
  },
  {
    what: 'new SessionManager().getSession("nope")',
    call: () => new session.SessionManager().getSession('nope'),
    outcome: { returns: undefined },
  },
  {
    what: 'statusFolder(1.5)',
    call: () => session.statusFolder(1.5),
    outcome: { code: 'SDIR_INVALID_OPTION' },
  },
  {
    what: 'formatRunTime(-1)',
    call: () => session.formatRunTime(-1),
    outcome: { returns: '00:00:00' },
  },
];

const RNG: Case[] = [
  ...([-1, 1.5, '42', NaN, 2 ** 32, null, 1n] as const).map((seed) => ({
    what: `new RandomStateManager({ seed: ${typeof seed === 'bigint' ? '1n' : (JSON.stringify(seed) ?? String(seed))} })`,
    call: () => new rng.RandomStateManager({ seed: seed as number }),
    outcome: { code: 'RNG_INVALID_SEED', name: 'RngError' },
  })),
  {
    what: 'new RandomStateManager({ algorithm: "md5" })',
    call: () => new rng.RandomStateManager({ algorithm: 'md5' as never }),
    outcome: { code: 'RNG_UNKNOWN_ALGORITHM' },
  },
  {
    what: 'new RandomStateManager(5)',
    call: () => new rng.RandomStateManager(5 as never),
    outcome: { code: 'RNG_INVALID_ARGUMENT' },
  },
  {
    what: 'deriveSeed(1.5, "a")',
    call: () => rng.deriveSeed(1.5, 'a'),
    outcome: { code: 'RNG_INVALID_SEED' },
  },
  {
    what: 'deriveSeed(1, 5)',
    call: () => rng.deriveSeed(1, 5 as never),
    outcome: { code: 'RNG_INVALID_ARGUMENT' },
  },
  {
    what: 'rng.get(5)',
    call: () => new rng.RandomStateManager().get(5 as never),
    outcome: { code: 'RNG_INVALID_ARGUMENT' },
  },
  {
    what: 'rng.random(-1)',
    call: () => new rng.RandomStateManager().random(-1),
    outcome: { code: 'RNG_INVALID_ARGUMENT' },
  },
  {
    what: 'rng.random([2, -1])',
    call: () => new rng.RandomStateManager().random([2, -1]),
    outcome: { code: 'RNG_INVALID_ARGUMENT' },
  },
  {
    what: 'stream.integers(5, 1)',
    call: () => new rng.RandomStateManager().get('a').integers(5, 1),
    outcome: { code: 'RNG_INVALID_ARGUMENT' },
  },
  {
    what: 'rng.withSeed(-1, fn)',
    call: () => new rng.RandomStateManager().withSeed(-1, () => 1),
    outcome: { code: 'RNG_INVALID_SEED' },
  },
  {
    what: 'rng.withSeed(1, 5)',
    call: () => new rng.RandomStateManager().withSeed(1, 5 as never),
    outcome: { code: 'RNG_INVALID_ARGUMENT' },
  },
  {
    what: 'rng.checkpoint("")',
    call: () => new rng.RandomStateManager().checkpoint(''),
    outcome: { code: 'RNG_INVALID_ARGUMENT' },
  },
  {
    what: 'RandomStateManager.restore(a missing file)',
    call: () => rng.RandomStateManager.restore(join(root, 'nope.json')),
    outcome: { code: 'RNG_IO_FAILED' },
  },
  {
    what: 'RandomStateManager.restore(a corrupt file)',
    call: () => {
      const f = tmp.join('corrupt-checkpoint.json');
      writeFileSync(f, '{"format": "@scitex/rng-checkpoint", "vers');
      return rng.RandomStateManager.restore(f);
    },
    outcome: { code: 'RNG_BAD_CHECKPOINT' },
  },
  {
    what: 'hashValue(a function)',
    call: () => rng.hashValue(() => 1),
    outcome: { code: 'RNG_INVALID_ARGUMENT' },
  },
  { what: 'isSeed(-1)', call: () => rng.isSeed(-1), outcome: { returns: false } },
];

const SDIR: Case[] = [
  {
    what: 'isOwnerAlive(null)',
    call: () => sdir.isOwnerAlive(null as never),
    outcome: { code: 'SDIR_INVALID_OPTION' },
  },
  {
    what: 'startLease(a missing directory)',
    call: () => sdir.startLease(join(root, 'no-such-session')),
    outcome: { code: 'SDIR_CREATE_FAILED' },
  },
  ...(['../x', 'a/b', 'a\0b', ''] as const).map((s) => ({
    what: `createSessionDir({ suffix: ${JSON.stringify(s)} })`,
    call: () => sdir.createSessionDir({ sdir: out(), suffix: s }),
    outcome: { code: 'SDIR_INVALID_SUFFIX' },
  })),
  {
    what: 'createSessionDir({ sdir: "" })',
    call: () => sdir.createSessionDir({ sdir: '' }),
    outcome: { code: 'SDIR_INVALID_OPTION' },
  },
  {
    what: 'createSessionDir({ idLength: 0 })',
    call: () => sdir.createSessionDir({ sdir: out(), idLength: 0 }),
    outcome: { code: 'SDIR_INVALID_OPTION' },
  },
  {
    what: 'createSessionDir({ id: "../x" })',
    call: () => sdir.createSessionDir({ sdir: out(), id: '../x' }),
    outcome: { code: 'SDIR_INVALID_OPTION' },
  },
  {
    what: 'genId({ length: 0 })',
    call: () => sdir.genId({ length: 0 }),
    outcome: { code: 'SDIR_INVALID_OPTION' },
  },
  {
    what: 'genId({ now: Invalid Date })',
    call: () => sdir.genId({ now: new Date('x') }),
    outcome: { code: 'SDIR_INVALID_OPTION' },
  },
  {
    what: 'parseSessionId("junk")',
    call: () => sdir.parseSessionId('junk'),
    outcome: { returns: null },
  },
  {
    what: 'resolveScript("")',
    call: () => sdir.resolveScript(''),
    outcome: { code: 'SDIR_INVALID_OPTION' },
  },
  {
    what: 'finalizeSessionDir(not a session)',
    call: () => sdir.finalizeSessionDir(root, 0),
    outcome: { code: 'SDIR_NOT_A_SESSION' },
  },
  {
    what: 'finalizeSessionDir(dir, 1.5)',
    call: () => sdir.finalizeSessionDir(join(root, 'RUNNING', '2025Y-11M-18D-07h53m37s_AAAA'), 1.5),
    outcome: { code: 'SDIR_INVALID_OPTION' },
  },
  {
    what: 'finalizeSessionDir(dir, "0")',
    call: () =>
      sdir.finalizeSessionDir(join(root, 'RUNNING', '2025Y-11M-18D-07h53m37s_AAAA'), '0' as never),
    outcome: { code: 'SDIR_INVALID_OPTION' },
  },
  {
    what: 'folderForExitStatus("x")',
    call: () => sdir.folderForExitStatus('x' as never),
    outcome: { code: 'SDIR_INVALID_OPTION' },
  },
  {
    what: 'readLease(a missing dir)',
    call: () => sdir.readLease(join(root, 'nope')),
    outcome: { returns: null },
  },
  {
    what: 'scanSessions(a file)',
    call: () => sdir.scanSessions(join(tmp.path, 'no-config')),
    outcome: { returns: { sessions: [], skipped: [expect.anything()] } },
  },
  {
    what: 'reconcile(root, { staleAfterMs: -1 })',
    call: () => sdir.reconcile(root, { staleAfterMs: -1 }),
    outcome: { code: 'SDIR_INVALID_OPTION' },
  },
  {
    what: 'reconcile(root, { now: "x" })',
    call: () => sdir.reconcile(root, { now: 'x' as never }),
    outcome: { code: 'SDIR_INVALID_OPTION' },
  },
];

const CONFIG: Case[] = [
  {
    what: 'parseDebugFlag("maybe")',
    call: () => config.parseDebugFlag('maybe'),
    outcome: { returns: undefined },
  },
  {
    what: 'isDebug({ env: { SCITEX_DEBUG: "maybe" } })',
    call: () => config.isDebug({ env: { SCITEX_DEBUG: 'maybe' }, dir: join(root, 'none') }),
    outcome: { code: 'CONFIG_BAD_DEBUG_FLAG' },
  },
  {
    what: 'saveConfig(5, dir)',
    call: () => config.saveConfig(5 as never, join(root, 'c')),
    outcome: { code: 'CONFIG_WRITE_FAILED' },
  },
  {
    what: 'saveConfig({ $scitex: 1 }, dir)',
    call: () => config.saveConfig({ $scitex: 1 }, join(root, 'c')),
    outcome: { code: 'CONFIG_RESERVED_KEY' },
  },
  {
    // A value that throws when read is skipped with a note; the rest is saved.
    what: 'saveConfig(a value whose toJSON throws, dir)',
    call: () => {
      const dir = tmp.join('unserialisable');
      config.saveConfig(
        {
          keep: 1,
          bad: {
            toJSON: () => {
              throw new Error('no');
            },
          },
        },
        dir,
      );
      return config.loadSavedConfig(dir)['keep'];
    },
    outcome: { returns: 1 },
  },
  {
    what: 'loadSavedConfig(a missing file)',
    call: () => config.loadSavedConfig(join(root, 'nope')),
    outcome: { code: 'CONFIG_READ_FAILED' },
  },
  {
    what: 'loadSavedConfig(garbage)',
    call: () => {
      const f = tmp.join('garbage.json');
      writeFileSync(f, '{"ID": 1');
      return config.loadSavedConfig(f);
    },
    outcome: { code: 'CONFIG_BAD_SNAPSHOT' },
  },
  {
    what: 'loadSavedConfig(a JSON file not written by saveConfig)',
    call: () => {
      const f = tmp.join('foreign.json');
      writeFileSync(f, '{"ID": 1}');
      return config.loadSavedConfig(f);
    },
    outcome: { code: 'CONFIG_BAD_SNAPSHOT' },
  },
  {
    what: 'loadConfigs({ dir: 5 })',
    call: () => config.loadConfigs({ dir: 5 as never }),
    outcome: { code: 'CONFIG_INVALID_ARGUMENT' },
  },
  {
    what: 'saveConfig({}, 5)',
    call: () => config.saveConfig({}, 5 as never),
    outcome: { code: 'CONFIG_INVALID_ARGUMENT' },
  },
  {
    what: 'loadSavedConfig(5)',
    call: () => config.loadSavedConfig(5 as never),
    outcome: { code: 'CONFIG_INVALID_ARGUMENT' },
  },
  {
    what: 'isSecretKey(5)',
    call: () => config.isSecretKey(5 as never),
    outcome: { returns: false },
  },
];

const TEE: Case[] = [
  {
    what: 'tee()',
    call: () => teeLog.tee(undefined as never),
    outcome: { code: 'TEE_INVALID_OPTION' },
  },
  {
    what: 'tee({ dir: "" })',
    call: () => teeLog.tee({ dir: '' }),
    outcome: { code: 'TEE_INVALID_OPTION' },
  },
  {
    what: 'tee({ stdoutFile: "a\\0b" })',
    call: () => teeLog.tee({ dir: out(), stdoutFile: 'a\0b' }),
    outcome: { code: 'TEE_INVALID_OPTION' },
  },
  {
    what: 'tee({ append: "yes" })',
    call: () => teeLog.tee({ dir: out(), append: 'yes' as never }),
    outcome: { code: 'TEE_INVALID_OPTION' },
  },
  {
    what: 'tee({ streams: { stdout: 5 } })',
    call: () => teeLog.tee({ dir: out(), streams: { stdout: 5 as never } }),
    outcome: { code: 'TEE_INVALID_OPTION' },
  },
  {
    what: 'tee({ dir: a path through a file })',
    call: () => {
      const f = tmp.join('a-file');
      writeFileSync(f, 'x');
      return teeLog.tee({ dir: join(f, 'logs') });
    },
    outcome: { code: 'TEE_OPEN_FAILED' },
  },
  {
    what: 'pipeChild(5)',
    call: () => teeLog.pipeChild(5 as never),
    outcome: { code: 'TEE_INVALID_OPTION' },
  },
];

const PLT: Case[] = [
  {
    what: 'createPlt(5)',
    call: () => plt.createPlt(5 as never),
    outcome: { code: 'PLT_INVALID_OPTION' },
  },
  {
    what: 'createPlt({ dpiSave: -1 })',
    call: () => plt.createPlt({ dpiSave: -1 }),
    outcome: { code: 'PLT_INVALID_OPTION' },
  },
  {
    what: 'subplots({ nrows: 0 })',
    call: () => plt.subplots({ nrows: 0 }),
    outcome: { code: 'PLT_INVALID_OPTION' },
  },
  {
    what: 'configure({ alpha: 5 })',
    call: () => plt.configure({ alpha: 5 }),
    outcome: { code: 'PLT_INVALID_OPTION' },
  },
];

describe.each([
  ['@scitex/session', SESSION],
  ['@scitex/rng', RNG],
  ['@scitex/sdir', SDIR],
  ['@scitex/config', CONFIG],
  ['@scitex/tee-log', TEE],
  ['@scitex/plt', PLT],
] as const)('bad input to %s', (_pkg, cases) => {
  it.each(cases.map((c) => [c.what, c] as const))('%s', (_what, c) => {
    const write = process.stdout.write;
    const errWrite = process.stderr.write;
    const random = Math.random;
    let result: unknown;
    let error: unknown;
    try {
      result = c.call();
    } catch (e) {
      error = e;
    }
    if (result && typeof result === 'object' && 'close' in result && 'CONFIG' in result) {
      // Must not happen; close what was opened so the failure is reported cleanly.
      (result as session.Session).close({ verbose: false });
      throw new Error(`${c.what} started a session instead of failing`);
    }
    const o = c.outcome;
    if ('returns' in o) {
      expect(error).toBeUndefined();
      expect(result).toEqual(o.returns);
    } else if ('typeError' in o) {
      expect(error).toBeInstanceOf(TypeError);
    } else {
      expect(error, 'should have thrown').toBeInstanceOf(Error);
      expect((error as { code?: string }).code).toBe(o.code);
      if (o.name) expect((error as Error).name).toBe(o.name);
      if (o.message) expect((error as Error).message).toMatch(o.message);
    }
    // Nothing half-created, nothing left patched.
    expect(tree(root)).toEqual([]);
    expect(process.stdout.write).toBe(write);
    expect(process.stderr.write).toBe(errWrite);
    expect(Math.random).toBe(random);
  });
});
