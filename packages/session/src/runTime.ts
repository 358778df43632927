import { SessionError } from './errors.js';

/** `HH:MM:SS` with hours not wrapped at 24 (`100:30:15`), from milliseconds. */
export function formatRunTime(ms: number): string {
  if (typeof ms !== 'number' || Number.isNaN(ms) || ms === Infinity) {
    throw new SessionError(
      'SESSION_INVALID_OPTION',
      `formatRunTime(): expected milliseconds, got ${String(ms)}`,
    );
  }
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}`;
}
