/**
 * Turns whatever the user passed as `color`/`alpha` into a CSS colour and an opacity.
 * Palette colours (entries, names, `C<n>` cycle references, the default cycle) carry the
 * configured alpha, like the original's RGBA tuples; other CSS colours are opaque unless
 * `alpha` is given.
 */
import { COLOR_CYCLE, paletteHex, type ColorLike, type ResolvedColor } from './colors.js';
import { PltError } from '../errors.js';
import { checkAlpha } from '../options.js';

const CSS_FORM = /^(#[0-9a-f]{3,4}|#[0-9a-f]{6}|#[0-9a-f]{8}|(rgba?|hsla?)\([^()]*\)|[a-z]+)$/i;

function channel(v: number): number {
  return Math.round(Math.min(1, Math.max(0, v)) * 255);
}

/** The cycle colour `index` (wrapping) as hex. */
export function cycleHex(index: number): string {
  const name = COLOR_CYCLE[index % COLOR_CYCLE.length]!;
  return paletteHex(name)!;
}

/**
 * Resolves `color` (or the cycle colour `cycleIndex` when it is undefined) and `alpha`
 * (undefined: the palette alpha for palette colours, 1 otherwise).
 */
export function resolveColor(
  color: ColorLike | undefined,
  alpha: number | undefined,
  paletteAlpha: number,
  cycleIndex: number,
  where: string,
): ResolvedColor {
  const op = alpha === undefined ? undefined : checkAlpha(alpha, `${where}: alpha`);
  if (color === undefined || color === null) {
    return { css: cycleHex(cycleIndex), opacity: op ?? paletteAlpha };
  }
  if (Array.isArray(color)) {
    const c = color as readonly number[];
    if (
      (c.length === 3 || c.length === 4) &&
      c.every((v) => typeof v === 'number' && v >= 0 && v <= 1)
    ) {
      const css = `#${c
        .slice(0, 3)
        .map((v) => channel(v).toString(16).padStart(2, '0'))
        .join('')}`.toUpperCase();
      return { css, opacity: op ?? (c.length === 4 ? c[3]! : 1) };
    }
    throw new PltError(
      'PLT_INVALID_OPTION',
      `${where}: color arrays must be [r, g, b] or [r, g, b, a] with values in 0–1; got [${c.join(', ')}]`,
    );
  }
  if (typeof color === 'object' && typeof (color as { hex?: unknown }).hex === 'string') {
    return { css: (color as { hex: string }).hex, opacity: op ?? paletteAlpha };
  }
  if (typeof color === 'string') {
    const cyc = /^C(\d+)$/.exec(color);
    if (cyc) return { css: cycleHex(Number(cyc[1])), opacity: op ?? paletteAlpha };
    const pal = paletteHex(color);
    if (pal) return { css: pal, opacity: op ?? paletteAlpha };
    if (CSS_FORM.test(color.trim())) return { css: color.trim(), opacity: op ?? 1 };
  }
  throw new PltError(
    'PLT_INVALID_OPTION',
    `${where}: color ${JSON.stringify(color)} is not a colour; use a CC entry, a palette name, 'C0'…'C10', a CSS colour or [r, g, b] in 0–1`,
  );
}
