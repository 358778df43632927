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
