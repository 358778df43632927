/**
 * The figures a run saved: every `.png` and `.svg` in its session directory (outside
 * `logs/` and `CONFIGS/`), found with bounded effort — a run that saved a hundred
 * thousand files must not stall the report.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One figure file of a run. */
export interface FigureFile {
  /** Path relative to the session directory, with `/`. */
  rel: string;
  abs: string;
  bytes: number;
  kind: 'png' | 'svg';
}

const SKIP_TOP = new Set(['logs', 'CONFIGS']);
const MAX_DEPTH = 4;
const MAX_ENTRIES = 5000;

/** The figures under `dir`, sorted by path. */
export function findFigures(dir: string): FigureFile[] {
  const out: FigureFile[] = [];
  let seen = 0;
  const walk = (abs: string, rel: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (++seen > MAX_ENTRIES) return;
      const r = rel ? `${rel}/${e.name}` : e.name;
      const a = join(abs, e.name);
      if (e.isDirectory()) {
        if (depth < MAX_DEPTH && !(depth === 0 && SKIP_TOP.has(e.name))) walk(a, r, depth + 1);
        continue;
      }
      const m = /\.(png|svg)$/i.exec(e.name);
      if (!m || !e.isFile()) continue;
      try {
        out.push({
          rel: r,
          abs: a,
          bytes: statSync(a).size,
          kind: m[1]!.toLowerCase() as 'png' | 'svg',
        });
      } catch {
        // removed while we looked
      }
    }
  };
  walk(dir, '', 0);
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}
