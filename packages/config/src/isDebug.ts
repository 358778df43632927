/**
 * Debug mode: `IS_DEBUG: true` in `<dir>/IS_DEBUG.yaml`, or `SCITEX_DEBUG=1` in the
 * environment. Either one switches it on.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG_DIR, resolveConfigDir } from './configDir.js';
import { parseDebugFlag } from './debugFlag.js';
import { displayPath } from './displayPath.js';
import { ConfigError } from './errors.js';
import { parseYamlFile } from './parseYaml.js';
import { isPlainObject } from './setOwn.js';
import { describeValue } from './describeValue.js';

/** Options of {@link isDebug}. */
export interface IsDebugOptions {
  /** Config directory, relative to the current working directory. Default `'./config'`. */
  dir?: string;
  /** Environment to read `SCITEX_DEBUG` from. Default `process.env`. */
  env?: NodeJS.ProcessEnv | Record<string, string | undefined>;
}

const HINT = 'use true or false (also yes/no, on/off, 1/0)';

/**
 * True when `<dir>/IS_DEBUG.yaml` (or `.yml`) sets `IS_DEBUG` to a true value, or the
 * environment has `SCITEX_DEBUG` set to one. Throws `CONFIG_BAD_DEBUG_FLAG` for a value
 * that is neither clearly true nor clearly false (e.g. `"maybe"`).
 */
export function isDebug(options: IsDebugOptions = {}): boolean {
  const env = options.env ?? process.env;
  const raw = env['SCITEX_DEBUG'];
  const fromEnv = parseDebugFlag(raw);
  if (fromEnv === undefined) {
    throw new ConfigError(
      'CONFIG_BAD_DEBUG_FLAG',
      `environment variable SCITEX_DEBUG=${JSON.stringify(raw)} is not a yes/no value; ${HINT}`,
    );
  }
  return debugFromDir(options.dir ?? DEFAULT_CONFIG_DIR) || fromEnv;
}

function debugFromDir(dir: string): boolean {
  const abs = resolveConfigDir(dir);
  if (abs === null) return false;
  for (const name of ['IS_DEBUG.yaml', 'IS_DEBUG.yml']) {
    const file = join(abs, name);
    if (existsSync(file)) return debugFromFile(file);
  }
  return false;
}

function debugFromFile(file: string): boolean {
  const doc = parseYamlFile(file);
  if (doc === null || doc === undefined) return false;
  if (!isPlainObject(doc)) {
    throw new ConfigError(
      'CONFIG_NOT_A_MAPPING',
      `${displayPath(file)}: expected a mapping like "IS_DEBUG: true", found ${describeValue(doc)}`,
      { file },
    );
  }
  const value = doc['IS_DEBUG'];
  const flag = parseDebugFlag(value);
  if (flag === undefined) {
    throw new ConfigError(
      'CONFIG_BAD_DEBUG_FLAG',
      `${displayPath(file)}: IS_DEBUG is ${JSON.stringify(value)}, not a yes/no value; ${HINT}`,
      { file },
    );
  }
  return flag;
}
