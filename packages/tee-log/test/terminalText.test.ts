import fc from 'fast-check';
import stripAnsi from 'strip-ansi';
import { describe, expect, it } from 'vitest';
import { ChunkDecoder } from '../src/chunkDecoder.ts';
import { ROW_WIDTH } from '../src/terminalLine.ts';
import { TerminalText } from '../src/terminalText.ts';
import { asWholeString, cutsFor, output, split } from './arbitraries.ts';
import { renderReference } from './oracle.ts';

/** Streams `pieces` through a TerminalText and returns what the log would hold at the end. */
function stream(pieces: (string | Buffer)[], width?: number): string {
  const text = new TerminalText(width);
  const dec = new ChunkDecoder();
  let lines = '';
  for (const p of pieces) {
    const s = dec.decode(p, undefined);
    if (s !== null) text.feed(s);
    lines += text.takeLines();
  }
  text.feed(dec.end());
  return lines + text.takeLines() + text.line.render();
}

const clean = (s: string): string => stream([s]);

describe('TerminalText: escape sequences', () => {
  it('removes colour codes, OSC hyperlinks/titles and two-byte escapes', () => {
    expect(clean('\x1b[1;31mred\x1b[0m and \x1b[38;2;255;0;0mrgb\x1b[m\n')).toBe('red and rgb\n');
    expect(clean('see \x1b]8;;https://x.org/a?b=1\x07the docs\x1b]8;;\x07.\n')).toBe(
      'see the docs.\n',
    );
    expect(clean('\x1b]0;window title\x1b\\shown\n')).toBe('shown\n');
    expect(clean('a\x1b(Bb\x1b7c\x1b8d\x1b=e\x1bMf\n')).toBe('abcdef\n');
    expect(clean('\x1b[?25lhidden cursor\x1b[?25h\n')).toBe('hidden cursor\n');
    expect(clean('\u009b31m8-bit CSI\u009b0m\n')).toBe('8-bit CSI\n');
    expect(clean('\x1bPq#0;2;0;0;0\x1b\\after DCS\n')).toBe('after DCS\n');
  });

  it('removes a sequence split across writes, at every split point', () => {
    const whole = 'A\x1b[38;5;196mB\x1b]8;;https://e.org\x07C\x1b]8;;\x1b\\D\x1b(BE\n';
    for (let i = 0; i <= whole.length; i++) {
      expect(stream([whole.slice(0, i), whole.slice(i)])).toBe('ABCDE\n');
    }
    expect(stream([...whole])).toBe('ABCDE\n');
  });

  it('drops other control characters but keeps tabs', () => {
    expect(clean('a\x07b\x00c\x7fd\te\n')).toBe('abcd\te\n');
  });

  it('does not let an unterminated OSC swallow the rest of the log', () => {
    expect(clean('x\x1b]8;;oops\nnext line\n')).toBe('x\nnext line\n');
  });

  it('abandons a malformed CSI and keeps the text after it', () => {
    expect(clean('a\x1b[12\nb\n')).toBe('a\nb\n');
    expect(clean('a\x1b[1\x1b[31mb\n')).toBe('ab\n');
  });
});

describe('TerminalText: carriage returns and erasing', () => {
  it('keeps only the final state of a \\r progress bar', () => {
    let s = '';
    for (let i = 0; i <= 100; i += 10) s += `\rprogress ${i}%`;
    expect(clean(s + '\n')).toBe('progress 100%\n');
  });

  it('treats \\r\\n as a newline, also split across writes', () => {
    expect(clean('one\r\ntwo\r\n')).toBe('one\ntwo\n');
    expect(stream(['one\r', '\ntwo\r', '\n'])).toBe('one\ntwo\n');
  });

  it('keeps the tail of a longer previous content on a partial overwrite, like a terminal', () => {
    expect(clean('loading.....\rdone\n')).toBe('doneing.....\n');
    expect(clean('loading.....\rdone\x1b[K\n')).toBe('done\n');
  });

  it('applies erase-line sequences as progress bars use them', () => {
    expect(clean('50% [#####     ]\r\x1b[2K100% [##########]\n')).toBe('100% [##########]\n');
    expect(clean('50% [#####     ]\x1b[1G100%\x1b[0K\n')).toBe('100%\n');
    expect(clean('abcdef\x1b[3G\x1b[1KX\n')).toBe('  Xdef\n');
    expect(clean('abc\x1b[2Kxy\n')).toBe('   xy\n');
  });

  it('applies backspace, cursor moves and character erase/delete/insert', () => {
    expect(clean('spin |\b/\b-\b\\\n')).toBe('spin \\\n');
    expect(clean('abcdef\x1b[3DX\n')).toBe('abcXef\n');
    expect(clean('ab\x1b[3Cc\n')).toBe('ab   c\n');
    expect(clean('abcdef\x1b[1G\x1b[2X\n')).toBe('  cdef\n');
    expect(clean('abcdef\x1b[1G\x1b[2P\n')).toBe('cdef\n');
    expect(clean('abcdef\x1b[2G\x1b[2@\n')).toBe('a  bcdef\n');
  });

  it('counts columns in code points, so overwriting multi-byte text stays intact', () => {
    expect(clean('日本語😀x\r\x1b[2Cé\n')).toBe('日本é😀x\n');
  });

  it('ignores vertical movement (multi-line redraws are not collapsed)', () => {
    expect(clean('line1\nline2\x1b[1A\rLINE\n')).toBe('line1\nLINE2\n');
  });

  it('bounds cursor moves far past the text', () => {
    expect(clean('a\x1b[99999Cb\n')).toBe('a' + ' '.repeat(999) + 'b\n');
  });
});

describe('TerminalText: bytes', () => {
  it('joins a multi-byte character split across Buffer chunks', () => {
    const bytes = Buffer.from('€ 😀 日本\n');
    for (let i = 0; i <= bytes.length; i++) {
      expect(stream([bytes.subarray(0, i), bytes.subarray(i)])).toBe('€ 😀 日本\n');
    }
  });

  it('shows U+FFFD for invalid bytes and for a character cut off by a string write', () => {
    expect(stream([Buffer.from([0x61, 0xff, 0x62, 0x0a])])).toBe('a\ufffdb\n');
    expect(stream([Buffer.from('😀').subarray(0, 2), 'x\n'])).toBe('\ufffdx\n');
  });

  it('decodes strings written with another encoding', () => {
    const dec = new ChunkDecoder();
    expect(dec.decode('68c3a9', 'hex')).toBe('hé');
    expect(dec.decode(Buffer.from('ok').toString('base64'), 'base64')).toBe('ok');
    expect(dec.decode({ not: 'text' }, undefined)).toBeNull();
  });

  it('handles a 10 MB line in many chunks, then a redraw of it, in linear time', () => {
    const text = new TerminalText();
    const piece = 'x'.repeat(10_000);
    for (let i = 0; i < 1000; i++) text.feed(piece);
    for (let i = 0; i < 1000; i++) text.feed(`\r${i}`);
    text.feed('\n');
    const out = text.takeLines();
    expect(out.length).toBe(10_000_001);
    // The line wrapped into rows of ROW_WIDTH: \r went back to the start of the last row.
    const lastRow = Math.floor(10_000_000 / ROW_WIDTH) * ROW_WIDTH;
    expect(out.slice(0, lastRow)).toBe('x'.repeat(lastRow));
    expect(out.slice(lastRow).startsWith('999xxx')).toBe(true);
  });

  it('holds at most one row of an unterminated line; full rows are output at once', () => {
    const text = new TerminalText();
    const piece = 'y'.repeat(65_536);
    let out = 0;
    for (let i = 0; i < 160; i++) {
      text.feed(i === 0 ? '\r' + piece : piece); // \r: the overwrite (cell) representation
      out += text.takeLines().length;
      expect(text.line.render().length).toBeLessThanOrEqual(ROW_WIDTH);
    }
    expect(out + text.line.render().length).toBe(160 * 65_536);
    // A full row wraps when the next character comes, as on a terminal: 10 MiB is 9 rows + 1 held.
    expect(out).toBe(Math.floor((160 * 65_536 - 1) / ROW_WIDTH) * ROW_WIDTH);
  });

  it('a line wider than a row wraps like a terminal row: \\r and erases act on the last row', () => {
    const render = (s: string, width: number): string => {
      const text = new TerminalText(width);
      text.feed(s);
      return text.takeLines() + text.line.render();
    };
    expect(render('abcdefgh\rXY\n', 5)).toBe('abcdeXYh\n');
    expect(render('abcde\rXY\n', 5)).toBe('XYcde\n'); // exactly full: no wrap yet
    expect(render('abcdefgh\x1b[2K\rZ\n', 5)).toBe('abcdeZ\n');
    expect(render('😀😀😀😀😀😀\rX', 5)).toBe('😀😀😀😀😀X');
    expect(render('ab\x1b[9Ccd', 5)).toBe('ab   cd'); // a cursor move stops at the row's end
  });
});

describe('TerminalText: properties', () => {
  it('the clean text is the same however the output is cut into write() chunks', () => {
    fc.assert(
      fc.property(
        output.chain((o) => {
          const bytes = Buffer.from(o, 'utf8');
          return fc.tuple(fc.constant(o), cutsFor(bytes.length), fc.array(fc.boolean()));
        }),
        ([o, cuts, asString]) => {
          const chunks = split(Buffer.from(o, 'utf8'), cuts).map(
            (c, i) => (asString[i] ? asWholeString(c) : null) ?? c,
          );
          expect(stream(chunks)).toBe(renderReference(o));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('with narrow rows (a line that wraps), the text is still the reference in any chunking', () => {
    fc.assert(
      fc.property(
        output.chain((o) => {
          const bytes = Buffer.from(o, 'utf8');
          return fc.tuple(fc.constant(o), cutsFor(bytes.length), fc.integer({ min: 1, max: 12 }));
        }),
        ([o, cuts, width]) => {
          expect(stream(split(Buffer.from(o, 'utf8'), cuts), width)).toBe(
            renderReference(o, width),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('arbitrary bytes (binary output) render as the reference does, in any chunking', () => {
    fc.assert(
      fc.property(
        fc
          .uint8Array({ maxLength: 300 })
          .chain((b) => fc.tuple(fc.constant(Buffer.from(b)), cutsFor(b.length))),
        ([bytes, cuts]) => {
          expect(stream(split(bytes, cuts))).toBe(renderReference(bytes.toString('utf8')));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('without redraws, removing escapes agrees with strip-ansi', () => {
    const styled = fc
      .array(
        fc.oneof(
          fc.constantFrom('plain ', 'é€日😀', 'x\n', '\t'),
          fc.integer({ min: 0, max: 255 }).map((n) => `\x1b[38;5;${n}m`),
          fc.constantFrom('\x1b[0m', '\x1b[1;4;31m', '\x1b[?25l', '\x1b]8;;https://e.org\x07'),
          fc.constantFrom('\x1b]8;;\x1b\\', '\x1b(B', '\x1b7', '\x1b8', '\u009b1m'),
        ),
        { maxLength: 40 },
      )
      .map((ts) => ts.join(''));
    fc.assert(
      fc.property(styled, (s) => {
        expect(clean(s)).toBe(stripAnsi(s));
      }),
      { numRuns: 300 },
    );
  });
});
