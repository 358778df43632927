/**
 * The one error class of @scitex/rng. Every failure carries a stable string `code`
 * (listed in the README with what to do about it) and, where there was one, the `cause`.
 */
export type RngErrorCode =
  | 'RNG_INVALID_SEED'
  | 'RNG_INVALID_ARGUMENT'
  | 'RNG_VERIFY_MISMATCH'
  | 'RNG_BAD_CHECKPOINT'
  | 'RNG_IO_FAILED';

export class RngError extends Error {
  override readonly name = 'RngError' as const;
  readonly code: RngErrorCode;

  constructor(code: RngErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
