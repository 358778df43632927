/**
 * The figure's data as one tidy CSV: a column per variable per plotted element, named
 * `<element id>_<variable>` (e.g. `ax_00_plot_0_x`), every point at full precision (the
 * shortest text that reads back to the same double). Shorter columns are padded with
 * empty cells; NaN/null is an empty cell; ±Infinity is `inf`/`-inf` (pandas and R read both).
 */
import { writeDataText } from './dataText.js';
import type { Column, Mark } from '../marks/types.js';

/** One named CSV column. */
export interface CsvColumn {
  readonly name: string;
  readonly values: Column;
}

/** The columns of a figure's marks, in axes then call order. */
export function csvColumns(marks: readonly Mark[]): CsvColumn[] {
  return marks.flatMap((m) => m.columns.map(([v, values]) => ({ name: `${m.id}_${v}`, values })));
}

/** The CSV text (header + rows, `\n` line ends, trailing newline); empty when there is no data. */
export function toCsv(columns: readonly CsvColumn[]): string {
  const parts: string[] = [];
  writeDataText(columns, [], { csv: (t) => parts.push(t) });
  return parts.join('');
}
