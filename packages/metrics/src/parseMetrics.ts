/**
 * Reads the text of a metrics file back into one series per name. Lenient on purpose: a
 * record cut short by a crash, or a line someone edited, is reported in `skipped` and the
 * rest is kept.
 */
import { HEADER, splitRecord } from './csv.js';

/** The values of one metric, in the order they were logged. */
export interface MetricSeries {
  name: string;
  steps: number[];
  values: number[];
  /** Epoch milliseconds. */
  times: number[];
}

/** A metrics file read back: one series per name, in order of first appearance. */
export interface MetricsData {
  series: MetricSeries[];
  /** Lines that are not whole records (1-based line numbers), e.g. the last line of a killed run. */
  skipped: { line: number; text: string }[];
}

const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const STEP = /^\d{1,16}$/;

/** Whether `firstLine` is the header of a metrics file. */
export function isHeader(firstLine: string): boolean {
  return firstLine.replace(/^\uFEFF/, '').replace(/\r$/, '') === HEADER;
}

/** Parses a metrics file's text (header included). Assumes the header was checked. */
export function parseMetrics(text: string): MetricsData {
  const byName = new Map<string, MetricSeries>();
  const skipped: MetricsData['skipped'] = [];
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.endsWith('\r') ? lines[i]!.slice(0, -1) : lines[i]!;
    if (line === '') continue;
    const f = splitRecord(line);
    const value = f ? Number(f[2]) : NaN;
    if (!f || !STEP.test(f[0]) || f[2] === '' || !Number.isFinite(value) || !TIME.test(f[3])) {
      skipped.push({ line: i + 1, text: line.length > 200 ? `${line.slice(0, 200)}…` : line });
      continue;
    }
    let s = byName.get(f[1]);
    if (!s) {
      s = { name: f[1], steps: [], values: [], times: [] };
      byName.set(f[1], s);
    }
    s.steps.push(Number(f[0]));
    s.values.push(value);
    s.times.push(Date.parse(f[3]));
  }
  return { series: [...byName.values()], skipped };
}
