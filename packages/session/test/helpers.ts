// Reading what a session left on disk.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FOLDERS = ['RUNNING', 'FINISHED_SUCCESS', 'FINISHED_ERROR', 'FINISHED'] as const;

/** Every session directory under an output root, by status folder. */
export function layout(out: string): Record<(typeof FOLDERS)[number], string[]> {
  const r = {} as Record<(typeof FOLDERS)[number], string[]>;
  for (const f of FOLDERS) r[f] = existsSync(join(out, f)) ? readdirSync(join(out, f)).sort() : [];
  return r;
}

/** The one session in an output root: its folder, directory, logs and snapshot. */
export function onlySession(out: string): {
  folder: string;
  dir: string;
  stdout: string;
  stderr: string;
  config: Record<string, unknown>;
  yaml: string;
} {
  const l = layout(out);
  const all = FOLDERS.flatMap((f) => l[f].map((n) => [f, n] as const));
  if (all.length !== 1)
    throw new Error(`expected one session in ${out}, found ${JSON.stringify(l)}`);
  const [folder, name] = all[0]!;
  const dir = join(out, folder, name);
  const read = (p: string): string =>
    existsSync(join(dir, p)) ? readFileSync(join(dir, p), 'utf8') : '';
  return {
    folder,
    dir,
    stdout: read('logs/stdout.log'),
    stderr: read('logs/stderr.log'),
    config: JSON.parse(read('CONFIGS/CONFIG.json') || '{}') as Record<string, unknown>,
    yaml: read('CONFIGS/CONFIG.yaml'),
  };
}
