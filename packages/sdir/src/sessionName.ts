/**
 * Session directory names: `<ID>` or `<ID>-<suffix>`. Parsing is what lets scan and
 * reconcile tell sessions from anything else that happens to sit in a status folder.
 */
import { SdirError } from './errors.js';

/** A bare session ID (no suffix): `[DEBUG_]YYYYY-MMM-DDD-HHhMMmSSs_<tail>`. */
export const SESSION_ID_PATTERN: RegExp =
  /^(DEBUG_)?(\d{4})Y-(\d{2})M-(\d{2})D-(\d{2})h(\d{2})m(\d{2})s_([A-Za-z0-9]+)$/;

const NAME_PATTERN =
  /^((?:DEBUG_)?\d{4}Y-\d{2}M-\d{2}D-\d{2}h\d{2}m\d{2}s_[A-Za-z0-9]+)(?:-(.+))?$/s;

/** What a session directory name says about itself. */
export interface ParsedSessionId {
  /** The ID without the suffix (what `CONFIG.ID` holds). */
  id: string;
  /** Whether it starts with `DEBUG_`. */
  debug: boolean;
  /** The local time in the ID (second resolution). */
  time: Date;
  /** The random tail after `_`. */
  tail: string;
  /** The part after `<ID>-`, when there is one. */
  suffix?: string;
}

/**
 * Parses a session ID or a directory name `<ID>-<suffix>`; null for anything else
 * (including impossible dates such as month 13).
 */
export function parseSessionId(name: string): ParsedSessionId | null {
  if (typeof name !== 'string') return null;
  const m = NAME_PATTERN.exec(name);
  if (!m) return null;
  const id = m[1]!;
  const p = SESSION_ID_PATTERN.exec(id)!;
  const [year, month, day, hour, minute, second] = p.slice(2, 8).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  const time = new Date(2000, month - 1, day, hour, minute, second);
  time.setFullYear(year);
  if (time.getMonth() !== month - 1) return null; // e.g. 31 February
  const out: ParsedSessionId = { id, debug: p[1] !== undefined, time, tail: p[8]! };
  if (m[2] !== undefined) out.suffix = m[2];
  return out;
}

// One path component, and ext4/APFS/NTFS all stop at 255 bytes.
const MAX_NAME_BYTES = 255;

/** Checks a directory suffix; throws `SDIR_INVALID_SUFFIX` saying what is wrong. */
export function validateSuffix(suffix: unknown): string {
  const bad = (why: string): never => {
    throw new SdirError(
      'SDIR_INVALID_SUFFIX',
      `invalid directory suffix ${JSON.stringify(suffix)}: ${why}. ` +
        'Use a plain name such as "main" or "lr-0.01".',
    );
  };
  if (typeof suffix !== 'string') return bad('it must be a string');
  if (suffix === '') return bad('it is empty');
  if (suffix.includes('/') || suffix.includes('\\')) return bad('it contains a path separator');
  if (suffix.includes('..')) return bad('it contains ".."');
  if (suffix.includes('\0')) return bad('it contains a NUL character');
  if (/[\x00-\x1f\x7f]/.test(suffix)) return bad('it contains a control character');
  return suffix;
}

/** The directory name for an ID and an optional suffix; throws if it is too long. */
export function sessionDirName(id: string, suffix?: string): string {
  const name = suffix === undefined ? id : `${id}-${suffix}`;
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) {
    throw new SdirError(
      'SDIR_INVALID_SUFFIX',
      `directory name ${JSON.stringify(name)} is longer than ${MAX_NAME_BYTES} bytes; use a shorter suffix`,
    );
  }
  return name;
}

/**
 * The hidden name a session directory is prepared under: its lease is written there
 * first and the whole is renamed into place, so `RUNNING/<name>` never exists without
 * the means to judge its owner (a process killed halfway leaves only a hidden folder
 * holding a lease, which reconcile removes once that owner is dead).
 */
export function stagingName(name: string): string {
  return `.${name}.${process.pid}.new`;
}

/** Matches {@link stagingName}s. */
export const STAGING_PATTERN: RegExp = /^\..+\.\d+\.new$/;
