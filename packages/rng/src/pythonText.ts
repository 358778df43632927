/**
 * Python's text forms of JavaScript data, for hashing values as the Python original does:
 * `str()` of numbers, booleans, `None` and lists, and `json.dumps(obj, sort_keys=True)`.
 * A whole number is taken to be a Python `int` (JavaScript cannot tell `1` from `1.0`).
 * Each function returns `undefined` when the value has no Python counterpart here.
 */

/** True for a number that Python would hold as an `int`: a safe integer, not −0. */
export function isPythonInt(x: number): boolean {
  return Number.isSafeInteger(x) && !Object.is(x, -0);
}

/** Python's `repr(float)`: shortest round-trip digits, `1.0`, `1e+16`, `1.5e-05`, `nan`, `inf`. */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa = '', exponent = '0'] = x.toExponential().split('e');
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  const exp = Number(exponent);
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp).toString().padStart(2, '0');
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return `${sign}${whole}.${frac === '' ? '0' : frac}`;
}

/** Python's `str()` of a number as the original sees it: an int's digits or a float's repr. */
export function pythonNumber(x: number): string {
  return isPythonInt(x) ? String(x) : pythonFloatRepr(x);
}

/** Python's `repr()` of a str, when it is plain printable text without quotes to choose between. */
function pythonStrRepr(s: string): string | undefined {
  // Python picks double quotes when the text has ' but no "; and escapes non-printables.
  // Only the simple, common case is reproduced.
  if (/[\p{C}\\']/u.test(s)) return undefined;
  return `'${s}'`;
}

/** Python's `str()` of a (nested) list of numbers, booleans, None and plain strings. */
export function pythonListStr(value: unknown): string | undefined {
  if (value === null) return 'None';
  switch (typeof value) {
    case 'number':
      return pythonNumber(value);
    case 'boolean':
      return value ? 'True' : 'False';
    case 'string':
      return pythonStrRepr(value);
  }
  if (!Array.isArray(value)) return undefined;
  const parts: string[] = [];
  for (const item of value) {
    const text = pythonListStr(item);
    if (text === undefined) return undefined;
    parts.push(text);
  }
  return `[${parts.join(', ')}]`;
}

function jsonString(s: string): string {
  // json.dumps escapes every non-ASCII UTF-16 unit as \uXXXX (ensure_ascii=True).
  return JSON.stringify(s).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Python's `json.dumps(value, sort_keys=True)` for plain JSON-like data (objects, arrays,
 * strings, numbers, booleans, null). Keys are sorted by code point, as Python does.
 */
export function pythonJson(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'boolean':
      return String(value);
    case 'number':
      if (Number.isNaN(value)) return 'NaN';
      if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
      return pythonNumber(value);
    case 'object':
      break;
    default:
      return undefined;
  }
  if (Array.isArray(value)) {
    const parts: string[] = [];
    for (const item of value) {
      const text = pythonJson(item);
      if (text === undefined) return undefined;
      parts.push(text);
    }
    return `[${parts.join(', ')}]`;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return undefined;
  const keys = Object.keys(value).sort(byCodePoint);
  const parts: string[] = [];
  for (const key of keys) {
    const text = pythonJson((value as Record<string, unknown>)[key]);
    if (text === undefined) return undefined;
    parts.push(`${jsonString(key)}: ${text}`);
  }
  return `{${parts.join(', ')}}`;
}

function byCodePoint(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] as string).codePointAt(0)! - (y[i] as string).codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
