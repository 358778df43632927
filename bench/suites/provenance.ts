/**
 * @scitex/provenance: what recording a run's provenance (command line, code version,
 * dependencies) adds to start(), measured as whole processes, start()+close() with
 * `provenance` on and off side by side: inside a git repository of 1 000 files (clean,
 * then with a changed file, which adds `git diff HEAD`), and outside git (where the
 * script's sources are listed and copied into CONFIGS/source/).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, timeProcesses } from '../lib/process.ts';
import { fmtMs, type Summary } from '../lib/stats.ts';
import type { Figure, Suite } from '../lib/types.ts';

const sessionEntry = import.meta.resolve('@scitex/session');

/** A project folder: `files` small source files in folders of 100, a package.json, a lockfile, two scripts. */
function project(dir: string, files: number): { on: string; off: string } {
  for (let i = 0; i < files; i++) {
    const sub = join(dir, 'src', `mod_${String(Math.floor(i / 100)).padStart(2, '0')}`);
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(
      join(sub, `file_${String(i).padStart(4, '0')}.ts`),
      `// module ${i}\nexport const value${i} = ${i};\nexport function f${i}(x: number): number {\n  return x * ${i};\n}\n`,
    );
  }
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'exp', private: true, dependencies: { a: '^1', b: '^2' } }),
  );
  // A lockfile of a middling project (~200 KB): its sha256 is part of the record.
  writeFileSync(join(dir, 'pnpm-lock.yaml'), 'lockfileVersion: 9.0\n'.repeat(10_000));
  const script = (provenance: boolean): string =>
    `import { start, close } from ${JSON.stringify(sessionEntry)};
const s = start({ sdir: process.env.OUT, configDir: process.env.CONFIG_DIR, verbose: false${provenance ? '' : ', provenance: false'} });
console.log('hello');
close(s.CONFIG);
`;
  const on = join(dir, 'with.mjs');
  const off = join(dir, 'without.mjs');
  writeFileSync(on, script(true));
  writeFileSync(off, script(false));
  writeFileSync(join(dir, '.gitignore'), '*_out/\n');
  return { on, off };
}

function git(dir: string, ...args: string[]): void {
  execFileSync(
    'git',
    ['-c', 'user.email=bench@example.com', '-c', 'user.name=bench', '-C', dir, ...args],
    {
      stdio: 'ignore',
    },
  );
}

const suite: Suite = {
  name: 'provenance',
  async run({ quick, tmp, log }) {
    const runs = quick ? 3 : 20;
    const warmup = quick ? 1 : 3;
    const figures: Figure[] = [];
    const env = (out: string): Record<string, string> => ({
      OUT: join(tmp, out),
      CONFIG_DIR: join(tmp, 'no-config'),
    });
    const side = (s: { on: string; off: string }, out: string, cwd: string): [Summary, Summary] =>
      timeProcesses(
        [
          { name: 'provenance off', argv: [process.execPath, s.off], env: env(out), cwd },
          { name: 'provenance on', argv: [process.execPath, s.on], env: env(out), cwd },
        ],
        { runs, warmup },
      ) as [Summary, Summary];
    // Informational: DESIGN sets no figure; the issue asks for the cost to be shown.
    const row = (figure: string, [off, on]: [Summary, Summary]): void => {
      figures.push({
        figure,
        measured: `+${(on.median - off.median).toFixed(1)} ms (on ${fmtMs(on)}, off ${fmtMs(off)})`,
        target: 'informational',
        value: null,
        pass: null,
      });
    };

    const repo = join(tmp, 'repo');
    log('a git repository of 1 000 files');
    const inGit = project(repo, 1000);
    // Until start() takes the `provenance` option (issue 17 wiring), there is nothing to compare.
    const probe = spawnSync(process.execPath, [inGit.off], {
      env: cleanEnv(env('out-probe')),
      encoding: 'utf8',
    });
    if (probe.status !== 0 && probe.stderr.includes('"provenance"')) {
      figures.push({
        figure: 'start()+close() with provenance on vs off',
        measured: 'not measured: start() has no `provenance` option yet',
        target: 'informational',
        value: null,
        pass: null,
      });
      return figures;
    }
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'bench');
    row(
      'start()+close() in a clean git repository of 1 000 files: provenance on vs off (one `git status`)',
      side(inGit, 'out-git', repo),
    );

    log('the same with one changed file');
    appendFileSync(join(repo, 'src', 'mod_00', 'file_0000.ts'), '// edited\n');
    row(
      'the same with one tracked file changed (adds `git diff HEAD`, saved as CONFIGS/git.diff)',
      side(inGit, 'out-dirty', repo),
    );

    for (const n of [3, 50]) {
      log(`outside git, ${n} source files`);
      const plain = join(tmp, `plain-${n}`);
      const outside = project(plain, n);
      row(
        `start()+close() outside git, script folder of ${n} source files (listed, copied to CONFIGS/source/): provenance on vs off`,
        side(outside, `out-plain-${n}`, plain),
      );
    }
    return figures;
  },
};

export default suite;
