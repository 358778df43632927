/**
 * The one error class of @scitex/config. Every failure carries a stable string `code`
 * (listed in the README with what to do about it) and, where there was one, the `cause`.
 * Errors about a place in a file also carry `file`, `line`, `column` (1-based) and
 * `snippet` (the offending line), and name them in the message.
 */
export type ConfigErrorCode =
  | 'CONFIG_PARSE_FAILED'
  | 'CONFIG_DUPLICATE_KEY'
  | 'CONFIG_FORBIDDEN_KEY'
  | 'CONFIG_NOT_A_MAPPING'
  | 'CONFIG_DUPLICATE_NAMESPACE'
  | 'CONFIG_BAD_DEBUG_FLAG'
  | 'CONFIG_DIR_NOT_A_DIRECTORY'
  | 'CONFIG_READ_FAILED'
  | 'CONFIG_WRITE_FAILED'
  | 'CONFIG_RESERVED_KEY'
  | 'CONFIG_BAD_SNAPSHOT'
  | 'CONFIG_INVALID_ARGUMENT'
  | 'CONFIG_UNKNOWN_OVERRIDE'
  | 'CONFIG_BAD_OVERRIDE'
  | 'CONFIG_TOO_LARGE'
  | 'CONFIG_BROKEN_LINK';

/** Where in a file an error was found (all optional: not every error has a place). */
export interface ConfigErrorLocation {
  /** Absolute path of the file. */
  file?: string;
  /** 1-based line number. */
  line?: number;
  /** 1-based column number (in characters). */
  column?: number;
  /** The text of the offending line, without its line break. */
  snippet?: string;
}

/** Options of the {@link ConfigError} constructor. */
export interface ConfigErrorOptions extends ConfigErrorLocation {
  cause?: unknown;
}

/** The error every @scitex/config function throws; see `code` for what went wrong. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError' as const;
  readonly code: ConfigErrorCode;
  /** Absolute path of the file the error is about, when there is one. */
  declare readonly file?: string;
  /** 1-based line of the problem in `file`, when known. */
  declare readonly line?: number;
  /** 1-based column of the problem in `file`, when known. */
  declare readonly column?: number;
  /** The offending line of `file`, when known. */
  declare readonly snippet?: string;

  constructor(code: ConfigErrorCode, message: string, options?: ConfigErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options?.file !== undefined) this.file = options.file;
    if (options?.line !== undefined) this.line = options.line;
    if (options?.column !== undefined) this.column = options.column;
    if (options?.snippet !== undefined) this.snippet = options.snippet;
  }
}
