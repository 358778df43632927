/**
 * Everything the report shows about each run, read from disk: the sessions of the given
 * output roots (via `scanSessions`), each with its config, log tails, figures and metrics.
 * Never throws for a damaged run: what could not be read becomes a note.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readMetrics, type MetricSeries } from '@scitex/metrics';
import { scanSessions, type SessionInfo } from '@scitex/sdir';
import { formatRunTime } from '../runTime.js';
import { clip } from './html.js';
import { findFigures, type FigureFile } from './findFigures.js';
import { flattenParams } from './params.js';
import { readTail, type Tail } from './readTail.js';
import type { ResolvedReportOptions } from './options.js';

/** A metrics.csv larger than this is not read (a note says so): reading it would stall the report. */
const MAX_METRICS_BYTES = 256 * 1024 * 1024;

/** One run as the report sees it. */
export interface RunData {
  info: SessionInfo;
  /** success, error, finished or running. */
  statusKey: string;
  /** What the table shows: the status, `running (owner dead)` for a dead owner. */
  status: string;
  script: string;
  startMs: number | null;
  runTime: string;
  runMs: number | null;
  exitStatus: number | null | undefined;
  configText: string;
  params: Map<string, string>;
  sweepId: string | null;
  metrics: MetricSeries[];
  stdout: Tail | null;
  stderr: Tail | null;
  figures: FigureFile[];
  notes: string[];
}

/** What was found under the roots: runs newest first, and entries that are not sessions. */
export interface CollectedRuns {
  runs: RunData[];
  skipped: { path: string; reason: string }[];
}

function readConfig(dir: string, notes: string[]): Record<string, unknown> {
  const file = join(dir, 'CONFIGS', 'CONFIG.json');
  if (!existsSync(file)) {
    notes.push('no CONFIGS/CONFIG.json');
    return {};
  }
  try {
    const v: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof v === 'object' && v !== null && !Array.isArray(v))
      return v as Record<string, unknown>;
    notes.push('CONFIGS/CONFIG.json is not an object');
  } catch (err) {
    notes.push(`CONFIGS/CONFIG.json unreadable: ${(err as Error).message}`);
  }
  return {};
}

function configText(dir: string, config: Record<string, unknown>, max: number): string {
  for (const name of ['CONFIG.yaml', 'CONFIG.yml']) {
    try {
      return clip(readFileSync(join(dir, 'CONFIGS', name), 'utf8'), max);
    } catch {
      // try the next form
    }
  }
  return clip(JSON.stringify(config, null, 2), max);
}

function sweepOf(config: Record<string, unknown>): string | null {
  const s = config['SWEEP'];
  if (typeof s === 'string' && s) return s;
  if (typeof s === 'object' && s !== null) {
    const id = (s as Record<string, unknown>)['id'] ?? (s as Record<string, unknown>)['ID'];
    if (typeof id === 'string' && id) return id;
  }
  return null;
}

function describeRun(info: SessionInfo, opts: ResolvedReportOptions): RunData {
  const notes = [...(info.notes ?? [])];
  const config = readConfig(info.dir, notes);
  let metrics: MetricSeries[] = [];
  const metricsFile = join(info.dir, 'metrics.csv');
  if (existsSync(metricsFile)) {
    try {
      const size = statSync(metricsFile).size;
      if (size > MAX_METRICS_BYTES)
        throw new Error(
          `${Math.round(size / 2 ** 20)} MiB is more than the report reads (256 MiB)`,
        );
      const data = readMetrics(metricsFile);
      metrics = data.series;
      if (data.skipped.length)
        notes.push(
          `metrics.csv: ${data.skipped.length} line(s) that are not whole records skipped`,
        );
    } catch (err) {
      notes.push(`metrics.csv unreadable: ${(err as Error).message}`);
    }
  }
  const start = info.startTime?.getTime() ?? null;
  const end = info.endTime?.getTime() ?? null;
  const runMs = start !== null && end !== null ? end - start : null;
  const runTime =
    typeof config['RUN_TIME'] === 'string'
      ? config['RUN_TIME']
      : runMs !== null && runMs >= 0
        ? formatRunTime(runMs)
        : '';
  const file = typeof config['FILE'] === 'string' ? config['FILE'] : '';
  const deadOwner = info.status === 'running' && info.alive === false;
  return {
    info,
    statusKey: info.status,
    status: deadOwner ? 'running (owner dead)' : info.status,
    script: file ? basename(file) : '',
    startMs: start,
    runTime,
    runMs,
    exitStatus: info.exitStatus,
    configText: configText(info.dir, config, opts.maxConfigChars),
    params: flattenParams(config),
    sweepId: sweepOf(config),
    metrics,
    stdout: readTail(join(info.dir, 'logs', 'stdout.log'), opts.logLines),
    stderr: readTail(join(info.dir, 'logs', 'stderr.log'), opts.logLines),
    figures: findFigures(info.dir),
    notes,
  };
}

/** The runs under `roots`, newest first. */
export function collectRuns(roots: readonly string[], opts: ResolvedReportOptions): CollectedRuns {
  const runs: RunData[] = [];
  const skipped: CollectedRuns['skipped'] = [];
  const seen = new Set<string>();
  for (const root of roots) {
    const r = scanSessions(root);
    skipped.push(...r.skipped);
    for (const s of r.sessions) {
      if (seen.has(s.dir)) continue;
      seen.add(s.dir);
      runs.push(describeRun(s, opts));
    }
  }
  runs.sort((a, b) => (b.startMs ?? 0) - (a.startMs ?? 0) || (a.info.name < b.info.name ? 1 : -1));
  return { runs, skipped };
}
