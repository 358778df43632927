/**
 * CONFIG snapshots: `CONFIG.yaml` for people, `CONFIG.json` for programs (a lossless
 * round trip through {@link loadSavedConfig}). Each file is replaced atomically.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Schema } from 'js-yaml';
import { displayPath } from './displayPath.js';
import { jsYaml } from './jsYaml.js';
import { dumpPlainYaml } from './plainYaml.js';
import { ConfigError } from './errors.js';
import { describeError, oneLine } from './snapshotLimits.js';
import { snapshotTree, YamlTimestamp, type SnapshotTag } from './snapshotTree.js';
import { removeStaleTempFiles, writeFileAtomic } from './atomicWrite.js';
import { checkPath } from './checkArgs.js';

/** Options of {@link saveConfig} and {@link serializeConfig}. */
export interface SaveConfigOptions {
  /** Write values of secret-looking keys (see `isSecretKey`) as `"***"`. Default true. */
  redact?: boolean;
  /** Flush each file to disk before it replaces the old one. Default true. */
  fsync?: boolean;
}

/** Absolute paths of the two files {@link saveConfig} wrote, and what was not saved as it is. */
export interface SavedConfigPaths {
  yaml: string;
  json: string;
  /**
   * JSON Pointer → why the value there was saved as a summary or a marker (too large,
   * unreadable, too deep, past the size limit); empty when everything was saved as it is.
   * The same as `$scitex.notes` in CONFIG.json (the first 100).
   */
  notes: Record<string, string>;
}

/** The text of the two snapshot files, and the notes (see {@link SavedConfigPaths.notes}). */
export interface SerializedConfig {
  yamlText: string;
  jsonText: string;
  notes: Record<string, string>;
}

/** The top-level key of CONFIG.json that holds the format marker and the type table. */
export const SNAPSHOT_KEY = '$scitex';
/** `$scitex.format` of a CONFIG.json written by this package. */
export const SNAPSHOT_FORMAT = 'scitex-config-snapshot';
/** `$scitex.version` written by this version of the package. */
export const SNAPSHOT_VERSION = 1;

/** The `$scitex` entry of CONFIG.json. */
export interface SnapshotMeta {
  format: typeof SNAPSHOT_FORMAT;
  version: number;
  /** JSON Pointer → type tag for every value JSON cannot hold as itself. */
  types: Record<string, SnapshotTag>;
  /** JSON Pointer of a "[Circular]" placeholder → JSON Pointer of its target. */
  refs?: Record<string, string>;
  /**
   * JSON Pointer → why the value there is not saved as it is: summarised (too large), an
   * "[Unreadable: …]" marker (reading it threw), nested too deep, or cut at the size limit.
   * Only present when something was; at most MAX_NOTES entries.
   */
  notes?: Record<string, string>;
  /** How many notes there were beyond those listed in `notes`. */
  notesOmitted?: number;
}

let yamlSchema: Schema | undefined;

/** js-yaml's default schema, with saveConfig's dates written as plain timestamps. */
function snapshotSchema(): Schema {
  if (yamlSchema) return yamlSchema;
  const yaml = jsYaml();
  // js-yaml exports its built-in types at runtime; @types/js-yaml does not declare them.
  const builtinTypes = (
    yaml as unknown as { types: { timestamp: { resolve(s: string): boolean } } }
  ).types;
  return (yamlSchema = yaml.DEFAULT_SCHEMA.extend({
    implicit: [
      new yaml.Type('tag:yaml.org,2002:timestamp', {
        kind: 'scalar',
        instanceOf: YamlTimestamp,
        represent: (t) => (t as YamlTimestamp).iso,
        // The real resolver, so that strings that merely look like dates still get quoted.
        resolve: (s: string) => builtinTypes.timestamp.resolve(s),
      }),
    ],
  }));
}

/** The objects of a snapshot tree written as plain YAML timestamps. */
export const isTimestamp = (v: object): v is YamlTimestamp => v instanceof YamlTimestamp;

/** The YAML js-yaml writes for a snapshot tree: the reference plainYaml.ts must match. */
export function dumpWithJsYaml(tree: unknown): string {
  return jsYaml().dump(tree, { schema: snapshotSchema(), indent: 2, lineWidth: -1, noRefs: true });
}

/**
 * The YAML text of the snapshot tree: written directly when it holds only what
 * plainYaml.ts handles (the same bytes js-yaml would write), else by js-yaml.
 */
export function dumpSnapshotYaml(tree: Record<string, unknown>): string {
  return dumpPlainYaml(tree, isTimestamp) ?? dumpWithJsYaml(tree);
}

const YAML_HEADER =
  '# CONFIG snapshot written by @scitex/config (for reading; CONFIG.json is the exact copy)\n';

/** The YAML and JSON text {@link saveConfig} would write, without touching the disk. */
export function serializeConfig(
  config: Record<string, unknown>,
  options: SaveConfigOptions = {},
): SerializedConfig {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new ConfigError(
      'CONFIG_WRITE_FAILED',
      `saveConfig(): config must be an object of key/value pairs, got ${Array.isArray(config) ? 'an array' : typeof config}`,
    );
  }
  if (hasOwnSafely(config, SNAPSHOT_KEY)) {
    throw new ConfigError(
      'CONFIG_RESERVED_KEY',
      `saveConfig(): the top-level key "${SNAPSHOT_KEY}" is reserved for the snapshot's type table; rename it`,
    );
  }
  const redact = options.redact ?? true;
  try {
    // One hash per large value, shared by the two walks.
    const hashes = new Map<unknown, string>();
    const forYaml = snapshotTree(config, 'yaml', redact, hashes);
    const forJson = snapshotTree(config, 'json', redact, hashes);
    const meta: SnapshotMeta = {
      format: SNAPSHOT_FORMAT,
      version: SNAPSHOT_VERSION,
      types: forJson.types,
    };
    if (Object.keys(forJson.refs).length > 0) meta.refs = forJson.refs;
    const listed = Object.keys(forJson.notes).length;
    if (listed > 0) meta.notes = forJson.notes;
    if (forJson.noteCount > listed) meta.notesOmitted = forJson.noteCount - listed;
    const jsonText = JSON.stringify({ ...forJson.value, [SNAPSHOT_KEY]: meta }, null, 2) + '\n';
    const yamlText =
      YAML_HEADER +
      notesComment(forYaml.notes, forYaml.noteCount) +
      dumpSnapshotYaml(forYaml.value);
    return { yamlText, jsonText, notes: forJson.notes };
  } catch (cause) {
    // A toJSON() that throws, a hostile Proxy, nesting deeper than the stack: the
    // previous snapshot on disk stays as it was.
    throw new ConfigError(
      'CONFIG_WRITE_FAILED',
      `saveConfig(): cannot serialise the config (${(cause as Error).message})`,
      { cause },
    );
  }
}

/**
 * Writes `dir/CONFIG.yaml` and `dir/CONFIG.json` (creating `dir`), each atomically: a crash
 * mid-save leaves the previous snapshot, never a torn file. The in-memory `config` is not
 * changed. Returns the absolute paths written.
 */
export function saveConfig(
  config: Record<string, unknown>,
  dir: string,
  options: SaveConfigOptions = {},
): SavedConfigPaths {
  checkPath('saveConfig', 'dir', dir);
  const { yamlText, jsonText, notes } = serializeConfig(config, options);
  const abs = resolve(process.cwd(), dir);
  const paths: SavedConfigPaths = {
    yaml: join(abs, 'CONFIG.yaml'),
    json: join(abs, 'CONFIG.json'),
    notes,
  };
  const fsync = options.fsync ?? true;
  try {
    mkdirSync(abs, { recursive: true });
  } catch (cause) {
    throw writeFailed(abs, cause);
  }
  for (const [file, text] of [
    [paths.json, jsonText],
    [paths.yaml, yamlText],
  ] as const) {
    try {
      writeFileAtomic(file, text, { fsync });
    } catch (cause) {
      throw writeFailed(file, cause);
    }
  }
  removeStaleTempFiles(abs, 'CONFIG.json');
  removeStaleTempFiles(abs, 'CONFIG.yaml');
  return paths;
}

/** The notes as YAML comment lines under the header ('' when there are none). */
function notesComment(notes: Record<string, string>, count: number): string {
  const ptrs = Object.keys(notes);
  if (ptrs.length === 0) return '';
  let text = '# Not saved as they are (CONFIG.json lists the same under $scitex.notes):\n';
  for (const p of ptrs) text += `#   ${oneLine(p)}: ${notes[p]!}\n`;
  if (count > ptrs.length) text += `#   … and ${count - ptrs.length} more\n`;
  return text;
}

/** hasOwnProperty that treats an object refusing the question (a revoked Proxy) as a write failure. */
function hasOwnSafely(config: object, key: string): boolean {
  try {
    return Object.prototype.hasOwnProperty.call(config, key);
  } catch (cause) {
    throw new ConfigError(
      'CONFIG_WRITE_FAILED',
      `saveConfig(): the config object itself cannot be read (${describeError(cause)})`,
      { cause },
    );
  }
}

function writeFailed(file: string, cause: unknown): ConfigError {
  return new ConfigError(
    'CONFIG_WRITE_FAILED',
    `${displayPath(file)}: cannot write the config snapshot (${(cause as Error).message}); ` +
      'check that the directory is writable and the disk is not full',
    { cause, file },
  );
}
