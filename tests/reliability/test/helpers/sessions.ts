// Reading what sessions left on disk.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const FOLDERS = ['RUNNING', 'FINISHED_SUCCESS', 'FINISHED_ERROR', 'FINISHED'] as const;
export type Folder = (typeof FOLDERS)[number];

/** Session directory names under an output root, by status folder. */
export function layout(out: string): Record<Folder, string[]> {
  const r = {} as Record<Folder, string[]>;
  for (const f of FOLDERS) {
    const dir = join(out, f);
    r[f] = existsSync(dir) && statSync(dir).isDirectory() ? readdirSync(dir).sort() : [];
  }
  return r;
}

export interface SessionOnDisk {
  folder: Folder;
  name: string;
  dir: string;
  stdout: string | null;
  stderr: string | null;
  config: Record<string, unknown>;
  yaml: string;
}

/** One session directory: its logs (null when missing) and snapshot. */
export function readSession(out: string, folder: Folder, name: string): SessionOnDisk {
  const dir = join(out, folder, name);
  const read = (p: string): string | null =>
    existsSync(join(dir, p)) ? readFileSync(join(dir, p), 'utf8') : null;
  return {
    folder,
    name,
    dir,
    stdout: read('logs/stdout.log'),
    stderr: read('logs/stderr.log'),
    config: JSON.parse(read('CONFIGS/CONFIG.json') ?? '{}') as Record<string, unknown>,
    yaml: read('CONFIGS/CONFIG.yaml') ?? '',
  };
}

/** The one session of an output root; throws if there is not exactly one. */
export function onlySession(out: string): SessionOnDisk {
  const l = layout(out);
  const all = FOLDERS.flatMap((f) => l[f].map((n) => [f, n] as const));
  if (all.length !== 1)
    throw new Error(`expected one session in ${out}, found ${JSON.stringify(l)}`);
  return readSession(out, all[0]![0], all[0]![1]);
}

/** Every file and directory below `dir`, relative, sorted (to prove nothing else was touched). */
export function tree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string, rel: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      out.push(e.isDirectory() ? `${r}/` : r);
      if (e.isDirectory() && !e.isSymbolicLink()) walk(join(d, e.name), r);
    }
  };
  walk(dir, '');
  return out.sort();
}
