/**
 * The one error class of @scitex/session. Every failure carries a stable string `code`
 * (listed in the README with what to do about it) and, where there was one, the `cause`.
 */
export type SessionErrorCode =
  | 'SESSION_ALREADY_ACTIVE'
  | 'SESSION_INVALID_OPTION'
  | 'SESSION_NOT_ACTIVE'
  | 'SESSION_CLOSE_FAILED'
  /** The session directory was deleted (or replaced) during the run; nothing was re-created. */
  | 'SESSION_DIR_GONE'
  /** A folder on the session's path became a symlink; nothing was written through it. */
  | 'SESSION_UNSAFE_PATH'
  /** start() in a current directory that no longer exists. */
  | 'SESSION_NO_CWD'
  /** A config file is named like a key the session sets (config/ARGS.yaml). */
  | 'SESSION_CONFIG_CONFLICT';

export class SessionError extends Error {
  override readonly name = 'SessionError' as const;
  readonly code: SessionErrorCode;

  constructor(code: SessionErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
