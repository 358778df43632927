/**
 * The file format, in one place: long-form CSV `step,name,value,time`, one value per line.
 * Only the name can need quoting (values are numbers, the time is ISO-8601), and names
 * never hold a line break (refused by `checkName`), so every record is exactly one line.
 */

/** The first line of every metrics file. */
export const HEADER = 'step,name,value,time';

/** The file a handle writes in its directory. */
export const METRICS_FILE = 'metrics.csv';

/** A name as a CSV field: quoted (quotes doubled) when it holds a comma, a quote or edge spaces. */
export function csvField(name: string): string {
  if (/[",]|^\s|\s$/.test(name)) return `"${name.replace(/"/g, '""')}"`;
  return name;
}

/** One record split into its four fields, or null when the line is not a whole record. */
export function splitRecord(line: string): [string, string, string, string] | null {
  let name: string;
  let rest: string;
  const firstComma = line.indexOf(',');
  if (firstComma < 0) return null;
  const step = line.slice(0, firstComma);
  if (line[firstComma + 1] === '"') {
    // A quoted name: up to the quote that is not doubled.
    let i = firstComma + 2;
    let out = '';
    for (;;) {
      const q = line.indexOf('"', i);
      if (q < 0) return null;
      out += line.slice(i, q);
      if (line[q + 1] === '"') {
        out += '"';
        i = q + 2;
        continue;
      }
      if (line[q + 1] !== ',') return null;
      name = out;
      rest = line.slice(q + 2);
      break;
    }
  } else {
    const c = line.indexOf(',', firstComma + 1);
    if (c < 0) return null;
    name = line.slice(firstComma + 1, c);
    rest = line.slice(c + 1);
  }
  const c2 = rest.indexOf(',');
  if (c2 < 0) return null;
  const value = rest.slice(0, c2);
  const time = rest.slice(c2 + 1);
  if (time.includes(',')) return null;
  return [step, name, value, time];
}
