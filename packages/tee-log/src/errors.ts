/**
 * The one error class of @scitex/tee-log. Every failure carries a stable string `code`
 * (listed in the README with what to do about it) and, where there was one, the `cause`.
 */

/**
 * - `TEE_OPEN_FAILED`: a log file (or its directory) cannot be created or opened.
 * - `TEE_ALREADY_ACTIVE`: the stream is already being tee'd.
 * - `TEE_INVALID_OPTION`: an option has the wrong type or value.
 */
export type TeeErrorCode = 'TEE_OPEN_FAILED' | 'TEE_ALREADY_ACTIVE' | 'TEE_INVALID_OPTION';

/** Thrown by tee() and pipeChild(); nothing is patched when it is thrown. */
export class TeeError extends Error {
  override readonly name = 'TeeError' as const;
  /** What went wrong, stable across versions. */
  readonly code: TeeErrorCode;

  /**
   * @param code what went wrong
   * @param message what went wrong and what to do
   * @param options `cause`: the underlying error
   */
  constructor(code: TeeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
