/**
 * The YAML of a CONFIG snapshot without js-yaml, for the common case.
 *
 * Why: every session writes CONFIG.yaml twice (at start and at close), and loading and
 * running js-yaml cold is most of what a snapshot costs — about 3 ms of a session's
 * start-up, where the whole budget is 25 ms. Snapshots are mostly short ASCII strings,
 * numbers and nesting, and for those the output js-yaml would produce is easy to state.
 *
 * The contract: {@link dumpPlainYaml} returns exactly the text
 * `js-yaml.dump(value, { schema, indent: 2, lineWidth: -1, noRefs: true })` returns with
 * saveConfig's schema — byte for byte — or `undefined` when the value holds anything it
 * does not handle (a string with a line break, a tab or any non-ASCII character, an
 * object that is not plain, a key longer than 1024 characters); saveConfig then calls
 * js-yaml. test/plainYaml.test.ts holds the two to that on generated values.
 *
 * The rules are YAML's (and js-yaml's choices among them):
 * - Scalars: `null`, `true`/`false`, integers in decimal, other numbers with `.nan`,
 *   `.inf`, `-.inf`, `-0.0` and a dot before an exponent (`5.e-7`); timestamps unquoted.
 * - A string is written plain when YAML would read it back as the same string: it does
 *   not start with an indicator character, does not end in a space or `:`, holds no
 *   `: ` or ` #`, and does not spell a null, boolean, number, timestamp or `<<`. YAML 1.1's
 *   booleans (`yes`, `off`, `y`, …) and sexagesimal numbers (`1:30`) are quoted too, so
 *   older readers (PyYAML) get strings. Everything else is single-quoted, `'` doubled.
 * - Block style with two-space indentation; an empty mapping or list is written `{}` or
 *   `[]`; a list in a mapping is indented under its key, as js-yaml does.
 */

/** A date written as a plain YAML timestamp (saveConfig's `YamlTimestamp`). */
export interface TimestampLike {
  readonly iso: string;
}

/** Tells the timestamp objects of the tree apart from other objects. */
export type IsTimestamp = (value: object) => value is TimestampLike;

/** Keys longer than this are written by js-yaml as explicit `? key` pairs. */
const MAX_IMPLICIT_KEY = 1024;

const NOT_PLAIN_FIRST = new Set('-?:,[]{}#&*!|=>\'"%@` ');

// YAML 1.1 spellings js-yaml quotes for the sake of older readers.
const OLD_BOOLEANS = new Set([
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'on',
  'On',
  'ON',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'off',
  'Off',
  'OFF',
]);
const SEXAGESIMAL = /^[-+]?[0-9_]+(?::[0-9_]+)+(?:\.[0-9_]*)?$/;

// What the schema's implicit types would read as something other than a string.
const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
const BOOLEANS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
const INTEGER = /^[-+]?(?:0b[01]+|0x[0-9a-fA-F]+|0o[0-7]+|[0-9]+)$/;
const FLOAT = /^(?:[-+]?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?)$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const TIMESTAMP =
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?$/;

/** Value of an integer literal as a YAML reader computes it (Infinity when huge). */
function integerValue(s: string): number {
  const sign = s[0] === '-' ? -1 : 1;
  const body = s[0] === '-' || s[0] === '+' ? s.slice(1) : s;
  const radix = body[1] === 'b' ? 2 : body[1] === 'x' ? 16 : body[1] === 'o' ? 8 : 10;
  return sign * (radix === 10 ? parseInt(body, 10) : parseInt(body.slice(2), radix));
}

// The characters numbers, timestamps and sexagesimals are written with (a cheap test
// first: cold regular expressions cost more than the rest of a snapshot).
const NUMERIC_CHARS = new Set('0123456789+-._:eExXoObBabcdfACDFinfINFaTtZz \t');
const NUMERIC_FIRST = new Set('0123456789+-._');

function mayBeNumeric(s: string): boolean {
  if (!NUMERIC_FIRST.has(s[0]!)) return false;
  for (let i = 1; i < s.length; i++) if (!NUMERIC_CHARS.has(s[i]!)) return false;
  return true;
}

/** True if a YAML reader with this schema would not read `s`, written plain, as `s`. */
function readsAsOtherType(s: string): boolean {
  if (NULLS.has(s) || BOOLEANS.has(s) || s === '<<') return true;
  if (!mayBeNumeric(s)) return false;
  if (INTEGER.test(s)) return Number.isFinite(integerValue(s));
  if (FLOAT.test(s)) return Number.isFinite(parseFloat(s));
  if (FLOAT_SPECIAL.test(s)) return true;
  return DATE.test(s) || TIMESTAMP.test(s);
}

/** The scalar text of string `s`, or undefined if it needs more than plain or '…'. */
function stringScalar(s: string): string | undefined {
  if (s === '') return "''";
  let plain = !NOT_PLAIN_FIRST.has(s[0]!);
  let prev = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    // Line breaks, tabs, control and non-ASCII characters: js-yaml's other styles.
    if (code < 0x20 || code > 0x7e) return undefined;
    const c = s[i]!;
    if ((c === '#' && (prev === '' || prev === ' ')) || (c === ' ' && prev === ':')) plain = false;
    prev = c;
  }
  if (prev === ' ' || prev === ':') plain = false;
  if (OLD_BOOLEANS.has(s) || (mayBeNumeric(s) && SEXAGESIMAL.test(s))) return `'${s}'`;
  if (plain && !readsAsOtherType(s)) return s;
  return `'${s.replace(/'/g, "''")}'`;
}

function numberScalar(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  if (Object.is(n, -0)) return '-0.0';
  const text = n.toString(10);
  // Integers are written as JavaScript prints them; other numbers need a dot before
  // an exponent (5e-7 is not a YAML float, 5.e-7 is).
  if (n % 1 === 0) return text;
  const e = text.indexOf('e');
  return e > 0 && text.lastIndexOf('.', e) === -1 ? `${text.slice(0, e)}.${text.slice(e)}` : text;
}

/** Marks a value the fast path does not handle. */
class Unsupported {}
const UNSUPPORTED = new Unsupported();

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

interface Emitter {
  isTimestamp: IsTimestamp;
}

/**
 * Text of a node at nesting `level`. Block collections start with the line break before
 * their first entry unless `compact` (the first entry continues the current line).
 */
function node(e: Emitter, value: unknown, level: number, compact: boolean): string {
  switch (typeof value) {
    case 'string': {
      const s = stringScalar(value);
      if (s === undefined) throw UNSUPPORTED;
      return s;
    }
    case 'number':
      return numberScalar(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (e.isTimestamp(value)) return value.iso;
      if (Array.isArray(value)) return sequence(e, value, level, compact);
      if (isPlainObject(value)) return mapping(e, value, level, compact);
      throw UNSUPPORTED;
    default:
      throw UNSUPPORTED;
  }
}

function newline(level: number): string {
  return '\n' + '  '.repeat(level);
}

function mapping(
  e: Emitter,
  obj: Record<string, unknown>,
  level: number,
  compact: boolean,
): string {
  let out = '';
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    if (value === undefined) continue;
    const k = stringScalar(key);
    if (k === undefined || k.length > MAX_IMPLICIT_KEY) throw UNSUPPORTED;
    const v = node(e, value, level + 1, false);
    if (!compact || out !== '') out += newline(level);
    out += k + (v.charCodeAt(0) === 0x0a ? ':' : ': ') + v;
  }
  return out === '' ? '{}' : out;
}

function sequence(e: Emitter, items: readonly unknown[], level: number, compact: boolean): string {
  if (items.length === 0) return '[]';
  let out = '';
  for (let i = 0; i < items.length; i++) {
    const item = items[i] === undefined ? null : items[i];
    const v = node(e, item, level + 1, true);
    if (!compact || out !== '') out += newline(level);
    out += (v.charCodeAt(0) === 0x0a ? '-' : '- ') + v;
  }
  return out;
}

/**
 * `value` as js-yaml would dump it with saveConfig's options and schema, or `undefined`
 * when it holds something only js-yaml handles. `isTimestamp` recognises the objects
 * written as plain timestamps (their `iso` text).
 */
export function dumpPlainYaml(value: unknown, isTimestamp: IsTimestamp): string | undefined {
  try {
    return node({ isTimestamp }, value, 0, true) + '\n';
  } catch (err) {
    if (err === UNSUPPORTED) return undefined;
    throw err;
  }
}
