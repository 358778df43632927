/**
 * The report's entry points, loading the report's code on first use: a script that opens
 * a session never pays for parsing it (it is a fifth of this package's code).
 */
import type * as Report from './report/index.js';

const load = (): Promise<typeof Report> => import('./report/index.js');

/** One self-contained HTML page of the runs under `roots` (see `scitex-session report`). */
export async function buildReport(
  ...args: Parameters<typeof Report.buildReport>
): ReturnType<typeof Report.buildReport> {
  return (await load()).buildReport(...args);
}

/** {@link buildReport}, written atomically to `outFile`. */
export async function writeReport(
  ...args: Parameters<typeof Report.writeReport>
): ReturnType<typeof Report.writeReport> {
  return (await load()).writeReport(...args);
}
