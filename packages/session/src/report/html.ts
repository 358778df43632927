/**
 * HTML escaping, in one place: every string that came from disk (config values, log
 * lines, metric and file names) goes through `esc` before it reaches the page.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe in HTML content and in double- or single-quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * An SVG document as a `data:` URI for an `<img>` (where its scripts can never run).
 * Only `%`, `#` and control characters are percent-encoded: the rest stays readable text,
 * which compresses about three times better than `encodeURIComponent`'s output. Put it in
 * an attribute through `esc`.
 */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${svg.replace(
    /[%#\x00-\x1f\x7f]/g,
    (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`,
  )}`;
}

/** Cuts `text` to at most `max` characters, saying how much was left out. */
export function clip(text: string, max: number): string {
  return text.length <= max
    ? text
    : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}
