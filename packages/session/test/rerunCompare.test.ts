// scitex-session rerun and compare against real runs: a small experiment in a temporary git
// repository, run as a user runs it, then rerun and compared through the CLI.
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runFixture, useTempDir, type FixtureOptions } from '@scitex/test-utils';
import { saveConfig } from '@scitex/config';
import { readRerunRequest, type RerunPayload } from '../src/rerunRequest.ts';
import { layout } from './helpers.ts';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const template = fileURLToPath(new URL('./fixtures/provenance-exp.ts', import.meta.url));
const sessionSrc = pathToFileURL(join(pkg, 'src', 'index.ts')).href;
const provenanceSrc = pathToFileURL(join(pkg, '..', 'provenance', 'src', 'index.ts')).href;

function git(dir: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.email=test@example.com', '-c', 'user.name=Test', '-C', dir, ...args],
    { encoding: 'utf8' },
  ).trim();
}

/** A git repository holding the experiment (committed), its config and an output root. */
function experiment(): { repo: string; script: string; out: string; commit: string } {
  const tmp = useTempDir();
  const repo = tmp.join('repo');
  mkdirSync(join(repo, 'config'), { recursive: true });
  const script = join(repo, 'exp.ts');
  // Imports point at the sources, so the script runs from a folder outside the workspace.
  writeFileSync(
    script,
    readFileSync(template, 'utf8')
      .replace("'@scitex/session'", JSON.stringify(sessionSrc))
      .replace("'@scitex/provenance'", JSON.stringify(provenanceSrc)),
  );
  writeFileSync(join(repo, 'config', 'PARAMS.yaml'), 'scale: 2\n');
  writeFileSync(join(repo, '.gitignore'), '*_out/\n');
  git(repo, '-c', 'init.defaultBranch=main', 'init', '-q');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'experiment');
  return { repo, script, out: join(repo, 'exp_out'), commit: git(repo, 'rev-parse', 'HEAD') };
}

type Exp = ReturnType<typeof experiment>;

/** Runs the experiment; returns the directory of the session it made. */
async function run(e: Exp): Promise<string> {
  const before = new Set(layout(e.out).FINISHED_SUCCESS);
  const r = await runFixture(e.script, { cwd: e.repo, env: { OUT: e.out } });
  expect(r.code, r.stderr).toBe(0);
  const made = layout(e.out).FINISHED_SUCCESS.filter((n) => !before.has(n));
  expect(made).toHaveLength(1);
  return join(e.out, 'FINISHED_SUCCESS', made[0]!);
}

const cliRun = (args: string[], e: Exp, opts: FixtureOptions = {}) =>
  runFixture(cli, { args, cwd: e.repo, ...opts });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed snapshot, read field by field
type Json = any;
const config = (dir: string): Record<string, Json> =>
  JSON.parse(readFileSync(join(dir, 'CONFIGS', 'CONFIG.json'), 'utf8'));
const tail = (dir: string): string => dir.slice(-4);

describe('provenance of a run in a git repository', () => {
  it('records the command line, the commit, and a dirty tree with its diff', async () => {
    const e = experiment();
    const clean = config(await run(e));
    expect(clean['ARGV'].argv).toEqual([e.script]);
    expect(clean['ARGV'].cwd).toBe(e.repo);
    expect(clean['CODE'].git).toMatchObject({
      root: e.repo,
      commit: e.commit,
      branch: 'main',
      dirty: false,
    });
    expect(clean['DEPS'].node).toBe(process.version);

    appendFileSync(e.script, '// a tweak\n');
    writeFileSync(join(e.repo, 'notes.md'), 'untracked\n');
    const dirtyDir = await run(e);
    const dirty = config(dirtyDir);
    expect(dirty['CODE'].git).toMatchObject({
      commit: e.commit,
      dirty: true,
      changed: [{ path: 'exp.ts', sha256: expect.any(String) }],
      untracked: ['notes.md'],
    });
    expect(readFileSync(join(dirtyDir, 'CONFIGS', 'git.diff'), 'utf8')).toContain('+// a tweak');
  });
});

describe('scitex-session rerun', () => {
  it('refuses after an uncommitted change of the script, listing it (exit 2)', async () => {
    const e = experiment();
    const first = await run(e);
    appendFileSync(e.script, '// changed after the run\n');
    const r = await cliRun(['rerun', tail(first), e.out], e);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('rerun refused: the code changed since the run');
    expect(r.stderr).toMatch(/exp\.ts: its contents changed/);
    expect(r.stderr).toContain('uncommitted changes differ in exp.ts');
    expect(r.stderr).toContain('--force');
    expect(layout(e.out).FINISHED_SUCCESS).toHaveLength(1); // nothing ran
  });

  it('reruns unchanged code into the same output root with the exit status of the run', async () => {
    const e = experiment();
    const first = await run(e);
    const r = await cliRun(['rerun', tail(first)], e, { env: { SCITEX_DEBUG: undefined } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`rerunning ${first.split('/').pop()}`);
    expect(layout(e.out).FINISHED_SUCCESS).toHaveLength(2);
  });

  it('--force runs changed code and says so; the new CONFIG has RERUN_OF and RERUN_FORCED', async () => {
    const e = experiment();
    const first = await run(e);
    appendFileSync(e.script, '// changed after the run\n');
    const r = await cliRun(['rerun', tail(first), e.out, '--force'], e);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('the code changed since the run (running anyway, --force)');
    const made = layout(e.out).FINISHED_SUCCESS.map((n) => join(e.out, 'FINISHED_SUCCESS', n));
    const rerun = made.find((d) => d !== first)!;
    // Needs start() to honour SCITEX_RERUN (readRerunRequest).
    expect(config(rerun)['RERUN_OF']).toBe(config(first)['ID']);
    expect(config(rerun)['RERUN_FORCED']).toBe(true);
  });

  it('takes the config from the snapshot, not from ./config; --compare says SAME', async () => {
    const e = experiment();
    const first = await run(e);
    writeFileSync(join(e.repo, 'config', 'PARAMS.yaml'), 'scale: 3\n');
    const r = await cliRun(['rerun', tail(first), e.out, '--compare'], e);
    expect(r.stdout).toContain('SAME: outputs, logs and status match');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const rerun = layout(e.out)
      .FINISHED_SUCCESS.map((n) => join(e.out, 'FINISHED_SUCCESS', n))
      .find((d) => d !== first)!;
    expect(config(rerun)['PARAMS']).toEqual({ scale: 2 });
    expect(config(rerun)['RERUN_OF']).toBe(config(first)['ID']);
  });

  it('refuses a missing script, a corrupt snapshot and a session still running (exit 2)', async () => {
    const e = experiment();
    const first = await run(e);
    const second = await run(e);

    writeFileSync(join(second, 'CONFIGS', 'CONFIG.json'), '{"ID": "cut sh');
    const corrupt = await cliRun(['rerun', tail(second), e.out], e);
    expect(corrupt.code).toBe(2);
    expect(corrupt.stderr).toMatch(/recorded snapshot of \S+ cannot be read/);

    mkdirSync(join(e.out, 'RUNNING'));
    const running = join(e.out, 'RUNNING', first.split('/').pop()!);
    renameSync(first, running);
    const busy = await cliRun(['rerun', tail(first), e.out], e);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toMatch(/is still RUNNING/);
    renameSync(running, first);

    rmSync(e.script);
    const missing = await cliRun(['rerun', tail(first), e.out], e);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`the script ${e.script} is missing`);
  });

  it('an ambiguous ID lists the candidates (exit 2)', async () => {
    const e = experiment();
    const a = await run(e);
    const b = await run(e);
    const r = await cliRun(['rerun', '20', e.out], e);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"20" matches 2 sessions; give more of the ID');
    expect(r.stderr).toContain(a.split('/').pop());
    expect(r.stderr).toContain(b.split('/').pop());
  });
});

describe('scitex-session compare', () => {
  it('two runs of the same code and config: SAME, although IDs, paths, PIDs and times differ', async () => {
    const e = experiment();
    const a = await run(e);
    const b = await run(e);
    expect(readFileSync(join(a, 'logs', 'stdout.log'), 'utf8')).not.toBe(
      readFileSync(join(b, 'logs', 'stdout.log'), 'utf8'),
    );
    const r = await cliRun(['compare', tail(a), tail(b), e.out], e);
    expect(r.stdout).toContain('parameters: same');
    expect(r.stdout).toContain('files: 1 same, 0 different, 0 only in A, 0 only in B');
    expect(r.stdout).toContain('logs: stdout same, stderr same');
    expect(r.code, r.stdout).toBe(0);
  });

  it('different results: names each differing file and parameter, exits 1; --json too', async () => {
    const e = experiment();
    const a = await run(e);
    writeFileSync(join(e.repo, 'config', 'PARAMS.yaml'), 'scale: 3\n');
    const b = await run(e);
    writeFileSync(join(b, 'extra.txt'), 'only in B\n');
    const r = await cliRun(['compare', a, b], e);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/parameters: 1 differ\n {2}PARAMS\.scale {2}2 → 3\n/);
    expect(r.stdout).toMatch(
      /different {2}result\.csv {2}\(largest absolute difference [\d.e-]+\)/,
    );
    expect(r.stdout).toMatch(/only in B {2}extra\.txt/);
    expect(r.stdout).toMatch(
      /first difference, stdout\.log line \d+:\n {4}A: result [\d.]+\n {4}B: result/,
    );
    expect(r.stdout).toContain('code: uncommitted changes differ in config/PARAMS.yaml');
    expect(r.stdout).toMatch(/DIFFERENT\n$/);

    const j = await cliRun(['compare', tail(a), tail(b), e.out, '--json'], e);
    expect(j.code).toBe(1);
    const parsed = JSON.parse(j.stdout);
    expect(parsed.params).toEqual([{ key: 'PARAMS.scale', a: 2, b: 3 }]);
    expect(parsed.files.map((f: { path: string; status: string }) => [f.path, f.status])).toEqual([
      ['extra.txt', 'onlyB'],
      ['result.csv', 'different'],
    ]);
    expect(parsed.logs.stdout).toBe('different');
    expect(parsed.same).toBe(false);
  });

  it('bad input exits 2: an unknown ID, no output root, a corrupt snapshot', async () => {
    const e = experiment();
    const a = await run(e);
    const unknown = await cliRun(['compare', tail(a), 'zzzz', e.out], e);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no session "zzzz"');
    const noRoot = await cliRun(['compare', 'x', 'y', join(e.repo, 'nope')], e);
    expect(noRoot.code).toBe(2);
    const b = await run(e);
    writeFileSync(join(b, 'CONFIGS', 'CONFIG.json'), '[');
    const corrupt = await cliRun(['compare', tail(a), tail(b), e.out], e);
    expect(corrupt.code).toBe(2);
    expect(corrupt.stderr).toMatch(/snapshot is corrupt/);
  });
});

describe('the demo', () => {
  it('reruns and compares equal', async () => {
    const demo = join(pkg, 'examples', 'quickstart.ts');
    const env = { SCITEX_DEBUG: '1' };
    const r = await runFixture(demo, { cwd: pkg, env });
    expect(r.code, r.stderr).toBe(0);
    const dir = /→ (\S+FINISHED_SUCCESS\/DEBUG_\S+)/.exec(r.stdout)![1]!;
    const root = join(pkg, 'examples', 'quickstart_out');
    const before = new Set(layout(root).FINISHED_SUCCESS);
    try {
      const c = await runFixture(cli, {
        args: ['rerun', dir.split('/').pop()!, root, '--compare'],
        cwd: pkg,
        env,
      });
      expect(c.stdout + c.stderr).toContain('SAME: outputs, logs and status match');
      expect(c.code, c.stdout + c.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      for (const n of layout(root).FINISHED_SUCCESS)
        if (!before.has(n)) rmSync(join(root, 'FINISHED_SUCCESS', n), { recursive: true });
    }
  });
});

describe('readRerunRequest', () => {
  it('null without SCITEX_RERUN; with it, the recorded namespaces, seed and root, and the variable removed', () => {
    expect(readRerunRequest({})).toBeNull();
    const tmp = useTempDir();
    const dir = tmp.join('exp_out', 'FINISHED_SUCCESS', '2025Y-11M-18D-07h53m37s_Z5MR');
    saveConfig(
      {
        ID: '2025Y-11M-18D-07h53m37s_Z5MR',
        START_TIME: new Date(),
        SEED: 7,
        DEBUG: true,
        PARAMS: { lr: 0.1, api_token: 'hunter2', when: new Date(0) },
        PATH: { FIGURE: 'pi.png' },
        CONFIG_FILES: { PARAMS: '/p/config/PARAMS.yaml', PATH: '/p/config/PATH.yaml' },
      },
      join(dir, 'CONFIGS'),
    );
    const payload: RerunPayload = {
      of: '2025Y-11M-18D-07h53m37s_Z5MR',
      dir,
      force: true,
      seed: 7,
      configSnapshot: join(dir, 'CONFIGS', 'CONFIG.json'),
      outRoot: tmp.join('exp_out'),
    };
    const env: NodeJS.ProcessEnv = { SCITEX_RERUN: JSON.stringify(payload) };
    const req = readRerunRequest(env)!;
    expect(env['SCITEX_RERUN']).toBeUndefined();
    expect(req).toEqual({
      of: payload.of,
      dir,
      seed: 7,
      config: {
        PARAMS: { lr: 0.1, api_token: '***', when: new Date(0) },
        PATH: { FIGURE: 'pi.png' },
      },
      sources: { PARAMS: payload.configSnapshot, PATH: payload.configSnapshot },
      debug: true,
      configDir: null,
      redacted: ['PARAMS.api_token'],
      outRoot: payload.outRoot,
      force: true,
    });
  });

  it('a malformed request or an unreadable snapshot is SESSION_INVALID_OPTION', () => {
    const bad = (v: string) => () => readRerunRequest({ SCITEX_RERUN: v });
    expect(bad('{')).toThrow(expect.objectContaining({ code: 'SESSION_INVALID_OPTION' }));
    expect(bad('{"of": "x"}')).toThrow(/"dir" must be a non-empty string/);
    expect(
      bad(
        JSON.stringify({ of: 'x', dir: '/d', force: 'yes', configSnapshot: '/c', outRoot: '/o' }),
      ),
    ).toThrow(/"force" must be true or false/);
    expect(
      bad(
        JSON.stringify({
          of: 'x',
          dir: '/d',
          force: false,
          configSnapshot: '/nope',
          outRoot: '/o',
        }),
      ),
    ).toThrow(/cannot read the recorded snapshot/);
  });
});
