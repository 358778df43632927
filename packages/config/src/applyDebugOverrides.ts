/**
 * Debug substitution: in every mapping, at any depth and also inside lists, a key
 * `DEBUG_x` or `debug_x` replaces the value of `x`. The override wins whatever the key
 * order, because plain keys are copied first and overrides applied after.
 */
import { isPlainObject, setOwn } from './setOwn.js';

const PREFIX = /^(DEBUG|debug)_(.+)$/s;

/** The key a debug key overrides (`DEBUG_lr` → `lr`), or null for an ordinary key. */
export function debugTarget(key: string): string | null {
  const m = PREFIX.exec(key);
  return m ? m[2]! : null;
}

/**
 * Returns a copy of `value` with every `DEBUG_x` / `debug_x` override applied; the input is
 * not modified. The `DEBUG_x` keys themselves are kept (so a snapshot shows both values).
 * A mapping override replaces `x` whole (no deep merge). When both `DEBUG_x` and `debug_x`
 * are present, `DEBUG_x` wins. Values other than plain mappings and arrays (Dates, …) are
 * shared, not copied.
 */
export function applyDebugOverrides<T>(value: T): T {
  return apply(value, new Map()) as T;
}

function apply(value: unknown, seen: Map<object, unknown>): unknown {
  if (Array.isArray(value)) {
    const done = seen.get(value);
    if (done !== undefined) return done;
    const out: unknown[] = [];
    seen.set(value, out);
    for (const item of value) out.push(apply(item, seen));
    return out;
  }
  if (!isPlainObject(value)) return value;
  const done = seen.get(value);
  if (done !== undefined) return done;
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  const overrides: [string, string][] = [];
  for (const key of Object.keys(value)) {
    setOwn(out, key, apply(value[key], seen));
    const target = debugTarget(key);
    if (target !== null) overrides.push([key, target]);
  }
  // debug_x first, so that DEBUG_x (applied later) wins when both exist.
  overrides.sort((a, b) => Number(a[0].startsWith('DEBUG_')) - Number(b[0].startsWith('DEBUG_')));
  for (const [key, target] of overrides) setOwn(out, target, out[key]);
  return out;
}
