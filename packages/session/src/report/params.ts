/**
 * The parameters of a run, as flat `key → text` pairs taken from its CONFIG, and the
 * ones that differ between runs (the columns of the report's table).
 */
import { BOOKKEEPING_KEYS } from '@scitex/provenance';

/** CONFIG keys that are not parameters: the list compare uses (@scitex/provenance). */
const NOT_PARAMETERS: ReadonlySet<string> = new Set(BOOKKEEPING_KEYS);

const MAX_DEPTH = 4;
const MAX_KEYS = 500;
const MAX_VALUE_CHARS = 80;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return s.length > MAX_VALUE_CHARS ? `${s.slice(0, MAX_VALUE_CHARS)}…` : s;
}

/** `{ ARGS: { lr: 0.1 }, MODEL: { depth: 3 } }` → `ARGS.lr → '0.1'`, `MODEL.depth → '3'`. */
export function flattenParams(config: Record<string, unknown>): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (v: unknown, key: string, depth: number): void => {
    if (out.size >= MAX_KEYS) return;
    if (isPlainObject(v) && depth < MAX_DEPTH && Object.keys(v).length > 0) {
      for (const [k, x] of Object.entries(v)) walk(x, `${key}.${k}`, depth + 1);
    } else out.set(key, show(v));
  };
  for (const [k, v] of Object.entries(config)) if (!NOT_PARAMETERS.has(k)) walk(v, k, 1);
  return out;
}

/** Keys whose value is not the same in every run (missing counts as a value), first seen first. */
export function differingKeys(params: readonly Map<string, string>[], max: number): string[] {
  const keys = new Set<string>();
  for (const p of params) for (const k of p.keys()) keys.add(k);
  const out: string[] = [];
  for (const k of keys) {
    const first = params[0]?.get(k);
    if (params.some((p) => p.get(k) !== first)) out.push(k);
    if (out.length >= max) break;
  }
  return out;
}
