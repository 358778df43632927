/**
 * The one error class of @scitex/sdir. Every failure carries a stable string `code`
 * (listed in the README with what to do about it) and, where there was one, the `cause`.
 */
export type SdirErrorCode =
  | 'SDIR_INVALID_SUFFIX'
  | 'SDIR_CREATE_FAILED'
  | 'SDIR_DEST_EXISTS'
  | 'SDIR_NOT_A_SESSION'
  | 'SDIR_MOVE_FAILED'
  | 'SDIR_INVALID_OPTION';

export class SdirError extends Error {
  override readonly name = 'SdirError' as const;
  readonly code: SdirErrorCode;

  constructor(code: SdirErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
