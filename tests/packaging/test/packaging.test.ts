// Packs each publishable package with `pnpm pack` (so workspace: ranges become real
// versions) and installs the tarball with plain npm into an empty project, then imports it.
// A leaf package installs from its own tarball alone; the umbrella with the leaves it needs.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '@scitex/test-utils';

const packagesDir = fileURLToPath(new URL('../../../packages/', import.meta.url));

interface Pkg {
  name: string;
  dir: string;
  deps: string[];
}

const pkgs: Pkg[] = readdirSync(packagesDir)
  .map((d) => ({
    dir: join(packagesDir, d),
    json: JSON.parse(readFileSync(join(packagesDir, d, 'package.json'), 'utf8')),
  }))
  .filter((p) => !p.json.private)
  .map((p) => ({
    name: p.json.name as string,
    dir: p.dir,
    deps: Object.keys(p.json.dependencies ?? {}).filter((d) => d.startsWith('@scitex/')),
  }));

let work: TempDir;
const tarballs = new Map<string, string>();

beforeAll(() => {
  work = makeTempDir('scitex-pack-');
  for (const p of pkgs) {
    const out = execFileSync('pnpm', ['pack', '--pack-destination', work.path], {
      cwd: p.dir,
      encoding: 'utf8',
    });
    const tgz = out.trim().split('\n').pop()!.trim();
    tarballs.set(p.name, tgz.startsWith('/') ? tgz : join(work.path, tgz));
  }
  return () => work.cleanup();
}, 120_000);

function installAndImport(name: string): { exports: string[]; files: string[] } {
  const project = join(work.path, name.replace('/', '__'));
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  const needed = [name, ...(pkgs.find((p) => p.name === name)?.deps ?? [])];
  execFileSync(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      ...needed.map((n) => tarballs.get(n)!),
    ],
    {
      cwd: project,
      stdio: 'pipe',
    },
  );
  const out = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const m = await import('${name}'); console.log(JSON.stringify(Object.keys(m)));`,
    ],
    { cwd: project, encoding: 'utf8' },
  );
  return { exports: JSON.parse(out) as string[], files: readdirSync(project).sort() };
}

describe('packaging', () => {
  it('finds the publishable packages', () => {
    expect(pkgs.map((p) => p.name).sort()).toEqual(
      [
        '@scitex/config',
        '@scitex/metrics',
        '@scitex/plt',
        '@scitex/provenance',
        '@scitex/rng',
        '@scitex/sdir',
        '@scitex/session',
        '@scitex/tee-log',
      ].sort(),
    );
  });

  for (const p of pkgs) {
    it(`${p.name} installs from its tarball${p.deps.length ? ' with its @scitex dependencies' : ' alone'} and imports without side effects`, () => {
      const { exports, files } = installAndImport(p.name);
      const errorClass =
        p.name === '@scitex/tee-log'
          ? 'TeeError'
          : `${p.name.slice(8, 9).toUpperCase()}${p.name.slice(9)}Error`;
      expect(exports).toContain(errorClass);
      // Importing created nothing in the consumer's folder.
      expect(files).toEqual(['node_modules', 'package-lock.json', 'package.json']);
    }, 180_000);
  }
});

describe('the umbrella from its tarball, as a user runs it', () => {
  it('a script with --set, then the CLI: list, compare, rerun, report and a local sweep', () => {
    installAndImport('@scitex/session');
    const project = join(work.path, '@scitex__session');
    writeFileSync(
      join(project, 'exp.mjs'),
      [
        "import { logMetrics, run } from '@scitex/session';",
        'await run(',
        '  async ({ args, rng }) => {',
        "    const x = rng.get('data').random();",
        '    for (let step = 0; step < 3; step++) logMetrics({ loss: args.lr / (step + 1) }, { step });',
        "    console.log('x', x);",
        '    return 0;',
        '  },',
        "  { args: { lr: { type: 'number', default: 0.1 } }, seed: 1 },",
        ');',
        '',
      ].join('\n'),
    );
    const node = (args: string[]): string =>
      execFileSync(process.execPath, args, { cwd: project, encoding: 'utf8' });
    const cli = (args: string[]): { code: number; out: string } => {
      try {
        return { code: 0, out: node(['node_modules/.bin/scitex-session', ...args]) };
      } catch (e) {
        const err = e as { status: number; stdout: string; stderr: string };
        return { code: err.status, out: err.stdout + err.stderr };
      }
    };
    node(['exp.mjs']);
    node(['exp.mjs', '--set', 'ARGS.lr=0.5']);
    const list = JSON.parse(cli(['list', 'exp_out', '--json']).out) as {
      sessions: { id: string; status: string }[];
    };
    expect(list.sessions.map((s) => s.status)).toEqual(['success', 'success']);
    const [b, a] = list.sessions.map((s) => s.id);
    const compare = cli(['compare', a!, b!, 'exp_out']);
    expect(compare.code, compare.out).toBe(1);
    expect(compare.out).toMatch(/ARGS\.lr/);
    const rerun = cli(['rerun', a!, 'exp_out', '--compare']);
    expect(rerun.code, rerun.out).toBe(0);
    expect(rerun.out).toContain('SAME');
    const report = cli(['report', 'exp_out', '-o', 'report.html']);
    expect(report.code, report.out).toBe(0);
    expect(readFileSync(join(project, 'report.html'), 'utf8')).toMatch(/<html/i);
    const sweep = cli(['sweep', 'exp.mjs', '--grid', 'ARGS.lr=0.2,0.3', '-j', '2']);
    expect(sweep.code, sweep.out).toBe(0);
    const after = JSON.parse(cli(['list', 'exp_out', '--json']).out) as {
      sessions: unknown[];
    };
    expect(after.sessions).toHaveLength(5);
  }, 300_000);
});
