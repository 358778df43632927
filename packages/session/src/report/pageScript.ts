/**
 * The report's only script, inline: sorting, filtering, and unpacking a run's details when
 * it is opened. It holds no data (the page does), and the page's CSP allows exactly this
 * text, so nothing read from disk can ever run as script.
 */
export const PAGE_SCRIPT = `
'use strict';
(() => {
  const table = document.getElementById('runs');
  const tbody = table.tBodies[0];
  const heads = Array.from(table.tHead.rows[0].cells);
  const filter = document.getElementById('filter');
  const boxes = Array.from(document.querySelectorAll('#status-filter input'));
  const shown = document.getElementById('shown');
  const rows = Array.from(tbody.rows);
  const details = new Map(Array.from(document.querySelectorAll('details.run')).map((d) => [d.id, d]));

  // Run details are stored gzip-compressed (base64) and unpacked when first opened.
  async function inflate(el) {
    const b64 = el.getAttribute('data-gz');
    if (b64 === null) return;
    el.removeAttribute('data-gz');
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    el.innerHTML = await new Response(stream).text();
    el.setAttribute('data-ready', '');
  }
  for (const d of document.querySelectorAll('details')) {
    const body = d.querySelector(':scope > .body');
    if (!body) continue;
    if (d.open) inflate(body);
    d.addEventListener('toggle', () => { if (d.open) inflate(body); });
  }

  function openRun(id) {
    const d = details.get(id);
    if (!d) return;
    d.open = true;
    d.scrollIntoView({ block: 'start' });
  }
  tbody.addEventListener('click', (e) => {
    const a = e.target.closest('a[data-open]');
    if (!a) return;
    e.preventDefault();
    history.replaceState(null, '', '#' + a.getAttribute('data-open'));
    openRun(a.getAttribute('data-open'));
  });
  if (location.hash) openRun(decodeURIComponent(location.hash.slice(1)));

  // Sorting: numbers by value, text by locale; empty cells last in both directions.
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  function sortBy(col) {
    const th = heads[col];
    const dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
    for (const h of heads) h.removeAttribute('aria-sort');
    th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
    const numeric = th.dataset.type === 'num';
    const key = (r) => r.cells[col].dataset.v ?? r.cells[col].textContent;
    const sorted = rows.slice().sort((a, b) => {
      const x = key(a), y = key(b);
      if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
      return dir * (numeric ? Number(x) - Number(y) : collator.compare(x, y));
    });
    tbody.append(...sorted);
  }
  heads.forEach((th, i) => th.querySelector('button').addEventListener('click', () => sortBy(i)));

  // Filtering: every word typed must appear in the row; the row's status must be ticked.
  const paramCols = heads.map((h, i) => (h.classList.contains('param') ? i : -1)).filter((i) => i >= 0);
  function apply() {
    const words = filter.value.toLowerCase().split(/\\s+/).filter(Boolean);
    const statuses = new Set(boxes.filter((b) => b.checked).map((b) => b.value));
    let n = 0;
    for (const r of rows) {
      const text = r.textContent.toLowerCase();
      const ok = statuses.has(r.dataset.status) && words.every((w) => text.includes(w));
      r.hidden = !ok;
      const d = details.get(r.dataset.run);
      if (d) d.hidden = !ok;
      if (ok) n++;
    }
    shown.textContent = n + ' of ' + rows.length + ' runs shown';
    // Parameter columns: only those that differ between the runs shown.
    const visible = rows.filter((r) => !r.hidden);
    for (const c of paramCols) {
      const first = visible[0] ? visible[0].cells[c].textContent : '';
      const same = visible.length > 1 && visible.every((r) => r.cells[c].textContent === first);
      heads[c].classList.toggle('same', same);
      for (const r of rows) r.cells[c].classList.toggle('same', same);
    }
  }
  filter.addEventListener('input', apply);
  for (const b of boxes) b.addEventListener('change', apply);
  apply();
  document.documentElement.setAttribute('data-ready', '');
})();
`;
