/**
 * The `logger` run() hands to main: levelled lines on stderr (so they land in
 * logs/stderr.log), coloured only on a terminal.
 */
import { format } from 'node:util';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'success';

export interface Logger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  success(...args: unknown[]): void;
}

const LABEL: Record<LogLevel, [string, string]> = {
  debug: ['DEBU', '\x1b[90m'],
  info: ['INFO', '\x1b[90m'],
  warn: ['WARN', '\x1b[33m'],
  error: ['ERRO', '\x1b[31m'],
  success: ['SUCC', '\x1b[32m'],
};

const ORDER: LogLevel[] = ['debug', 'info', 'success', 'warn', 'error'];

/** A logger writing `LEVEL: message` lines to `stream`; levels below SCITEX_LOG_LEVEL (default info) are dropped. */
export function createLogger(
  stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
): Logger {
  const min = ORDER.indexOf((process.env['SCITEX_LOG_LEVEL']?.toLowerCase() as LogLevel) ?? 'info');
  const at =
    (level: LogLevel) =>
    (...args: unknown[]): void => {
      if (ORDER.indexOf(level) < (min < 0 ? 1 : min)) return;
      const [label, colour] = LABEL[level];
      const text = format(...args)
        .split('\n')
        .map((line) => `${label}: ${line}`)
        .join('\n');
      stream.write(
        stream.isTTY && !process.env['NO_COLOR'] ? `${colour}${text}\x1b[0m\n` : `${text}\n`,
      );
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    success: at('success'),
  };
}
