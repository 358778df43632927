/**
 * Log text with what always differs between two runs masked: session IDs, the sessions'
 * own paths, PIDs, ISO timestamps and durations (`00:00:01`, `12.3 ms`, `2s`). Two runs
 * that printed the same thing then have the same masked logs.
 */
import { basename, dirname } from 'node:path';

/** `[DEBUG_]2025Y-11M-18D-07h53m37s_Z5MR`. */
const ID = /(?:DEBUG_)?\d{4}Y-\d{2}M-\d{2}D-\d{2}h\d{2}m\d{2}s_[A-Za-z0-9]{4}/g;
/** `2025-11-18T07:53:37.123+09:00`, `2025-11-18 07:53:37`, with optional fraction and zone. */
const ISO = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g;
/** `00:00:01`, `100:30:15.5`, `3:07`. */
const CLOCK = /\b\d+:\d{2}(?::\d{2})?(?:\.\d+)?\b/g;
/** `12.3 ms`, `2s`, `1.5 minutes`: a number followed by a unit of time. */
const DURATION =
  /\b\d+(?:\.\d+)?(?:e[+-]?\d+)?\s?(?:ns|µs|μs|us|ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?)\b/g;
/** `PID: 1234`, `pid 1234`, `pid=1234`. */
const PID = /\b(pid)(\s*[:=]?\s*)\d+/gi;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `text` with the paths of `sessionDirs` masked — the session directory under any status
 * folder (`<root>/RUNNING/<name>` as printed at start, `<root>/FINISHED_…/<name>` at close)
 * becomes `<SDIR>`, the output root `<OUT_ROOT>` — and then IDs (`<ID>`), ISO timestamps
 * (`<TIME>`), durations (`<DURATION>`) and PIDs (`<PID>`).
 */
export function maskLog(text: string, sessionDirs: readonly string[] = []): string {
  let out = text;
  const dirs = [...new Set(sessionDirs)].sort((a, b) => b.length - a.length);
  for (const dir of dirs) {
    const name = basename(dir);
    const root = dirname(dirname(dir));
    if (name === '' || root.length <= 1) continue;
    out = out.replace(
      new RegExp(
        `${escape(root)}[/\\\\](?:RUNNING|FINISHED_SUCCESS|FINISHED_ERROR|FINISHED)[/\\\\]${escape(name)}`,
        'g',
      ),
      '<SDIR>',
    );
  }
  for (const dir of dirs) {
    const root = dirname(dirname(dir));
    if (root.length > 1) out = out.replace(new RegExp(escape(root), 'g'), '<OUT_ROOT>');
  }
  return out
    .replace(ID, '<ID>')
    .replace(ISO, '<TIME>')
    .replace(CLOCK, '<DURATION>')
    .replace(DURATION, '<DURATION>')
    .replace(PID, '$1$2<PID>');
}
