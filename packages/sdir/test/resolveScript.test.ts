import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { resolveScript } from '../src/index.ts';
import { mainScriptKind, resolveMainScript } from '../src/resolveScript.ts';
import { compilePackage } from './helpers/compiled.ts';
import { fixture } from './helpers/processes.ts';

describe('resolveScript(file)', () => {
  it('resolves symlinks so outputs go next to the real file', () => {
    const tmp = useTempDir();
    mkdirSync(tmp.join('real'));
    writeFileSync(tmp.join('real', 'exp.ts'), '');
    symlinkSync(tmp.join('real', 'exp.ts'), tmp.join('link.ts'));
    expect(resolveScript(tmp.join('link.ts'))).toEqual({
      path: tmp.join('real', 'exp.ts'),
      stem: 'exp',
      dir: tmp.join('real'),
      kind: 'file',
    });
  });

  it('accepts file URLs (URL objects and strings)', () => {
    const tmp = useTempDir();
    writeFileSync(tmp.join('a.test.mjs'), '');
    const url = pathToFileURL(tmp.join('a.test.mjs'));
    expect(resolveScript(url).stem).toBe('a.test');
    expect(resolveScript(url.href).path).toBe(tmp.join('a.test.mjs'));
  });

  it('keeps a path that does not exist, made absolute', () => {
    const tmp = useTempDir();
    expect(resolveScript(tmp.join('notebook'))).toEqual({
      path: tmp.join('notebook'),
      stem: 'notebook',
      dir: tmp.path,
      kind: 'file',
    });
    expect(resolveScript(tmp.join('.hidden')).stem).toBe('.hidden');
  });

  it('refuses an empty path', () => {
    expect(() => resolveScript('')).toThrowError(
      expect.objectContaining({ code: 'SDIR_INVALID_OPTION' }),
    );
  });
});

describe('resolveScript() without a script file', () => {
  const base = { cwd: '/home/ada/proj', stdinIsTTY: false };
  it.each([
    [{ argv: ['node'], execArgv: ['-e', 'code'] }, 'eval'],
    [{ argv: ['node', 'a', 'b'], execArgv: ['-e', 'code'] }, 'eval'],
    [{ argv: ['node'], execArgv: ['--eval=code'] }, 'eval'],
    [{ argv: ['node'], execArgv: ['-pe', 'code'] }, 'eval'],
    [{ argv: ['node'], execArgv: ['-i'] }, 'repl'],
    [{ argv: ['node'], execArgv: [], stdinIsTTY: true }, 'repl'],
    [{ argv: ['node'], execArgv: [] }, 'stdin'],
    [{ argv: ['node', '-'], execArgv: [] }, 'stdin'],
  ] as const)('%j → %s', (ctx, kind) => {
    const r = resolveMainScript({ ...base, ...ctx });
    expect(r).toEqual({
      path: `/home/ada/proj/node-${kind}`,
      stem: `node-${kind}`,
      dir: '/home/ada/proj',
      kind,
    });
  });

  it('is right in real node processes: script, -e, -p, stdin and the REPL', () => {
    const tmp = useTempDir();
    const url = compilePackage(tmp.join('dist'));
    const work = tmp.join('work');
    mkdirSync(work);
    const code = `import(${JSON.stringify(url)}).then((m) => console.log('R=' + JSON.stringify(m.resolveScript())))`;
    const run = (args: string[], input?: string): unknown => {
      const r = spawnSync(process.execPath, args, {
        cwd: work,
        input: input ?? '',
        encoding: 'utf8',
      });
      const line = r.stdout.split('\n').find((l) => l.includes('R='));
      if (!line) throw new Error(`no result: ${r.stdout} ${r.stderr}`);
      return JSON.parse(line.slice(line.indexOf('R=') + 2));
    };
    const expected = (kind: string): unknown => ({
      path: join(work, `node-${kind}`),
      stem: `node-${kind}`,
      dir: work,
      kind,
    });
    expect(run(['-e', code])).toEqual(expected('eval'));
    expect(run(['-p', `${code}, ''`])).toEqual(expected('eval'));
    expect(run([], code)).toEqual(expected('stdin'));
    expect(run(['-'], code)).toEqual(expected('stdin'));
    expect(run(['-i'], `await ${code}\n`)).toEqual(expected('repl'));

    // The main script, started through a symlink, and its default output root.
    writeFileSync(
      join(work, 'exp.mjs'),
      `await import(${JSON.stringify(pathToFileURL(fixture('whoami.mjs')).href)});\n`,
    );
    symlinkSync(join(work, 'exp.mjs'), tmp.join('link.mjs'));
    const r = spawnSync(process.execPath, [tmp.join('link.mjs'), url], {
      cwd: tmp.path,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { script: unknown; dir: string; outRoot: string };
    expect(out.script).toEqual({
      path: join(work, 'exp.mjs'),
      stem: 'exp',
      dir: work,
      kind: 'file',
    });
    expect(out.outRoot).toBe(join(work, 'exp_out'));
    expect(out.dir.startsWith(join(work, 'exp_out', 'RUNNING') + '/')).toBe(true);
  });
});

describe('mainScriptKind with a lazily answered stdinIsTTY', () => {
  it('asks only when there is no script file, and uses the answer', () => {
    let asked = 0;
    const ask = (answer: boolean) => () => {
      asked++;
      return answer;
    };
    const base = { execArgv: [], cwd: '/' };
    expect(mainScriptKind({ ...base, argv: ['node', 'x.js'], stdinIsTTY: ask(true) })).toBe('file');
    expect(asked).toBe(0);
    expect(mainScriptKind({ ...base, argv: ['node'], stdinIsTTY: ask(true) })).toBe('repl');
    expect(mainScriptKind({ ...base, argv: ['node', '-'], stdinIsTTY: ask(false) })).toBe('stdin');
    expect(asked).toBe(2);
  });
});
