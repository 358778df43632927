/**
 * Resolving and checking the config directory. A missing directory means "no config";
 * a path that exists but is not a directory is a mistake worth stopping for.
 */
import { statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { displayPath } from './displayPath.js';
import { refuseBrokenLink } from './brokenLink.js';
import { ConfigError } from './errors.js';

/** The default config directory, relative to the current working directory. */
export const DEFAULT_CONFIG_DIR = './config';

/** Absolute config directory, or null when it does not exist. Throws when it is not a directory. */
export function resolveConfigDir(dir: string = DEFAULT_CONFIG_DIR): string | null {
  const abs = resolve(process.cwd(), dir);
  let st: Stats;
  try {
    st = statSync(abs);
  } catch (cause) {
    // A link whose target is gone is not "no config": that would drop every namespace.
    refuseBrokenLink(abs, 'config directory');
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ConfigError(
      'CONFIG_READ_FAILED',
      `${displayPath(abs)}: cannot read the config directory (${(cause as Error).message})`,
      { cause, file: abs },
    );
  }
  if (!st.isDirectory()) {
    throw new ConfigError(
      'CONFIG_DIR_NOT_A_DIRECTORY',
      `${displayPath(abs)}: the config directory is not a directory; ` +
        'point configDir at the folder that holds your *.yaml files',
      { file: abs },
    );
  }
  return abs;
}
