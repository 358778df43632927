/**
 * Strict UTF-8 decoding for config files: a file with a stray Latin-1 byte is an error
 * that points at the byte, not a U+FFFD silently baked into a hyperparameter.
 */
import { ConfigError } from './errors.js';
import { formatLocated, locateOffset } from './location.js';

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Byte offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      // Overlong forms and UTF-16 surrogates are invalid.
      min = b === 0xe0 ? 0xa0 : 0x80;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = b === 0xf0 ? 0x90 : 0x80;
      if (b === 0xf4) max = 0x8f;
    } else {
      return i;
    }
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Decodes `bytes` as UTF-8 (a leading BOM is dropped) or throws CONFIG_PARSE_FAILED at the bad byte. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return strict.decode(bytes);
  } catch (cause) {
    const at = firstInvalidUtf8(bytes);
    const offset = at < 0 ? 0 : at;
    // Everything before the bad byte is valid, so its decoded length is the character offset.
    const text = lenient.decode(bytes);
    const before = lenient.decode(bytes.subarray(0, offset));
    const loc = locateOffset(file, text, before.length);
    const hex = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new ConfigError(
      'CONFIG_PARSE_FAILED',
      formatLocated(`invalid UTF-8 (byte 0x${hex}); save the file with UTF-8 encoding`, loc),
      { cause, ...loc },
    );
  }
}
