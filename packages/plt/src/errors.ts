/**
 * The one error class of @scitex/plt. Every failure carries a stable string `code`
 * (listed in the README with what to do about it) and, where there was one, the `cause`.
 */

export type PltErrorCode =
  | 'PLT_BAD_DATA'
  | 'PLT_UNSUPPORTED_FORMAT'
  | 'PLT_RENDER_FAILED'
  | 'PLT_INVALID_OPTION'
  | 'PLT_FIGURE_CLOSED'
  | 'PLT_IO_FAILED';

/** An error from @scitex/plt: `code` says what went wrong, `cause` holds the underlying error. */
export class PltError extends Error {
  override readonly name = 'PltError' as const;
  readonly code: PltErrorCode;

  constructor(code: PltErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
