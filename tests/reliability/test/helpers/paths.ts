// Where things are: the repository, the fixtures, the session CLI.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo root. */
export const repoRoot: string = fileURLToPath(new URL('../../../../', import.meta.url));

/** Every package @scitex/session is built from, itself included. */
export const PACKAGES: readonly string[] = ['rng', 'sdir', 'config', 'tee-log', 'plt', 'session'];

/** Absolute path of a fixture script in test/fixtures/. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}

const require = createRequire(import.meta.url);

/** The built `scitex-session` bin. */
export const cliPath: string = join(
  dirname(require.resolve('@scitex/session/package.json')),
  'dist',
  'cli.js',
);
