/**
 * `scitex-session report [OUT_ROOT…] [-o report.html]`: writes the offline HTML report of
 * the runs under the output roots. The action is async (curves are drawn with plt), so
 * the program must be run with `parseAsync`.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliIO } from '../cliMain.js';
import { formatBytes } from './format.js';
import { REPORT_DEFAULTS } from './options.js';
import { outRoots } from '../commands/sessionLookup.js';

interface ReportFlags {
  out: string;
  title?: string;
  logLines: string;
  maxCurveRuns: string;
}

function count(flag: string, v: string, min: number): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < min)
    throw new Error(`${flag} must be a whole number ≥ ${min}, got ${JSON.stringify(v)}.`);
  return n;
}

/** Adds the `report` command to `program`; it writes through `io` and resolves paths against `io.cwd`. */
export function registerReportCommand(program: Command, io: CliIO): Command {
  return program
    .command('report')
    .description(
      'one self-contained HTML file of the runs: sortable, filterable table, config, log tails, figures, metric curves',
    )
    .argument(
      '[OUT_ROOT...]',
      'folders holding RUNNING/ and FINISHED_*/ (default: the current folder or its *_out folders)',
    )
    .option('-o, --out <file>', 'where to write the report', 'report.html')
    .option('--title <text>', 'page title')
    .option('-n, --log-lines <n>', 'log lines shown per run', String(REPORT_DEFAULTS.logLines))
    .option(
      '--max-curve-runs <n>',
      'draw metric curves for the newest n runs',
      String(REPORT_DEFAULTS.maxCurveRuns),
    )
    .action(async (given: string[], flags: ReportFlags) => {
      // The output-root rule of every command (list, show, rerun…), for each root given.
      const roots = given.length
        ? given.flatMap((g) => outRoots(g, io.cwd))
        : outRoots(undefined, io.cwd);
      // The report code (and plt behind it) loads only when the command runs.
      const { writeReport } = await import('./buildReport.js');
      const r = await writeReport(roots, resolve(io.cwd, flags.out), {
        logLines: count('--log-lines', flags.logLines, 1),
        maxCurveRuns: count('--max-curve-runs', flags.maxCurveRuns, 0),
        ...(flags.title !== undefined ? { title: flags.title } : {}),
      });
      io.stdout(`wrote ${r.path}: ${r.runs} runs, ${r.curves} curves, ${formatBytes(r.bytes)}\n`);
      for (const s of r.skipped) io.stderr(`skipped ${s.path}: ${s.reason}\n`);
    });
}
