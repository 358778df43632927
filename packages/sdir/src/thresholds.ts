/**
 * The timing rules of leases in one place: how often an owner refreshes its heartbeat
 * and how long other machines wait before calling a silent owner dead.
 */
import { SdirError } from './errors.js';

/** Default timings (milliseconds). */
export const LEASE_DEFAULTS: {
  readonly heartbeatMs: number;
  readonly staleAfterMs: number;
  readonly noLeaseGraceMs: number;
} = Object.freeze({
  /** The owner rewrites its lease this often (an unref'd timer). */
  heartbeatMs: 10_000,
  /** A lease from another host (or PID namespace) is dead once its heartbeat is this old. */
  staleAfterMs: 15 * 60_000,
  /** A RUNNING session with no lease file at all is left alone until idle this long. */
  noLeaseGraceMs: 24 * 60 * 60_000,
});

/** Environment variable: default stale threshold (ms) for leases this process writes. */
export const STALE_ENV = 'SCITEX_SDIR_STALE_MS';

/** A positive duration option, or the fallback when it is undefined. */
export function durationOption(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0) || Number.isNaN(value)) {
    throw new SdirError(
      'SDIR_INVALID_OPTION',
      `${name} must be a number of milliseconds ≥ 0, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** The stale threshold from `SCITEX_SDIR_STALE_MS`, if set to a positive number. */
export function envStaleAfterMs(): number | undefined {
  const raw = process.env[STALE_ENV];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!(n > 0) || !Number.isFinite(n)) {
    throw new SdirError(
      'SDIR_INVALID_OPTION',
      `${STALE_ENV} must be a positive number of milliseconds, got ${JSON.stringify(raw)}`,
    );
  }
  return n;
}
