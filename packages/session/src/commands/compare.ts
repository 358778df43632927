/**
 * `scitex-session compare <A> <B> [OUT_ROOT] [--json]`: two runs side by side — differing
 * parameters, output files, masked logs, statuses. Exit 0 when outputs, logs and status
 * match, 1 when they differ, 2 on bad input (so it can gate CI).
 */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { compareSessions, ProvenanceError } from '@scitex/provenance';
import type { CliIO } from '../cliMain.js';
import type { CommandHandle } from './commandHandle.js';
import { formatComparison } from './compareReport.js';
import { findSession, LookupError, outRoots } from './sessionLookup.js';

/**
 * Compares two session directories and prints the result (`json`: the comparison as JSON).
 * Returns the exit code: 0 same, 1 different, 2 bad input (message on stderr).
 */
export function compareAndReport(dirA: string, dirB: string, json: boolean, io: CliIO): number {
  let result;
  try {
    result = compareSessions(dirA, dirB);
  } catch (err) {
    if (!(err instanceof ProvenanceError)) throw err;
    io.stderr(`scitex-session: ${err.message}\n`);
    return 2;
  }
  if (json) io.stdout(JSON.stringify(result, null, 2) + '\n');
  else io.stdout(formatComparison(result, basename(result.a), basename(result.b)));
  return result.same ? 0 : 1;
}

/** Adds `compare` to `program`; read `handle.exitCode` after parsing. */
export function registerCompareCommand(program: Command, io: CliIO): CommandHandle {
  const handle: CommandHandle = { exitCode: undefined };
  program
    .command('compare')
    .description(
      'two runs side by side: parameters, output files, masked logs, status (exit 0 same, 1 different, 2 bad input)',
    )
    .argument('<A>', 'session ID (full, unique prefix or 4-character tail) or session directory')
    .argument('<B>', 'the other session')
    .argument('[OUT_ROOT]', 'folder holding RUNNING/ and FINISHED_*/')
    .option('--json', 'machine-readable output')
    .action((a: string, b: string, root: string | undefined, o: { json?: boolean }) => {
      try {
        let roots: string[] | undefined;
        const rootsOf = (): string[] => (roots ??= outRoots(root, io.cwd));
        const sa = findSession(a, rootsOf, io.cwd);
        const sb = findSession(b, rootsOf, io.cwd);
        handle.exitCode = compareAndReport(sa.dir, sb.dir, o.json === true, io);
      } catch (err) {
        if (!(err instanceof LookupError)) throw err;
        io.stderr(`scitex-session: ${err.message}\n`);
        handle.exitCode = 2;
      }
    });
  return handle;
}
