/**
 * Command-line options for run() from a typed schema, parsed with commander (help text,
 * choices, required options, short flags). Bad input exits with status 2 and a usage
 * message before any session directory exists; --help prints and exits 0.
 */
import { basename } from 'node:path';
import type * as CommanderModule from 'commander';
import { SessionError } from './errors.js';
import { requireLazily } from './requireLazily.js';

/** One option of the schema. */
export interface ArgSpec {
  type: 'number' | 'string' | 'boolean';
  default?: number | string | boolean;
  /** One-letter short flag, e.g. 'l' for -l. */
  short?: string;
  description?: string;
  /** Must be given on the command line (an option with a default is never required). */
  required?: boolean;
  /** Allowed values. */
  choices?: readonly (string | number)[];
}

export type ArgsSchema = Record<string, ArgSpec>;

// commander is loaded on first use (about 10 ms), not when the package is imported: most
// scripts call start()/close() and never parse arguments through us.
let commander: typeof CommanderModule | undefined;
function loadCommander(): typeof CommanderModule {
  commander ??= requireLazily('commander') as typeof CommanderModule;
  return commander;
}

type ArgValue<S extends ArgSpec> = S['choices'] extends readonly (infer C)[]
  ? C
  : S['type'] extends 'number'
    ? number
    : S['type'] extends 'boolean'
      ? boolean
      : string;

/** The parsed values, typed from the schema. */
export type ParsedArgs<S extends ArgsSchema> = { -readonly [K in keyof S]: ArgValue<S[K]> };

const kebab = (s: string): string =>
  s
    .replace(/_/g, '-')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();

function checkSchema(schema: ArgsSchema): void {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw new SessionError(
      'SESSION_INVALID_OPTION',
      'run(): args must be an object of option specs, e.g. { lr: { type: "number" } }',
    );
  }
  const shorts = new Set<string>(['h']);
  for (const [key, spec] of Object.entries(schema)) {
    if (!spec || !['number', 'string', 'boolean'].includes(spec.type)) {
      throw new SessionError(
        'SESSION_INVALID_OPTION',
        `run(): args.${key}.type must be 'number', 'string' or 'boolean'`,
      );
    }
    if (spec.short !== undefined) {
      if (!/^[A-Za-z0-9]$/.test(spec.short)) {
        throw new SessionError(
          'SESSION_INVALID_OPTION',
          `run(): args.${key}.short must be one letter or digit, got ${JSON.stringify(spec.short)}`,
        );
      }
      if (shorts.has(spec.short)) {
        throw new SessionError(
          'SESSION_INVALID_OPTION',
          `run(): short flag -${spec.short} of args.${key} is already taken${spec.short === 'h' ? ' by --help' : ''}`,
        );
      }
      shorts.add(spec.short);
    }
  }
}

export interface ParseOptions {
  description?: string;
  /** Program name in the usage line. Default: the script's file name. */
  name?: string;
  /** Where help and errors go (tests pass their own). */
  stdout?: (s: string) => void;
  stderr?: (s: string) => void;
}

export type ParseOutcome<S extends ArgsSchema> =
  | {
      kind: 'ok';
      args: ParsedArgs<S>;
      /** `--set KEY=VALUE` items, in order (CONFIG overrides; see start()'s `set`). */
      set: string[];
    }
  | { kind: 'exit'; code: 0 | 2 };

/** Parses `argv` (without node and script) against `schema`. Never calls process.exit itself. */
export function parseArgs<S extends ArgsSchema>(
  schema: S,
  argv: string[],
  opts: ParseOptions = {},
): ParseOutcome<S> {
  checkSchema(schema);
  const { Command, CommanderError, InvalidArgumentError, Option } = loadCommander();
  const out = opts.stdout ?? ((s: string) => process.stdout.write(s));
  const err = opts.stderr ?? ((s: string) => process.stderr.write(s));
  const program = new Command(opts.name ?? basename(process.argv[1] ?? 'script'))
    .description(opts.description ?? '')
    .exitOverride()
    .allowExcessArguments(false)
    .configureOutput({ writeOut: out, writeErr: err, outputError: (s, write) => write(s) })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      '\nEach run is a session: outputs go to <script>_out/RUNNING/<ID>/ and move to\nFINISHED_SUCCESS/, FINISHED_ERROR/ or FINISHED/ when it ends.',
    );
  const keyOf = new Map<string, string>();
  for (const [key, spec] of Object.entries(schema)) {
    const flag = kebab(key);
    const short = spec.short ? `-${spec.short}, ` : '';
    const desc = spec.description ?? '';
    let opt: CommanderModule.Option;
    if (spec.type === 'boolean') {
      opt = new Option(`${short}--${flag}`, desc);
      if (spec.default !== undefined) opt.default(spec.default);
      program.addOption(opt);
      if (spec.default === true)
        program.addOption(new Option(`--no-${flag}`, `turn off --${flag}`));
    } else {
      opt = new Option(`${short}--${flag} <${spec.type === 'number' ? 'number' : 'value'}>`, desc);
      if (spec.choices) opt.choices(spec.choices.map(String));
      if (spec.type === 'number') {
        opt.argParser((v: string) => {
          const n = Number(v);
          if (v.trim() === '' || !Number.isFinite(n))
            throw new InvalidArgumentError(`${JSON.stringify(v)} is not a number.`);
          return n;
        });
      }
      if (spec.default !== undefined) opt.default(spec.default);
      else if (spec.required) opt.makeOptionMandatory();
      program.addOption(opt);
    }
    keyOf.set(opt.attributeName(), key);
  }
  if (!keyOf.has('set')) {
    program.addOption(
      new Option(
        '--set <KEY=VALUE>',
        'override a CONFIG key, e.g. --set PARAMS.lr=0.01 or --set ARGS.epochs=3 (repeatable; +KEY=VALUE adds a key)',
      ).argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]),
    );
  }
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      return { kind: 'exit', code: e.exitCode === 0 ? 0 : 2 };
    }
    throw e;
  }
  const raw = program.opts();
  const args: Record<string, unknown> = {};
  for (const [attr, key] of keyOf) {
    let v = raw[attr];
    const spec = schema[key]!;
    // Choices arrive as strings; give numeric choices back as numbers.
    if (v !== undefined && spec.choices && typeof v === 'string') {
      const match = spec.choices.find((c) => String(c) === v);
      if (match !== undefined) v = match;
    }
    if (v !== undefined) args[key] = v;
    else if (spec.type === 'boolean') args[key] = false;
  }
  const set = keyOf.has('set') ? [] : ((raw['set'] as string[] | undefined) ?? []);
  return { kind: 'ok', args: args as ParsedArgs<S>, set };
}
