/**
 * Options of the report and their defaults. The defaults keep a report of 1,000 runs at a
 * few MB: curves are decimated and drawn for the newest runs only, logs are tailed, and
 * figures share one byte budget.
 */
import { SessionError } from '../errors.js';

/** Options of {@link buildReport} / {@link writeReport}. */
export interface ReportOptions {
  /** Page title; default `'Runs'`. */
  title?: string;
  /** Lines of each log shown per run; default 40. */
  logLines?: number;
  /** Points per drawn curve (decimated by min/max per bucket); default 400. */
  maxCurvePoints?: number;
  /** Runs (newest first) whose metric curves are drawn; default 100. 0 draws none. */
  maxCurveRuns?: number;
  /** Metrics drawn per run; default 12. */
  maxCurvesPerRun?: number;
  /** A figure file larger than this is listed, not embedded; default 512 KiB. */
  maxFigureBytes?: number;
  /** Figure bytes embedded in the whole report (newest runs first); default 2 MiB. */
  maxFigureTotalBytes?: number;
  /** Figures embedded per run; default 6. */
  maxFiguresPerRun?: number;
  /** Characters of each run's config shown; default 20,000. */
  maxConfigChars?: number;
  /** Parameter columns in the table; default 20. */
  maxParamColumns?: number;
  /** Metric columns in the table; default 20. */
  maxMetricColumns?: number;
  /** The time printed as "generated"; default now. */
  now?: Date;
}

/** The options with every default filled in. */
export type ResolvedReportOptions = Required<ReportOptions>;

/** The defaults. */
export const REPORT_DEFAULTS: Readonly<Omit<ResolvedReportOptions, 'now'>> = Object.freeze({
  title: 'Runs',
  logLines: 40,
  maxCurvePoints: 400,
  maxCurveRuns: 100,
  maxCurvesPerRun: 12,
  maxFigureBytes: 512 * 1024,
  maxFigureTotalBytes: 2 * 1024 * 1024,
  maxFiguresPerRun: 6,
  maxConfigChars: 20_000,
  maxParamColumns: 20,
  maxMetricColumns: 20,
});

function bad(message: string): SessionError {
  return new SessionError('SESSION_INVALID_OPTION', message);
}

/** Checks `opts` and fills in the defaults. */
export function resolveReportOptions(opts: ReportOptions = {}): ResolvedReportOptions {
  if (typeof opts !== 'object' || opts === null || Array.isArray(opts))
    throw bad('report options must be an object.');
  const out: Record<string, unknown> = { ...REPORT_DEFAULTS, now: new Date() };
  for (const [k, v] of Object.entries(opts)) {
    if (v === undefined) continue;
    if (!(k in out))
      throw bad(
        `unknown report option ${JSON.stringify(k)} (known: ${Object.keys(out).join(', ')}).`,
      );
    if (k === 'title') {
      if (typeof v !== 'string') throw bad('report option title must be a string.');
    } else if (k === 'now') {
      if (!(v instanceof Date) || Number.isNaN(v.getTime()))
        throw bad('report option now must be a valid Date.');
    } else {
      const min = k === 'logLines' || k === 'maxCurvePoints' ? 1 : 0;
      if (
        typeof v !== 'number' ||
        !Number.isSafeInteger(v) ||
        v < min ||
        (k === 'maxCurvePoints' && v < 4)
      )
        throw bad(
          `report option ${k} must be a whole number ≥ ${k === 'maxCurvePoints' ? 4 : min}, got ${String(v)}.`,
        );
    }
    out[k] = v;
  }
  return out as ResolvedReportOptions;
}
