/**
 * A symbolic link in the config folder that leads nowhere — its target is missing, or it
 * points (through other links) back at itself — is an error naming it: skipping it would
 * silently drop that namespace, the very failure a config loader must not have.
 */
import { lstatSync, readlinkSync, statSync } from 'node:fs';
import { displayPath } from './displayPath.js';
import { ConfigError } from './errors.js';

/**
 * Throws CONFIG_BROKEN_LINK when `path` is a symbolic link that cannot be followed
 * (dangling or a loop); returns quietly otherwise (also when `path` does not exist).
 */
export function refuseBrokenLink(path: string, what: string): void {
  let isLink: boolean;
  try {
    isLink = lstatSync(path).isSymbolicLink();
  } catch {
    return; // not there at all: not a link problem
  }
  if (!isLink) return;
  try {
    statSync(path);
    return;
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ELOOP' && code !== 'ENOTDIR') throw cause;
    let target = '?';
    try {
      target = readlinkSync(path);
    } catch {
      // keep '?'
    }
    const why =
      code === 'ELOOP'
        ? `is a symbolic link loop (→ ${target})`
        : `is a symbolic link to ${target}, which does not exist`;
    throw new ConfigError(
      'CONFIG_BROKEN_LINK',
      `${displayPath(path)}: this ${what} ${why}; fix the link or remove it`,
      { cause, file: path },
    );
  }
}
