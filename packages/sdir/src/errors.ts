/**
 * The one error class of @scitex/sdir. Every failure carries a stable string `code`
 * (listed in the README with what to do about it) and, where there was one, the `cause`.
 */
export type SdirErrorCode =
  /** The directory suffix is empty or contains `/`, `\`, `..`, NUL or another control character. */
  | 'SDIR_INVALID_SUFFIX'
  /** The output root, `RUNNING/` or the session directory could not be created (path and cause named). */
  | 'SDIR_CREATE_FAILED'
  /** A symlink (or other non-directory) sits where sdir must create or use a real directory. */
  | 'SDIR_UNSAFE_PATH'
  /** The destination of a move already exists; nothing was overwritten. */
  | 'SDIR_DEST_EXISTS'
  /** The path is not a session directory inside `<root>/RUNNING/`. */
  | 'SDIR_NOT_A_SESSION'
  /** The move failed for another reason (cause attached); the session stays where it was. */
  | 'SDIR_MOVE_FAILED'
  /** An option has the wrong type or value. */
  | 'SDIR_INVALID_OPTION'
  /** The session directory was deleted (or replaced by another directory) while the run was open. */
  | 'SDIR_DIR_GONE';

/** Error thrown by every @scitex/sdir function; `code` says what went wrong. */
export class SdirError extends Error {
  override readonly name = 'SdirError' as const;
  readonly code: SdirErrorCode;

  constructor(code: SdirErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** The `code` of a Node system error (`ENOENT`, `EEXIST`, …), or undefined. */
export function errnoCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
