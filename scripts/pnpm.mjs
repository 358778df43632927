// Runs the pinned pnpm: the one on PATH if it is the right version, otherwise through
// npx (which also puts it on PATH for turbo's child tasks). Only Node and npm are needed.
import { spawnSync } from 'node:child_process';

export const PNPM_VERSION = '10.34.9';
export const root = new URL('..', import.meta.url).pathname;

function havePnpm() {
  const r = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === PNPM_VERSION;
}

let cmd;
/** Runs `pnpm ...args` in the repository root with inherited stdio; returns the exit status. */
export function pnpm(args, { echo = true } = {}) {
  cmd ??= havePnpm() ? ['pnpm', []] : ['npx', ['-y', `pnpm@${PNPM_VERSION}`]];
  if (echo) console.log(`\n$ pnpm ${args.join(' ')}`);
  const r = spawnSync(cmd[0], [...cmd[1], ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { TURBO_TELEMETRY_DISABLED: '1', ...process.env },
  });
  if (r.error) {
    console.error(r.error.message);
    return 127;
  }
  return r.status ?? 1;
}
