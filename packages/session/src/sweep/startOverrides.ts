/**
 * The overrides a session starts with: `SCITEX_SET` (how a sweep passes them; any script)
 * then `--set KEY=VALUE` (run() scripts; the command line wins), applied to one tree of what
 * a key may address — the config namespaces (`PARAMS.lr`), the run() arguments (`ARGS.lr`) and
 * the master seed (`SEED`, also spelt `seed`). For start()/run() to call before the session
 * directory exists: an unknown key throws ConfigError `CONFIG_UNKNOWN_OVERRIDE`.
 */
import {
  applyOverrides,
  parseOverrideEnv,
  parseOverrides,
  OVERRIDE_ENV,
  type AppliedOverride,
} from '@scitex/config';

/** What {@link applyStartOverrides} works on. */
export interface StartOverridesInput {
  /** The loaded config namespaces (`loadConfigs().config`). */
  config: Record<string, unknown>;
  /** The run() arguments (every declared option present, undefined when not given). */
  args: Record<string, unknown>;
  /** The master seed. */
  seed: number;
  /** `--set` items from the command line. */
  set?: readonly string[];
  /** Where SCITEX_SET is read. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/** The inputs with the overrides applied, and the record for `CONFIG.OVERRIDES`. */
export interface StartOverridesResult {
  config: Record<string, unknown>;
  args: Record<string, unknown>;
  seed: number;
  /** One record per overridden key (empty when there were none). */
  overrides: AppliedOverride[];
}

/** Applies SCITEX_SET and `--set` (in that order); returns the inputs untouched when there are none. */
export function applyStartOverrides(input: StartOverridesInput): StartOverridesResult {
  const env = input.env ?? process.env;
  const list = [
    ...parseOverrideEnv(env[OVERRIDE_ENV]),
    ...parseOverrides(input.set ?? [], '--set'),
  ];
  if (list.length === 0) {
    return { config: input.config, args: input.args, seed: input.seed, overrides: [] };
  }
  const tree: Record<string, unknown> = { ...input.config, ARGS: input.args, SEED: input.seed };
  const { config, applied } = applyOverrides(tree, list, { aliases: { seed: 'SEED' } });
  const { ARGS, SEED, ...namespaces } = config;
  return {
    config: namespaces,
    args: ARGS as Record<string, unknown>,
    seed: SEED as number,
    overrides: applied,
  };
}
