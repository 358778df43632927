/**
 * Turns a live CONFIG object into plain data for the two snapshot files. Both walks share
 * the rules below; they differ only in the leaves:
 *
 * - `json`: strictly JSON values, and every value JSON cannot hold as itself is recorded in
 *   a type table (JSON Pointer → tag) so `loadSavedConfig` can rebuild it.
 * - `yaml`: the most readable form for a human (dates as unquoted timestamps, NaN as .nan).
 *
 * Left out: keys starting with `_`, `undefined`, functions, symbols, streams and other
 * live handles (EventEmitters, Promises, Weak*). In lists, left-out items become null so
 * positions stay. A reference back to an enclosing object becomes "[Circular]".
 *
 * Bounded whatever the CONFIG holds (snapshotLimits.ts): large values become summaries,
 * a value whose reading throws becomes a marker, nesting and total size are capped — each
 * with a note, so one hostile value never costs the rest of the snapshot.
 */
import { EventEmitter } from 'node:events';
import { childPointer } from './jsonPointer.js';
import { formatLocalIso } from './localIsoDate.js';
import { isSecretKey } from './secretKeys.js';
import { setOwn } from './setOwn.js';
import {
  binarySummary,
  describeError,
  LARGE_BYTES,
  LARGE_ENTRIES,
  LARGE_STRING,
  MAX_DEPTH,
  MAX_NOTES,
  MAX_SNAPSHOT_CHARS,
  stringSummary,
  SUMMARY_HEAD,
  SUMMARY_KEY,
  TOO_DEEP,
  unreadableMarker,
} from './snapshotLimits.js';

/** The type tags CONFIG.json's table may hold. */
export type SnapshotTag =
  | 'Date'
  | 'BigInt'
  | 'Number'
  | 'Undefined'
  | 'Map'
  | 'MapEntries'
  | 'Set'
  | 'URL'
  | 'RegExp'
  | 'Error'
  | 'Buffer'
  | 'ArrayBuffer'
  | 'Redacted'
  | TypedArrayName;

/** Typed arrays saved as lists of numbers (BigInt ones as lists of decimal strings). */
export type TypedArrayName =
  | 'Int8Array'
  | 'Uint8Array'
  | 'Uint8ClampedArray'
  | 'Int16Array'
  | 'Uint16Array'
  | 'Int32Array'
  | 'Uint32Array'
  | 'Float32Array'
  | 'Float64Array'
  | 'BigInt64Array'
  | 'BigUint64Array';

/** The text written in place of a redacted secret. */
export const REDACTED = '***';
/** The text written in place of a reference to an enclosing object. */
export const CIRCULAR = '[Circular]';

/** A date for the YAML dump: written as a plain (unquoted) YAML timestamp. */
export class YamlTimestamp {
  constructor(readonly iso: string) {}
}

/** What one walk produced. */
export interface SnapshotTree {
  /** The plain data. */
  value: Record<string, unknown>;
  /** JSON Pointer → tag, for values that are not plain JSON (json walk only). */
  types: Record<string, SnapshotTag>;
  /** JSON Pointer of a "[Circular]" placeholder → JSON Pointer of the object it pointed to. */
  refs: Record<string, string>;
  /** JSON Pointer → why the value there is not saved as it is (the first MAX_NOTES). */
  notes: Record<string, string>;
  /** How many notes there were in all (more than `notes` holds when past MAX_NOTES). */
  noteCount: number;
}

const OMIT: unique symbol = Symbol('omit');
type Out = unknown;

interface Walk {
  target: 'json' | 'yaml';
  redact: boolean;
  types: Record<string, SnapshotTag>;
  refs: Record<string, string>;
  /** The objects currently being walked (ancestors), with their pointers. */
  open: Map<object, string>;
  /** Containers currently open. */
  depth: number;
  /** Characters left before the snapshot is full (roughly: the size of what is written). */
  left: number;
  notes: Record<string, string>;
  noteCount: number;
  /** sha256 of summarised data, shared by the two walks of one save. */
  hashes: Map<unknown, string>;
  /** Counts entries added to `types` and `refs` (so a failed value only cleans up when it added some). */
  recorded: number;
}

/** Walks `config` for the `json` or `yaml` file. */
export function snapshotTree(
  config: object,
  target: 'json' | 'yaml',
  redact: boolean,
  hashes: Map<unknown, string> = new Map(),
): SnapshotTree {
  const walk: Walk = {
    target,
    redact,
    types: {},
    refs: {},
    open: new Map([[config, '']]),
    depth: 0,
    left: MAX_SNAPSHOT_CHARS,
    notes: {},
    noteCount: 0,
    hashes,
    recorded: 0,
  };
  const value = objectEntries(config, '', walk);
  return {
    value: value,
    types: walk.types,
    refs: walk.refs,
    notes: walk.notes,
    noteCount: walk.noteCount,
  };
}

function tag(walk: Walk, ptr: string, t: SnapshotTag): void {
  if (walk.target !== 'json') return;
  walk.types[ptr] = t;
  walk.recorded++;
}

function note(walk: Walk, ptr: string, text: string): void {
  if (walk.noteCount++ < MAX_NOTES) walk.notes[ptr === '' ? '/' : ptr] = text;
}

/** Counts `n` characters against the snapshot's size; true while there is room. */
function charge(walk: Walk, n: number): boolean {
  walk.left -= n;
  return walk.left >= 0;
}

/** The snapshot is full: the rest of this collection is left out, with a note. */
function full(walk: Walk, ptr: string, done: number, total: number): boolean {
  if (walk.left >= 0) return false;
  const mib = MAX_SNAPSHOT_CHARS / 1024 / 1024;
  note(
    walk,
    ptr,
    `only ${done} of ${total} entries saved: the snapshot reached its size limit (${mib} MiB)`,
  );
  return true;
}

/** Drops the type tags and references recorded at `ptr` and below (its value became a marker). */
function forget(walk: Walk, ptr: string): void {
  const below = ptr + '/';
  for (const table of [walk.types, walk.refs] as Record<string, unknown>[]) {
    for (const k of Object.keys(table)) {
      if (k === ptr || k.startsWith(below)) delete table[k];
    }
  }
}

function isRedactable(value: unknown): boolean {
  return value !== null && value !== undefined && value !== '';
}

function convert(value: unknown, ptr: string, walk: Walk): Out | typeof OMIT {
  charge(walk, walk.depth * 2); // the indentation each value gets in both files
  switch (typeof value) {
    case 'undefined':
    case 'function':
    case 'symbol':
      return OMIT;
    case 'string':
      if (value.length > LARGE_STRING) {
        note(walk, ptr, `a string of ${value.length} characters, saved as a summary`);
        return stringSummary(value, walk.hashes);
      }
      charge(walk, value.length + 3);
      return value;
    case 'boolean':
      charge(walk, 5);
      return value;
    case 'bigint':
      tag(walk, ptr, 'BigInt');
      charge(walk, 22);
      return value.toString();
    case 'number':
      charge(walk, 12);
      if (walk.target === 'yaml' || (Number.isFinite(value) && !Object.is(value, -0))) return value;
      tag(walk, ptr, 'Number');
      return Object.is(value, -0) ? '-0' : String(value);
    case 'object':
      charge(walk, 4);
      return value === null ? null : convertObject(value, ptr, walk);
  }
}

/**
 * An object, or — when reading it throws (a revoked Proxy, a throwing getter or toJSON, a
 * Map whose methods refuse it) — a marker saying why, so the rest is still saved.
 */
function convertObject(value: object, ptr: string, walk: Walk): Out | typeof OMIT {
  const recorded = walk.recorded;
  try {
    return readObject(value, ptr, walk);
  } catch (err) {
    if (walk.recorded !== recorded) forget(walk, ptr);
    note(walk, ptr, `could not be read (${describeError(err)})`);
    return unreadableMarker(err);
  }
}

function readObject(value: object, ptr: string, walk: Walk): Out | typeof OMIT {
  const ancestor = walk.open.get(value);
  if (ancestor !== undefined) {
    if (walk.target === 'json') {
      walk.refs[ptr] = ancestor;
      walk.recorded++;
    }
    return CIRCULAR;
  }
  if (value instanceof Date) {
    tag(walk, ptr, 'Date');
    const iso = formatLocalIso(value);
    return iso === null ? null : walk.target === 'yaml' ? new YamlTimestamp(iso) : iso;
  }
  if (value instanceof URL) {
    tag(walk, ptr, 'URL');
    return convertString(value.href, walk);
  }
  if (value instanceof RegExp) {
    tag(walk, ptr, 'RegExp');
    return convertString(String(value), walk);
  }
  if (Buffer.isBuffer(value) || value instanceof ArrayBuffer || value instanceof DataView) {
    const bytes = Buffer.isBuffer(value)
      ? value
      : value instanceof DataView
        ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
        : new Uint8Array(value);
    const type = Buffer.isBuffer(value) ? 'Buffer' : value.constructor.name;
    if (bytes.byteLength > LARGE_BYTES) {
      note(walk, ptr, `a ${type} of ${bytes.byteLength} bytes, saved as a summary`);
      const head = Array.from(bytes.subarray(0, SUMMARY_HEAD));
      return binarySummary(type, bytes, bytes.byteLength, head, walk.hashes, value);
    }
    tag(walk, ptr, Buffer.isBuffer(value) ? 'Buffer' : 'ArrayBuffer');
    charge(walk, Math.ceil(bytes.byteLength / 3) * 4);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  }
  if (ArrayBuffer.isView(value)) {
    const typed = value as unknown as ArrayLike<number | bigint> & ArrayBufferView;
    const name = value.constructor.name as TypedArrayName;
    const item = (x: number | bigint): unknown =>
      typeof x === 'bigint' ? x.toString() : walk.target === 'json' ? jsonNumber(x) : x;
    if (typed.byteLength > LARGE_BYTES) {
      note(walk, ptr, `a ${name} of ${typed.length} items, saved as a summary`);
      const bytes = new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);
      const head = Array.from({ length: Math.min(SUMMARY_HEAD, typed.length) }, (_, i) =>
        item(typed[i]!),
      );
      return binarySummary(name, bytes, typed.length, head, walk.hashes, value);
    }
    tag(walk, ptr, name);
    charge(walk, typed.length * 8);
    return Array.from(typed, item);
  }
  if (isLiveHandle(value)) return OMIT;

  if (walk.depth >= MAX_DEPTH) {
    note(walk, ptr, `nested more than ${MAX_DEPTH} levels deep, not saved`);
    return TOO_DEEP;
  }
  walk.open.set(value, ptr);
  walk.depth++;
  try {
    if (Array.isArray(value)) {
      if (value.length > LARGE_ENTRIES) return collectionSummary('Array', value, ptr, walk);
      return arrayItems(value, ptr, walk);
    }
    if (value instanceof Set) {
      if (value.size > LARGE_ENTRIES) return collectionSummary('Set', value, ptr, walk);
      tag(walk, ptr, 'Set');
      return arrayItems([...value], ptr, walk);
    }
    if (value instanceof Map) {
      if (value.size > LARGE_ENTRIES) return collectionSummary('Map', value, ptr, walk);
      return mapEntries(value, ptr, walk);
    }
    if (value instanceof Error) {
      tag(walk, ptr, 'Error');
      return errorFields(value, ptr, walk);
    }
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') {
      // Class instances that know how to describe themselves (Decimal, Temporal, …).
      const described: unknown = toJSON.call(value);
      if (described !== value) return convert(described, ptr, walk);
    }
    return objectEntries(value, ptr, walk);
  } finally {
    walk.depth--;
    walk.open.delete(value);
  }
}

/** A string that stands for an object (a URL's href): summarised like any long string. */
function convertString(s: string, walk: Walk): string | Record<string, unknown> {
  if (s.length > LARGE_STRING) return stringSummary(s, walk.hashes);
  charge(walk, s.length + 3);
  return s;
}

/** An Array, Set or Map with more than LARGE_ENTRIES entries: its size and first entries. */
function collectionSummary(
  type: 'Array' | 'Set' | 'Map',
  value: unknown[] | Set<unknown> | Map<unknown, unknown>,
  ptr: string,
  walk: Walk,
): Record<string, unknown> {
  const size = Array.isArray(value) ? value.length : value.size;
  note(walk, ptr, `a ${type} of ${size} entries, saved as a summary`);
  const headPtr = childPointer(ptr, 'head');
  const head: unknown[] = [];
  let i = 0;
  const iter = Array.isArray(value) ? value.slice(0, SUMMARY_HEAD) : value;
  for (const x of iter as Iterable<unknown>) {
    if (i >= SUMMARY_HEAD) break;
    const p = childPointer(headPtr, i++);
    if (type === 'Map') {
      const [k, v] = x as [unknown, unknown];
      const kc = convert(k, childPointer(p, 0), walk);
      const vc = child(typeof k === 'string' ? k : '', v, childPointer(p, 1), walk, true);
      head.push([kc === OMIT ? null : kc, vc === OMIT ? null : vc]);
    } else {
      const c = convert(x, p, walk);
      head.push(c === OMIT ? null : c);
    }
  }
  return { [SUMMARY_KEY]: type, length: size, head };
}

/** NaN, ±Infinity and -0 inside a float array have no JSON form; they are written as strings. */
function jsonNumber(x: number): number | string {
  return Number.isFinite(x) && !Object.is(x, -0) ? x : Object.is(x, -0) ? '-0' : String(x);
}

/** Streams, emitters and promises: handles to something live, meaningless in a file. */
function isLiveHandle(value: object): boolean {
  const v = value as { pipe?: unknown; write?: unknown; then?: unknown };
  return (
    typeof v.pipe === 'function' ||
    typeof v.write === 'function' ||
    typeof v.then === 'function' ||
    value instanceof EventEmitter ||
    value instanceof WeakMap ||
    value instanceof WeakSet ||
    value instanceof WeakRef
  );
}

function child(
  key: string,
  value: unknown,
  ptr: string,
  walk: Walk,
  checkSecret: boolean,
): Out | typeof OMIT {
  if (checkSecret && walk.redact && isSecretKey(key) && isRedactable(value)) {
    tag(walk, ptr, 'Redacted');
    return REDACTED;
  }
  return convert(value, ptr, walk);
}

function objectEntries(value: object, ptr: string, walk: Walk): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = Object.keys(value);
  const summary = keys.length > LARGE_ENTRIES;
  if (summary) note(walk, ptr, `an object of ${keys.length} keys, saved as a summary`);
  let n = 0;
  for (const key of keys) {
    if (summary && n >= SUMMARY_HEAD) break;
    if (full(walk, ptr, n, keys.length)) break;
    n++;
    if (key.startsWith('_')) continue;
    const p = summary ? childPointer(childPointer(ptr, 'head'), key) : childPointer(ptr, key);
    let v: unknown;
    try {
      v = (value as Record<string, unknown>)[key];
    } catch (err) {
      // A getter that throws: say so in its place, keep the rest.
      note(walk, p, `could not be read (${describeError(err)})`);
      setOwn(out, key, unreadableMarker(err));
      continue;
    }
    charge(walk, key.length + 4);
    const c = child(key, v, p, walk, true);
    if (c !== OMIT) setOwn(out, key, c);
  }
  return summary ? { [SUMMARY_KEY]: 'Object', length: keys.length, head: out } : out;
}

function arrayItems(items: readonly unknown[], ptr: string, walk: Walk): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < items.length; i++) {
    if (full(walk, ptr, i, items.length)) break;
    const p = childPointer(ptr, i);
    const v = items[i];
    const c = convert(v, p, walk);
    if (c === OMIT) {
      // undefined (and holes) come back as undefined; functions and handles as null.
      if (v === undefined) tag(walk, p, 'Undefined');
      out.push(null);
    } else {
      out.push(c);
    }
  }
  return out;
}

/** Array-index-like keys would be reordered by a JS object, so such Maps keep entry form. */
const INDEX_LIKE = /^(0|[1-9][0-9]*)$/;

function mapEntries(map: Map<unknown, unknown>, ptr: string, walk: Walk): unknown {
  const objectForm = [...map.keys()].every((k) => typeof k === 'string' && !INDEX_LIKE.test(k));
  if (objectForm) {
    tag(walk, ptr, 'Map');
    const out: Record<string, unknown> = {};
    let n = 0;
    for (const [k, v] of map) {
      if (full(walk, ptr, n++, map.size)) break;
      const key = k as string;
      charge(walk, key.length + 4);
      const c = child(key, v, childPointer(ptr, key), walk, true);
      if (c !== OMIT) setOwn(out, key, c);
      else if (v === undefined) {
        tag(walk, childPointer(ptr, key), 'Undefined');
        setOwn(out, key, null);
      }
    }
    return out;
  }
  tag(walk, ptr, 'MapEntries');
  const out: unknown[] = [];
  let i = 0;
  let n = 0;
  for (const [k, v] of map) {
    if (full(walk, ptr, n++, map.size)) break;
    const p = childPointer(ptr, i);
    const kc = convert(k, childPointer(p, 0), walk);
    if (kc === OMIT) {
      if (k === undefined) tag(walk, childPointer(p, 0), 'Undefined');
      else continue; // A function or symbol key cannot be written; the entry is left out.
    }
    const secret = typeof k === 'string';
    let vc = child(secret ? k : '', v, childPointer(p, 1), walk, secret);
    if (vc === OMIT) {
      if (v === undefined) tag(walk, childPointer(p, 1), 'Undefined');
      vc = null;
    }
    out.push([kc === OMIT ? null : kc, vc]);
    i++;
  }
  return out;
}

function errorFields(err: Error, ptr: string, walk: Walk): Record<string, unknown> {
  const out: Record<string, unknown> = { name: err.name, message: err.message };
  if (typeof err.stack === 'string') out['stack'] = err.stack;
  const rest = objectEntries(err, ptr, walk);
  for (const key of Object.keys(rest)) setOwn(out, key, rest[key]);
  if ('cause' in err && err.cause !== undefined && !Object.keys(err).includes('cause')) {
    const c = convert(err.cause, childPointer(ptr, 'cause'), walk);
    if (c !== OMIT) out['cause'] = c;
  }
  return out;
}
