/**
 * The one error class of @scitex/rng. Every failure carries a stable string `code`
 * (listed in the README with what to do about it) and, where there was one, the `cause`.
 */
export type RngErrorCode =
  /** A seed that is not an integer in [0, 2^32). */
  | 'RNG_INVALID_SEED'
  /** An algorithm name seedrandom does not provide here. */
  | 'RNG_UNKNOWN_ALGORITHM'
  /** A bad argument to a sampling method, `get`, `verify`, `setState`, … */
  | 'RNG_INVALID_ARGUMENT'
  /** `verify` found a hash different from the one recorded on the first call. */
  | 'RNG_VERIFY_MISMATCH'
  /** A verify-cache entry exists but cannot be understood. */
  | 'RNG_BAD_CACHE_ENTRY'
  /** A checkpoint file that is corrupt, foreign or inconsistent. */
  | 'RNG_BAD_CHECKPOINT'
  /** Reading or writing a file (checkpoint, verify cache) failed. */
  | 'RNG_IO_FAILED';

/** The error class thrown by every @scitex/rng function. */
export class RngError extends Error {
  override readonly name = 'RngError' as const;
  /** Stable machine-readable code; see {@link RngErrorCode}. */
  readonly code: RngErrorCode;

  constructor(code: RngErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
