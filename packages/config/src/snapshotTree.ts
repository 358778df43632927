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
 */
import { EventEmitter } from 'node:events';
import { childPointer } from './jsonPointer.js';
import { formatLocalIso } from './localIsoDate.js';
import { isSecretKey } from './secretKeys.js';
import { setOwn } from './setOwn.js';

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
}

/** Walks `config` for the `json` or `yaml` file. */
export function snapshotTree(
  config: object,
  target: 'json' | 'yaml',
  redact: boolean,
): SnapshotTree {
  const walk: Walk = { target, redact, types: {}, refs: {}, open: new Map([[config, '']]) };
  const value = objectEntries(config, '', walk);
  return { value, types: walk.types, refs: walk.refs };
}

function tag(walk: Walk, ptr: string, t: SnapshotTag): void {
  if (walk.target === 'json') walk.types[ptr] = t;
}

function isRedactable(value: unknown): boolean {
  return value !== null && value !== undefined && value !== '';
}

function convert(value: unknown, ptr: string, walk: Walk): Out | typeof OMIT {
  switch (typeof value) {
    case 'undefined':
    case 'function':
    case 'symbol':
      return OMIT;
    case 'string':
    case 'boolean':
      return value;
    case 'bigint':
      tag(walk, ptr, 'BigInt');
      return value.toString();
    case 'number':
      if (walk.target === 'yaml' || (Number.isFinite(value) && !Object.is(value, -0))) return value;
      tag(walk, ptr, 'Number');
      return Object.is(value, -0) ? '-0' : String(value);
    case 'object':
      return value === null ? null : convertObject(value, ptr, walk);
  }
}

function convertObject(value: object, ptr: string, walk: Walk): Out | typeof OMIT {
  const ancestor = walk.open.get(value);
  if (ancestor !== undefined) {
    if (walk.target === 'json') walk.refs[ptr] = ancestor;
    return CIRCULAR;
  }
  if (value instanceof Date) {
    tag(walk, ptr, 'Date');
    const iso = formatLocalIso(value);
    return iso === null ? null : walk.target === 'yaml' ? new YamlTimestamp(iso) : iso;
  }
  if (value instanceof URL) {
    tag(walk, ptr, 'URL');
    return value.href;
  }
  if (value instanceof RegExp) {
    tag(walk, ptr, 'RegExp');
    return String(value);
  }
  if (Buffer.isBuffer(value)) {
    tag(walk, ptr, 'Buffer');
    return value.toString('base64');
  }
  if (value instanceof ArrayBuffer) {
    tag(walk, ptr, 'ArrayBuffer');
    return Buffer.from(value).toString('base64');
  }
  if (ArrayBuffer.isView(value)) {
    if (value instanceof DataView) {
      tag(walk, ptr, 'ArrayBuffer');
      return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
    }
    const name = value.constructor.name as TypedArrayName;
    tag(walk, ptr, name);
    const items = Array.from(value as unknown as ArrayLike<number | bigint>);
    return items.map((x) =>
      typeof x === 'bigint' ? x.toString() : walk.target === 'json' ? jsonNumber(x) : x,
    );
  }
  if (isLiveHandle(value)) return OMIT;

  walk.open.set(value, ptr);
  try {
    if (Array.isArray(value)) return arrayItems(value, ptr, walk);
    if (value instanceof Set) {
      tag(walk, ptr, 'Set');
      return arrayItems([...value], ptr, walk);
    }
    if (value instanceof Map) return mapEntries(value, ptr, walk);
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
    walk.open.delete(value);
  }
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
  for (const key of Object.keys(value)) {
    if (key.startsWith('_')) continue;
    let v: unknown;
    try {
      v = (value as Record<string, unknown>)[key];
    } catch {
      continue; // A getter that throws has nothing to record.
    }
    const p = childPointer(ptr, key);
    const c = child(key, v, p, walk, true);
    if (c !== OMIT) setOwn(out, key, c);
  }
  return out;
}

function arrayItems(items: readonly unknown[], ptr: string, walk: Walk): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < items.length; i++) {
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
    for (const [k, v] of map) {
      const key = k as string;
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
  for (const [k, v] of map) {
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
