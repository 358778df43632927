/**
 * `buildReport(roots)`: the runs of one or more output roots as one self-contained HTML
 * page — a sortable, filterable table of runs and, per run, its config, log tails,
 * figures and metric curves (drawn here, with @scitex/plt). `writeReport` saves it.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { writeFileAtomic } from '@scitex/config';
import { SessionError } from '../errors.js';
import { collectRuns, type RunData } from './collectRuns.js';
import { curveSvg } from './curves.js';
import { FigureBudget } from './embedFigures.js';
import { esc } from './html.js';
import { resolveReportOptions, type ReportOptions, type ResolvedReportOptions } from './options.js';
import { differingKeys } from './params.js';
import { renderPage } from './renderPage.js';
import { runBody, type CurveResult } from './runBody.js';
import { svgDataUri } from './html.js';

/** What {@link writeReport} (and {@link renderReport}) report back. */
export interface ReportSummary {
  /** Runs in the report. */
  runs: number;
  /** Entries under the roots that are not sessions, and why. */
  skipped: { path: string; reason: string }[];
  /** Metric curves drawn. */
  curves: number;
  /** Size of the HTML in bytes. */
  bytes: number;
}

/** Most runs overlaid in one sweep figure, and most sweeps drawn. */
const MAX_SWEEP_RUNS = 20;
const MAX_SWEEPS = 20;

function checkRoots(roots: unknown): string[] {
  if (
    !Array.isArray(roots) ||
    roots.length === 0 ||
    roots.some((r) => typeof r !== 'string' || r === '')
  )
    throw new SessionError(
      'SESSION_INVALID_OPTION',
      'report: roots must be a non-empty array of output-root paths (folders holding RUNNING/ and FINISHED_*/).',
    );
  return roots.map((r: string) => resolve(r));
}

async function drawCurve(
  title: string,
  lines: Parameters<typeof curveSvg>[1],
  maxPoints: number,
): Promise<CurveResult> {
  try {
    return { name: title, svg: await curveSvg(title, lines, maxPoints) };
  } catch (err) {
    return { name: title, svg: null, note: `could not be drawn: ${(err as Error).message}` };
  }
}

function sweepLabel(run: RunData, keys: readonly string[]): string {
  const parts = keys.map((k) => `${k.replace(/^ARGS\./, '')}=${run.params.get(k) ?? '—'}`);
  const label = parts.length ? parts.join(', ') : run.info.id.slice(-4);
  return label.length > 48 ? `${label.slice(0, 47)}…` : label;
}

async function sweepBody(
  runs: readonly RunData[],
  o: ResolvedReportOptions,
): Promise<{ body: string; curves: number }> {
  const shown = runs.slice(0, MAX_SWEEP_RUNS);
  const keys = differingKeys(
    shown.map((r) => r.params),
    3,
  );
  const names: string[] = [];
  for (const r of shown) for (const s of r.metrics) if (!names.includes(s.name)) names.push(s.name);
  const out: string[] = [];
  if (runs.length > shown.length)
    out.push(`<p class="empty">the newest ${shown.length} of ${runs.length} runs are overlaid</p>`);
  out.push('<div class="gallery">');
  let curves = 0;
  for (const name of names.slice(0, o.maxCurvesPerRun)) {
    const lines = shown.flatMap((r) => {
      const s = r.metrics.find((m) => m.name === name);
      return s ? [{ x: s.steps, y: s.values, label: sweepLabel(r, keys) }] : [];
    });
    // Many overlaid lines share the points budget (never fewer than 50 each).
    const points = Math.max(50, Math.floor((2 * o.maxCurvePoints) / Math.max(1, lines.length)));
    const c = await drawCurve(name, lines, Math.min(o.maxCurvePoints, points));
    if (c.svg) curves++;
    out.push(
      c.svg
        ? `<figure><img class="curve" alt="${esc(`sweep curves of ${name}`)}" src="${esc(svgDataUri(c.svg))}"></figure>`
        : `<figure><p class="empty">${esc(`${name}: ${c.note ?? ''}`)}</p></figure>`,
    );
  }
  out.push('</div>');
  out.push(
    `<ul class="notes">${shown.map((r) => `<li>${esc(`${sweepLabel(r, keys)}: ${r.info.name} (${r.status})`)}</li>`).join('')}</ul>`,
  );
  return { body: out.join('\n'), curves };
}

/** Builds the report and says what is in it. */
export async function renderReport(
  roots: readonly string[],
  options?: ReportOptions,
): Promise<{ html: string; summary: ReportSummary }> {
  const dirs = checkRoots(roots);
  const o = resolveReportOptions(options);
  const { runs, skipped } = collectRuns(dirs, o);
  const paramKeys = differingKeys(
    runs.map((r) => r.params),
    o.maxParamColumns,
  );
  const metricNames: string[] = [];
  for (const r of runs)
    for (const s of r.metrics)
      if (metricNames.length < o.maxMetricColumns && !metricNames.includes(s.name))
        metricNames.push(s.name);
  const budget = new FigureBudget(o);
  let curves = 0;
  const bodies: string[] = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    let drawn: CurveResult[] | null = null;
    let note: string | null = null;
    if (run.metrics.length) {
      if (i < o.maxCurveRuns) {
        drawn = [];
        for (const s of run.metrics.slice(0, o.maxCurvesPerRun)) {
          const c = await drawCurve(s.name, [{ x: s.steps, y: s.values }], o.maxCurvePoints);
          if (c.svg) curves++;
          drawn.push(c);
        }
        if (run.metrics.length > o.maxCurvesPerRun)
          note = `curves of the first ${o.maxCurvesPerRun} of ${run.metrics.length} metrics are drawn`;
      } else {
        note = `curves are drawn for the newest ${o.maxCurveRuns} runs only (option maxCurveRuns, --max-curve-runs)`;
      }
    }
    bodies.push(runBody(run, paramKeys, drawn, note, budget.embed(run.figures)));
  }
  const groups = new Map<string, RunData[]>();
  for (const r of runs) if (r.sweepId) groups.set(r.sweepId, [...(groups.get(r.sweepId) ?? []), r]);
  const sweeps: { id: string; runs: number; body: string }[] = [];
  if (o.maxCurveRuns > 0) {
    for (const [id, group] of groups) {
      if (group.length < 2 || sweeps.length >= MAX_SWEEPS) continue;
      if (!group.some((r) => r.metrics.length)) continue;
      const s = await sweepBody(group, o);
      curves += s.curves;
      sweeps.push({ id, runs: Math.min(group.length, MAX_SWEEP_RUNS), body: s.body });
    }
  }
  const html = renderPage({
    title: o.title,
    roots: dirs,
    generated: o.now,
    runs,
    bodies,
    paramKeys,
    metricNames,
    sweeps,
    skipped,
  });
  return { html, summary: { runs: runs.length, skipped, curves, bytes: Buffer.byteLength(html) } };
}

/**
 * The report of the runs under `roots` (output roots: folders holding RUNNING/ and
 * FINISHED_*∕) as one self-contained HTML page: no script, style, font or image is fetched.
 * @throws SessionError `SESSION_INVALID_OPTION` for bad roots or options
 */
export async function buildReport(
  roots: readonly string[],
  options?: ReportOptions,
): Promise<string> {
  return (await renderReport(roots, options)).html;
}

/**
 * Writes {@link buildReport}'s page to `outFile` (atomically: a temporary sibling renamed
 * into place; parent folders created) and says what is in it.
 */
export async function writeReport(
  roots: readonly string[],
  outFile: string,
  options?: ReportOptions,
): Promise<ReportSummary & { path: string }> {
  if (typeof outFile !== 'string' || outFile === '')
    throw new SessionError('SESSION_INVALID_OPTION', 'writeReport: outFile must be a file path.');
  const { html, summary } = await renderReport(roots, options);
  const path = resolve(outFile);
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, html);
  return { ...summary, path };
}
