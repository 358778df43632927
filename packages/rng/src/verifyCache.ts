/**
 * The per-project cache of `verify` hashes: one small JSON file per name, written once
 * (atomically, first writer wins) and read on every later call.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFileAtomic } from './atomicWrite.js';
import { RngError } from './errors.js';
import { nodeCrypto } from './nodeCrypto.js';

/** What a cache entry holds. */
export interface VerifyRecord {
  /** The name given to `verify`. */
  name: string;
  /** The recorded hash (32 hex characters). */
  hash: string;
  /** Master seed of the manager that recorded it. */
  seed: number;
  /** Its algorithm. */
  algorithm: string;
  /** When it was recorded (ISO 8601). */
  recordedAt: string;
}

const MAX_STEM = 100;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * The cache file name for `name`: the name itself when it is short and made of
 * `[a-z0-9_-]`; otherwise every other character becomes `_` and a hash of the exact
 * name is appended, so distinct names never share a file — also on case-insensitive
 * file systems.
 */
export function cacheFileName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9_-]/g, '_');
  const plain = safe === name && !/[A-Z]/.test(name) && !WINDOWS_RESERVED.test(name);
  if (plain && name.length <= MAX_STEM) return `${name}.json`;
  const tag = nodeCrypto().createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 8);
  return `${safe.slice(0, MAX_STEM)}-${tag}.json`;
}

function ioError(action: string, file: string, err: unknown): RngError {
  const code = (err as NodeJS.ErrnoException).code ?? 'error';
  return new RngError('RNG_IO_FAILED', `cannot ${action} ${file} (${code})`, { cause: err });
}

/**
 * The Python original's entry for `name` in `dir` (its file name: every character other
 * than a letter, digit, `-` or `_` becomes `_`), when that is not our own file name and it
 * records exactly this name.
 */
function readPythonRecord(
  dir: string,
  name: string,
): { file: string; record: VerifyRecord } | null {
  const file = join(dir, `${name.replace(/[^\p{L}\p{N}_-]/gu, '_')}.json`);
  if (file === join(dir, cacheFileName(name))) return null;
  let record: VerifyRecord | null;
  try {
    record = readRecord(file, name);
  } catch {
    return null; // another name's entry, or unreadable: not ours to judge
  }
  return record && { file, record };
}

/** The entry in `file`, or null when there is none. */
function readRecord(file: string, name: string): VerifyRecord | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw ioError('read the verify cache entry', file, err);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw badEntry(file, 'it is not valid JSON', err);
  }
  const r = data as Partial<VerifyRecord> | null;
  if (
    typeof r !== 'object' ||
    r === null ||
    typeof r.hash !== 'string' ||
    !/^[0-9a-f]{32}$/.test(r.hash)
  ) {
    throw badEntry(file, 'it has no 32-character hex "hash"');
  }
  if (r.name !== name) {
    throw badEntry(
      file,
      `it records the name ${JSON.stringify(r.name)}, not ${JSON.stringify(name)}`,
    );
  }
  return r as VerifyRecord;
}

function badEntry(file: string, why: string, cause?: unknown): RngError {
  return new RngError(
    'RNG_BAD_CACHE_ENTRY',
    `verify cache entry ${file} is unusable: ${why}. Delete it to record the value afresh.`,
    { cause },
  );
}

/**
 * Records `record` in `dir` unless an entry for its name exists. Returns the file and
 * the entry already there (null when this call recorded it).
 */
export function recordOnce(
  dir: string,
  record: VerifyRecord,
): { file: string; existing: VerifyRecord | null } {
  const file = join(dir, cacheFileName(record.name));
  const existing = readRecord(file, record.name);
  if (existing) return { file, existing };
  const python = readPythonRecord(dir, record.name);
  if (python) return { file: python.file, existing: python.record };
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw ioError('create the verify cache directory', dir, err);
  }
  let created: boolean;
  try {
    created = createFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`);
  } catch (err) {
    throw ioError('write the verify cache entry', file, err);
  }
  // Lost a race with another process recording the same name: theirs stands.
  return { file, existing: created ? null : readRecord(file, record.name) };
}
