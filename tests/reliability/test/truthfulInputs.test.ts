// Inputs that must be bounded: each gives a coded error or the right result in seconds,
// and nothing the user had is lost. Run as real processes against the built packages.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '@scitex/test-utils';
import { runNode, type NodeRunResult } from './helpers/node.ts';
import { cliPath, fixture, repoRoot } from './helpers/paths.ts';
import { onlySession, tree } from './helpers/sessions.ts';

const script = fixture('inputs.mjs');

interface Report {
  ok: boolean;
  code?: string;
  message?: string;
  result?: { dir: string; status: string };
}

function reportOf(r: NodeRunResult): Report {
  const line = r.stderr.split('\n').find((l) => l.startsWith('REPORT '));
  if (!line) throw new Error(`no report; exit ${r.code}, stderr:\n${r.stderr}`);
  return JSON.parse(line.slice('REPORT '.length)) as Report;
}

/** A folder with `config/<name>` files, the script started there. */
async function withConfig(files: Record<string, string>): Promise<{ r: Report; out: string }> {
  const tmp = useTempDir();
  mkdirSync(tmp.join('config'));
  for (const [name, text] of Object.entries(files)) writeFileSync(tmp.join('config', name), text);
  const out = tmp.join('out');
  const r = await runNode(script, { args: ['start'], cwd: tmp.path, env: { OUT: out } });
  return { r: reportOf(r), out };
}

const BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
  '',
].join('\n');

describe('config files', () => {
  it.each(['ARGS.yaml', 'SEED.yaml', 'HOST.yml'])(
    '%s, named like a key the session sets: SESSION_CONFIG_CONFLICT naming it, nothing created',
    async (name) => {
      const { r, out } = await withConfig({ [name]: 'x: 1\n', 'PARAMS.yaml': 'lr: 0.1\n' });
      expect(r).toMatchObject({ ok: false, code: 'SESSION_CONFIG_CONFLICT' });
      expect(r.message).toContain(name);
      expect(tree(out)).toEqual([]);
    },
  );

  it('a 1 KiB YAML alias bomb: CONFIG_TOO_LARGE naming the file, nothing created', async () => {
    expect(BOMB.length).toBeLessThan(1024);
    const { r, out } = await withConfig({ 'BOMB.yaml': BOMB });
    expect(r).toMatchObject({ ok: false, code: 'CONFIG_TOO_LARGE' });
    expect(r.message).toContain('BOMB.yaml');
    expect(tree(out)).toEqual([]);
  });

  it('a dangling symlink and a symlink loop: CONFIG_BROKEN_LINK naming them', async () => {
    const tmp = useTempDir();
    mkdirSync(tmp.join('config'));
    symlinkSync(tmp.join('nowhere.yaml'), tmp.join('config', 'GONE.yaml'));
    const out = tmp.join('out');
    const dangling = reportOf(
      await runNode(script, { args: ['start'], cwd: tmp.path, env: { OUT: out } }),
    );
    expect(dangling).toMatchObject({ ok: false, code: 'CONFIG_BROKEN_LINK' });
    expect(dangling.message).toContain('GONE.yaml');
    const tmp2 = useTempDir();
    mkdirSync(tmp2.join('config'));
    symlinkSync(tmp2.join('config', 'B.yaml'), tmp2.join('config', 'A.yaml'));
    symlinkSync(tmp2.join('config', 'A.yaml'), tmp2.join('config', 'B.yaml'));
    const loop = reportOf(
      await runNode(script, { args: ['start'], cwd: tmp2.path, env: { OUT: out } }),
    );
    expect(loop).toMatchObject({ ok: false, code: 'CONFIG_BROKEN_LINK' });
    expect(tree(out)).toEqual([]);
  });

  it('run from another folder: config/ next to the script is used, and the header says so', async () => {
    const tmp = useTempDir();
    const proj = tmp.join('proj');
    mkdirSync(join(proj, 'config'), { recursive: true });
    writeFileSync(join(proj, 'config', 'PARAMS.yaml'), 'lr: 0.25\n');
    const session = pathToFileURL(join(repoRoot, 'packages/session/dist/index.js')).href;
    writeFileSync(
      join(proj, 'exp.mjs'),
      `import { close, start } from ${JSON.stringify(session)};\nclose(start({ seed: 1 }).CONFIG);\n`,
    );
    const elsewhere = tmp.join('elsewhere');
    mkdirSync(elsewhere);
    const r = await runNode(join(proj, 'exp.mjs'), { cwd: elsewhere });
    expect(r.code).toBe(0);
    const s = onlySession(join(proj, 'exp_out'));
    expect(s.config['PARAMS']).toEqual({ lr: 0.25 });
    expect(s.config['CONFIG_DIR']).toBe(join(proj, 'config'));
    expect(s.stdout).toContain(`Config: ${join(proj, 'config')} (1 file)`);
  });

  it('no config anywhere: the header says none was found', async () => {
    const tmp = useTempDir();
    const out = tmp.join('out');
    const r = await runNode(script, { args: ['start'], cwd: tmp.path, env: { OUT: out } });
    expect(reportOf(r).ok).toBe(true);
    expect(onlySession(out).stdout).toContain('Config: none');
  });
});

describe('the process', () => {
  it('start() in a deleted current directory: SESSION_NO_CWD, not a bare ENOENT', async () => {
    const tmp = useTempDir();
    const out = tmp.join('out');
    const r = await runNode(script, {
      args: ['cwd-deleted'],
      cwd: tmp.path,
      env: { OUT: out, DOOMED: tmp.join('doomed') },
    });
    const rep = reportOf(r);
    expect(rep).toMatchObject({ ok: false, code: 'SESSION_NO_CWD' });
    expect(rep.message).toMatch(/cd to an existing directory/);
    expect(tree(out)).toEqual([]);
  });
});

describe('CONFIG values', () => {
  it('a Float64Array(1e7), a 20 MB string and 2e6 numbers: filed, the snapshot stays small', async () => {
    const out = useTempDir().join('out');
    const r = await runNode(script, { args: ['huge-values'], env: { OUT: out } });
    expect(reportOf(r)).toMatchObject({ ok: true, result: { status: 'FINISHED_SUCCESS' } });
    const s = onlySession(out);
    expect(statSync(join(s.dir, 'CONFIGS', 'CONFIG.json')).size).toBeLessThan(1024 * 1024);
    expect(statSync(join(s.dir, 'CONFIGS', 'CONFIG.yaml')).size).toBeLessThan(1024 * 1024);
    expect(s.config['kept']).toEqual({ lr: 0.5 });
    expect(JSON.stringify(s.config['big'])).toContain('Float64Array');
  });

  it('a revoked Proxy and a throwing getter: skipped with a note, everything else kept', async () => {
    const out = useTempDir().join('out');
    const r = await runNode(script, { args: ['unreadable-values'], env: { OUT: out } });
    expect(reportOf(r)).toMatchObject({ ok: true, result: { status: 'FINISHED_SUCCESS' } });
    const s = onlySession(out);
    expect(s.config['kept']).toEqual({ lr: 0.5 });
    expect(JSON.stringify(s.config['revoked'])).toContain('Unreadable');
    expect(s.yaml).toContain('Unreadable');
  });
});

describe('the CLI', () => {
  it('show | head -1 ends quietly; show takes the 4-character tail', async () => {
    const tmp = useTempDir();
    const out = tmp.join('out');
    const r = await runNode(script, { args: ['start'], cwd: tmp.path, env: { OUT: out } });
    const id = reportOf(r).result!.dir.split('/').pop()!;
    const errFile = tmp.join('stderr.txt');
    const first = execFileSync(
      'sh',
      [
        '-c',
        `"${process.execPath}" "${cliPath}" show "${id}" "${out}" -n 5000 2>"${errFile}" | head -c 10`,
      ],
      { encoding: 'utf8' },
    );
    expect(first).toBe(id.slice(0, 10));
    expect(readFileSync(errFile, 'utf8')).toBe('');
    const byTail = execFileSync(process.execPath, [cliPath, 'show', id.slice(-4), out], {
      encoding: 'utf8',
    });
    expect(byTail.split('\n')[0]).toContain(id);
  });
});
