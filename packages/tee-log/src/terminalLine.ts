/**
 * The row the cursor is on, modelled the way a terminal shows it, so that `\r` redraws,
 * backspaces and erase-line sequences leave only their final state in the log.
 *
 * Two representations keep ordinary output cheap: while text is only ever appended
 * (the common case) the line is one string; the first operation that moves the cursor
 * back or erases switches it to one cell per Unicode code point, where overwrites cost
 * O(characters written), never O(line length).
 *
 * A row is at most `width` code points wide (ROW_WIDTH, 1 MiB), like a terminal row:
 * writing past it wraps — the full row is final and handed to `emit` (no newline is
 * added; the log line continues), and the cursor starts a new, empty row. `\r`, cursor
 * moves and erases act on the current row only, as on a terminal where `\r` returns to
 * the start of the wrapped row. So memory is bounded and a 100 MB line stays linear.
 */

/** Marks a cell that was erased or skipped over (a terminal's blank), as opposed to a written space. */
const BLANK = '\0';

/**
 * How far right a cursor move may go past the written text. A terminal clamps at its
 * width, which a log does not have; this bounds memory for moves like `CSI 99999 C`.
 */
export const MAX_COLUMN = 1000;

/**
 * The width of a row in code points: an unterminated line longer than this is written
 * out in rows of this size (see the class notes). 1 MiB keeps every real progress bar
 * whole while bounding the memory a line can take.
 */
export const ROW_WIDTH: number = 1024 * 1024;

export class TerminalLine {
  /** The content while in append mode (cells === null); the cursor is at its end. */
  private str = '';
  /**
   * Code points in `str` once it is longer than `width` UTF-16 units (only then can it
   * be too wide); -1 while it is not.
   */
  private strCells = -1;
  /** `str` ends with a high surrogate, which the next write may complete. */
  private endsHigh = false;
  /** One code point per cell, in overwrite mode. */
  private cells: string[] | null = null;
  /** Cursor column, in cells; only meaningful in overwrite mode. */
  private col = 0;
  private hasBlank = false;
  /** Rows of this line were already emitted (it wrapped): the line is not empty. */
  private wrapped = false;
  /**
   * Changes whenever the line stops being "the previous content plus an appended
   * suffix", so a writer that put part of it on disk knows whether that part is
   * still a prefix.
   */
  private gen = 0;

  /**
   * @param emit receives each full row of a line that wraps, in order
   * @param width the row width in code points
   */
  constructor(
    private readonly emit: (row: string) => void = () => undefined,
    readonly width: number = ROW_WIDTH,
  ) {}

  /** Changes when earlier content of the line may have changed (see class notes). */
  get generation(): number {
    return this.gen;
  }

  /** The content when only appended to since the last change of `generation`, else null. */
  get appended(): string | null {
    return this.cells === null ? this.str : null;
  }

  /** True when nothing is on the line (no wrapped rows either) and the cursor is in the first column. */
  get isEmpty(): boolean {
    if (this.wrapped) return false;
    return this.cells === null ? this.str.length === 0 : this.cells.length === 0 && this.col === 0;
  }

  /** Nothing on the line, no wrapped rows, and in append mode: text can go straight to the output. */
  get isClear(): boolean {
    return this.cells === null && this.str.length === 0 && !this.wrapped;
  }

  /** Writes printable text (no control characters) at the cursor, overwriting what is there. */
  write(text: string): void {
    const cells = this.cells;
    if (cells === null) {
      this.append(text);
      return;
    }
    const width = this.width;
    let col = this.col;
    if (col > cells.length) {
      this.hasBlank = true;
      while (cells.length < col) cells.push(BLANK);
    }
    const n = text.length;
    for (let i = 0; i < n;) {
      if (col >= width) {
        // The row is full: it wraps, and the rest of the text starts a new row.
        this.col = col;
        this.wrapCells();
        this.append(text.slice(i));
        return;
      }
      const c = text.charCodeAt(i);
      const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < n && isLow(text.charCodeAt(i + 1));
      const cp = pair ? text.slice(i, i + 2) : text[i]!;
      i += pair ? 2 : 1;
      if (col < cells.length) cells[col] = cp;
      else cells.push(cp);
      col++;
    }
    this.col = col;
  }

  /** `\r`: back to the first column; later text overwrites. */
  carriageReturn(): void {
    this.toCells();
    this.col = 0;
  }

  /** `\b`: one column left, stopping at the first. */
  backspace(): void {
    this.moveBy(-1);
  }

  /** Cursor to column `col` (0-based), as CSI G does. */
  moveTo(col: number): void {
    this.toCells();
    this.col = this.clamp(col);
  }

  /** Cursor `delta` columns right (positive) or left (negative), stopping at the first. */
  moveBy(delta: number): void {
    this.toCells();
    this.col = this.clamp(this.col + delta);
  }

  /** CSI 0K: erase from the cursor to the end of the line. */
  eraseToEnd(): void {
    const cells = this.cells;
    if (cells === null) return; // append mode: the cursor is already at the end
    if (this.col < cells.length) cells.length = this.col;
  }

  /** CSI 1K: erase from the start of the line through the cursor. */
  eraseToStart(): void {
    const cells = this.toCells();
    const last = Math.min(this.col, cells.length - 1);
    for (let i = 0; i <= last; i++) cells[i] = BLANK;
    if (last >= 0) this.hasBlank = true;
  }

  /** CSI 2K: erase the whole line; the cursor keeps its column. */
  eraseLine(): void {
    this.toCells().length = 0;
    this.hasBlank = false;
  }

  /** CSI n X: blank `n` cells from the cursor without moving it. */
  eraseChars(n: number): void {
    const cells = this.toCells();
    const end = Math.min(cells.length, this.col + n);
    for (let i = this.col; i < end; i++) cells[i] = BLANK;
    if (end > this.col) this.hasBlank = true;
  }

  /** CSI n P: delete `n` cells at the cursor; the rest of the line shifts left. */
  deleteChars(n: number): void {
    const cells = this.toCells();
    if (this.col < cells.length) cells.splice(this.col, n);
  }

  /** CSI n @: insert `n` blank cells at the cursor; the rest of the line shifts right (off the row's end). */
  insertBlanks(n: number): void {
    const cells = this.toCells();
    if (this.col >= cells.length) return;
    cells.splice(this.col, 0, ...Array<string>(Math.min(n, MAX_COLUMN)).fill(BLANK));
    if (cells.length > this.width) cells.length = this.width;
    this.hasBlank = true;
  }

  /** What a terminal would show on this row: blanks inside as spaces, trailing blanks dropped. */
  render(): string {
    const cells = this.cells;
    if (cells === null) return this.str;
    let end = cells.length;
    while (end > 0 && cells[end - 1] === BLANK) end--;
    const s = (end === cells.length ? cells : cells.slice(0, end)).join('');
    return this.hasBlank ? s.replaceAll(BLANK, ' ') : s;
  }

  /** Renders the line and starts a new, empty one (a newline). */
  take(): string {
    const s = this.render();
    this.reset();
    this.wrapped = false;
    return s;
  }

  /** Appends `text` and ends the line, in one step (the common case of printing a line). */
  takeWith(text: string): string {
    if (this.cells === null && this.str.length + text.length <= this.width) {
      const s = this.str + text;
      this.str = '';
      this.endsHigh = false;
      this.wrapped = false;
      this.gen++;
      return s;
    }
    this.write(text);
    return this.take();
  }

  /** Append mode: add `text`, wrapping when the row gets wider than `width`. */
  private append(text: string): void {
    if (text.length === 0) return;
    const joins = this.endsHigh && isLow(text.charCodeAt(0));
    this.str += text;
    const last = text.charCodeAt(text.length - 1);
    this.endsHigh = last >= 0xd800 && last <= 0xdbff;
    // A string is never wider (in code points) than its length, so short rows cost nothing.
    if (this.str.length <= this.width) return;
    this.strCells =
      this.strCells < 0
        ? codePoints(this.str, 0, this.str.length)
        : this.strCells + codePoints(text, 0, text.length) - (joins ? 1 : 0);
    if (this.strCells <= this.width) return;
    let s = this.str;
    let left = this.strCells;
    while (left > this.width) {
      const cut = indexOfCodePoint(s, this.width);
      this.emitRow(s.slice(0, cut));
      s = s.slice(cut);
      left -= this.width;
    }
    this.str = s;
    this.strCells = s.length > this.width ? left : -1;
    this.gen++;
  }

  /** Overwrite mode, cursor past the last column: the row is final; a new one starts in append mode. */
  private wrapCells(): void {
    const cells = this.cells!;
    while (cells.length < this.col) cells.push(BLANK);
    const row = cells.join('');
    this.emitRow(this.hasBlank ? row.replaceAll(BLANK, ' ') : row);
    this.reset();
  }

  private emitRow(row: string): void {
    this.wrapped = true;
    this.emit(row);
  }

  private reset(): void {
    this.str = '';
    this.strCells = -1;
    this.endsHigh = false;
    this.cells = null;
    this.col = 0;
    this.hasBlank = false;
    this.gen++;
  }

  private clamp(col: number): number {
    const limit = Math.min(Math.max(this.cells?.length ?? 0, MAX_COLUMN), this.width);
    return Math.max(0, Math.min(col, limit));
  }

  private toCells(): string[] {
    if (this.cells === null) {
      this.cells = this.str.length === 0 ? [] : Array.from(this.str);
      this.col = this.cells.length;
      this.str = '';
      this.strCells = -1;
      this.endsHigh = false;
      this.gen++;
    }
    return this.cells;
  }
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Code points (as Array.from counts them: a lone surrogate is one) in s[from, to). */
function codePoints(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to && isLow(s.charCodeAt(i + 1))) i++;
    n++;
  }
  return n;
}

/** The UTF-16 index where code point number `k` (0-based) of `s` starts. */
function indexOfCodePoint(s: string, k: number): number {
  let i = 0;
  for (let n = 0; n < k; n++) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && isLow(s.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}
