/**
 * fast-check generators for terminal output: text (ASCII, multi-byte, astral), line
 * endings, carriage returns, backspaces, colour codes, erase and cursor sequences, OSC
 * hyperlinks and titles, two-byte escapes — and ways to cut it into write() chunks.
 */
import fc from 'fast-check';

const num = fc.integer({ min: 0, max: 12 });

const textToken = fc
  .array(fc.constantFrom('a', 'b', 'Z', '0', ' ', '\t', '.', 'é', '€', '日', '😀', '🧪', 'ß'), {
    minLength: 1,
    maxLength: 12,
  })
  .map((cs) => cs.join(''));

/** One piece of terminal output. */
export const outputToken: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: textToken },
  { weight: 3, arbitrary: fc.constantFrom('\n', '\r\n', '\r') },
  { weight: 1, arbitrary: fc.constant('\b') },
  {
    weight: 3,
    arbitrary: fc.oneof(
      num.map((n) => `\x1b[${n}m`),
      fc.tuple(num, num).map(([a, b]) => `\x1b[${a};${b}m`),
      num.map((n) => `\x1b[38;5;${n}m`),
      fc.constantFrom('\x1b[0m', '\x1b[1;31m', '\u009b32m', '\x1b[?25l', '\x1b[?25h', '\x1b[?7l'),
    ),
  },
  {
    weight: 3,
    arbitrary: fc.oneof(
      fc.constantFrom('\x1b[K', '\x1b[0K', '\x1b[1K', '\x1b[2K', '\x1b[J', '\x1b[2J'),
      fc
        .tuple(fc.constantFrom('G', 'C', 'D', 'X', 'P', '@', 'A', 'B', 'E', 'H'), num)
        .map(([f, n]) => `\x1b[${n === 0 ? '' : n}${f}`),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.oneof(
      textToken.map((t) => `\x1b]8;;https://example.org/${encodeURIComponent(t)}\x07`),
      fc.constant('\x1b]8;;\x07'),
      textToken.map((t) => `\x1b]0;${t}\x1b\\`),
      fc.constantFrom('\x1b7', '\x1b8', '\x1b(B', '\x1bM', '\x1b=', '\x1b>', '\x1bc'),
      fc.constantFrom('\x07', '\x00', '\x7f'),
    ),
  },
);

/** A whole output: many pieces joined. */
export const output: fc.Arbitrary<string> = fc
  .array(outputToken, { maxLength: 60 })
  .map((ts) => ts.join(''));

/** Cut positions (sorted, distinct, inside 1..len-1) for a buffer of `len` bytes. */
export function cutsFor(len: number): fc.Arbitrary<number[]> {
  if (len < 2) return fc.constant([]);
  return fc
    .uniqueArray(fc.integer({ min: 1, max: len - 1 }), { maxLength: Math.min(len - 1, 30) })
    .map((cs) => cs.sort((a, b) => a - b));
}

/** Splits `buf` at `cuts`. */
export function split(buf: Buffer, cuts: number[]): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  for (const c of cuts) {
    out.push(buf.subarray(at, c));
    at = c;
  }
  out.push(buf.subarray(at));
  return out;
}

/** The chunk as a string when it is complete UTF-8 on its own (a program writing text), else null. */
export function asWholeString(chunk: Buffer): string | null {
  const s = chunk.toString('utf8');
  return Buffer.from(s, 'utf8').equals(chunk) ? s : null;
}
