/**
 * `readMetrics(path)`: a metrics file (or a directory holding `metrics.csv`) read back.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HEADER, METRICS_FILE } from './csv.js';
import { MetricsError } from './errors.js';
import { isHeader, parseMetrics, type MetricsData } from './parseMetrics.js';

/**
 * Reads a metrics CSV back into one series per name (see {@link MetricsData}).
 * @param path the CSV file, or a directory holding `metrics.csv`
 * @throws MetricsError `METRICS_READ_FAILED` when the file cannot be read or does not start
 *   with the `step,name,value,time` header; `METRICS_INVALID_OPTION` for a non-string path
 */
export function readMetrics(path: string): MetricsData {
  if (typeof path !== 'string' || path === '') {
    throw new MetricsError(
      'METRICS_INVALID_OPTION',
      'readMetrics(path): give the path of a metrics.csv file or of the directory holding it.',
    );
  }
  let file = resolve(path);
  let text: string;
  try {
    if (statSync(file).isDirectory()) file = join(file, METRICS_FILE);
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new MetricsError(
      'METRICS_READ_FAILED',
      `cannot read ${file}: ${(err as Error).message}. Check the path.`,
      { cause: err },
    );
  }
  const nl = text.indexOf('\n');
  if (!isHeader(nl < 0 ? text : text.slice(0, nl))) {
    throw new MetricsError(
      'METRICS_READ_FAILED',
      `${file} is not a metrics file: its first line is not "${HEADER}".`,
    );
  }
  return parseMetrics(text);
}
