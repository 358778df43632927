/**
 * ISO-8601 timestamps in local time with the offset spelled out
 * (`2025-11-18T07:53:37.123+09:00`), so a snapshot shows the wall-clock time the
 * researcher saw and still names one exact instant. UTC is written `+00:00`.
 */

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/** `date` as `YYYY-MM-DDTHH:mm:ss.sss±HH:MM` in the process's time zone; null for an invalid Date. */
export function formatLocalIso(date: Date): string | null {
  const t = date.getTime();
  if (Number.isNaN(t)) return null;
  const offsetMin = -date.getTimezoneOffset();
  const y = date.getFullYear();
  // Years outside 0000–9999 need the expanded ±YYYYYY form that Date.parse accepts.
  const year = y >= 0 && y <= 9999 ? pad(y, 4) : `${y < 0 ? '-' : '+'}${pad(y, 6)}`;
  const sign = offsetMin < 0 ? '-' : '+';
  return (
    `${year}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `.${pad(date.getMilliseconds(), 3)}` +
    `${sign}${pad(Math.trunc(Math.abs(offsetMin) / 60))}:${pad(Math.abs(offsetMin) % 60)}`
  );
}
