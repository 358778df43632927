/**
 * The request `scitex-session rerun` hands to the script it starts again, in the
 * environment variable SCITEX_RERUN (JSON): which session is repeated, where its snapshot
 * is, the seed, the output root and whether the code check was overridden. start() reads
 * it with readRerunRequest() and takes the config namespaces from the snapshot instead of
 * today's ./config.
 */
import { loadSavedConfig } from '@scitex/config';
import { SessionError } from './errors.js';

/** Name of the environment variable. */
export const RERUN_ENV = 'SCITEX_RERUN';

/** What `scitex-session rerun` puts in SCITEX_RERUN. */
export interface RerunPayload {
  /** ID of the session repeated. */
  of: string;
  /** Its directory. */
  dir: string;
  /** The code check was overridden with --force. */
  force: boolean;
  /** The recorded master seed (null when none was recorded). */
  seed: number | null;
  /** Path of the recorded CONFIGS/CONFIG.json. */
  configSnapshot: string;
  /** Output root for the new session (the original's). */
  outRoot: string;
}

/** What start() needs to repeat a run. */
export interface RerunRequest {
  /** ID of the session repeated: the new CONFIG's `RERUN_OF`. */
  of: string;
  /** Directory of the session repeated. */
  dir: string;
  /** The recorded seed, to use instead of the script's (undefined: none recorded). */
  seed: number | undefined;
  /** The recorded config namespaces (`{ PARAMS: {…}, PATH: {…} }`), as loadSavedConfig revives them. */
  config: Record<string, unknown>;
  /** For `CONFIG_FILES`: each namespace → the snapshot it was taken from. */
  sources: Record<string, string>;
  /** The recorded `DEBUG`. */
  debug: boolean;
  /** The recorded `CONFIG_DIR`: where the namespaces were first read from. */
  configDir: string | null;
  /** Dotted paths of values saved redacted (`"***"`): the rerun sees `"***"` there. */
  redacted: string[];
  /** Output root for the new session (the original's): use it as the sdir. */
  outRoot: string;
  /** `--force`: the new CONFIG's `RERUN_FORCED`. */
  force: boolean;
}

function bad(why: string, cause?: unknown): SessionError {
  return new SessionError(
    'SESSION_INVALID_OPTION',
    `${RERUN_ENV}: ${why}. It is set by scitex-session rerun; unset it to run the script normally.`,
    { cause },
  );
}

/** The payload in `text` (the variable's value), checked field by field. */
export function parseRerunPayload(text: string): RerunPayload {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (cause) {
    throw bad('not valid JSON', cause);
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw bad('not a JSON object');
  const o = v as Record<string, unknown>;
  for (const k of ['of', 'dir', 'configSnapshot', 'outRoot'] as const) {
    if (typeof o[k] !== 'string' || o[k] === '') throw bad(`"${k}" must be a non-empty string`);
  }
  if (typeof o['force'] !== 'boolean') throw bad('"force" must be true or false');
  const seed = o['seed'] ?? null;
  if (seed !== null && (typeof seed !== 'number' || !Number.isFinite(seed)))
    throw bad('"seed" must be a number or null');
  return {
    of: o['of'] as string,
    dir: o['dir'] as string,
    force: o['force'] as boolean,
    seed: seed as number | null,
    configSnapshot: o['configSnapshot'] as string,
    outRoot: o['outRoot'] as string,
  };
}

function redactedPaths(v: unknown, path: string, out: string[]): void {
  if (v === '***') out.push(path);
  else if (v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
    for (const [k, x] of Object.entries(v)) redactedPaths(x, path ? `${path}.${k}` : k, out);
  }
}

/**
 * The rerun request in `env` (default `process.env`), or null when there is none. The
 * variable is removed from `env` once read, so processes the script starts are not
 * taken for reruns too. Throws `SESSION_INVALID_OPTION` when the value is malformed or the
 * snapshot cannot be read (the ConfigError is the `cause`).
 */
export function readRerunRequest(env: NodeJS.ProcessEnv = process.env): RerunRequest | null {
  const text = env[RERUN_ENV];
  if (text === undefined || text === '') return null;
  delete env[RERUN_ENV];
  const p = parseRerunPayload(text);
  let snapshot: Record<string, unknown>;
  try {
    snapshot = loadSavedConfig(p.configSnapshot);
  } catch (cause) {
    throw bad(`cannot read the recorded snapshot: ${(cause as Error).message}`, cause);
  }
  const files = snapshot['CONFIG_FILES'];
  const namespaces =
    files !== null && typeof files === 'object' && !Array.isArray(files) ? Object.keys(files) : [];
  const config: Record<string, unknown> = {};
  const sources: Record<string, string> = {};
  for (const ns of namespaces) {
    if (ns === '__proto__' || !Object.hasOwn(snapshot, ns)) continue;
    config[ns] = snapshot[ns];
    sources[ns] = p.configSnapshot;
  }
  const redacted: string[] = [];
  redactedPaths(config, '', redacted);
  return {
    of: p.of,
    dir: p.dir,
    seed: p.seed ?? undefined,
    config,
    sources,
    debug: snapshot['DEBUG'] === true,
    configDir: typeof snapshot['CONFIG_DIR'] === 'string' ? snapshot['CONFIG_DIR'] : null,
    redacted,
    outRoot: p.outRoot,
    force: p.force,
  };
}
