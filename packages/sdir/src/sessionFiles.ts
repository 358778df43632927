/**
 * Reading what a session directory says about itself — its CONFIG snapshot (written
 * by @scitex/config) and its last activity — defensively: a missing, half-written or
 * corrupt file becomes a note, never an exception.
 */
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { errnoCode } from './errors.js';

/** The CONFIG.json of a session, relative to its directory. */
export const CONFIG_JSON: string = join('CONFIGS', 'CONFIG.json');

// A snapshot larger than this is not a CONFIG anyone wrote by hand; do not slurp it.
const MAX_CONFIG_BYTES = 16 * 1024 * 1024;

/** Times and exit status found in `CONFIGS/CONFIG.json`, with notes on what was wrong. */
export interface ConfigFacts {
  startTime?: Date;
  endTime?: Date;
  exitStatus?: number | null;
  notes: string[];
}

function dateOf(v: unknown, key: string, notes: string[]): Date | undefined {
  if (v === undefined || v === null) return undefined;
  const d = typeof v === 'string' ? new Date(v) : undefined;
  if (d && !Number.isNaN(d.getTime())) return d;
  notes.push(`${CONFIG_JSON}: ${key} is not an ISO date (${JSON.stringify(v)?.slice(0, 40)})`);
  return undefined;
}

/** Reads START_TIME, END_TIME and EXIT_STATUS from a session's CONFIG.json, if any. */
export function readConfigFacts(dir: string): ConfigFacts {
  const notes: string[] = [];
  const path = join(dir, CONFIG_JSON);
  let text: string;
  try {
    if (statSync(path).size > MAX_CONFIG_BYTES) {
      return { notes: [`${CONFIG_JSON}: larger than 16 MiB, not read`] };
    }
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (errnoCode(err) === 'ENOENT' || errnoCode(err) === 'ENOTDIR') return { notes };
    return { notes: [`${CONFIG_JSON}: unreadable (${(err as Error).message})`] };
  }
  let cfg: unknown;
  try {
    cfg = JSON.parse(text);
  } catch (err) {
    return { notes: [`${CONFIG_JSON}: corrupt JSON (${(err as Error).message})`] };
  }
  if (typeof cfg !== 'object' || cfg === null || Array.isArray(cfg)) {
    return { notes: [`${CONFIG_JSON}: not a JSON object`] };
  }
  const c = cfg as Record<string, unknown>;
  const out: ConfigFacts = { notes };
  const start = dateOf(c['START_TIME'], 'START_TIME', notes);
  const end = dateOf(c['END_TIME'], 'END_TIME', notes);
  if (start) out.startTime = start;
  if (end) out.endTime = end;
  const exit = c['EXIT_STATUS'];
  if (exit === null || (typeof exit === 'number' && Number.isInteger(exit))) out.exitStatus = exit;
  else if (exit !== undefined) {
    notes.push(`${CONFIG_JSON}: EXIT_STATUS is not an integer or null (${JSON.stringify(exit)})`);
  }
  return out;
}

function mtimeOf(path: string): number {
  try {
    return lstatSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Last sign of activity in a session directory: the newest modification time of the
 * directory, its top-level entries and the files in `logs/` (which grow while it runs).
 */
export function lastActivityMs(dir: string): number {
  let newest = mtimeOf(dir);
  for (const sub of ['', 'logs']) {
    let names: string[];
    try {
      names = readdirSync(join(dir, sub));
    } catch {
      continue;
    }
    for (const n of names) newest = Math.max(newest, mtimeOf(join(dir, sub, n)));
  }
  return newest;
}
