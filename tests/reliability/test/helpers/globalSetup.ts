// Fixtures import the built packages (dist/), in plain node: ~4× faster to start than tsx,
// which 200 concurrent sessions need, and it is what users run. turbo builds them first
// (`dependsOn: ["^build"]`); run alone, vitest rebuilds here whatever is out of date.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGES, repoRoot } from './paths.ts';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function stale(pkg: string): boolean {
  const dir = join(repoRoot, 'packages', pkg);
  const entry = join(dir, 'dist', 'index.js');
  if (!existsSync(entry)) return true;
  return newestMtime(join(dir, 'src')) > statSync(entry).mtimeMs;
}

export default function setup(): void {
  const outdated = PACKAGES.filter(stale);
  if (outdated.length === 0) return;
  console.log(`[reliability] building ${outdated.join(', ')} (dist/ older than src/)`);
  const r = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter', '@scitex/session...'], {
    cwd: repoRoot,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    throw new Error(`building the packages failed:\n${r.stdout}\n${r.stderr}`);
  }
}
