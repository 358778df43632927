// Temporary git repositories for the tests: `git init`, an identity given per command.
import { execFileSync } from 'node:child_process';

const IDENTITY = ['-c', 'user.email=test@example.com', '-c', 'user.name=Test'];

/** Runs git in `dir` and returns its stdout, trimmed. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', [...IDENTITY, '-C', dir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  }).trim();
}

/** `git init` on branch main, add everything, commit; returns the commit. */
export function initRepo(dir: string): string {
  git(dir, '-c', 'init.defaultBranch=main', 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'initial');
  return git(dir, 'rev-parse', 'HEAD');
}
