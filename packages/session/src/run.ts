/**
 * run(): the @session decorator of the original — parse the command line, start a
 * session, call main, and close the session with main's exit status (or 1 if it threw).
 */
import type { Palette, Plt } from '@scitex/plt';
import type { RandomStateManager } from '@scitex/rng';
import { parseArgs, type ArgsSchema, type ParsedArgs } from './cliArgs.js';
import type { CloseOptions } from './close.js';
import { createLogger, type Logger } from './logger.js';
import type { StartOptions } from './options.js';
import type { SessionConfig } from './sessionConfig.js';
import type { Session } from './session.js';
import { start } from './start.js';

/** What main receives. */
export interface RunContext<S extends ArgsSchema> {
  CONFIG: SessionConfig;
  args: ParsedArgs<S>;
  plt: Plt;
  CC: Palette;
  rng: RandomStateManager;
  logger: Logger;
  session: Session;
}

/** Options of run(): the command-line schema, the usual start() options, and close()'s message/notify. */
export interface RunOptions<S extends ArgsSchema> extends Omit<StartOptions, 'args'> {
  /** Shown by --help. */
  description?: string;
  /** Command-line options, e.g. `{ lr: { type: 'number', default: 0.01, short: 'l' } }`. */
  args?: S;
  /** Arguments to parse. Default `process.argv.slice(2)`. */
  argv?: string[];
  /** Closing message. Default `<main's name> completed`. */
  message?: string;
  notify?: CloseOptions['notify'];
}

/**
 * Runs `main` inside a session. `--help` prints the description and options and exits 0;
 * a bad or missing required argument exits 2 with a usage message before any directory
 * is created. main's returned number is the exit status (anything else counts as 0); a
 * throw files the session under FINISHED_ERROR with the stack in logs/stderr.log and
 * sets `process.exitCode = 1`. Resolves to the exit status.
 */
export async function run<S extends ArgsSchema = Record<never, never>>(
  main: (ctx: RunContext<S>) => unknown,
  options: RunOptions<S> = {},
): Promise<number> {
  const { description, args: schema, argv, message, notify, ...startOptions } = options;
  const parsed = parseArgs((schema ?? {}) as S, argv ?? process.argv.slice(2), { description });
  if (parsed.kind === 'exit') {
    process.exit(parsed.code);
  }
  const session = start({ ...startOptions, args: parsed.args });
  const { CONFIG, plt, CC, rng } = session;
  const logger = createLogger();
  const name = main.name || 'main';
  let status: number;
  try {
    const ret = await main({ CONFIG, args: parsed.args, plt, CC, rng, logger, session });
    status = typeof ret === 'number' && Number.isInteger(ret) ? ret : 0;
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    // Into the log: the session's tee is still open.
    process.stderr.write(`Error in ${name}: ${e.stack ?? e.message}\n`);
    session.close({ exitStatus: 1, message: `${name} failed`, notify: notify ?? false, error: e });
    process.exitCode = 1;
    return 1;
  }
  session.close({
    exitStatus: status,
    message: message ?? `${name} completed`,
    notify: notify ?? false,
  });
  if (status !== 0) process.exitCode = status;
  return status;
}
