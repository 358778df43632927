/**
 * `sweep collect`: one table, a row per task — its overrides (a column per grid key), status,
 * run time, exit status, session path, and the last value of each metric the run logged
 * (`metrics.csv` in the session, else `CONFIG.METRICS`). The aggregation Hydra users write
 * by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOverrides } from '@scitex/config';
import { sweepStatus } from './taskStatus.js';

/** The collected table: column names and one row of cells per task. */
export interface CollectedTable {
  columns: string[];
  rows: Record<string, unknown>[];
}

/** Builds the table of the sweep in folder `dir`. */
export function collectSweep(dir: string, opts: { queue?: boolean } = {}): CollectedTable {
  const { manifest, rows, sessions } = sweepStatus(dir, opts);
  const keys = manifest.grid.map((a) => a.key);
  const metricNames: string[] = [];
  const out = rows.map((r) => {
    const row: Record<string, unknown> = { task: r.task };
    for (const o of parseOverrides(r.overrides, 'manifest')) row[o.key] = o.value;
    Object.assign(row, {
      status: r.state,
      run_time: r.runTime,
      exit_status: r.exit,
      session: r.session,
    });
    const s = sessions.get(r.task);
    const metrics = s ? lastMetrics(s.info.dir, s.config) : {};
    for (const [k, v] of Object.entries(metrics)) {
      if (!metricNames.includes(k)) metricNames.push(k);
      row[`metric:${k}`] = v;
    }
    return row;
  });
  return {
    columns: [
      'task',
      ...keys,
      'status',
      'run_time',
      'exit_status',
      'session',
      ...metricNames.map((m) => `metric:${m}`),
    ],
    rows: out,
  };
}

/** Last value per metric name: metrics.csv (`step,name,value,time`) first, else CONFIG.METRICS. */
export function lastMetrics(
  sessionDir: string,
  config: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let text: string | null = null;
  try {
    text = readFileSync(join(sessionDir, 'metrics.csv'), 'utf8');
  } catch {
    // No metrics file: the run logged none, or keeps them in CONFIG.METRICS only.
  }
  if (text !== null) {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    const header = splitCsvLine(lines.shift() ?? '');
    const iName = header.indexOf('name');
    const iValue = header.indexOf('value');
    if (iName >= 0 && iValue >= 0) {
      for (const line of lines) {
        const cells = splitCsvLine(line);
        const name = cells[iName];
        if (name === undefined || name === '' || name === '__proto__') continue;
        const v = cells[iValue] ?? '';
        const n = Number(v);
        out[name] = v !== '' && Number.isFinite(n) ? n : v;
      }
      return out;
    }
  }
  const m = config['METRICS'];
  if (m && typeof m === 'object' && !Array.isArray(m)) {
    for (const [k, v] of Object.entries(m as Record<string, unknown>)) {
      if (k === '__proto__') continue;
      out[k] =
        v && typeof v === 'object' && 'value' in (v as object)
          ? (v as { value: unknown }).value
          : v;
    }
  }
  return out;
}

/** One CSV line (RFC 4180 quotes) into cells. */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cur);
      cur = '';
    } else cur += c;
  }
  cells.push(cur.replace(/\r$/, ''));
  return cells;
}

/** The table as CSV (RFC 4180; objects as JSON). */
export function toCsv(t: CollectedTable): string {
  const cell = (v: unknown): string => {
    const s =
      v === null || v === undefined
        ? ''
        : typeof v === 'string'
          ? v
          : v instanceof Date
            ? v.toISOString()
            : typeof v === 'object'
              ? JSON.stringify(v)
              : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return (
    [t.columns, ...t.rows.map((r) => t.columns.map((c) => r[c]))]
      .map((r) => r.map(cell).join(','))
      .join('\n') + '\n'
  );
}
