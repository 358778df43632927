/**
 * The reference the streaming renderer is tested against: a deliberately plain,
 * non-streaming model of what a terminal shows for a whole output. One regex tokenizes
 * the complete text, and every line is an array of cells — no fast paths, no state
 * carried across chunks. The rules it encodes are the ones the README documents.
 */

const BLANK = '\0';
const MAX_COLUMN = 1000;
const MAX_PARAMS = 32;

const TOKEN = new RegExp(
  [
    // CSI, 7- or 8-bit; without a final byte the sequence is abandoned where it stops.
    String.raw`(?:\x1b\[|\x9b)([\x20-\x3f]*)([\x40-\x7e])?`,
    // OSC/DCS/SOS/PM/APC: up to BEL or ST; ends before an ESC or a newline, or at the end.
    String.raw`(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:[\x07\x9c]|(?=[\x1b\n])|$)`,
    // Other escape sequences: ESC, intermediates, a final byte (ESC alone when none follows).
    String.raw`\x1b[\x20-\x2f]*[\x30-\x7e]?`,
    // Any other single code point.
    String.raw`([\s\S])`,
  ].join('|'),
  'gu',
);

/**
 * What a terminal shows for `text`, as the lines a clean log must hold. A row wider than
 * `width` code points wraps: it is final, the log line continues with the next row.
 */
export function renderReference(text: string, width: number = Infinity): string {
  const lines: string[] = [];
  let cells: string[] = [];
  let col = 0;
  const clamp = (c: number): number =>
    Math.max(0, Math.min(c, Math.max(cells.length, MAX_COLUMN), width));
  const render = (): string => {
    let end = cells.length;
    while (end > 0 && cells[end - 1] === BLANK) end--;
    return cells.slice(0, end).join('').replaceAll(BLANK, ' ');
  };
  for (const m of text.matchAll(TOKEN)) {
    const [, rawParams, final, ch] = m;
    if (ch !== undefined) {
      if (ch === '\n') {
        lines.push(render() + '\n');
        cells = [];
        col = 0;
      } else if (ch === '\r') {
        col = 0;
      } else if (ch === '\b') {
        col = Math.max(0, col - 1);
      } else if (/^[\x00-\x08\x0a-\x1f\x7f-\x9f]$/.test(ch)) {
        // other control characters show nothing
      } else {
        if (col >= width) {
          while (cells.length < col) cells.push(BLANK);
          lines.push(cells.join('').replaceAll(BLANK, ' '));
          cells = [];
          col = 0;
        }
        while (cells.length < col) cells.push(BLANK);
        cells[col] = ch;
        col++;
      }
      continue;
    }
    if (final === undefined || rawParams === undefined) continue;
    const params = rawParams.slice(0, MAX_PARAMS);
    if (/^[<=>?]/.test(params) || /[\x20-\x2f]/.test(params)) continue;
    const n = parseInt(params, 10);
    const count = n > 0 ? n : 1;
    switch (final) {
      case 'K':
      case 'J': {
        const mode = n > 0 ? n : 0;
        if (mode === 0) cells = cells.slice(0, Math.min(col, cells.length));
        else if (mode === 1)
          for (let i = 0; i <= Math.min(col, cells.length - 1); i++) cells[i] = BLANK;
        else cells = [];
        break;
      }
      case 'G':
      case '`':
        col = clamp(count - 1);
        break;
      case 'C':
      case 'a':
        col = clamp(col + count);
        break;
      case 'D':
        col = clamp(col - count);
        break;
      case 'E':
      case 'F':
        col = 0;
        break;
      case 'X':
        for (let i = col; i < Math.min(cells.length, col + count); i++) cells[i] = BLANK;
        break;
      case 'P':
        if (col < cells.length) cells.splice(col, count);
        break;
      case '@':
        if (col < cells.length) {
          cells.splice(col, 0, ...Array<string>(Math.min(count, MAX_COLUMN)).fill(BLANK));
          cells = cells.slice(0, width);
        }
        break;
      default:
    }
  }
  return lines.join('') + render();
}
