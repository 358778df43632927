/**
 * The one error class of @scitex/tee-log. Every failure carries a stable string `code`
 * (listed in the README with what to do about it) and, where there was one, the `cause`.
 */
export type TeeErrorCode = 'TEE_OPEN_FAILED' | 'TEE_ALREADY_ACTIVE' | 'TEE_INVALID_OPTION';

export class TeeError extends Error {
  override readonly name = 'TeeError' as const;
  readonly code: TeeErrorCode;

  constructor(code: TeeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
