/**
 * The content hash `verify` records: SHA-256 over a canonical byte form of a value,
 * first 32 hex characters (the Python original's length).
 */
import type { Hash } from 'node:crypto';
import { describeValue } from './describeValue.js';
import { RngError } from './errors.js';
import { nodeCrypto } from './nodeCrypto.js';
import { numpyBytes } from './numpyBytes.js';
import { pythonJson, pythonListStr, pythonNumber } from './pythonText.js';

const CHUNK = 8192;

/**
 * First 32 hex characters of the SHA-256 of `value`'s canonical bytes:
 * - a string → its UTF-8 bytes;
 * - a typed array, DataView, Buffer or ArrayBuffer → its raw bytes (platform byte order,
 *   little-endian on x64 and arm64), so a `Float64Array` hashes like the NumPy float64
 *   array with the same values;
 * - an array whose elements are all numbers → those numbers as little-endian float64;
 * - anything else → a canonical text: JSON-like, object keys sorted, `NaN`, `Infinity`,
 *   `-0`, `undefined`, `12n`, `Date(…)`, `Map{…}` and `Set[…]` written distinctly, and
 *   typed arrays inside as their base64 bytes. `toJSON()` is honoured like in JSON.
 *
 * @throws RngError `RNG_INVALID_ARGUMENT` for functions, symbols and circular structures.
 */
export function hashValue(value: unknown): string {
  return digest(value, false);
}

/**
 * The hash the Python original's `verify()` records for `value` (a manager with
 * `algorithm: 'numpy'` verifies with it, so caches written by either side are honoured by
 * the other). First 32 hex characters of SHA-256 over:
 * - booleans, numbers and `null` → Python's `str()`: `True`, `42`, `0.1`, `1e-05`, `None`
 *   (a whole number counts as a Python int: `1` is `"1"`, never `"1.0"`);
 * - arrays of numbers and booleans, nested or not → `np.array(value).tobytes()`: all
 *   whole numbers → int64, any other number → float64, all booleans → bool, C order;
 *   arrays of strings → NumPy's fixed-width UTF-32;
 * - ragged or mixed lists of numbers, booleans, null and plain strings → `str(list)`;
 * - plain objects of JSON data → `json.dumps(obj, sort_keys=True)`;
 * - strings, typed arrays and buffers → as {@link hashValue} (UTF-8, raw bytes).
 * Anything else is hashed as by {@link hashValue}.
 */
export function pythonHash(value: unknown): string {
  return digest(value, true);
}

function digest(value: unknown, pythonRules: boolean): string {
  const hash = nodeCrypto().createHash('sha256');
  const python = pythonRules ? pythonBytes(value) : undefined;
  if (python !== undefined) {
    hash.update(python);
  } else if (typeof value === 'string') {
    hash.update(value, 'utf8');
  } else if (ArrayBuffer.isView(value)) {
    hash.update(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  } else if (isArrayBuffer(value)) {
    hash.update(new Uint8Array(value));
  } else if (Array.isArray(value) && value.every((v) => typeof v === 'number')) {
    updateFloat64(hash, value as number[]);
  } else {
    new CanonicalWriter(hash).write(value);
  }
  return hash.digest('hex').slice(0, 32);
}

/** The bytes the Python original hashes for `value`, when this package can tell them. */
function pythonBytes(value: unknown): Uint8Array | string | undefined {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return pythonNumber(value);
  if (value === null) return 'None';
  if (Array.isArray(value)) return numpyBytes(value) ?? pythonListStr(value);
  if (typeof value === 'object' && !ArrayBuffer.isView(value) && !isArrayBuffer(value)) {
    return pythonJson(value);
  }
  return undefined;
}

function isArrayBuffer(value: unknown): value is ArrayBuffer | SharedArrayBuffer {
  return value instanceof ArrayBuffer || value instanceof SharedArrayBuffer;
}

function updateFloat64(hash: Hash, values: readonly number[]): void {
  const buf = Buffer.allocUnsafe(Math.min(values.length, CHUNK) * 8);
  for (let start = 0; start < values.length; start += CHUNK) {
    const end = Math.min(values.length, start + CHUNK);
    for (let i = start; i < end; i++) buf.writeDoubleLE(values[i] as number, (i - start) * 8);
    hash.update(buf.subarray(0, (end - start) * 8));
  }
}

function bytesOf(view: ArrayBufferView | ArrayBuffer | SharedArrayBuffer): Buffer {
  return ArrayBuffer.isView(view)
    ? Buffer.from(view.buffer, view.byteOffset, view.byteLength)
    : Buffer.from(view);
}

/** Writes the canonical text form piece by piece into the hash (no giant strings). */
class CanonicalWriter {
  readonly #hash: Hash;
  readonly #open = new Set<object>();

  constructor(hash: Hash) {
    this.#hash = hash;
  }

  write(value: unknown): void {
    const h = this.#hash;
    switch (typeof value) {
      case 'string':
        h.update(JSON.stringify(value), 'utf8');
        return;
      case 'number':
        h.update(Object.is(value, -0) ? '-0' : String(value));
        return;
      case 'bigint':
        h.update(`${value}n`);
        return;
      case 'boolean':
      case 'undefined':
        h.update(String(value));
        return;
      case 'function':
      case 'symbol':
        throw new RngError(
          'RNG_INVALID_ARGUMENT',
          `verify() cannot hash ${describeValue(value)}; pass data (numbers, strings, arrays, objects)`,
        );
    }
    if (value === null) {
      h.update('null');
      return;
    }
    const obj = value as object;
    if (this.#open.has(obj)) {
      throw new RngError('RNG_INVALID_ARGUMENT', 'verify() cannot hash a circular structure');
    }
    this.#open.add(obj);
    try {
      this.#writeObject(obj);
    } finally {
      this.#open.delete(obj);
    }
  }

  #writeObject(obj: object): void {
    const h = this.#hash;
    if (ArrayBuffer.isView(obj) || isArrayBuffer(obj)) {
      h.update(`${obj.constructor.name}(${bytesOf(obj).toString('base64')})`);
    } else if (obj instanceof Date) {
      h.update(`Date(${Number.isNaN(obj.getTime()) ? 'NaN' : obj.toISOString()})`);
    } else if (Array.isArray(obj)) {
      h.update('[');
      for (let i = 0; i < obj.length; i++) {
        if (i > 0) h.update(',');
        this.write(obj[i]);
      }
      h.update(']');
    } else if (obj instanceof Map) {
      const entries = [...obj].map(([k, v]) => [this.#text(k), v] as const);
      entries.sort((a, b) => compare(a[0], b[0]));
      h.update('Map{');
      entries.forEach(([k, v], i) => {
        h.update(`${i > 0 ? ',' : ''}${k}:`);
        this.write(v);
      });
      h.update('}');
    } else if (obj instanceof Set) {
      const items = [...obj].map((v) => this.#text(v)).sort(compare);
      h.update(`Set[${items.join(',')}]`);
    } else if (typeof (obj as { toJSON?: unknown }).toJSON === 'function') {
      this.write((obj as { toJSON(): unknown }).toJSON());
    } else {
      const keys = Object.keys(obj).sort(compare);
      h.update('{');
      keys.forEach((k, i) => {
        h.update(`${i > 0 ? ',' : ''}${JSON.stringify(k)}:`);
        this.write((obj as Record<string, unknown>)[k]);
      });
      h.update('}');
    }
  }

  /** The canonical text of a value, for sorting Map keys and Set members. */
  #text(value: unknown): string {
    const parts: string[] = [];
    const sink = { update: (s: string) => parts.push(s) } as unknown as Hash;
    const writer = new CanonicalWriter(sink);
    for (const o of this.#open) writer.#open.add(o);
    writer.write(value);
    return parts.join('');
  }
}

// Plain code-unit order: the same everywhere, unlike localeCompare.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
