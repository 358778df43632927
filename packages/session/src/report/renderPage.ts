/**
 * The whole page: one self-contained HTML document. Its Content-Security-Policy allows no
 * network at all and only the page's own script and style (by hash), so even a string
 * that escaped escaping could neither run nor fetch anything.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { esc } from './html.js';
import { formatLocalTime, formatValue } from './format.js';
import { PAGE_SCRIPT } from './pageScript.js';
import { PAGE_STYLE } from './pageStyle.js';
import type { RunData } from './collectRuns.js';

/** Everything the page shows, already laid out. */
export interface PageInput {
  title: string;
  roots: readonly string[];
  generated: Date;
  runs: readonly RunData[];
  /** Per run (same order): the inside of its details, as HTML. */
  bodies: readonly string[];
  paramKeys: readonly string[];
  metricNames: readonly string[];
  sweeps: readonly { id: string; runs: number; body: string }[];
  skipped: readonly { path: string; reason: string }[];
}

const STATUSES = ['success', 'error', 'running', 'finished'] as const;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64');

/** HTML packed for the page script to unpack when its `<details>` opens. */
function packed(html: string): string {
  return gzipSync(html, { level: 9 }).toString('base64');
}

function cell(text: string, sortValue?: string | number | null, cls?: string): string {
  const v =
    sortValue === undefined ? '' : ` data-v="${sortValue === null ? '' : esc(String(sortValue))}"`;
  // Long values are cut with an ellipsis by the stylesheet; the title shows them whole.
  const title = text.length > 24 ? ` title="${esc(text)}"` : '';
  return `<td${cls ? ` class="${cls}"` : ''}${v}${title}>${esc(text)}</td>`;
}

function head(label: string, type: 'num' | 'text', cls?: string, title?: string): string {
  return `<th data-type="${type}"${cls ? ` class="${cls}"` : ''}${title ? ` title="${esc(title)}"` : ''}><button type="button">${esc(label)}</button></th>`;
}

/** Renders the page. */
export function renderPage(p: PageInput): string {
  const counts = new Map<string, number>();
  for (const r of p.runs) counts.set(r.statusKey, (counts.get(r.statusKey) ?? 0) + 1);
  const headers = [
    head('ID', 'text'),
    head('Script', 'text'),
    head('Status', 'text'),
    head('Start', 'num'),
    head('Run time', 'num'),
    head('Exit', 'num'),
    ...p.paramKeys.map((k) => head(k, 'text', 'param', `parameter ${k}`)),
    ...p.metricNames.map((m) => head(m, 'num', 'metric', `last value of metric ${m}`)),
  ];
  const rows = p.runs.map((r, i) => {
    const last = new Map(r.metrics.map((s) => [s.name, s.values.at(-1)!]));
    const cells = [
      `<td data-v="${esc(r.info.name)}"><a href="#r${i}" data-open="r${i}">${esc(r.info.name)}</a></td>`,
      cell(r.script),
      `<td class="status status-${esc(r.statusKey)}">${esc(r.status)}</td>`,
      cell(r.startMs === null ? '' : formatLocalTime(r.startMs), r.startMs),
      cell(r.runTime, r.runMs, 'num'),
      cell(
        r.exitStatus === undefined || r.exitStatus === null ? '' : String(r.exitStatus),
        r.exitStatus ?? null,
        'num',
      ),
      ...p.paramKeys.map((k) => cell(r.params.get(k) ?? '')),
      ...p.metricNames.map((m) => {
        const v = last.get(m);
        return cell(v === undefined ? '' : formatValue(v), v ?? null, 'num');
      }),
    ];
    return `<tr data-status="${esc(r.statusKey)}" data-run="r${i}">${cells.join('')}</tr>`;
  });
  const boxes = STATUSES.filter((s) => counts.has(s)).map(
    (s) =>
      `<label><input type="checkbox" value="${s}" checked> <span class="status status-${s}">${s}</span> (${counts.get(s)})</label>`,
  );
  const details = p.runs.map(
    (r, i) =>
      `<details class="run" id="r${i}" data-status="${esc(r.statusKey)}"><summary><span class="id">${esc(r.info.name)}</span> · <span class="status status-${esc(r.statusKey)}">${esc(r.status)}</span>${r.script ? ` · ${esc(r.script)}` : ''}</summary><div class="body" data-gz="${packed(p.bodies[i]!)}"></div></details>`,
  );
  const sweeps = p.sweeps.length
    ? `<h2>Sweeps</h2>${p.sweeps
        .map(
          (s) =>
            `<details class="sweep" open><summary>Sweep <span class="id">${esc(s.id)}</span> · ${s.runs} runs overlaid</summary><div class="body" data-gz="${packed(s.body)}"></div></details>`,
        )
        .join('\n')}`
    : '';
  const skipped = p.skipped.length
    ? `<h2>Not shown</h2><ul class="notes">${p.skipped
        .map((s) => `<li>${esc(`${s.path}: ${s.reason}`)}</li>`)
        .join('')}</ul>`
    : '';
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${sha256(PAGE_SCRIPT)}'`,
    `style-src 'sha256-${sha256(PAGE_STYLE)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="scitex-session report">
<title>${esc(p.title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
<h1>${esc(p.title)}</h1>
<p class="meta">${p.runs.length} runs from ${esc(p.roots.join(', '))} · generated ${esc(formatLocalTime(p.generated.getTime()))}</p>
</header>
<div id="controls">
<input id="filter" type="search" placeholder="Filter: words that must all appear in the row" aria-label="Filter runs" autocomplete="off">
<fieldset id="status-filter"><legend>Status</legend>${boxes.join('')}</fieldset>
<span id="shown">${p.runs.length} of ${p.runs.length} runs shown</span>
</div>
<div class="table-wrap"><table id="runs">
<thead><tr>${headers.join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>
${sweeps}
<h2>Runs</h2>
${details.join('\n')}
${skipped}
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
