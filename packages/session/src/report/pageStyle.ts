/** The report's stylesheet (inline in the page; the page's CSP allows exactly this text). */
export const PAGE_STYLE = `
:root { color-scheme: light; --fg: #1d232b; --muted: #5d6875; --line: #d9dee4; --bg: #ffffff;
  --head: #f3f5f8; --ok: #1a7f37; --err: #c62828; --run: #8a6d00; --fin: #5d6875; }
* { box-sizing: border-box; }
body { margin: 0; padding: 16px 24px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: var(--fg); background: var(--bg); }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 28px 0 8px; }
h3 { font-size: 13px; margin: 16px 0 6px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.meta { color: var(--muted); margin: 0 0 12px; }
#controls { display: flex; flex-wrap: wrap; gap: 12px 20px; align-items: center; margin: 12px 0; }
#filter { width: 340px; max-width: 100%; padding: 6px 10px; border: 1px solid var(--line); border-radius: 6px; font: inherit; }
#status-filter { border: 0; margin: 0; padding: 0; display: flex; gap: 12px; align-items: center; }
#status-filter legend { float: left; margin-right: 8px; color: var(--muted); padding: 0; }
#shown { color: var(--muted); }
.table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
table { border-collapse: collapse; }
#runs { width: 100%; }
#runs th, #runs td { padding: 5px 10px; border-bottom: 1px solid var(--line); text-align: left; white-space: nowrap; }
#runs td { max-width: 18em; overflow: hidden; text-overflow: ellipsis; }
#runs td:first-child { max-width: none; }
#runs td.num { text-align: right; font-variant-numeric: tabular-nums; }
#runs thead th { background: var(--head); position: sticky; top: 0; }
#runs th button { all: unset; cursor: pointer; font-weight: 600; }
#runs th button:focus-visible { outline: 2px solid #0969da; }
#runs th[aria-sort="ascending"] button::after { content: " \\25B2"; font-size: 10px; }
#runs th[aria-sort="descending"] button::after { content: " \\25BC"; font-size: 10px; }
#runs th.param, #runs th.metric { font-weight: 400; }
#runs th.param button, #runs th.metric button { font-weight: 500; }
#runs th.param { color: #6639ba; }
#runs th.metric { color: #0b5cad; }
#runs tbody tr:hover { background: #f6f8fa; }
.same { display: none; }
.status { font-weight: 600; }
.status-success { color: var(--ok); }
.status-error { color: var(--err); }
.status-running { color: var(--run); }
.status-finished { color: var(--fin); }
details.run, details.sweep { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; }
details > summary { cursor: pointer; padding: 8px 12px; background: var(--head); border-radius: 6px; }
details[open] > summary { border-bottom: 1px solid var(--line); border-radius: 6px 6px 0 0; }
details .body { padding: 4px 14px 14px; }
summary .id { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 10px 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
pre { background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; margin: 0;
  max-height: 360px; overflow: auto; font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
.gallery { display: flex; flex-wrap: wrap; gap: 12px; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 6px; background: #fff; }
figure img { display: block; width: 340px; height: auto; }
figure img.figure { width: 420px; max-width: 100%; }
figcaption { font-size: 12px; color: var(--muted); margin-top: 4px; max-width: 420px; overflow-wrap: anywhere; }
table.kv td { padding: 2px 12px 2px 0; vertical-align: top; }
table.kv td:first-child { color: var(--muted); }
ul.notes { margin: 0; padding-left: 18px; color: var(--muted); }
.empty { color: var(--muted); font-style: italic; }
`;
