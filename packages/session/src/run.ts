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
import { startSession } from './start.js';

/** After `--set ARGS.x=…`, each argument must still fit its spec; a usage message if not. */
function checkArgTypes(schema: ArgsSchema, args: Record<string, unknown>): string | null {
  for (const [key, spec] of Object.entries(schema)) {
    const v = args[key];
    if (v === undefined) {
      if (spec.required && spec.default === undefined) return `--${key} is required`;
      continue;
    }
    const type = spec.type ?? 'string';
    if (type === 'string' && typeof v !== 'string') args[key] = String(v);
    else if (type !== 'string' && typeof v !== type)
      return `ARGS.${key} must be a ${type}, got ${JSON.stringify(v)}`;
    if (spec.choices && !spec.choices.some((c) => String(c) === String(args[key])))
      return `ARGS.${key} must be one of ${spec.choices.join(', ')}, got ${JSON.stringify(v)}`;
  }
  return null;
}

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
  const declared = Object.fromEntries(Object.keys(schema ?? {}).map((k) => [k, undefined]));
  const session = startSession(
    { ...startOptions, args: { ...declared, ...parsed.args }, set: parsed.set },
    { checkArgs: (args) => checkArgTypes((schema ?? {}) as ArgsSchema, args) },
  );
  const { CONFIG, plt, CC, rng } = session;
  const logger = createLogger();
  const name = main.name || 'main';
  let status: number;
  try {
    // The arguments as overridden (--set ARGS.x=…), as CONFIG.ARGS records them.
    const args = CONFIG.ARGS as ParsedArgs<S>;
    const ret = await main({ CONFIG, args, plt, CC, rng, logger, session });
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
