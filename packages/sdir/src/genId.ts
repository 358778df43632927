/**
 * Session IDs: local time to the second plus a random tail drawn from the operating
 * system's cryptographic source, so seeding a PRNG can never make two runs share an ID.
 */
import { SdirError } from './errors.js';
import { secureRandomBytes } from './secureRandom.js';

/** The 62 characters a tail is drawn from, uniformly and with replacement. */
export const ID_TAIL_ALPHABET: string =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Options of {@link genId}. */
export interface GenIdOptions {
  /** Number of random characters after the `_` (1–64). Default 4: 62⁴ ≈ 14.8 million per second. */
  length?: number;
  /** Prefix the ID with `DEBUG_`. Default false. */
  debug?: boolean;
  /** The time the ID shows (local time). Default: now. */
  now?: Date;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * A new session ID such as `2025Y-11M-18D-07h53m37s_Z5MR` (local time), or
 * `DEBUG_2025Y-…` in debug mode. The tail comes from the system's cryptographic source
 * (see secureRandom.ts); bytes of 248 and above are redrawn, so every character is
 * uniform over {@link ID_TAIL_ALPHABET} (248 = 4 × 62).
 */
export function genId(opts: GenIdOptions = {}): string {
  const length = opts.length ?? 4;
  if (!Number.isInteger(length) || length < 1 || length > 64) {
    throw new SdirError(
      'SDIR_INVALID_OPTION',
      `genId(): length must be an integer from 1 to 64, got ${String(length)}`,
    );
  }
  const now = opts.now ?? new Date();
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new SdirError('SDIR_INVALID_OPTION', `genId(): now must be a valid Date`);
  }
  const stamp =
    `${pad(now.getFullYear(), 4)}Y-${pad(now.getMonth() + 1)}M-${pad(now.getDate())}D-` +
    `${pad(now.getHours())}h${pad(now.getMinutes())}m${pad(now.getSeconds())}s`;
  const n = ID_TAIL_ALPHABET.length;
  const limit = 256 - (256 % n);
  let tail = '';
  while (tail.length < length) {
    for (const byte of secureRandomBytes(2 * (length - tail.length))) {
      if (byte < limit && tail.length < length) tail += ID_TAIL_ALPHABET[byte % n];
    }
  }
  return `${opts.debug ? 'DEBUG_' : ''}${stamp}_${tail}`;
}
