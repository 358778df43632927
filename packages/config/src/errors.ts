/**
 * The one error class of @scitex/config. Every failure carries a stable string `code`
 * (listed in the README with what to do about it) and, where there was one, the `cause`.
 */
export type ConfigErrorCode =
  | 'CONFIG_PARSE_FAILED'
  | 'CONFIG_DUPLICATE_KEY'
  | 'CONFIG_DIR_NOT_A_DIRECTORY'
  | 'CONFIG_READ_FAILED'
  | 'CONFIG_WRITE_FAILED'
  | 'CONFIG_BAD_SNAPSHOT';

export class ConfigError extends Error {
  override readonly name = 'ConfigError' as const;
  readonly code: ConfigErrorCode;

  constructor(code: ConfigErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
