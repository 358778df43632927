/**
 * The one error class of @scitex/session. Every failure carries a stable string `code`
 * (listed in the README with what to do about it) and, where there was one, the `cause`.
 */
export type SessionErrorCode =
  | 'SESSION_ALREADY_ACTIVE'
  | 'SESSION_INVALID_OPTION'
  | 'SESSION_NOT_ACTIVE'
  | 'SESSION_CLOSE_FAILED';

export class SessionError extends Error {
  override readonly name = 'SessionError' as const;
  readonly code: SessionErrorCode;

  constructor(code: SessionErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
