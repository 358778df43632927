/**
 * The row the cursor is on, modelled the way a terminal shows it, so that `\r` redraws,
 * backspaces and erase-line sequences leave only their final state in the log.
 *
 * Two representations keep ordinary output cheap: while text is only ever appended
 * (the common case) the line is one string; the first operation that moves the cursor
 * back or erases switches it to one cell per Unicode code point, where overwrites cost
 * O(characters written), never O(line length) — a 10 MB line stays linear.
 */

/** Marks a cell that was erased or skipped over (a terminal's blank), as opposed to a written space. */
const BLANK = '\0';

/**
 * How far right a cursor move may go past the written text. A terminal clamps at its
 * width, which a log does not have; this bounds memory for moves like `CSI 99999 C`.
 */
export const MAX_COLUMN = 1000;

export class TerminalLine {
  /** The content while in append mode (cells === null); the cursor is at its end. */
  private str = '';
  /** One code point per cell, in overwrite mode. */
  private cells: string[] | null = null;
  /** Cursor column, in cells; only meaningful in overwrite mode. */
  private col = 0;
  private hasBlank = false;
  /**
   * Changes whenever the line stops being "the previous content plus an appended
   * suffix", so a writer that put part of it on disk knows whether that part is
   * still a prefix.
   */
  private gen = 0;

  /** Changes when earlier content of the line may have changed (see class notes). */
  get generation(): number {
    return this.gen;
  }

  /** The content when only appended to since the last change of `generation`, else null. */
  get appended(): string | null {
    return this.cells === null ? this.str : null;
  }

  /** True when nothing is on the line and the cursor is in the first column. */
  get isEmpty(): boolean {
    return this.cells === null ? this.str.length === 0 : this.cells.length === 0 && this.col === 0;
  }

  /** Writes printable text (no control characters) at the cursor, overwriting what is there. */
  write(text: string): void {
    const cells = this.cells;
    if (cells === null) {
      this.str += text;
      return;
    }
    let col = this.col;
    if (col > cells.length) {
      this.hasBlank = true;
      while (cells.length < col) cells.push(BLANK);
    }
    for (const cp of text) {
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

  /** CSI n @: insert `n` blank cells at the cursor; the rest of the line shifts right. */
  insertBlanks(n: number): void {
    const cells = this.toCells();
    if (this.col >= cells.length) return;
    cells.splice(this.col, 0, ...Array<string>(Math.min(n, MAX_COLUMN)).fill(BLANK));
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
    this.str = '';
    this.cells = null;
    this.col = 0;
    this.hasBlank = false;
    this.gen++;
    return s;
  }

  /** Appends `text` and ends the line, in one step (the common case of printing a line). */
  takeWith(text: string): string {
    if (this.cells === null) {
      const s = this.str + text;
      this.str = '';
      this.gen++;
      return s;
    }
    this.write(text);
    return this.take();
  }

  private clamp(col: number): number {
    return Math.max(0, Math.min(col, Math.max(this.cells?.length ?? 0, MAX_COLUMN)));
  }

  private toCells(): string[] {
    if (this.cells === null) {
      this.cells = this.str.length === 0 ? [] : Array.from(this.str);
      this.col = this.cells.length;
      this.str = '';
      this.gen++;
    }
    return this.cells;
  }
}
