/**
 * What keeps a CONFIG snapshot bounded whatever the CONFIG holds: the sizes above which a
 * value is saved as a summary instead of its data, the nesting and total-size limits, and
 * the marker texts written in place of values that could not be saved. The README's
 * "Large and unreadable values" section states the same rules.
 */
import { createHash } from 'node:crypto';

/** Strings longer than this (UTF-16 code units) are saved as a summary. */
export const LARGE_STRING: number = 1024 * 1024;
/** Typed arrays, Buffers, ArrayBuffers and DataViews of more bytes are saved as a summary. */
export const LARGE_BYTES: number = 64 * 1024;
/** Arrays, Sets, Maps and objects with more entries are saved as a summary. */
export const LARGE_ENTRIES = 100_000;
/**
 * Values nested deeper than this are saved as a marker: deeper than any real config, and
 * below the 100 levels YAML readers accept (js-yaml's `maxDepth`).
 */
export const MAX_DEPTH = 64;
/** Roughly how many characters one snapshot file may hold; past it, the rest is left out. */
export const MAX_SNAPSHOT_CHARS: number = 16 * 1024 * 1024;
/** How many notes (values not saved as they are) the snapshot lists one by one. */
export const MAX_NOTES = 100;
/** How many leading items a summary shows. */
const HEAD = 10;
/** How many leading characters a string's summary shows. */
const HEAD_CHARS = 200;

/** The key that marks a summary object in the snapshot. */
export const SUMMARY_KEY = '$summary';

/** Marker for a value whose reading threw (a getter, a revoked Proxy, a toJSON()). */
export function unreadableMarker(err: unknown): string {
  return `[Unreadable: ${describeError(err)}]`;
}

/** Marker for a value nested deeper than {@link MAX_DEPTH}. */
export const TOO_DEEP: string = `[Not saved: nested more than ${MAX_DEPTH} levels deep]`;

/** One line saying what an error was, safe for a YAML comment. */
export function describeError(err: unknown): string {
  let text: string;
  try {
    text =
      err instanceof Error ? `${err.name}: ${err.message}` : `thrown ${typeof err}: ${String(err)}`;
  } catch {
    text = 'an error that cannot be described';
  }
  return oneLine(text);
}

/** `s` without line breaks or control characters, at most 200 characters. */
export function oneLine(s: string): string {
  const flat = s.replace(/[\x00-\x1f\x7f]+/g, ' ');
  return flat.length > 200 ? flat.slice(0, 199) + '…' : flat;
}

/** A summary of binary data: type, length, bytes, sha256, and the first values. */
export function binarySummary(
  type: string,
  bytes: Uint8Array,
  length: number,
  head: unknown[],
  hashes: Map<unknown, string>,
  key: object,
): Record<string, unknown> {
  let sha256 = hashes.get(key);
  if (sha256 === undefined) {
    sha256 = createHash('sha256').update(bytes).digest('hex');
    hashes.set(key, sha256);
  }
  return {
    [SUMMARY_KEY]: type,
    length,
    bytes: bytes.byteLength,
    sha256,
    head: head.slice(0, HEAD),
  };
}

/** A summary of a long string: its length, UTF-8 size, sha256 and first characters. */
export function stringSummary(s: string, hashes: Map<unknown, string>): Record<string, unknown> {
  let sha256 = hashes.get(s);
  if (sha256 === undefined) {
    sha256 = createHash('sha256').update(s, 'utf8').digest('hex');
    hashes.set(s, sha256);
  }
  return {
    [SUMMARY_KEY]: 'string',
    length: s.length,
    bytes: Buffer.byteLength(s, 'utf8'),
    sha256,
    head: s.slice(0, HEAD_CHARS),
  };
}

/** How many leading entries a summary of a collection shows. */
export const SUMMARY_HEAD: number = HEAD;
