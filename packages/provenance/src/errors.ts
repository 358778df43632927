/**
 * The one error class of @scitex/provenance. Every failure carries a stable string `code`
 * (listed in the README with what to do about it) and, where there was one, the `cause`.
 */
export type ProvenanceErrorCode =
  /** An option has the wrong type or value. */
  | 'PROVENANCE_INVALID_OPTION'
  /** The script whose provenance is asked for does not exist (or is not a file). */
  | 'PROVENANCE_SCRIPT_NOT_FOUND'
  /** A path given as a session directory is not one (no `CONFIGS/CONFIG.json`). */
  | 'PROVENANCE_NOT_A_SESSION'
  /** A session's `CONFIGS/CONFIG.json` is not readable JSON. */
  | 'PROVENANCE_BAD_SNAPSHOT'
  /** No session matches the ID given. */
  | 'PROVENANCE_SESSION_NOT_FOUND'
  /** More than one session matches the ID given; the message lists them. */
  | 'PROVENANCE_SESSION_AMBIGUOUS'
  /** `CONFIGS/git.diff` or `CONFIGS/source/` could not be written (cause attached). */
  | 'PROVENANCE_WRITE_FAILED';

/** Error thrown by every @scitex/provenance function; `code` says what went wrong. */
export class ProvenanceError extends Error {
  override readonly name = 'ProvenanceError' as const;
  readonly code: ProvenanceErrorCode;

  constructor(code: ProvenanceErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
