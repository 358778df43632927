/**
 * `pnpm bench`: runs every suite in bench/suites/ and writes bench/RESULTS.md.
 *   --quick       tiny sizes, seconds in all (a smoke test; writes RESULTS.quick.md)
 *   --check       exit 1 if any target is missed
 *   --only a,b    run only these suites
 *   --out FILE    where to write the results
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Figure, Suite } from './lib/types.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string' },
  },
});
const here = new URL('.', import.meta.url).pathname;
const quick = values.quick ?? false;
const only = values.only?.split(',').map((s) => s.trim());
const outFile = values.out ?? join(here, quick ? 'RESULTS.quick.md' : 'RESULTS.md');

const files = readdirSync(join(here, 'suites'))
  .filter((f) => f.endsWith('.ts'))
  .sort();
const results: { suite: string; figures: Figure[]; error?: string; seconds: number }[] = [];
for (const f of files) {
  const suite = (await import(join(here, 'suites', f))).default as Suite;
  if (only && !only.includes(suite.name)) continue;
  const tmp = mkdtempSync(join(tmpdir(), `scitex-bench-${suite.name}-`));
  const t0 = performance.now();
  process.stderr.write(`\n== ${suite.name}${quick ? ' (quick)' : ''}\n`);
  try {
    const figures = await suite.run({ quick, tmp, log: (m) => process.stderr.write(`  ${m}\n`) });
    results.push({ suite: suite.name, figures, seconds: (performance.now() - t0) / 1000 });
    for (const x of figures)
      process.stderr.write(`  ${x.figure}: ${x.measured} (target ${x.target})\n`);
  } catch (err) {
    const msg = (err as Error).stack ?? String(err);
    results.push({
      suite: suite.name,
      figures: [],
      error: msg,
      seconds: (performance.now() - t0) / 1000,
    });
    process.stderr.write(`  FAILED: ${msg}\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    // Let the disk settle before the next suite: the sdir suite writes and then deletes
    // 1 GiB, and the write-back and discards of that (ext4 here is mounted with
    // `discard`) stall every file-system operation for seconds after it returns — which
    // the next suite's timings would otherwise pay for.
    spawnSync('sync', { stdio: 'ignore' });
  }
}

const esc = (s: string): string => s.replace(/\|/g, '\\|');
const verdict = (p: boolean | null): string => (p === null ? '—' : p ? 'pass' : '**miss**');
const cpu = cpus();
const lines = [
  `# Benchmark results${quick ? ' (quick smoke run — sizes too small to mean anything)' : ''}`,
  '',
  `- date: ${new Date().toISOString()}`,
  `- machine: ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${process.platform}/${process.arch}`,
  `- node: ${process.version}`,
  `- command: \`pnpm bench${quick ? ' -- --quick' : ''}\``,
  '',
  'How the figures were taken: whole-process timings run each command in a clean',
  'environment (only `PATH` and `HOME`, as `env -i` would), after warm-up runs, with the',
  'compared commands interleaved (A B A B …) so machine noise hits both; medians are',
  'quoted with [min–max]. In-process figures use tinybench. Every ratio is measured side',
  'by side in this one run. Between suites the runner waits for the disk (`sync`), so one',
  "suite's deleted files are not written back during the next suite's timings.",
  '',
  '| suite | figure | measured | target | result |',
  '|---|---|---|---|---|',
];
for (const r of results) {
  if (r.error)
    lines.push(
      `| ${r.suite} | (suite failed) | ${esc(r.error.split('\n')[0] ?? '')} | — | **fail** |`,
    );
  for (const x of r.figures)
    lines.push(
      `| ${r.suite} | ${esc(x.figure)} | ${esc(x.measured)} | ${esc(x.target)} | ${verdict(x.pass)} |`,
    );
}
lines.push(
  '',
  `Suite run times: ${results.map((r) => `${r.suite} ${r.seconds.toFixed(1)} s`).join(', ')}.`,
  '',
);
writeFileSync(outFile, lines.join('\n'));
process.stderr.write(`\nwrote ${outFile}\n`);

const failed = results.filter((r) => r.error);
const missed = results.flatMap((r) => r.figures.filter((x) => x.pass === false));
if (failed.length) process.exitCode = 1;
if (values.check && missed.length) {
  process.stderr.write(
    `${missed.length} target(s) missed: ${missed.map((m) => m.figure).join('; ')}\n`,
  );
  process.exitCode = 1;
}
