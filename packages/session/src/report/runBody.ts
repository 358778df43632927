/**
 * The details of one run (facts, differing parameters, metric curves, figures, config,
 * log tails, notes) as HTML. Every string from disk is escaped here.
 */
import { esc, svgDataUri } from './html.js';
import { formatBytes, formatLocalTime, formatValue } from './format.js';
import type { RunData } from './collectRuns.js';
import type { Tail } from './readTail.js';

/** A drawn metric curve, or why it is not drawn. */
export interface CurveResult {
  name: string;
  svg: string | null;
  note?: string;
}

/** A figure file: embedded as a data URI, or listed with the reason it is not. */
export interface EmbeddedFigure {
  rel: string;
  bytes: number;
  uri: string | null;
  reason?: string;
}

function tailHtml(title: string, tail: Tail | null): string {
  if (!tail) return `<h3>${esc(title)}</h3><p class="empty">missing</p>`;
  const what = tail.truncated
    ? `last ${tail.lines.length} lines of ${formatBytes(tail.bytes)}`
    : `${tail.lines.length} lines`;
  const body = tail.lines.length
    ? `<pre>${esc(tail.lines.join('\n'))}</pre>`
    : '<p class="empty">empty</p>';
  return `<h3>${esc(title)} <span class="meta">(${what})</span></h3>${body}`;
}

/** The inside of a run's `<details>`. */
export function runBody(
  run: RunData,
  differing: readonly string[],
  curves: readonly CurveResult[] | null,
  curveNote: string | null,
  figures: readonly EmbeddedFigure[],
): string {
  const out: string[] = [];
  const facts: [string, string][] = [
    ['ID', run.info.id],
    ['Directory', run.info.dir],
    ['Script', run.script],
    ['Status', run.status],
    [
      'Exit status',
      run.exitStatus === undefined || run.exitStatus === null ? '' : String(run.exitStatus),
    ],
    ['Start', run.startMs === null ? '' : formatLocalTime(run.startMs)],
    ['Run time', run.runTime],
  ];
  if (run.sweepId) facts.push(['Sweep', run.sweepId]);
  out.push(
    `<dl class="facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`,
  );
  if (differing.length) {
    out.push(
      `<h3>Parameters that differ between runs</h3><table class="kv">${differing
        .map((k) => `<tr><td>${esc(k)}</td><td>${esc(run.params.get(k) ?? '—')}</td></tr>`)
        .join('')}</table>`,
    );
  }
  out.push('<h3>Metrics</h3>');
  if (run.metrics.length === 0) out.push('<p class="empty">no metrics.csv</p>');
  else {
    const last = run.metrics
      .map(
        (s) =>
          `${s.name} = ${formatValue(s.values.at(-1)!)} (step ${s.steps.at(-1)!}, ${s.values.length} values)`,
      )
      .join('; ');
    out.push(`<p>${esc(last)}</p>`);
    if (curveNote) out.push(`<p class="empty">${esc(curveNote)}</p>`);
    if (curves?.length) {
      out.push('<div class="gallery">');
      for (const c of curves) {
        out.push(
          c.svg
            ? `<figure><img class="curve" alt="${esc(`curve of ${c.name}`)}" src="${esc(svgDataUri(c.svg))}"></figure>`
            : `<figure><p class="empty">${esc(`${c.name}: ${c.note ?? 'not drawn'}`)}</p></figure>`,
        );
      }
      out.push('</div>');
    }
  }
  out.push('<h3>Figures</h3>');
  if (figures.length === 0) out.push('<p class="empty">none saved</p>');
  else {
    const shown = figures.filter((f) => f.uri);
    if (shown.length) {
      out.push('<div class="gallery">');
      for (const f of shown)
        out.push(
          `<figure><img class="figure" alt="${esc(f.rel)}" src="${esc(f.uri!)}"><figcaption>${esc(f.rel)}</figcaption></figure>`,
        );
      out.push('</div>');
    }
    const left = figures.filter((f) => !f.uri);
    if (left.length)
      out.push(
        `<ul class="notes">${left
          .map(
            (f) =>
              `<li>${esc(`${f.rel} (${formatBytes(f.bytes)}): ${f.reason ?? 'not embedded'}`)}</li>`,
          )
          .join('')}</ul>`,
      );
  }
  out.push(
    `<h3>Config <span class="meta">(CONFIGS/CONFIG.yaml)</span></h3><pre>${esc(run.configText)}</pre>`,
  );
  out.push(tailHtml('stdout.log', run.stdout));
  out.push(tailHtml('stderr.log', run.stderr));
  if (run.notes.length)
    out.push(
      `<h3>Notes</h3><ul class="notes">${run.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`,
    );
  return out.join('\n');
}
