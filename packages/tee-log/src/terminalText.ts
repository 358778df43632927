/**
 * Turns the text a program writes to a terminal into the clean lines a person saw:
 * escape sequences (CSI, OSC and the other string controls, two-byte ESC sequences)
 * removed, carriage-return redraws and erase-line sequences applied to the current line.
 * It is a streaming state machine, so a sequence split across two write() calls is
 * still recognised, and text without control characters takes a fast path.
 */
import { ROW_WIDTH, TerminalLine } from './terminalLine.js';

const GROUND = 0;
const ESC = 1;
const ESC_INTERMEDIATE = 2;
const CSI = 3;
const STRING = 4;

/** Printable text and tabs, then one newline at the end. */
const ONE_PLAIN_LINE = /^[^\x00-\x08\x0a-\x1f\x7f-\x9f]*\n$/;
/** Anything but printable text, tab and newline: chunks without these take the fast path. */
const NEEDS_PARSING = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
/** The next character in ground state that is not printable text (tab is text). */
const SPECIAL = /[\x00-\x08\x0a-\x1f\x7f-\x9f]/g;
/** What ends an OSC/DCS/SOS/PM/APC string: BEL, ESC (of ESC \), 8-bit ST, or a newline. */
const STRING_END = /[\x07\x1b\x9c\n]/g;
/** Intermediate bytes in CSI parameters make it a different function (e.g. `CSI n SP @`). */
const CSI_INTERMEDIATE = /[\x20-\x2f]/;
/** Parameters are only read for the handful of sequences that change the line; no need to keep more. */
const MAX_PARAMS = 32;

export class TerminalText {
  /** The unterminated line the cursor is on; the rows of a line that wraps join the output at once. */
  readonly line: TerminalLine;
  private done = '';
  private state = GROUND;
  private params = '';

  /** @param width row width in code points (see TerminalLine); tests pass small ones */
  constructor(width: number = ROW_WIDTH) {
    this.line = new TerminalLine((row) => {
      this.done += row;
    }, width);
  }

  /** Takes the completed lines (each ending in `\n`) produced since the last call. */
  takeLines(): string {
    const d = this.done;
    this.done = '';
    return d;
  }

  /** Processes the next piece of text exactly as if it followed the previous pieces. */
  feed(s: string): void {
    if (this.state !== GROUND) this.parse(s);
    else if (ONE_PLAIN_LINE.test(s)) {
      // The common case (console.log of one line): one regex pass and one concatenation.
      // (Taken before `done` is read: a line that wraps adds its rows to `done`.)
      const line = this.line;
      const text = line.isClear ? s : line.takeWith(s.slice(0, -1)) + '\n';
      this.done += text;
    } else if (NEEDS_PARSING.test(s)) this.parse(s);
    else this.feedPlain(s);
  }

  /** Text made of printable characters, tabs and newlines only. */
  private feedPlain(s: string): void {
    const line = this.line;
    const last = s.lastIndexOf('\n');
    if (last === -1) {
      line.write(s);
      return;
    }
    if (line.isClear) {
      this.done += last === s.length - 1 ? s : s.slice(0, last + 1);
    } else {
      const first = s.indexOf('\n');
      const taken = line.takeWith(s.slice(0, first));
      this.done += taken + '\n';
      if (last > first) this.done += s.slice(first + 1, last + 1);
    }
    if (last < s.length - 1) line.write(s.slice(last + 1));
  }

  private parse(s: string): void {
    const line = this.line;
    const n = s.length;
    let i = 0;
    while (i < n) {
      switch (this.state) {
        case GROUND: {
          SPECIAL.lastIndex = i;
          const m = SPECIAL.exec(s);
          const j = m === null ? n : m.index;
          if (j > i) line.write(s.slice(i, j));
          if (j === n) return;
          i = j + 1;
          const c = s.charCodeAt(j);
          // \r\n is a newline; skipping the \r spares the switch to overwrite mode.
          if (c === 0x0d && s.charCodeAt(i) === 0x0a) break;
          this.control(c);
          break;
        }
        case ESC: {
          const c = s.charCodeAt(i);
          if (c === 0x5b) {
            this.state = CSI;
            this.params = '';
            i++;
          } else if (c === 0x5d || c === 0x50 || c === 0x58 || c === 0x5e || c === 0x5f) {
            this.state = STRING; // OSC, DCS, SOS, PM, APC
            i++;
          } else if (c >= 0x20 && c <= 0x2f) {
            this.state = ESC_INTERMEDIATE;
            i++;
          } else if (c >= 0x30 && c <= 0x7e) {
            this.state = GROUND; // a complete two-byte sequence (ESC 7, ESC M, ESC \ …)
            i++;
          } else if (c === 0x1b) {
            i++;
          } else {
            this.state = GROUND; // not a sequence: drop the ESC, handle the character as usual
          }
          break;
        }
        case ESC_INTERMEDIATE: {
          const c = s.charCodeAt(i);
          if (c >= 0x20 && c <= 0x2f) {
            i++;
          } else if (c >= 0x30 && c <= 0x7e) {
            this.state = GROUND; // e.g. ESC ( B
            i++;
          } else if (c === 0x1b) {
            this.state = ESC;
            i++;
          } else {
            this.state = GROUND;
          }
          break;
        }
        case CSI: {
          let j = i;
          let c = 0;
          while (j < n && (c = s.charCodeAt(j)) >= 0x20 && c <= 0x3f) j++;
          const room = MAX_PARAMS - this.params.length;
          if (j > i && room > 0) this.params += s.slice(i, Math.min(j, i + room));
          i = j;
          if (j === n) return;
          if (c >= 0x40 && c <= 0x7e) {
            this.state = GROUND;
            this.csi(c, this.params);
            i++;
          } else if (c === 0x1b) {
            this.state = ESC;
            i++;
          } else {
            this.state = GROUND; // malformed: abandon it, the character is handled as usual
          }
          break;
        }
        default: {
          // STRING. A newline ends an unterminated string so a stray ESC ] cannot swallow the log.
          STRING_END.lastIndex = i;
          const m = STRING_END.exec(s);
          if (m === null) return;
          const c = s.charCodeAt(m.index);
          this.state = c === 0x1b ? ESC : GROUND;
          i = c === 0x0a ? m.index : m.index + 1;
        }
      }
    }
  }

  private control(c: number): void {
    switch (c) {
      case 0x0a: {
        const taken = this.line.take();
        this.done += taken + '\n';
        return;
      }
      case 0x0d:
        this.line.carriageReturn();
        return;
      case 0x08:
        this.line.backspace();
        return;
      case 0x1b:
        this.state = ESC;
        return;
      case 0x9b:
        this.state = CSI;
        this.params = '';
        return;
      case 0x90: // DCS
      case 0x98: // SOS
      case 0x9d: // OSC
      case 0x9e: // PM
      case 0x9f: // APC
        this.state = STRING;
        return;
      default:
      // Other C0/C1 controls and DEL: a terminal shows nothing for them.
    }
  }

  /** Applies the CSI sequences that change what the current line shows; the rest only style. */
  private csi(final: number, params: string): void {
    if (params.length > 0) {
      const p0 = params.charCodeAt(0);
      if (p0 >= 0x3c && p0 <= 0x3f) return; // private parameters (?25l …)
      if (CSI_INTERMEDIATE.test(params)) return;
    }
    const n = parseInt(params, 10);
    const count = n > 0 ? n : 1;
    const line = this.line;
    switch (final) {
      case 0x4b: // K: erase in line
      case 0x4a: {
        // J: erase in display; on the current line it is the same as K
        const mode = n > 0 ? n : 0;
        if (mode === 0) line.eraseToEnd();
        else if (mode === 1) line.eraseToStart();
        else line.eraseLine();
        return;
      }
      case 0x47: // G: cursor to column
      case 0x60: // `: same (HPA)
        line.moveTo(count - 1);
        return;
      case 0x43: // C: cursor forward
      case 0x61: // a: same (HPR)
        line.moveBy(count);
        return;
      case 0x44: // D: cursor back
        line.moveBy(-count);
        return;
      case 0x45: // E, F: next/previous line, first column; the vertical move is not modelled
      case 0x46:
        line.moveTo(0);
        return;
      case 0x58: // X: erase characters
        line.eraseChars(count);
        return;
      case 0x50: // P: delete characters
        line.deleteChars(count);
        return;
      case 0x40: // @: insert blanks
        line.insertBlanks(count);
        return;
      default:
      // SGR colours, cursor up/down, scrolling …: nothing to show in a log.
    }
  }
}
