/**
 * The text a session prints: the header at start and the closing message at close.
 * Both go to stdout, so they are in logs/stdout.log too (without the colour codes).
 */
import { isSecretKey, REDACTED } from '@scitex/config';
import { VERSION } from './version.js';

const RULE = '='.repeat(40);

function colour(text: string, stream: { isTTY?: boolean }): string {
  // Blue like the original, only on a terminal; the log is clean either way.
  return stream.isTTY && !process.env['NO_COLOR'] ? `\x1b[94m${text}\x1b[0m` : text;
}

/**
 * `Arguments:` block: one `    name: value` line per argument, sorted by name. With
 * `redact`, secret-looking arguments (`--api-key`) show as "***", as in the snapshots:
 * the banner lands in logs/stdout.log.
 */
export function formatArgs(args: Record<string, unknown> | undefined, redact = true): string {
  const keys = Object.keys(args ?? {}).sort();
  if (!args || keys.length === 0) return 'Arguments: none';
  const width = Math.max(...keys.map((k) => k.length));
  return [
    'Arguments:',
    ...keys.map(
      (k) =>
        `    ${k.padEnd(width)} : ${redact && isSecretKey(k) ? REDACTED : formatValue(args[k])}`,
    ),
  ].join('\n');
}

function formatValue(v: unknown): string {
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

export interface HeaderInfo {
  id: string;
  pid: number;
  file: string;
  sdir: string;
  args: Record<string, unknown> | undefined;
  seed: number;
  /** The config folder read, or null when none was found. */
  configDir: string | null;
  /** How many namespaces it gave. */
  configFiles: number;
  /** Show secret-looking arguments as "***". */
  redact: boolean;
}

/** The start banner. */
export function header(info: HeaderInfo, stream: { isTTY?: boolean }): string {
  const body = [
    `SciTeX v${VERSION} | ${info.id} (PID: ${info.pid})`,
    '',
    info.file,
    '',
    `Session: ${info.sdir}`,
    `Seed: ${info.seed}`,
    info.configDir === null
      ? 'Config: none (no ./config here or next to the script)'
      : `Config: ${info.configDir} (${info.configFiles} file${info.configFiles === 1 ? '' : 's'})`,
    '',
    formatArgs(info.args, info.redact),
  ].join('\n');
  return colour(`\n${RULE}\n${body}\n${RULE}\n`, stream) + '\n';
}

export interface ClosingInfo {
  message: string;
  id: string;
  status: string;
  exitStatus: number | null;
  runTime: string;
  dest: string;
  args: Record<string, unknown> | undefined;
  signal?: string;
  error?: { name: string; message: string };
  /** Show secret-looking arguments as "***". */
  redact: boolean;
}

/** The closing message: the user's message, the arguments, and where the session went. */
export function closing(info: ClosingInfo): string {
  const lines = [info.message];
  if (info.args && Object.keys(info.args).length) lines.push(formatArgs(info.args, info.redact));
  const why = info.signal
    ? ` (signal ${info.signal})`
    : info.error
      ? ` (${info.error.name}: ${info.error.message})`
      : '';
  lines.push(
    `Session ${info.id} ${info.status}${why}, exit status ${info.exitStatus ?? 'unknown'}, run time ${info.runTime}`,
    `  → ${info.dest}`,
  );
  return `\n${lines.join('\n')}\n`;
}
