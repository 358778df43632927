/**
 * Turns an offset in a text into 1-based line/column plus the offending line, and formats
 * the compiler-style message every located ConfigError uses:
 *
 *     config/PATH.yaml:3:5: bad indentation of a mapping entry
 *       3 |    c: 2
 *         |     ^
 */
import { displayPath } from './displayPath.js';
import type { ConfigErrorLocation } from './errors.js';

/** Splits a text into lines the way YAML does (LF, CRLF or CR). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** 1-based line and column of a 0-based line and column, with the line's text. */
export function locate(
  file: string,
  text: string,
  line0: number,
  column0: number,
): Required<ConfigErrorLocation> {
  const lines = splitLines(text);
  const i = Math.min(Math.max(line0, 0), Math.max(lines.length - 1, 0));
  return { file, line: i + 1, column: Math.max(column0, 0) + 1, snippet: lines[i] ?? '' };
}

/** Location of a 0-based character offset in `text`. */
export function locateOffset(
  file: string,
  text: string,
  offset: number,
): Required<ConfigErrorLocation> {
  const before = text.slice(0, offset);
  const lines = splitLines(before);
  return locate(file, text, lines.length - 1, (lines[lines.length - 1] ?? '').length);
}

/** Longest stretch of the offending line shown in a message (the `snippet` property has it all). */
const SHOWN = 120;

/** `file:line:col: reason` followed by the offending line and a caret under the column. */
export function formatLocated(reason: string, loc: Required<ConfigErrorLocation>): string {
  const num = String(loc.line);
  const pad = ' '.repeat(num.length);
  let line = loc.snippet;
  let caret = Math.max(loc.column - 1, 0);
  if (line.length > SHOWN) {
    // A minified or generated file can have huge lines; show a window around the column.
    const start = Math.max(0, Math.min(caret - SHOWN / 2, line.length - SHOWN));
    const end = start + SHOWN;
    line = (start > 0 ? '…' : '') + line.slice(start, end) + (end < loc.snippet.length ? '…' : '');
    caret = caret - start + (start > 0 ? 1 : 0);
  }
  // Tabs would shift the caret; show them as one visible character each.
  const shown = line.replace(/\t/g, '→');
  return (
    `${displayPath(loc.file)}:${loc.line}:${loc.column}: ${reason}\n` +
    `  ${num} | ${shown}\n` +
    `  ${pad} | ${' '.repeat(caret)}^`
  );
}
