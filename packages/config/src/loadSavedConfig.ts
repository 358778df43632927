/**
 * Reads a CONFIG.json written by {@link saveConfig} back into live values: the type table
 * turns ISO strings back into Dates, decimal strings into BigInts, entry lists into Maps,
 * and "[Circular]" placeholders back into the references they stood for.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { displayPath } from './displayPath.js';
import { ConfigError } from './errors.js';
import { childPointer } from './jsonPointer.js';
import { SNAPSHOT_FORMAT, SNAPSHOT_KEY, SNAPSHOT_VERSION } from './saveConfig.js';
import { isPlainObject, setOwn } from './setOwn.js';
import type { SnapshotTag, TypedArrayName } from './snapshotTree.js';
import { checkPath } from './checkArgs.js';

/**
 * Loads a saved snapshot. `fileOrDir` is a `CONFIG.json` file, the `CONFIGS/` directory
 * holding it, or a session directory (which holds `CONFIGS/CONFIG.json`).
 * Throws `CONFIG_READ_FAILED` when there is nothing to read and `CONFIG_BAD_SNAPSHOT` when
 * the file is not a snapshot written by this package (or is corrupt).
 */
export function loadSavedConfig(fileOrDir: string): Record<string, unknown> {
  const file = snapshotFile(
    resolve(process.cwd(), checkPath('loadSavedConfig', 'fileOrDir', fileOrDir)),
  );
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ConfigError(
      'CONFIG_READ_FAILED',
      `${displayPath(file)}: cannot read the config snapshot (${(cause as Error).message})`,
      { cause, file },
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (cause) {
    throw bad(file, `not valid JSON (${(cause as Error).message})`, cause);
  }
  if (!isPlainObject(doc)) throw bad(file, 'the top level is not an object');
  const meta = doc[SNAPSHOT_KEY];
  if (!isPlainObject(meta) || meta['format'] !== SNAPSHOT_FORMAT) {
    throw bad(file, `no "${SNAPSHOT_KEY}" marker: this file was not written by saveConfig()`);
  }
  if (typeof meta['version'] !== 'number' || meta['version'] > SNAPSHOT_VERSION) {
    throw bad(
      file,
      `snapshot format version ${String(meta['version'])} is newer than this @scitex/config understands; upgrade it`,
    );
  }
  const types = meta['types'] ?? {};
  const refs = meta['refs'] ?? {};
  if (!isPlainObject(types) || !isPlainObject(refs)) throw bad(file, 'the type table is malformed');
  delete doc[SNAPSHOT_KEY];
  try {
    return new Reviver(types as Record<string, SnapshotTag>, refs as Record<string, string>).object(
      doc,
      '',
    );
  } catch (cause) {
    if (cause instanceof ConfigError) throw cause;
    throw bad(file, (cause as Error).message, cause);
  }
}

function snapshotFile(path: string): string {
  const candidates = [join(path, 'CONFIG.json'), join(path, 'CONFIGS', 'CONFIG.json')];
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    return path; // Reading it reports the real problem.
  }
  if (!isDir) return path;
  for (const c of candidates) {
    try {
      if (statSync(c).isFile()) return c;
    } catch {
      // Try the next place.
    }
  }
  return candidates[0]!;
}

function bad(file: string, why: string, cause?: unknown): ConfigError {
  return new ConfigError(
    'CONFIG_BAD_SNAPSHOT',
    `${displayPath(file)}: not a readable CONFIG snapshot: ${why}`,
    { cause, file },
  );
}

const TYPED: Record<TypedArrayName, (items: unknown[]) => unknown> = {
  Int8Array: (a) => Int8Array.from(a as number[]),
  Uint8Array: (a) => Uint8Array.from(a as number[]),
  Uint8ClampedArray: (a) => Uint8ClampedArray.from(a as number[]),
  Int16Array: (a) => Int16Array.from(a as number[]),
  Uint16Array: (a) => Uint16Array.from(a as number[]),
  Int32Array: (a) => Int32Array.from(a as number[]),
  Uint32Array: (a) => Uint32Array.from(a as number[]),
  Float32Array: (a) => Float32Array.from(a.map(Number)),
  Float64Array: (a) => Float64Array.from(a.map(Number)),
  BigInt64Array: (a) => BigInt64Array.from((a as string[]).map((x) => BigInt(x))),
  BigUint64Array: (a) => BigUint64Array.from((a as string[]).map((x) => BigInt(x))),
};

class Reviver {
  /** Containers built so far, by pointer: the targets "[Circular]" placeholders point to. */
  private readonly built = new Map<string, unknown>();

  constructor(
    private readonly types: Record<string, SnapshotTag>,
    private readonly refs: Record<string, string>,
  ) {}

  private own<T>(table: Record<string, T>, ptr: string): T | undefined {
    return Object.prototype.hasOwnProperty.call(table, ptr) ? table[ptr] : undefined;
  }

  value(node: unknown, ptr: string): unknown {
    const ref = this.own(this.refs, ptr);
    if (ref !== undefined) {
      if (!this.built.has(ref)) throw new Error(`reference ${ptr} → ${ref} points nowhere`);
      return this.built.get(ref);
    }
    const t = this.own(this.types, ptr);
    if (t === undefined) {
      if (Array.isArray(node)) return this.array(node, ptr);
      if (isPlainObject(node)) return this.object(node, ptr);
      return node;
    }
    switch (t) {
      case 'Date':
        if (node !== null && typeof node !== 'string') throw new Error(`${ptr}: bad Date`);
        return new Date(node === null ? NaN : node);
      case 'BigInt':
        return BigInt(expect(node, 'string', ptr));
      case 'Number':
        return Number(expect(node, 'string', ptr));
      case 'Undefined':
        return undefined;
      case 'Redacted':
        return node;
      case 'URL':
        return new URL(expect(node, 'string', ptr));
      case 'RegExp': {
        const m = /^\/(.*)\/([a-z]*)$/s.exec(expect(node, 'string', ptr));
        if (!m) throw new Error(`${ptr}: bad RegExp`);
        return new RegExp(m[1]!, m[2]);
      }
      case 'Buffer':
        return Buffer.from(expect(node, 'string', ptr), 'base64');
      case 'ArrayBuffer': {
        const b = Buffer.from(expect(node, 'string', ptr), 'base64');
        return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
      }
      case 'Set': {
        const set = new Set<unknown>();
        this.built.set(ptr, set);
        expectArray(node, ptr).forEach((x, i) => set.add(this.value(x, childPointer(ptr, i))));
        return set;
      }
      case 'Map': {
        if (!isPlainObject(node)) throw new Error(`${ptr}: bad Map`);
        const map = new Map<unknown, unknown>();
        this.built.set(ptr, map);
        for (const k of Object.keys(node)) map.set(k, this.value(node[k], childPointer(ptr, k)));
        return map;
      }
      case 'MapEntries': {
        const map = new Map<unknown, unknown>();
        this.built.set(ptr, map);
        expectArray(node, ptr).forEach((entry, i) => {
          const p = childPointer(ptr, i);
          const [k, v] = expectArray(entry, p);
          map.set(this.value(k, childPointer(p, 0)), this.value(v, childPointer(p, 1)));
        });
        return map;
      }
      case 'Error': {
        if (!isPlainObject(node)) throw new Error(`${ptr}: bad Error`);
        const err = new Error(String(node['message'] ?? ''));
        this.built.set(ptr, err);
        for (const k of Object.keys(node)) {
          if (k === 'message') continue;
          const v = this.value(node[k], childPointer(ptr, k));
          if (k === 'name' || k === 'stack' || k === 'cause') {
            Object.defineProperty(err, k, {
              value: v,
              writable: true,
              configurable: true,
              enumerable: false,
            });
          } else {
            setOwn(err as unknown as Record<string, unknown>, k, v);
          }
        }
        return err;
      }
      default: {
        const make = this.own(TYPED, t);
        if (make) return make(expectArray(node, ptr));
        throw new Error(`${ptr}: unknown type tag ${JSON.stringify(t)}`);
      }
    }
  }

  object(node: Record<string, unknown>, ptr: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.built.set(ptr, out);
    for (const k of Object.keys(node)) setOwn(out, k, this.value(node[k], childPointer(ptr, k)));
    return out;
  }

  private array(node: unknown[], ptr: string): unknown[] {
    const out: unknown[] = [];
    this.built.set(ptr, out);
    node.forEach((x, i) => out.push(this.value(x, childPointer(ptr, i))));
    return out;
  }
}

function expect(node: unknown, type: 'string', ptr: string): string {
  if (typeof node !== type) throw new Error(`${ptr}: expected a ${type}`);
  return node as string;
}

function expectArray(node: unknown, ptr: string): unknown[] {
  if (!Array.isArray(node)) throw new Error(`${ptr}: expected a list`);
  return node;
}
